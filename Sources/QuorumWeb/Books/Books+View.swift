import Plot
import QuorumCore
import QuorumStore

extension BooksPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.Books.title, chrome: chrome) { lang in
            Paragraph(S.Books.intro(lang)).class("note")
            sections(lang, paging: true)
            Link(S.back(lang), url: SiteURL.votes).class("button secondary")
        }
    }

    /// The balances, the entries (with links to the pages before and after, on the owners' page), the two public lists.
    @ComponentBuilder func sections(_ lang: Lang, paging: Bool) -> Component {
        H2(S.Books.balances(lang))
        if balances.isEmpty { Paragraph(S.Books.noAccounts(lang)).class("meta").id("no-accounts") }
        if !balances.isEmpty {
            List(balances.map { $0 }) { item in
                Div {
                    Span(S.Books.name(item.account)(lang))
                    Span(S.Books.yuan(item.balance)(lang)).class("amount")
                }.class("balance").id("balance-\(item.account.kind.rawValue)")
            }.class("plain balances")
        }
        H2(S.Books.entries(lang))
        if entries.isEmpty { Paragraph(S.Books.noEntries(lang)).class("meta").id("no-entries") }
        EntryTable(entries: entries, lang: lang, id: "entries")
        if paging && (page > 1 || more) {
            Paragraph {
                if page > 1 { Link(S.previousPage(lang), url: SiteURL.books(page: String(page - 1))).class("chip").id("page-previous") }
                if more { Link(S.nextPage(lang), url: SiteURL.books(page: String(page + 1))).class("chip").id("page-next") }
            }.class("pager")
        }
        H2(S.Books.missing(lang))
        if missing.isEmpty { Paragraph(S.Books.noneMissing(lang)).class("ok").id("none-missing") }
        EntryTable(entries: missing, lang: lang, id: "missing")
        H2(S.Books.unmatched(lang))
        if unmatched.isEmpty { Paragraph(S.Books.noneUnmatched(lang)).class("ok").id("none-unmatched") }
        if !unmatched.isEmpty {
            Table {
                let headings = [S.Books.date(lang), S.Books.account(lang), S.Books.amount(lang), S.Books.description(lang), S.Books.reference(lang)]
                HeaderRow(headings)
                for item in unmatched {
                    TableRow {
                        let cells = [
                            item.row.date, S.Books.name(item.account)(lang), S.Books.yuan(item.row.amount)(lang),
                            [item.row.description, item.row.counterparty].filter { !$0.isEmpty }.joined(separator: lang.dot), item.row.reference,
                        ]
                        for (index, cell) in cells.enumerated() { TableCell(cell).under(headings[index]) }
                    }.stackedRow()
                }
            }.stacked().id("unmatched").inScrollBox()
        }
    }
}

/// Entries as a table: date, account, what, amount, category and counterparty, description.
struct EntryTable: Component {
    var entries: [StoredEntry]
    var lang: Lang
    var id: String
    /// A last column per entry (the review forms on the staff page).
    var actions: ((StoredEntry) -> Component)?

    var body: Component {
        guard !entries.isEmpty else { return EmptyComponent() }
        return Table {
            let headings = [S.Books.date(lang), S.Books.account(lang), S.Books.kind(lang), S.Books.amount(lang), S.Books.description(lang)]
            HeaderRow(headings)
            for stored in entries {
                let entry = stored.entry
                TableRow {
                    let what = [entry.category, entry.counterparty, entry.description].filter { !$0.isEmpty }.joined(separator: lang.dot)
                    let cells = [
                        entry.date, S.Books.name(entry.account)(lang), S.Books.kind(entry.kind, reversal: entry.corrects != nil)(lang),
                        S.Books.yuan(entry.signed)(lang), what,
                    ]
                    for (index, cell) in cells.enumerated() { TableCell(cell).under(headings[index]) }
                    if let actions { TableCell { actions(stored) }.under(S.Books.pending(lang)) }
                }.stackedRow().id("\(id)-\(entry.id)")
            }
        }.stacked().id(id).inScrollBox()
    }
}

