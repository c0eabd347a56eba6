import Hummingbird
import Plot
import QuorumCore
import QuorumStore

/// One vote as the list shows it to an owner.
struct VoteListItem {
    var vote: StoredVote
    var progress: VoteProgress
    var voters: [VoterView]
    var receipts: [Int: String]
}

/// The owner's five screens: (1) the votes, (2) the notice, (3) the ballot, (4) confirm and
/// sign, (5) the receipt.
enum VotePages {
    static func status(_ vote: StoredVote, now: Timestamp, _ lang: Lang) -> String {
        switch vote.calendar.window(at: now) {
        case .notOpenYet: S.notYetOpen(lang)
        case .open: S.open(lang)
        case .closed: S.closed(lang)
        }
    }

    // (1)
    static func list(_ items: [VoteListItem], owner: String, now: Timestamp, chrome: PageChrome) -> Page {
        let lang = chrome.lang
        return Layout.page(S.myVotes, chrome: chrome, path: .votes) {
            Paragraph(S.hello(owner)(lang)).class("meta")
            if items.isEmpty { Paragraph(S.noVotes(lang)) }
            for item in items {
                Div {
                    H2(item.vote.title)
                    Paragraph("\(status(item.vote, now: now, lang)) · \(S.deadline(lang))：\(LocalTime.format(item.vote.closesAt))").class("meta")
                    ProgressView(progress: item.progress, lang: lang, source: .vote(item.vote.id, .progress))
                    for voter in item.voters {
                        Paragraph("\(S.rooms(lang))：\(voter.rooms)").class("meta")
                        if let code = item.receipts[voter.person] {
                            Paragraph("✓ \(S.voted(lang))").class("ok")
                            Link(S.viewReceipt(lang), url: SiteURL.receipt(code)).class("button secondary")
                        } else if voter.votedAt != nil {
                            Paragraph("✓ \(S.voted(lang))").class("ok")
                        }
                    }
                    if item.vote.preliminaryAt != nil {
                        Link(S.viewResult(lang), url: SiteURL.vote(item.vote.id, .result)).class("button").id("result-\(item.vote.id)")
                    }
                    if item.voters.contains(where: { $0.votedAt == nil || item.vote.ballotChange }) && item.vote.calendar.isOpen(at: now) {
                        Link(S.readAndVote(lang), url: SiteURL.vote(item.vote.id)).class("button").id("open-\(item.vote.id)")
                    }
                }
                .class("card")
            }
        }
    }

    // (2)
    static func notice(
        _ vote: StoredVote, progress: VoteProgress, voters: [VoterView], documents: [AttachedDocument] = [], now: Timestamp,
        chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        return Layout.page(S.notice, chrome: chrome, path: .vote(vote.id)) {
            H2(vote.title)
            Paragraph("\(S.opens(lang))：\(LocalTime.format(vote.opensAt)) · \(S.deadline(lang))：\(LocalTime.format(vote.closesAt))").class("meta")
            H2(S.matters(lang))
            List(vote.definition.matters) { matter in
                Div {
                    Paragraph(matter.title)
                    Span(tag(matter, lang)).class(matter.threshold == .special ? "tag special" : "tag")
                    if case .election(_, let candidates) = matter.kind {
                        Paragraph(candidates.map(\.name).joined(separator: "、")).class("meta")
                    }
                }
            }
            .listStyle(.ordered)
            if !documents.isEmpty {
                H2(S.documents(lang))
                List(documents) { document in
                    Link("\(document.name)（\(document.size / 1024) KB）", url: SiteURL.vote(vote.id, .document(String(document.number))))
                }
            }
            if vote.preliminaryAt != nil {
                Link(S.viewResult(lang), url: SiteURL.vote(vote.id, .result)).class("button").id("view-result")
            }
            H2(S.howDecided(lang))
            List([
                S.howParticipation(lang), S.howOrdinary(lang), S.howSpecial(lang), S.howElection(lang),
                (vote.ballotChange ? S.howOnceChangeable : S.howOnce)(lang),
            ])
            ProgressView(progress: progress, lang: lang, source: .vote(vote.id, .progress))
            if vote.calendar.isOpen(at: now) {
                for voter in voters where voter.votedAt == nil || vote.ballotChange {
                    Paragraph("\(S.rooms(lang))：\(voter.rooms)").class("meta")
                    Link(S.toBallot(lang), url: SiteURL.vote(vote.id, .ballot(person: String(voter.person)))).class("button").id(
                        "to-ballot-\(voter.person)")
                }
            }
            Link(S.back(lang), url: SiteURL.votes).class("button secondary")
        }
    }

    static func tag(_ matter: Matter, _ lang: Lang) -> String {
        if case .election(let seats, _) = matter.kind { return S.electionMatter(seats)(lang) }
        return matter.threshold == .special ? S.specialMatter(lang) : S.ordinaryMatter(lang)
    }

    // (3)
    static func ballot(
        _ vote: StoredVote, voter: VoterView, chosen: BallotChoices, problems: [BallotProblem], csrf: String, chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        return Layout.page(S.ballot, chrome: chrome, path: .vote(vote.id, .ballot(person: String(voter.person)))) {
            Paragraph("\(vote.title) · \(S.rooms(lang))：\(voter.rooms)").class("meta")
            if !problems.isEmpty {
                Div { for problem in problems { Paragraph(S.say(problem)(lang)) } }
                    .class("alert").attribute(named: "role", value: "alert")
            }
            Form(url: SiteURL.vote(vote.id, .confirm), method: .post) {
                Input(type: .hidden, name: "csrf", value: csrf)
                Input(type: .hidden, name: "person", value: String(voter.person))
                for (position, matter) in vote.definition.matters.enumerated() {
                    matterFields(matter, number: position + 1, chosen: chosen.marks[matter.id], lang: lang)
                }
                SubmitButton(S.next(lang)).id("to-confirm")
            }
        }
    }

