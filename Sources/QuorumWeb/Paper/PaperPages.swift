import Foundation
import Hummingbird
import Plot
import QuorumCore
import QuorumStore

/// Paper ballots: the print run, the clerks' entry, the resolution queue and the
/// reconciliation report.
enum PaperPages {
    /// One A4 page per voting person: estate, vote, rooms, boxes, signature line, barcode.
    static func print(_ vote: StoredVote, estate: String, ballots: [PaperBallot], chrome: PageChrome) -> Page {
        let lang = chrome.lang
        return Layout.page(S.printBallots, chrome: chrome, path: .manageVote(vote.id, .paper)) {
            Paragraph(S.printExplain(ballots.count)(lang)).class("note no-print")
            for ballot in ballots {
                Div {
                    H2("\(estate) · \(S.paperBallotTitle(lang))")
                    Paragraph(vote.title).class("paper-vote")
                    Paragraph("\(S.rooms(lang))：\(ballot.rooms) · \(S.area(lang))：\(ballot.area) m²").class("paper-rooms")
                    Paragraph("\(S.opens(lang))：\(LocalTime.format(vote.opensAt)) · \(S.deadline(lang))：\(LocalTime.format(vote.closesAt))").class(
                        "meta")
                    for (index, matter) in vote.definition.matters.enumerated() {
                        Div {
                            Paragraph("\(index + 1). \(matter.title)（\(VotePages.tag(matter, lang))）").class("paper-matter")
                            switch matter.kind {
                            case .resolution:
                                Paragraph("☐ \(S.agree(.zh))    ☐ \(S.oppose(.zh))    ☐ \(S.abstain(.zh))").class("boxes")
                            case .election(let seats, let candidates):
                                Paragraph(S.electionMatter(seats)(.zh)).class("meta")
                                Paragraph(candidates.map { "☐ \($0.name)" }.joined(separator: "    ")).class("boxes")
                            }
                        }
                    }
                    Paragraph(S.paperInstructions(lang)).class("note")
                    Paragraph("\(S.signatureLine(lang))：________________________    \(S.date(lang))：____________").class("signature-line")
                    Div {
                        Barcode(code: ballot.code.replacingOccurrences(of: "-", with: ""))
                        Paragraph(ballot.code).class("code")
                    }
                    .class("barcode-block")
                }
                .class("paper-ballot")
                .attr("data-code", ballot.code)
            }
        }
    }

