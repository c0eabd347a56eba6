import Plot
import QuorumCore
import QuorumStore

extension VoteListPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.myVotes, chrome: chrome) { lang in
            Paragraph(S.hello(owner)(lang)).class("meta")
            Link(S.Books.link(lang), url: SiteURL.books()).class("button secondary").id("to-books")
            if items.isEmpty { Paragraph(S.noVotes(lang)) }
            for (index, item) in items.enumerated() {
                // Flats in several estates: each estate's votes under its name.
                if !item.estate.isEmpty && (index == 0 || items[index - 1].estate != item.estate) { H2(item.estate).class("estate") }
                Div {
                    H2(item.vote.title)
                    let notYetOpen = item.vote.window(at: now) == .notOpenYet
                    // Announced, not open yet: when it opens, and its notice to read meanwhile (issue 13).
                    let opens = notYetOpen ? "\(lang.dot)\(S.opens(lang))\(lang.colon)\(LocalTime.format(item.vote.opensAt))" : ""
                    Paragraph("\(status(item.vote, lang))\(opens)\(lang.dot)\(S.deadline(lang))\(lang.colon)\(LocalTime.format(item.vote.closesAt))")
                        .class(
                            "meta")
                    ProgressView(progress: item.progress, lang: lang, source: .vote(item.vote.id, .progress))
                    for voter in item.voters {
                        Paragraph("\(S.rooms(lang))\(lang.colon)\(lang.rooms(voter.rooms))").class("meta")
                        if let at = voter.votedAt {
                            Paragraph("✓ " + S.ballotReceived(voter, at: at)(lang)).class("ok").id("received-\(voter.person)")
                            Paragraph(S.notYou(lang)).class("note")
                            if item.vote.finalAt == nil {
                                Link(S.Dispute.link(lang), url: SiteURL.vote(item.vote.id, .dispute(person: String(voter.person))))
                                    .id("dispute-\(voter.person)")
                            }
                        } else if item.receipts[voter.person] != nil {
                            Paragraph("✓ \(S.voted(lang))").class("ok")
                        }
                        if let code = item.receipts[voter.person] { Link(S.viewReceipt(lang), url: SiteURL.receipt(code)).class("button secondary") }
                    }
                    if let tally = item.tally { outcome(item.vote, tally, lang) }
                    if item.vote.tallyJSON != nil && item.vote.preliminaryAt == nil { Paragraph(S.countedNotPublished(lang)).class("meta") }
                    if item.vote.preliminaryAt != nil {
                        Link(S.viewResult(lang), url: SiteURL.vote(item.vote.id, .result)).class("button").id("result-\(item.vote.id)")
                    }
                    if notYetOpen {
                        Link(S.readNotice(lang), url: SiteURL.vote(item.vote.id)).class("button secondary").id("notice-\(item.vote.id)")
                    }
                    if item.voters.contains(where: { $0.votedAt == nil || item.vote.ballotChange }) && item.vote.isOpen(at: now) {
                        Link(S.readAndVote(lang), url: SiteURL.vote(item.vote.id)).class("button").id("open-\(item.vote.id)")
                    }
                }.class("card")
            }
            Link(
                overdueFacilities > 0
                    ? "\(S.Facilities.ownerLink(lang))\(lang.parenthesised(S.Facilities.overdueCount(overdueFacilities)(lang)))"
                    : S.Facilities.ownerLink(lang),
                url: SiteURL.ownerFacilities
            ).class(overdueFacilities > 0 ? "button overdue" : "button secondary").id("facilities")
        }
    }

    /// A published vote's outcome: how many matters passed, and each matter's verdict.
    func outcome(_ vote: StoredVote, _ tally: TallyResult, _ lang: Lang) -> Component {
        let verdicts = tally.matters.map(tally.verdict)
        let passed = verdicts.filter { if case .failed = $0 { false } else { true } }.count
        return Div {
            if verdicts.count > 1 { Paragraph(S.ResultNotice.passedCount(passed, of: verdicts.count)(lang)).class("small") }
            List(Array(zip(vote.definition.matters, verdicts))) { pair in
                ListItem("\(S.ResultNotice.outcome(pair.1)(lang))\(lang.dot)\(pair.0.title)")
            }.class("plain outcome")
        }.id("outcome-\(vote.id)")
    }

    func status(_ vote: StoredVote, _ lang: Lang) -> String {
        switch vote.window(at: now) {
        case .notOpenYet: S.notYetOpen(lang)
        case .open: S.open(lang)
        case .closed: S.closed(lang)
        }
    }
}

extension NoticePage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.notice, chrome: chrome) { lang in
            H2(vote.title)
            Paragraph(VotePages.window(vote, lang)).class("meta")
            H2(S.matters(lang))
            VotePages.matters(vote, lang)
            if !documents.isEmpty {
                H2(S.documents(lang))
                List(documents) {
                    Link("\($0.name)\(lang.parenthesised("\($0.size / 1024) KB"))", url: SiteURL.vote(vote.id, .document(String($0.number))))
                }
            }
            if vote.preliminaryAt != nil { Link(S.viewResult(lang), url: SiteURL.vote(vote.id, .result)).class("button").id("view-result") }
            if !named.isEmpty { NamedStaffBlock(named: named, lang: lang) }
            H2(S.howDecided(lang))
            List([
                S.howParticipation(lang), S.howOrdinary(lang), S.howSpecial(lang), S.howElection(lang),
                (vote.ballotChange ? S.howOnceChangeable : S.howOnce)(lang),
            ]) { ListItem($0) }
            ProgressView(progress: progress, lang: lang, source: .vote(vote.id, .progress))
            if vote.isOpen(at: now) {
                for voter in voters where voter.votedAt == nil || vote.ballotChange {
                    Paragraph("\(S.rooms(lang))\(lang.colon)\(lang.rooms(voter.rooms))").class("meta")
                    Link(S.toBallot(lang), url: SiteURL.vote(vote.id, .ballot(person: String(voter.person)))).class("button").id(
                        "to-ballot-\(voter.person)")
                }
            }
            if let head { HeadBlock(head: head, moment: S.Head.atNotice, lang: lang) }
            Link(S.back(lang), url: SiteURL.votes).class("button secondary")
        }
    }
}