    static func matterFields(_ matter: Matter, number: Int, chosen: BallotChoices.Mark?, lang: Lang) -> Component {
        let legend = Legend("\(number). \(matter.title)")
        switch matter.kind {
        case .resolution:
            return FieldSet {
                legend
                Span(tag(matter, lang)).class(matter.threshold == .special ? "tag special" : "tag")
                for (option, text) in [(Choice.agree, S.agree(lang)), (.oppose, S.oppose(lang)), (.abstain, S.abstain(lang))] {
                    Label(text) {
                        Input(type: .radio, name: "m.\(matter.id)", value: option.rawValue, isRequired: true)
                            .attr("id", "m-\(matter.id)-\(option.rawValue)")
                            .attribute(named: "checked", value: chosen == .option(option) ? "checked" : nil)
                    }
                    .class("choice")
                }
            }
        case .election(let seats, let candidates):
            var picked: [String] = []
            if case .candidates(let ids) = chosen { picked = ids }
            let template = lang == .zh ? "已选 {n} / \(seats) 人" : "{n} of \(seats) chosen"
            return FieldSet {
                legend
                Span(tag(matter, lang)).class("tag")
                Paragraph(S.chosenOf(seats)(lang)).class("counter").attr("data-template", template)
                    .attribute(named: "aria-live", value: "polite")
                for candidate in candidates {
                    Label(candidate.name) {
                        Input(type: .checkbox, name: "c.\(matter.id)", value: candidate.id)
                            .attr("id", "c-\(matter.id)-\(candidate.id)")
                            .attribute(named: "checked", value: picked.contains(candidate.id) ? "checked" : nil)
                    }
                    .class("choice")
                }
            }
            .attr("data-seats", String(seats))
        }
    }

    // (4)
    static func confirm(
        _ vote: StoredVote, voter: VoterView, choices: BallotChoices, csrf: String, error: String?, chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        return Layout.page(S.confirmTitle, chrome: chrome, path: .vote(vote.id)) {
            Paragraph(S.confirmIntro(lang))
            if let error { Paragraph(error).class("alert").attribute(named: "role", value: "alert") }
            summary(vote, choices: choices, lang: lang)
            Form(url: SiteURL.vote(vote.id, .cast), method: .post) {
                Input(type: .hidden, name: "csrf", value: csrf)
                Input(type: .hidden, name: "person", value: String(voter.person))
                Input(type: .hidden, name: "choices", value: choices.canonicalJSON)
                Input(type: .hidden, name: "signature_drawn", value: "").id("signature-drawn")
                Paragraph(S.signHere(lang)).class("meta")
                Node<HTML.BodyContext>.element(
                    named: "canvas",
                    nodes: [
                        .class("signature"), .attribute(named: "hidden", value: "hidden"), .attr("aria-label", S.signHere(lang)),
                    ])
                Button(S.clear(lang)).attribute(named: "type", value: "button").id("signature-clear").class("secondary")
                    .attribute(named: "hidden", value: "hidden")
                Label(S.typedName(lang)) {
                    Input(type: .text, name: "signature_typed").id("signature-typed").attribute(named: "autocomplete", value: "name")
                }
                SubmitButton(S.submit(lang)).id("submit-ballot")
            }
            Link(S.change(lang), url: SiteURL.vote(vote.id, .ballot(person: String(voter.person)))).class("button secondary")
        }
    }

    static func summary(_ vote: StoredVote, choices: BallotChoices, lang: Lang) -> Component {
        Node<HTML.BodyContext>.dl(
            .forEach(vote.definition.matters) { matter in
                .group(.dt(.plain(matter.title)), .dd(.plain(describe(choices.marks[matter.id], matter: matter, lang: lang))))
            })
    }

    static func describe(_ mark: BallotChoices.Mark?, matter: Matter, lang: Lang) -> String {
        switch mark {
        case .option(.agree): return S.agree(lang)
        case .option(.oppose): return S.oppose(lang)
        case .option(.abstain): return S.abstain(lang)
        case .option(.invalid), nil: return "—"
        case .candidates(let ids):
            guard case .election(_, let candidates) = matter.kind, !ids.isEmpty else { return S.nobody(lang) }
            return candidates.filter { ids.contains($0.id) }.map(\.name).joined(separator: "、")
        }
    }

    // (5)
    static func receipt(_ receipt: Receipt, vote: StoredVote, chrome: PageChrome) -> Page {
        let lang = chrome.lang
        return Layout.page(S.receipt, chrome: chrome, path: .receipt(receipt.code)) {
            Paragraph(S.receiptIntro(lang)).class("ok").attribute(named: "role", value: "status")
            Node<HTML.BodyContext>.dl(
                .dt(.plain(S.receiptCode(lang))), .dd(.class("code"), .id("receipt-code"), .plain(receipt.code)),
                .dt(.plain(S.receivedAt(lang))), .dd(.id("received-at"), .plain(LocalTime.format(receipt.receivedAt))),
                .dt(.plain(S.rooms(lang))), .dd(.plain(receipt.rooms)))
            H2(S.yourChoices(lang))
            summary(vote, choices: receipt.choices, lang: lang)
            if let log = receipt.log {
                Paragraph(S.verifyIntro(lang)).class("note")
                Link(S.verifyBallot(lang), url: SiteURL.verify(receipt: log.code)).class("button").id("verify-ballot")
            }
            Link(S.backToVotes(lang), url: SiteURL.votes).class("button secondary")
        }
    }
}
