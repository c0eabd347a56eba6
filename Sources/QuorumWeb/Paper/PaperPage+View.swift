import Plot
import QuorumCore
import QuorumStore

extension PrintPage {
    /// Estate, vote, rooms, boxes, signature line and barcode on each ballot.
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.printBallots, chrome: chrome) { lang in
            Div {
                Paragraph(S.printExplain(ballots.count, voted: voted)(lang)).class("note").id("print-count")
                Paragraph {
                    Link(S.allBuildings(lang), url: SiteURL.manageVote(vote.id, .paper())).class(building == nil ? "chip current" : "chip")
                    for name in buildings {
                        Link(name, url: SiteURL.manageVote(vote.id, .paper(building: name))).class(name == building ? "chip current" : "chip")
                    }
                }
            }.class("no-print")
            for ballot in ballots {
                Div {
                    H2("\(estate) · \(S.paperBallotTitle(lang))")
                    Paragraph(vote.title).class("paper-vote")
                    Paragraph("\(S.rooms(lang))\(lang.colon)\(ballot.rooms) · \(S.area(lang))\(lang.colon)\(ballot.area) m²").class("paper-rooms")
                    Paragraph(VotePages.window(vote, lang)).class("meta")
                    for (index, matter) in vote.definition.matters.enumerated() {
                        Div {
                            Paragraph("\(index + 1). \(matter.title)\(lang.parenthesised("\(VotePages.tag(matter, lang))"))").class("paper-matter")
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
                    Paragraph(S.handBack(LocalTime.format(vote.closesAt))(lang)).class("hand-back")
                    Paragraph("\(S.signatureLine(lang))\(lang.colon)________________________    \(S.date(lang))\(lang.colon)____________").class(
                        "signature-line")
                    Div {
                        Barcode(code: ballot.code.replacingOccurrences(of: "-", with: ""))
                        Paragraph(ballot.code).class("code")
                    }.class("barcode-block")
                }.class("paper-ballot").attr("data-code", ballot.code)
            }
        }
    }
}

extension ReconciliationPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.reconciliationTitle, chrome: chrome) { lang in
            Paragraph(vote.title).class("meta")
            Table {
                let headings = [
                    S.building(lang), S.printed(lang), S.returned(lang), S.doubleEntered(lang), S.confirmedHeader(lang), S.spoiled(lang),
                    S.conflictsHeader(lang), S.mismatchesHeader(lang),
                ]
                HeaderRow(headings)
                for line in lines {
                    TableRow {
                        TableCell(line.building.isEmpty ? S.total(lang) : line.building).under(headings[0])
                        let counts = [line.printed, line.returned, line.doubleEntered, line.confirmed, line.spoiled, line.conflicts, line.mismatches]
                        for (index, count) in counts.enumerated() { TableCell(String(count)).under(headings[index + 1]) }
                    }.class(line.building.isEmpty ? "total" : "")
                }
            }.class("table stack").id("reconciliation").inScrollBox()
            H2(S.conflictsTitle(lang))
            Paragraph(S.conflictsExplain(lang)).class("note")
            if conflicts.isEmpty { Paragraph(S.noConflicts(lang)).id("no-conflicts") }
            List(
                conflicts.map {
                    "\($0.rooms)\(lang.colon)\(S.counted(lang)) \(lang == .zh ? $0.counted.chinese : $0.counted.rawValue)\(lang.comma)\(S.keptAside(lang)) \(lang == .zh ? $0.ignored.chinese : $0.ignored.rawValue)\(lang.parenthesised("\(LocalTime.format($0.ignoredAt))"))"
                }
            ) {
                ListItem($0)
            }.id("conflicts")
            Link(S.back(lang), url: SiteURL.manageVote(vote.id)).class("button secondary")
        }
    }
}

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
            Paragraph("\(S.ballotCode(lang))\(lang.colon)\(ballot.code) · \(S.rooms(lang))\(lang.colon)\(ballot.rooms)").class("meta").id(
                "entry-rooms")
            if let state = ballot.state { Paragraph(PaperPages.stateName(state, lang)).class("tag") }
            Layout.flash(error, id: "entry-error")
            if let refusal {
                Paragraph(S.cannotEnter(refusal)(lang)).class("alert").attribute(named: "role", value: "alert").id("entry-refused")
            } else {
                if ballot.voted == .online { Paragraph(S.votedOnlineAlready(lang)).class("alert").id("voted-online") }
                Form(post: SiteURL.manageVote(vote.id, .entry()), csrf: csrf) {
                    Input(type: .hidden, name: "code", value: ballot.code)
                    PaperPages.marks(vote, now: now, lang)
                    SubmitButton(S.saveEntry(lang)).id("save-entry")
                    SubmitButton(S.wholeSpoiled(lang)).class("secondary").attribute(named: "name", value: "spoiled").attribute(
                        named: "value", value: "1"
                    )
                    .attribute(named: "formnovalidate", value: "formnovalidate").attr("data-confirm", S.confirmSpoiled(lang)).id("spoiled")
                }
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
                        Paragraph("\(S.entryNumber(number + 1)(lang))\(lang.colon)\(PaperPages.summary(entry.reading, vote: vote.definition, lang))")
                            .class(
                                "meta")
                    }
                    Form(post: SiteURL.manageVote(vote.id, .mismatches), csrf: csrf) {
                        Input(type: .hidden, name: "code", value: item.ballot.code)
                        PaperPages.marks(vote, now: now, lang)
                        SubmitButton(S.settle(lang)).id("settle-\(item.ballot.person)")
                    }
                }.class("card mismatch")
            }
            Link(S.back(lang), url: SiteURL.manageVote(vote.id)).class("button secondary")
        }
    }
}