extension LedgerPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.Books.staffTitle, chrome: chrome) { lang in
            H2(estate.name)
            Layout.flash(message, refused ? "alert" : "status", id: "message")
            H2(S.Books.pending(lang))
            if pending.isEmpty { Paragraph(S.Books.nonePending(lang)).class("meta").id("none-pending") }
            EntryTable(entries: pending, lang: lang, id: "pending") { stored in review(stored, lang) }
            if permissions.contains(.recordBooks) && !books.balances.isEmpty { recordForm(lang) }
            if permissions.contains(.recordBooks) && books.balances.count < 2 { openForm(lang) }
            books.sections(lang, paging: false)
            Link(S.back(lang), url: SiteURL.manage).class("button secondary")
        }
    }

    /// What this staff member may do with a pending entry: review it (not their own), or answer the question that sent it back.
    @ComponentBuilder func review(_ stored: StoredEntry, _ lang: Lang) -> Component {
        let id = stored.entry.id
        Paragraph("\(S.Books.state(stored.state)(lang))\(lang.dot)\(S.Books.recordedBy(stored.recordedBy)(lang))").class("meta")
        if !stored.reason.isEmpty { Paragraph(stored.reason).class("ticket-text").id("reason-\(id)") }
        if stored.state == .recorded && permissions.contains(.approveBooks) && stored.recordedBy != staff.account.id {
            Form(post: SiteURL.reviewEntry(estate: String(estate.id)), csrf: staff.csrf) {
                Input(type: .hidden, name: "entry", value: id)
                Label(S.Books.reason(lang)) {
                    TextArea(name: "reason", numberOfRows: 2).attr("maxlength", String(BookText.maximumCharacters)).id("reason-text-\(id)")
                }
                SubmitButton(S.Books.approve(lang)).attr("name", "decision").attr("value", EntryDecision.approve.rawValue).id("approve-\(id)")
                SubmitButton(S.Books.reject(lang)).attr("name", "decision").attr("value", EntryDecision.reject.rawValue).class("secondary").id(
                    "reject-\(id)")
                SubmitButton(S.Books.ask(lang)).attr("name", "decision").attr("value", EntryDecision.ask.rawValue).class("secondary").id("ask-\(id)")
            }
        }
        if stored.state == .needsInformation && stored.recordedBy == staff.account.id {
            Form(post: SiteURL.reviewEntry(estate: String(estate.id)), csrf: staff.csrf) {
                Input(type: .hidden, name: "entry", value: id)
                Label(S.Books.answer(lang)) {
                    TextArea(name: "reason", numberOfRows: 2).attr("maxlength", String(BookText.maximumCharacters)).id("answer-text-\(id)")
                }
                SubmitButton(S.Books.resubmit(lang)).attr("name", "decision").attr("value", "resubmit").id("resubmit-\(id)")
            }
        }
    }

    func recordForm(_ lang: Lang) -> Component {
        Div {
            H2(S.Books.record(lang))
            Form(post: SiteURL.manageBooks(estate: String(estate.id)), csrf: staff.csrf) {
                Label(S.Books.account(lang)) {
                    Select { for item in books.balances { Option(S.Books.name(item.account)(lang), value: item.account.description) } }.attr(
                        "name", "account"
                    )
                    .id("entry-account")
                }
                Label(S.Books.kind(lang)) {
                    Select {
                        for kind in [EntryKind.expense, .income] { Option(S.Books.kind(kind, reversal: false)(lang), value: kind.rawValue) }
                    }.attr("name", "kind").id("entry-kind")
                }
                Label(S.Books.amount(lang)) { Input(type: .text, name: "amount", isRequired: true).attr("inputmode", "decimal").id("entry-amount") }
                Label(S.Books.date(lang)) { Input(type: .date, name: "date", isRequired: true).id("entry-date") }
                Label(S.Books.category(lang)) { Input(type: .text, name: "category", isRequired: true).id("entry-category") }
                Label(S.Books.counterparty(lang)) { Input(type: .text, name: "counterparty").id("entry-counterparty") }
                Label(S.Books.description(lang)) { Input(type: .text, name: "description").id("entry-description") }
                SubmitButton(S.Books.save(lang)).id("record-entry")
            }
        }.class("card").id("record")
    }

    /// Opening an account: its balance when Quorum takes it over, an entry reviewed as any other.
    func openForm(_ lang: Lang) -> Component {
        let open = Set(books.balances.map(\.account))
        return Div {
            H2(S.Books.open(lang))
            Paragraph(S.Books.openNote(lang)).class("note")
            Form(post: SiteURL.manageBooks(estate: String(estate.id)), csrf: staff.csrf) {
                Input(type: .hidden, name: "kind", value: EntryKind.opening.rawValue)
                Label(S.Books.account(lang)) {
                    Select {
                        for account in [LedgerAccount(.publicIncome), LedgerAccount(.maintenanceFund)] where !open.contains(account) {
                            Option(S.Books.name(account)(lang), value: account.description)
                        }
                    }.attr("name", "account").id("open-account")
                }
                Label(S.Books.openingAmount(lang)) {
                    Input(type: .text, name: "amount", isRequired: true).attr("inputmode", "decimal").id("open-amount")
                }
                Label(S.Books.date(lang)) { Input(type: .date, name: "date", isRequired: true).id("open-date") }
                SubmitButton(S.Books.open(lang)).id("open-account-go")
            }
        }.class("card").id("open")
    }
}
