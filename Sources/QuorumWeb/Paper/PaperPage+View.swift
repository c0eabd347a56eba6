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
                    H2("\(estate)\(lang.dot)\(S.paperBallotTitle(lang))")
                    Paragraph(vote.title).class("paper-vote")
                    Paragraph("\(S.rooms(lang))\(lang.colon)\(lang.rooms(ballot.rooms))\(lang.dot)\(S.area(lang))\(lang.colon)\(ballot.area) m²")
                        .class("paper-rooms")
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
                    }.class(line.building.isEmpty ? "total" : "").stackedRow()
                }
            }.stacked().id("reconciliation").inScrollBox()
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
            if !waiting.isEmpty {
                H2(S.yoursWaiting(lang))
                Paragraph(S.yoursWaitingExplain(lang)).class("note")
                List(waiting) { item in
                    ListItem(
                        "\(item.ballot.code)\(lang.dot)\(lang.rooms(item.ballot.rooms))\(lang.colon)\(PaperPages.names(item.differences(vote.definition), vote.definition, lang))"
                    )
                }.class("plain").id("waiting")
            }
            Link(S.back(lang), url: SiteURL.manageVote(vote.id)).class("button secondary")
        }
    }
}

extension EntryPage {
    func render(chrome: PageChrome) -> Page {
        let action = SiteURL.manageVote(vote.id, .entry())
        return Layout.page(S.paperEntry, chrome: refusal == nil ? chrome.keeping(action, main: S.saveEntry) : chrome) { lang in
            Paragraph("\(S.ballotCode(lang))\(lang.colon)\(ballot.code)\(lang.dot)\(S.rooms(lang))\(lang.colon)\(lang.rooms(ballot.rooms))").class(
                "meta"
            ).id(
                "entry-rooms")
            if let state = ballot.state { Paragraph(PaperPages.stateName(state, lang)).class("tag") }
            Layout.flash(error, id: "entry-error")
            if let refusal {
                Paragraph(S.cannotEnter(refusal)(lang)).class("alert").attribute(named: "role", value: "alert").id("entry-refused")
            } else {
                if ballot.voted == .online { Paragraph(S.votedOnlineAlready(lang)).class("alert").id("voted-online") }
                Form(keeping: action, csrf: csrf) {
                    Input(type: .hidden, name: "code", value: ballot.code)
                    PaperPages.marks(vote, now: now, lang, held: held)
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
        let kept = held.map(\.code) ?? queue.first?.ballot.code
        let url = SiteURL.manageVote(vote.id, .mismatches)
        return Layout.page(S.mismatchQueue, chrome: queue.isEmpty ? chrome : chrome.keeping(url, main: S.settle)) { lang in
            Paragraph(S.mismatchExplain(lang)).class("note")
            Layout.flash(message?.text, message?.ok == true ? "ok" : "alert", id: "message")
            if queue.isEmpty { Paragraph(S.noMismatches(lang)).id("no-mismatches") }
            for item in queue {
                let differs = item.differences(vote.definition)
                Div {
                    H2("\(item.ballot.code)\(lang.dot)\(lang.rooms(item.ballot.rooms))")
                    Paragraph(S.differIn(PaperPages.names(differs, vote.definition, lang))(lang)).class("alert").id("differs-\(item.ballot.person)")
                    PaperPages.comparison(item, differs, vote.definition, lang)
                    let held = self.held?.code == item.ballot.code ? self.held?.form : nil
                    // Each form may become the one the language switch keeps (app.js: the last typed in).
                    Form(post: url, csrf: csrf) {
                        Input(type: .hidden, name: "code", value: item.ballot.code)
                        PaperPages.marks(vote, now: now, lang, held: held ?? FormData(""), differs: differs)
                        SubmitButton(S.settle(lang)).id("settle-\(item.ballot.person)")
                    }.attr("id", item.ballot.code == kept ? Layout.keptForm : nil).attr("data-keepable", "1")
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
    /// `held`: what the form held when it was sent (shown again); `differs`: where two entries
    /// differ, marked on the mismatch page's form.
    static func marks(_ stored: StoredVote, now: Timestamp, _ lang: Lang, held: FormData = FormData(""), differs: [PaperField] = []) -> Component {
        // A ballot counts if collected from the opening to the last minute before the deadline, and not later than now;
        // the form speaks in whole minutes, so its first is the opening's own minute if it opens on one, else the next.
        let latest = min(now, Timestamp(millisecondsSinceEpoch: stored.closesAt.millisecondsSinceEpoch - 60_000))
        let opens = stored.opensAt.millisecondsSinceEpoch
        let earliest = Timestamp(millisecondsSinceEpoch: (opens + 59_999) / 60_000 * 60_000)
        return marks(stored.definition, from: earliest, to: latest, lang, held: held, differs: differs)
    }

    static func marks(
        _ vote: VoteDefinition, from earliest: Timestamp, to latest: Timestamp, _ lang: Lang, held: FormData = FormData(""),
        differs: [PaperField] = []
    ) -> Component {
        func choice(_ text: String, _ type: HTMLInputType, _ name: String, _ value: String, id: String) -> Component {
            VotePages.choice(text, type, name, value, id: id, checked: held.all(name).contains(value))
        }
        func marked(_ differ: Bool, @ComponentBuilder _ content: @escaping () -> ComponentGroup) -> Component {
            FieldSet {
                content()
                if differ { Paragraph(S.entriesDifferHere(lang)).class("differs-note") }
            }.class(differ ? "differs" : "")
        }
        return ComponentGroup {
            marked(differs.contains { [.collectionKind, .collectedBy, .collectedAt].contains($0) }) {
                Legend(S.collectionRecord(lang))
                choice(S.collectedByHand(lang), .radio, "collection_kind", "hand", id: "collection-hand")
                choice(S.collectedFromBox(lang), .radio, "collection_kind", "box", id: "collection-box")
                Label(S.collectedBy(lang)) {
                    Input(type: .text, name: "collected_by", value: held["collected_by"], isRequired: true).id("collected-by")
                        .attribute(named: "maxlength", value: "100")
                }
                Label(S.collectedAt(lang)) {
                    Input(type: .datetimeLocal, name: "collected_at", value: held["collected_at"], isRequired: true).id("collected-at")
                        .attr("min", VoteForm.local(earliest)).attr("max", VoteForm.local(latest))
                }
            }
            FieldSet {
                Legend(S.signedQuestion(lang))
                choice(S.signedYes(lang), .radio, "signed", "yes", id: "signed-yes")
                choice(S.signedNo(lang), .radio, "signed", "no", id: "signed-no")
            }
            for matter in vote.matters {
                marked(differs.contains(.matter(matter.id))) {
                    Legend(matter.title)
                    switch matter.kind {
                    case .resolution:
                        for (option, text) in [
                            (Choice.agree, S.agree(lang)), (.oppose, S.oppose(lang)), (.abstain, S.abstain(lang)), (.invalid, S.markSpoiled(lang)),
                        ] {
                            choice(text, .radio, "m.\(matter.id)", option.rawValue, id: "m-\(matter.id)-\(option.rawValue)")
                        }
                    case .election(let seats, let candidates):
                        Paragraph(S.electionMatter(seats)(lang)).class("meta")
                        for candidate in candidates {
                            choice(candidate.name, .checkbox, "c.\(matter.id)", candidate.id, id: "c-\(matter.id)-\(candidate.id)")
                        }
                        choice(S.matterSpoiled(lang), .checkbox, "x.\(matter.id)", "1", id: "x-\(matter.id)")
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

    /// The entries side by side, one row per part of the reading, the rows where they differ marked.
    static func comparison(_ item: PaperMismatch, _ differs: [PaperField], _ vote: VoteDefinition, _ lang: Lang) -> Component {
        let fields: [PaperField] = [.collectionKind, .collectedBy, .collectedAt] + vote.matters.map { .matter($0.id) }
        return Table {
            HeaderRow([""] + item.entries.indices.map { S.entryNumber($0 + 1)(lang) })
            for field in fields {
                TableRow {
                    TableCell {
                        Span(names([field], vote, lang))
                        if differs.contains(field) { Span(S.differs(lang)).class("tag differs") }
                    }
                    for entry in item.entries { TableCell(value(field, entry.reading, vote, lang)) }
                }.class(differs.contains(field) ? "differs" : "same")
            }
        }.class("table comparison").id("compare-\(item.ballot.person)").inScrollBox()
    }

    /// The parts' names, joined.
    static func names(_ fields: [PaperField], _ vote: VoteDefinition, _ lang: Lang) -> String {
        fields.map { field in
            switch field {
            case .collectionKind: S.collectionKind(lang)
            case .collectedBy: S.collectorOrBox(lang)
            case .collectedAt: S.collectedAtShort(lang)
            case .matter(let id): vote.matters.first { $0.id == id }?.title ?? id
            }
        }.joined(separator: lang.list)
    }

    /// A part of a reading in words.
    static func value(_ field: PaperField, _ reading: PaperReading, _ vote: VoteDefinition, _ lang: Lang) -> String {
        let collection = reading.collection
        switch field {
        case .collectionKind: return collection.kind == .box ? S.sealedBox(lang) : S.handedOver(lang)
        case .collectedBy: return collection.by
        case .collectedAt: return LocalTime.format(collection.at)
        case .matter(let id):
            guard let matter = vote.matters.first(where: { $0.id == id }) else { return "—" }
            switch reading.choices.marks[id] {
            case .option(let choice)?: return lang == .zh ? choice.chinese : choice.rawValue
            case .candidates(let ids)?:
                return ids.isEmpty ? S.nobody(lang) : ids.map { VotePages.name(of: $0, in: matter) }.joined(separator: lang.list)
            case nil: return "—"
            }
        }
    }

    /// What settling a mismatch did, in words: counted or kept aside, and which entry the reading agreed with.
    static func settled(_ state: PaperState, _ reading: PaperReading, _ item: PaperMismatch?, _ lang: Lang) -> String {
        let ballot = item.map { "\($0.ballot.code)\(lang.dot)\(lang.rooms($0.ballot.rooms))" } ?? ""
        let agrees = item?.entries.firstIndex { $0.reading == reading }.map { $0 + 1 }
        return S.settled(ballot, counted: state == .confirmed, at: LocalTime.format(reading.collection.at), agrees: agrees)(lang)
    }
}
