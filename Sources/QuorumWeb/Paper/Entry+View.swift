import Plot
import QuorumCore

extension ScanPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.paperEntry, chrome: chrome) { lang in
            Paragraph(vote.title).class("meta")
            Layout.flash(flash, "ok", id: "flash")
            Layout.flash(error, id: "entry-error")
            Paragraph(S.scanExplain(lang)).class("note")
            Form(url: SiteURL.manageVote(vote.id, .entry()), method: .get) {
                Label(S.ballotCode(lang)) {
                    Input(type: .text, name: "code", isRequired: true).id("code").attribute(named: "autofocus", value: "autofocus")
                        .attribute(named: "autocomplete", value: "off").attribute(named: "autocapitalize", value: "characters")
                }
                SubmitButton(S.openBallot(lang)).id("open-ballot")
            }
            Link(S.back(lang), url: SiteURL.manageVote(vote.id)).class("button secondary")
        }
    }
}

extension EntryPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.paperEntry, chrome: chrome) { lang in
            Paragraph("\(S.ballotCode(lang))：\(ballot.code) · \(S.rooms(lang))：\(ballot.rooms)").class("meta").id("entry-rooms")
            if let state = ballot.state { Paragraph(PaperPages.stateName(state, lang)).class("tag") }
            Layout.flash(error, id: "entry-error")
            Form(url: SiteURL.manageVote(vote.id, .entry()), method: .post) {
                Input(type: .hidden, name: "csrf", value: csrf)
                Input(type: .hidden, name: "code", value: ballot.code)
                PaperPages.marks(vote.definition, lang)
                SubmitButton(S.saveEntry(lang)).id("save-entry")
                SubmitButton(S.wholeSpoiled(lang)).class("secondary").attribute(named: "name", value: "spoiled").attribute(named: "value", value: "1")
                    .attribute(named: "formnovalidate", value: "formnovalidate").id("spoiled")
            }
            Link(S.back(lang), url: SiteURL.manageVote(vote.id, .entry())).class("button secondary")
        }
    }
}

extension MismatchPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.mismatchQueue, chrome: chrome) { lang in
            Paragraph(S.mismatchExplain(lang)).class("note")
            Layout.flash(message, "meta", id: "message")
            if queue.isEmpty { Paragraph(S.noMismatches(lang)).id("no-mismatches") }
            for item in queue {
                Div {
                    H2("\(item.ballot.code) · \(item.ballot.rooms)")
                    for (number, entry) in item.entries.enumerated() {
                        Paragraph("\(S.entryNumber(number + 1)(lang))：\(PaperPages.summary(entry.choices, vote: vote.definition, lang))").class(
                            "meta")
                    }
                    Form(url: SiteURL.manageVote(vote.id, .mismatches), method: .post) {
                        Input(type: .hidden, name: "csrf", value: csrf)
                        Input(type: .hidden, name: "code", value: item.ballot.code)
                        PaperPages.marks(vote.definition, lang)
                        SubmitButton(S.settle(lang)).id("settle-\(item.ballot.person)")
                    }
                }
                .class("card mismatch")
            }
            Link(S.back(lang), url: SiteURL.manageVote(vote.id)).class("button secondary")
        }
    }
}