extension BallotPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.ballot, chrome: chrome.keeping(SiteURL.vote(vote.id, .confirm), main: S.next)) { lang in
            Paragraph("\(vote.title)\(lang.dot)\(S.rooms(lang))\(lang.colon)\(lang.rooms(voter.rooms))").class("meta")
            if !problems.isEmpty {
                Div { for problem in problems { Paragraph(S.say(problem)(lang)) } }.class("alert").attribute(named: "role", value: "alert")
            }
            Form(keeping: SiteURL.vote(vote.id, .confirm), csrf: csrf) {
                Input(type: .hidden, name: "person", value: String(voter.person))
                for (position, matter) in vote.definition.matters.enumerated() {
                    fields(matter, number: position + 1, chosen: chosen.marks[matter.id], lang: lang)
                }
                SubmitButton(S.next(lang)).id("to-confirm")
            }
        }
    }

    func fields(_ matter: Matter, number: Int, chosen: BallotChoices.Mark?, lang: Lang) -> Component {
        let legend = Legend("\(number). \(matter.title)")
        switch matter.kind {
        case .resolution:
            return FieldSet {
                legend
                VotePages.tagSpan(matter, lang)
                for (option, text) in [(Choice.agree, S.agree(lang)), (.oppose, S.oppose(lang)), (.abstain, S.abstain(lang))] {
                    VotePages.choice(
                        text, .radio, "m.\(matter.id)", option.rawValue, id: "m-\(matter.id)-\(option.rawValue)", checked: chosen == .option(option))
                }
            }
        case .election(let seats, let candidates):
            var picked: [String] = []
            if case .candidates(let ids) = chosen { picked = ids }
            let template = lang == .zh ? "已选 {n} / \(seats) 人" : "{n} of \(seats) chosen"
            return FieldSet {
                legend
                Span(VotePages.tag(matter, lang)).class("tag")
                // Why a choice past the seats is undone, said where the count is (issue 13, item 20).
                Paragraph(S.chosenOf(seats)(lang)).class("counter").attr("data-template", template)
                    .attr("data-full", lang.dot + S.say(.tooManyCandidates(matter: matter.title, seats: seats))(lang)).attribute(
                        named: "aria-live", value: "polite")
                for candidate in candidates {
                    VotePages.choice(
                        candidate.name, .checkbox, "c.\(matter.id)", candidate.id, id: "c-\(matter.id)-\(candidate.id)",
                        checked: picked.contains(candidate.id))
                }
            }.attr("data-seats", String(seats))
        }
    }
}

extension ConfirmPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.confirmTitle, chrome: chrome.keeping(SiteURL.vote(vote.id, .cast), main: S.submit)) { lang in
            Paragraph(S.confirmIntro(lang))
            Layout.flash(error)
            VotePages.summary(vote, choices: choices, lang: lang)
            Form(keeping: SiteURL.vote(vote.id, .cast), csrf: csrf) {
                Input(type: .hidden, name: "person", value: String(voter.person))
                Input(type: .hidden, name: "choices", value: choices.canonicalJSON)
                Input(type: .hidden, name: "signature_drawn", value: "").id("signature-drawn")
                Paragraph(S.signHere(lang)).class("meta")
                Node<HTML.BodyContext>.element(
                    named: "canvas",
                    nodes: [.attr("class", "signature"), .attribute(named: "hidden", value: "hidden"), .attr("aria-label", S.signHere(lang))])
                Button(S.clear(lang)).attribute(named: "type", value: "button").id("signature-clear").class("secondary")
                    .attribute(named: "hidden", value: "hidden")
                Label(S.typedName(lang)) {
                    Input(type: .text, name: "signature_typed", value: typed.isEmpty ? nil : typed).id("signature-typed").attribute(
                        named: "autocomplete", value: "name")
                }
                SubmitButton(S.submit(lang)).id("submit-ballot")
            }
            Link(S.change(lang), url: SiteURL.vote(vote.id, .ballot(person: String(voter.person)))).class("button secondary")
        }
    }
}

extension ReceiptPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.receipt, chrome: chrome) { lang in
            Paragraph(S.receiptIntro(lang)).class("ok").attribute(named: "role", value: "status")
            if receipt.setAside { Paragraph(S.receiptSetAside(lang)).class("alert").attribute(named: "role", value: "alert").id("set-aside") }
            Node<HTML.BodyContext>.dl(
                .dt(.plain(S.receiptCode(lang))), .dd(.attr("class", "code"), .attr("id", "receipt-code"), .plain(receipt.code)),
                .dt(.plain(S.receivedAt(lang))), .dd(.attr("id", "received-at"), .plain(LocalTime.format(receipt.receivedAt))),
                .dt(.plain(S.rooms(lang))), .dd(.plain(lang.rooms(receipt.rooms))))
            H2(S.yourChoices(lang))
            VotePages.summary(vote, choices: receipt.choices, lang: lang)
            if let log = receipt.log {
                Paragraph(S.verifyIntro(lang)).class("note")
                Link(S.verifyBallot(lang), url: SiteURL.verify(receipt: log.code)).class("button").id("verify-ballot")
            }
            Link(S.backToVotes(lang), url: SiteURL.votes).class("button secondary")
        }
    }
}
