import Plot
import QuorumCore

extension BallotPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.ballot, chrome: chrome) { lang in
            Paragraph("\(vote.title) · \(S.rooms(lang))：\(voter.rooms)").class("meta")
            if !problems.isEmpty {
                Div { for problem in problems { Paragraph(S.say(problem)(lang)) } }
                    .class("alert").attribute(named: "role", value: "alert")
            }
            Form(url: SiteURL.vote(vote.id, .confirm), method: .post) {
                Input(type: .hidden, name: "csrf", value: csrf)
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
                    Label(text) {
                        Input(type: .radio, name: "m.\(matter.id)", value: option.rawValue, isRequired: true)
                            .id("m-\(matter.id)-\(option.rawValue)")
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
                Span(VotePages.tag(matter, lang)).class("tag")
                Paragraph(S.chosenOf(seats)(lang)).class("counter").attr("data-template", template)
                    .attribute(named: "aria-live", value: "polite")
                for candidate in candidates {
                    Label(candidate.name) {
                        Input(type: .checkbox, name: "c.\(matter.id)", value: candidate.id)
                            .id("c-\(matter.id)-\(candidate.id)")
                            .attribute(named: "checked", value: picked.contains(candidate.id) ? "checked" : nil)
                    }
                    .class("choice")
                }
            }
            .attr("data-seats", String(seats))
        }
    }
}

extension ConfirmPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.confirmTitle, chrome: chrome) { lang in
            Paragraph(S.confirmIntro(lang))
            Layout.flash(error)
            VotePages.summary(vote, choices: choices, lang: lang)
            Form(url: SiteURL.vote(vote.id, .cast), method: .post) {
                Input(type: .hidden, name: "csrf", value: csrf)
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
                    Input(type: .text, name: "signature_typed").id("signature-typed").attribute(named: "autocomplete", value: "name")
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
            Node<HTML.BodyContext>.dl(
                .dt(.plain(S.receiptCode(lang))), .dd(.attr("class", "code"), .attr("id", "receipt-code"), .plain(receipt.code)),
                .dt(.plain(S.receivedAt(lang))), .dd(.attr("id", "received-at"), .plain(LocalTime.format(receipt.receivedAt))),
                .dt(.plain(S.rooms(lang))), .dd(.plain(receipt.rooms)))
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
