import Hummingbird
import QuorumCore
import QuorumStore

/// The estate's books (issue 14): the owners' "our money" page; the staff's page to record an
/// entry (the property company or the committee) and to review one (the committee, never the
/// one who recorded it).
struct BooksRoutes {
    let store: Store

    var routes: [RouteSpec] {
        [
            .owner(.get, .books(), books),
            .owner(.get, .bookDocument(entry: ":entry", number: ":number"), ownerDocument),
            .staffEstate(.get, .manageEntryDocument(estate: ":estate", entry: ":entry", number: ":number"), .view, staffDocument),
            .staffEstate(.get, .manageBooks(estate: ":estate"), .view, ledger),
            .staffEstate(.post, .manageBooks(estate: ":estate"), .recordBooks, record),
            .staffEstate(.post, .reviewEntry(estate: ":estate"), .recordBooks, review),
            .staffEstate(.post, .entryDocuments(estate: ":estate"), .recordBooks, attach),
        ]
    }

    @Sendable func books(_ request: Request, context: OwnerContext) async throws -> Response {
        let page = request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1
        return Layout.response(try await BooksPage.load(estate: context.session.estateID, page: page, store: store).render(chrome: context.chrome))
    }

    /// An approved entry's document, for the owners of its estate; anything else is not found.
    @Sendable func ownerDocument(_ request: Request, context: OwnerContext) async throws -> Response {
        let estate = context.session.estateID
        guard let id = context.parameters.get("entry"), let stored = try await store.books.entry(id, estate: estate), stored.state == .approved,
            let response = try await Response.document(context.parameters.get("number"), of: stored.subject, store: store)
        else { return Layout.refuse(.notFound, S.notFound, S.notFound, chrome: context.chrome, back: .books()) }
        return response
    }

    /// Any entry's document, for its estate's staff.
    @Sendable func staffDocument(_ request: Request, context: StaffEstateContext) async throws -> Response {
        guard let id = context.parameters.get("entry"), let stored = try await store.books.entry(id, estate: context.estate.id),
            let response = try await Response.document(context.parameters.get("number"), of: stored.subject, store: store)
        else { return StaffPages.notFound(context.chrome) }
        return response
    }

    @Sendable func ledger(_ request: Request, context: StaffEstateContext) async throws -> Response {
        Layout.response(try await LedgerPage.load(context.estate, staff: context.staff, store: store).render(chrome: context.chrome))
    }

    @Sendable func record(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let form = context.form
        return try await answer(context, done: S.Books.recorded) {
            guard let account = form["account"].flatMap(LedgerAccount.init(code:)), let kind = form["kind"].flatMap(EntryKind.init) else {
                throw BooksError.noSuchAccount
            }
            let text = (form["amount"] ?? "").trimmingCharacters(in: .whitespaces)
            guard case .success(let amount) = Money.parse(text) else { throw BooksError.badAmount(text) }
            if kind == .opening {
                _ = try await store.books.openAccount(
                    account, estate: context.estate.id, opening: amount, date: form["date"] ?? "", by: context.staff.account.id)
                return
            }
            let entry = LedgerEntry(
                id: "", account: account, kind: kind, amount: amount, category: form["category"] ?? "", counterparty: form["counterparty"] ?? "",
                date: form["date"] ?? "", description: form["description"] ?? "")
            _ = try await store.books.record(entry, estate: context.estate.id, by: context.staff.account.id)
        }
    }

    /// A committee member's decision, or the recorder's resubmission (`decision=resubmit`).
    @Sendable func review(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let (form, actor, estate) = (context.form, context.staff.account.id, context.estate.id)
        return try await answer(context, done: S.Books.reviewed) {
            let id = form["entry"] ?? ""
            if form["decision"] == "resubmit" {
                _ = try await store.books.resubmit(id, estate: estate, answer: form["reason"] ?? "", by: actor)
                return
            }
            // Deciding is the committee's (the property company records and resubmits only).
            guard let decision = form["decision"].flatMap(EntryDecision.init), context.staff.account.role.permissions.contains(.approveBooks)
            else { throw BooksError.recorderMayNotReview }
            _ = try await store.books.review(id, estate: estate, decision, reason: form["reason"] ?? "", by: actor)
        }
    }

    /// An invoice, receipt or contract for an entry (PDF or image, checked by its bytes).
    @Sendable func attach(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let form = context.form
        return try await answer(context, done: S.Books.attached) {
            let upload = form.files.first { $0.field == "document" }
            let name = String((upload?.filename.split(separator: "/").last.map(String.init) ?? "document").prefix(120))
            _ = try await store.books.attach(
                try DocumentFile(upload?.bytes ?? []), named: name, to: form["entry"] ?? "", estate: context.estate.id, by: context.staff.account.id)
        }
    }

    /// The staff page again, with what became of the action or why it was refused.
    private func answer(_ context: StaffEstateContext, done: L10n, _ action: () async throws -> Void) async throws -> Response {
        var (message, refused) = (done(context.lang), false)
        do {
            try await action()
        } catch let error where error is BooksError || error is DocumentError {
            message = (error as? BooksError).map { S.Books.say($0)(context.lang) } ?? SetupRoutes.say(error, context.lang)
            refused = true
        }
        let page = try await LedgerPage.load(context.estate, staff: context.staff, message: message, refused: refused, store: store)
        return Layout.response(page.render(chrome: context.chrome), status: refused ? .unprocessableContent : .ok)
    }
}
