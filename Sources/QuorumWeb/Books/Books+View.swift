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
    /// `attach`: the upload form under each expense missing its receipt (the staff page).
    @ComponentBuilder func sections(_ lang: Lang, paging: Bool, attach: ((StoredEntry) -> Component)? = nil) -> Component {
        H2(S.Books.balances(lang))
        if balances.isEmpty { Paragraph(S.Books.noAccounts(lang)).class("meta").id("no-accounts") }
        if !balances.isEmpty {
            List(balances.map { $0 }) { item in
                ListItem {
                    Span(S.Books.name(item.account)(lang))
                    Span(S.Books.yuan(item.balance)(lang)).class("value")
                }.id("balance-\(item.account.kind.rawValue)")
            }.class("plain settings balances")
        }
        H2(S.Books.entries(lang))
        if entries.isEmpty { Paragraph(S.Books.noEntries(lang)).class("meta").id("no-entries") }
        EntryList(entries: entries, lang: lang, id: "entries", books: self)
        if paging && (page > 1 || more) {
            Paragraph {
                if page > 1 { Link(S.previousPage(lang), url: SiteURL.books(page: String(page - 1))).class("chip").id("page-previous") }
                if more { Link(S.nextPage(lang), url: SiteURL.books(page: String(page + 1))).class("chip").id("page-next") }
            }.class("pager")
        }
        H2(S.Books.missing(lang))
        if missing.isEmpty { Paragraph(S.Books.noneMissing(lang)).class("ok").id("none-missing") }
        EntryList(entries: missing, lang: lang, id: "missing", books: self, actions: attach)
        H2(S.Books.unmatched(lang))
        if unmatched.isEmpty { Paragraph(S.Books.noneUnmatched(lang)).class("ok").id("none-unmatched") }
        if !unmatched.isEmpty {
            List(unmatched) { item in
                ListItem {
                    Span("\(S.Books.yuan(item.row.amount)(lang))\(lang.dot)\(S.Books.name(item.account)(lang))").class("value")
                    let text = [item.row.date, item.row.description, item.row.counterparty, "\(S.Books.reference(lang)) \(item.row.reference)"]
                    Span(text.filter { !$0.isEmpty }.joined(separator: lang.dot)).class("meta")
                }.id("unmatched-\(item.row.reference)")
            }.class("plain settings").id("unmatched")
        }
    }
}

/// Entries as a list: the amount and what it is, then the day, the account and the texts.
struct EntryList: Component {
    var entries: [StoredEntry]
    var lang: Lang
    var id: String
    /// The page's documents and their links.
    var books: BooksPage
    /// Below each entry (the review forms on the staff page).
    var actions: ((StoredEntry) -> Component)?

    var body: Component {
        guard !entries.isEmpty else { return EmptyComponent() }
        return List(entries) { stored in
            let entry = stored.entry
            return ListItem {
                let kind = S.Books.kind(entry.kind, reversal: entry.corrects != nil)(lang)
                Span("\(S.Books.yuan(entry.signed)(lang))\(lang.dot)\(kind)").class("value")
                let text = [entry.date, S.Books.name(entry.account)(lang), entry.category, entry.counterparty, entry.description]
                Span(text.filter { !$0.isEmpty }.joined(separator: lang.dot)).class("meta")
                for document in books.documents[entry.id] ?? [] {
                    Link("\(S.Books.receipt(lang))\(lang.colon)\(document.name)", url: books.url(entry.id, document.number)).class("document")
                        .id("document-\(entry.id)-\(document.number)")
                }
                if let actions { actions(stored) }
            }.id("\(id)-\(entry.id)")
        }.class("plain settings").id(id)
    }
}

extension LedgerPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.Books.staffTitle, chrome: chrome) { lang in
            H2(estate.name)
            Layout.flash(message, refused ? "alert" : "status", id: "message")
            H2(S.Books.pending(lang))
            if pending.isEmpty { Paragraph(S.Books.nonePending(lang)).class("meta").id("none-pending") }
            EntryList(entries: pending, lang: lang, id: "pending", books: books) { stored in review(stored, lang) }
            if permissions.contains(.recordBooks) && !books.balances.isEmpty { recordForm(lang) }
            if permissions.contains(.recordBooks) && books.balances.count < 2 { openForm(lang) }
            books.sections(lang, paging: false, attach: permissions.contains(.recordBooks) ? { attachForm($0, lang) } : nil)
            Link(S.back(lang), url: SiteURL.manage).class("button secondary")
        }
    }

    /// What this staff member may do with a pending entry: review it (not their own), or answer the question that sent it back.
    @ComponentBuilder func review(_ stored: StoredEntry, _ lang: Lang) -> Component {
        let id = stored.entry.id
        Span("\(S.Books.state(stored.state)(lang))\(lang.dot)\(S.Books.recordedBy(names[stored.recordedBy] ?? stored.recordedBy)(lang))").class(
            "meta")
        if !stored.reason.isEmpty { Paragraph(stored.reason).class("ticket-text").id("reason-\(id)") }
        if stored.state == .recorded && permissions.contains(.approveBooks) && stored.recordedBy != staff.account.id {
            Form(post: SiteURL.reviewEntry(estate: String(estate.id)), csrf: staff.csrf) {
                Input(type: .hidden, name: "entry", value: id)
                Label(S.Books.decision(lang)) {
                    Select {
                        Option(S.Books.approve(lang), value: EntryDecision.approve.rawValue)
                        Option(S.Books.reject(lang), value: EntryDecision.reject.rawValue)
                        Option(S.Books.ask(lang), value: EntryDecision.ask.rawValue)
                    }.attr("name", "decision").id("decision-\(id)")
                }
                Label(S.Books.reason(lang)) {
                    TextArea(name: "reason", numberOfRows: 2).attr("maxlength", String(BookText.maximumCharacters)).id("reason-text-\(id)")
                }
                SubmitButton(S.Books.send(lang)).id("review-\(id)")
            }
        }
        if stored.state == .needsInformation && stored.recordedBy == staff.account.id {
            Form(post: SiteURL.reviewEntry(estate: String(estate.id)), csrf: staff.csrf) {
                Input(type: .hidden, name: "entry", value: id)
                Label(S.Books.answer(lang)) {
                    TextArea(name: "reason", numberOfRows: 2).attr("maxlength", String(BookText.maximumCharacters)).id("answer-text-\(id)")
                }
                Input(type: .hidden, name: "decision", value: "resubmit")
                SubmitButton(S.Books.resubmit(lang)).id("resubmit-\(id)")
            }
        }
    }

    func attachForm(_ stored: StoredEntry, _ lang: Lang) -> Component {
        let id = stored.entry.id
        return Form(post: SiteURL.entryDocuments(estate: String(estate.id)), csrf: staff.csrf, contentType: .multipartData) {
            Input(type: .hidden, name: "entry", value: id)
            Label(S.Books.document(lang)) {
                Input(type: .file, name: "document", isRequired: true).attr("accept", "application/pdf,image/png,image/jpeg").id("document-\(id)")
            }
            SubmitButton(S.Books.attach(lang)).id("attach-\(id)")
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