    static func scan(
        _ vote: StoredVote, staff: StaffSession, flash: String?, error: String?, chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        return Layout.page(S.paperEntry, chrome: chrome, path: .manageVote(vote.id, .entry())) {
            Paragraph(vote.title).class("meta")
            if let flash { Paragraph(flash).class("ok").attribute(named: "role", value: "status").id("flash") }
            if let error { Paragraph(error).class("alert").attribute(named: "role", value: "alert").id("entry-error") }
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

    /// The marks of one paper ballot, as the clerk reads them off the paper. The form does
    /// not show what any other clerk entered: the second entry is blind.
    static func entryForm(
        _ vote: StoredVote, ballot: PaperBallot, staff: StaffSession, error: String?, chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        return Layout.page(S.paperEntry, chrome: chrome, path: .manageVote(vote.id, .entry(code: ballot.code))) {
            Paragraph("\(S.ballotCode(lang))：\(ballot.code) · \(S.rooms(lang))：\(ballot.rooms)").class("meta").id("entry-rooms")
            if let state = ballot.state { Paragraph(stateName(state, lang)).class("tag") }
            if let error { Paragraph(error).class("alert").attribute(named: "role", value: "alert").id("entry-error") }
            Form(url: SiteURL.manageVote(vote.id, .entry()), method: .post) {
                Input(type: .hidden, name: "csrf", value: staff.csrf)
                Input(type: .hidden, name: "code", value: ballot.code)
                marks(vote.definition, lang)
                SubmitButton(S.saveEntry(lang)).id("save-entry")
                SubmitButton(S.wholeSpoiled(lang)).class("secondary").attribute(named: "name", value: "spoiled").attribute(named: "value", value: "1")
                    .attribute(named: "formnovalidate", value: "formnovalidate").id("spoiled")
            }
            Link(S.back(lang), url: SiteURL.manageVote(vote.id, .entry())).class("button secondary")
        }
    }

    /// Radio buttons per resolution (同意/反对/弃权/废), checkboxes per election plus "spoiled".
    static func marks(_ vote: VoteDefinition, _ lang: Lang) -> Component {
        ComponentGroup {
            for matter in vote.matters {
                Fieldset {
                    Legend(matter.title)
                    switch matter.kind {
                    case .resolution:
                        for (option, text) in [
                            (Choice.agree, S.agree(lang)), (.oppose, S.oppose(lang)), (.abstain, S.abstain(lang)), (.invalid, S.markSpoiled(lang)),
                        ] {
                            Label(text) {
                                Input(type: .radio, name: "m.\(matter.id)", value: option.rawValue, isRequired: true).attr(
                                    "id", "m-\(matter.id)-\(option.rawValue)")
                            }
                            .class("choice")
                        }
                    case .election(let seats, let candidates):
                        Paragraph(S.electionMatter(seats)(lang)).class("meta")
                        for candidate in candidates {
                            Label(candidate.name) {
                                Input(type: .checkbox, name: "c.\(matter.id)", value: candidate.id).attr("id", "c-\(matter.id)-\(candidate.id)")
                            }
                            .class("choice")
                        }
                        Label(S.matterSpoiled(lang)) { Input(type: .checkbox, name: "x.\(matter.id)", value: "1").attr("id", "x-\(matter.id)") }
                            .class(
                                "choice")
                    }
                }
            }
        }
    }

    /// The entry page's `done` key for the state an entry led to (`first`: a second entry is due).
    static func outcomeKey(_ state: PaperState) -> String { state == .entered ? "first" : state.rawValue }

    static func outcomeText(_ key: String, _ lang: Lang) -> String? {
        PaperState.allCases.first { outcomeKey($0) == key }.map { stateName($0, lang) }
    }

    /// A ballot's state in the words of the entry that led to it.
    static func stateName(_ state: PaperState, _ lang: Lang) -> String {
        switch state {
        case .entered: S.outcomeFirst(lang)
        case .confirmed: S.outcomeConfirmed(lang)
        case .mismatch: S.outcomeMismatch(lang)
        case .conflict: S.outcomeConflict(lang)
        }
    }

    static func summary(_ choices: BallotChoices, vote: VoteDefinition, _ lang: Lang) -> String {
        vote.matters.map { matter in
            let text: String
            switch choices.marks[matter.id] {
            case .option(let choice)?: text = lang == .zh ? choice.chinese : choice.rawValue
            case .candidates(let ids)?: text = ids.isEmpty ? S.nobody(lang) : ids.map { ResultPages.name(of: $0, in: matter) }.joined(separator: "、")
            case nil: text = "—"
            }
            return "\(matter.title)：\(text)"
        }.joined(separator: "；")
    }

    static func mismatches(
        _ vote: StoredVote, queue: [PaperMismatch], staff: StaffSession, message: String?, chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        return Layout.page(S.mismatchQueue, chrome: chrome, path: .manageVote(vote.id, .mismatches)) {
            Paragraph(S.mismatchExplain(lang)).class("note")
            if let message { Paragraph(message).class("meta").attribute(named: "role", value: "status").id("message") }
            if queue.isEmpty { Paragraph(S.noMismatches(lang)).id("no-mismatches") }
            for item in queue {
                Div {
                    H2("\(item.ballot.code) · \(item.ballot.rooms)")
                    for (number, entry) in item.entries.enumerated() {
                        Paragraph("\(S.entryNumber(number + 1)(lang))：\(summary(entry.choices, vote: vote.definition, lang))").class(
                            "meta")
                    }
                    Form(url: SiteURL.manageVote(vote.id, .mismatches), method: .post) {
                        Input(type: .hidden, name: "csrf", value: staff.csrf)
                        Input(type: .hidden, name: "code", value: item.ballot.code)
                        marks(vote.definition, lang)
                        SubmitButton(S.settle(lang)).id("settle-\(item.ballot.person)")
                    }
                }
                .class("card mismatch")
            }
            Link(S.back(lang), url: SiteURL.manageVote(vote.id)).class("button secondary")
        }
    }

    static func reconciliation(
        _ vote: StoredVote, lines: [PaperReconciliation], conflicts: [(rooms: String, counted: Channel, ignored: Channel, ignoredAt: Timestamp)],
        chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        return Layout.page(S.reconciliationTitle, chrome: chrome, path: .manageVote(vote.id, .reconciliation)) {
            Paragraph(vote.title).class("meta")
            Table {
                HeaderRow([
                    S.building(lang), S.printed(lang), S.returned(lang), S.doubleEntered(lang), S.confirmedHeader(lang), S.spoiled(lang),
                    S.conflictsHeader(lang), S.mismatchesHeader(lang),
                ])
                for line in lines {
                    TableRow {
                        TableCell(line.building.isEmpty ? S.total(lang) : line.building)
                        TableCell(String(line.printed))
                        TableCell(String(line.returned))
                        TableCell(String(line.doubleEntered))
                        TableCell(String(line.confirmed))
                        TableCell(String(line.spoiled))
                        TableCell(String(line.conflicts))
                        TableCell(String(line.mismatches))
                    }
                    .class(line.building.isEmpty ? "total" : "")
                }
            }
            .class("table").id("reconciliation")
            H2(S.conflictsTitle(lang))
            Paragraph(S.conflictsExplain(lang)).class("note")
            if conflicts.isEmpty { Paragraph(S.noConflicts(lang)).id("no-conflicts") }
            List(
                conflicts.map {
                    "\($0.rooms)：\(S.counted(lang)) \(lang == .zh ? $0.counted.chinese : $0.counted.rawValue)，\(S.keptAside(lang)) \(lang == .zh ? $0.ignored.chinese : $0.ignored.rawValue)（\(LocalTime.format($0.ignoredAt))）"
                }
            ) {
                ListItem($0)
            }
            .id("conflicts")
            Link(S.back(lang), url: SiteURL.manageVote(vote.id)).class("button secondary")
        }
    }
}