/// What the paper pages share: the marks a clerk enters, and the words of an entry's outcome.
enum PaperPages {
    /// The collection record and the signature (RULES.md §3), then radio buttons per
    /// resolution (同意/反对/弃权/废), checkboxes per election plus "spoiled".
    static func marks(_ stored: StoredVote, now: Timestamp, _ lang: Lang) -> Component {
        // A ballot counts if collected from the opening to the last minute before the deadline, and not later than now.
        marks(
            stored.definition, from: stored.opensAt, to: min(now, Timestamp(millisecondsSinceEpoch: stored.closesAt.millisecondsSinceEpoch - 60_000)),
            lang)
    }

    static func marks(_ vote: VoteDefinition, from earliest: Timestamp, to latest: Timestamp, _ lang: Lang) -> Component {
        ComponentGroup {
            FieldSet {
                Legend(S.collectionRecord(lang))
                VotePages.choice(S.collectedByHand(lang), .radio, "collection_kind", "hand", id: "collection-hand")
                VotePages.choice(S.collectedFromBox(lang), .radio, "collection_kind", "box", id: "collection-box")
                Label(S.collectedBy(lang)) {
                    Input(type: .text, name: "collected_by", isRequired: true).id("collected-by").attribute(named: "maxlength", value: "100")
                }
                Label(S.collectedAt(lang)) {
                    Input(type: .datetimeLocal, name: "collected_at", isRequired: true).id("collected-at")
                        .attr("min", VoteForm.local(earliest)).attr("max", VoteForm.local(latest))
                }
            }
            FieldSet {
                Legend(S.signedQuestion(lang))
                VotePages.choice(S.signedYes(lang), .radio, "signed", "yes", id: "signed-yes")
                VotePages.choice(S.signedNo(lang), .radio, "signed", "no", id: "signed-no")
            }
            for matter in vote.matters {
                FieldSet {
                    Legend(matter.title)
                    switch matter.kind {
                    case .resolution:
                        for (option, text) in [
                            (Choice.agree, S.agree(lang)), (.oppose, S.oppose(lang)), (.abstain, S.abstain(lang)), (.invalid, S.markSpoiled(lang)),
                        ] {
                            VotePages.choice(text, .radio, "m.\(matter.id)", option.rawValue, id: "m-\(matter.id)-\(option.rawValue)")
                        }
                    case .election(let seats, let candidates):
                        Paragraph(S.electionMatter(seats)(lang)).class("meta")
                        for candidate in candidates {
                            VotePages.choice(candidate.name, .checkbox, "c.\(matter.id)", candidate.id, id: "c-\(matter.id)-\(candidate.id)")
                        }
                        VotePages.choice(S.matterSpoiled(lang), .checkbox, "x.\(matter.id)", "1", id: "x-\(matter.id)")
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

    /// An entry as the mismatch queue shows it: where and when the ballot was collected, then its marks.
    static func summary(_ reading: PaperReading, vote: VoteDefinition, _ lang: Lang) -> String {
        let collection = reading.collection
        let source = collection.kind == .box ? S.collectedFromBox(lang) : S.collectedByHand(lang)
        let choices = reading.choices
        return "\(source) \(collection.by) \(LocalTime.format(collection.at))；"
            + vote.matters.map { matter in
                let text: String
                switch choices.marks[matter.id] {
                case .option(let choice)?: text = lang == .zh ? choice.chinese : choice.rawValue
                case .candidates(let ids)?:
                    text = ids.isEmpty ? S.nobody(lang) : ids.map { VotePages.name(of: $0, in: matter) }.joined(separator: "、")
                case nil: text = "—"
                }
                return "\(matter.title)\(lang.colon)\(text)"
            }.joined(separator: "；")
    }
}
