import Foundation
import Hummingbird
import QuorumCore
import QuorumStore

/// Setting a vote up: the draft (new, edited), its documents, the notice that opens it to
/// the owners, and the vote's overview page.
struct SetupRoutes {
    let dependencies: OwnerDependencies
    var store: Store { dependencies.store }

    var routes: [RouteSpec] {
        [
            .staffEstate(.get, .newVote(estate: ":estate"), .organise, newVote),
            .staffEstate(.post, .createVote(estate: ":estate"), .organise, createVote),
            .staffVote(.get, .manageVote(":vote"), .view, overview),
            .staffVote(.get, .manageVote(":vote", .edit), .organise, editVote),
            .staffVote(.post, .manageVote(":vote", .edit), .organise, updateVote),
            .staffVote(.post, .manageVote(":vote", .documents), .organise, upload),
            .staffVote(.get, .manageVote(":vote", .document(":number")), .view, document),
            .staffVote(.post, .manageVote(":vote", .notice), .organise, publishNotice),
            .staffVote(.post, .manageVote(":vote", .clerks), .organise, clerks),
        ]
    }

    @Sendable func newVote(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let estate = context.estate
        let opens = VoteCalendar.earliestOpening(noticedAt: store.now())
        let draft = VoteForm.Values.blank(opens: opens, closes: Timestamp(millisecondsSinceEpoch: opens.millisecondsSinceEpoch + 14 * 86_400_000))
        return try await form(estate, draft, action: .createVote(estate: String(estate.id)), staff: context.staff, context: context.base)
    }

    @Sendable func createVote(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let estate = context.estate
        let values = VoteForm.Values(context.form)
        if let again = Self.again(values, context.form) {
            return try await form(estate, again, action: .createVote(estate: String(estate.id)), staff: context.staff, context: context.base)
        }
        do {
            let parsed = try values.parsed()
            let vote = try await store.organising.createDraft(
                estate: estate.id, definition: parsed.definition, opensAt: parsed.opensAt, closesAt: parsed.closesAt,
                actor: context.staff.account.id)
            return Layout.redirect(.manageVote(vote.id))
        } catch {
            return try await form(
                estate, values, action: .createVote(estate: String(estate.id)), error: error, staff: context.staff, context: context.base)
        }
    }

    @Sendable func editVote(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        guard let division = try await store.register.estate(vote.estateID) else { return StaffPages.notFound(context.chrome) }
        guard vote.isDraft else { return Layout.redirect(.manageVote(vote.id)) }
        return try await form(division, VoteForm.Values(vote), action: .manageVote(vote.id, .edit), staff: context.staff, context: context.base)
    }

    @Sendable func updateVote(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        guard let division = try await store.register.estate(vote.estateID) else { return StaffPages.notFound(context.chrome) }
        let values = VoteForm.Values(context.form)
        if let again = Self.again(values, context.form) {
            return try await form(division, again, action: .manageVote(vote.id, .edit), staff: context.staff, context: context.base)
        }
        do {
            let parsed = try values.parsed()
            try await store.organising.updateDraft(vote.id, definition: parsed.definition, opensAt: parsed.opensAt, closesAt: parsed.closesAt)
            return Layout.redirect(.manageVote(vote.id))
        } catch {
            return try await form(division, values, action: .manageVote(vote.id, .edit), error: error, staff: context.staff, context: context.base)
        }
    }

    /// The form sent to be shown again, not saved: in the other language (the header's switch),
    /// or with one more matter (`add`); nil when it is sent to be saved.
    static func again(_ values: VoteForm.Values, _ form: FormData) -> VoteForm.Values? {
        guard form["relang"] != nil || form["add"] != nil else { return nil }
        var values = values
        if form["add"] != nil && values.matters.count < VoteForm.most { values.matters.append(VoteForm.Matter()) }
        return values
    }

    /// The set-up form, refused (`error`) or not. Its own address is the page a GET shows (a
    /// new vote's form is sent to a route for POST only).
    func form(
        _ estate: Division, _ values: VoteForm.Values, action: SiteURL, error: (any Error)? = nil, staff: StaffSession,
        context: QuorumRequestContext
    ) async throws -> Response {
        let page = try await SetupPage.load(
            estate, values: values, action: action, error: error.map { Self.say($0, context.lang) }, csrf: staff.csrf, store: store)
        let here: SiteURL = if case .createVote(let estate) = action { .newVote(estate: estate) } else { action }
        return Layout.response(page.render(chrome: context.chrome.at(here)), status: error == nil ? .ok : .unprocessableContent)
    }

    @Sendable func upload(_ request: Request, context: StaffVoteContext) async throws -> Response {
        guard let file = context.form.files.first(where: { $0.field == "document" }), !file.bytes.isEmpty else {
            return await overviewPage(context, message: S.chooseFile(context.lang), status: .badRequest)
        }
        do {
            let name = file.filename.split(separator: "/").last.map(String.init) ?? "document"
            try await store.organising.addDocument(
                to: context.vote.id, name: String(name.prefix(120)), bytes: file.bytes, actor: context.staff.account.id)
            return Layout.redirect(.manageVote(context.vote.id))
        } catch let error where error is SetupError || error is DocumentError {
            return await overviewPage(context, message: Self.say(error, context.lang), status: .badRequest)
        }
    }

    @Sendable func document(_ request: Request, context: StaffVoteContext) async throws -> Response {
        try await .document(context.parameters.get("number"), of: context.vote.subject, store: store) ?? StaffPages.notFound(context.chrome)
    }

    @Sendable func publishNotice(_ request: Request, context: StaffVoteContext) async throws -> Response {
        do {
            _ = try await store.organising.publishNotice(context.vote.id, actor: context.staff.account.id)
            return Layout.redirect(.manageVote(context.vote.id))
        } catch let error as SetupError {
            return await overviewPage(context, message: S.say(error)(context.lang), status: .conflict)
        }
    }

    /// Before the notice, the lists of clerks and scrutineers as ticked; after, a replacement.
    @Sendable func clerks(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let (vote, form, actor) = (context.vote, context.form, context.staff.account.id)
        // The header's language switch: the page again, the form holding what it held.
        if form["relang"] != nil { return await overviewPage(context, message: nil, held: form) }
        do {
            if vote.isDraft {
                try await store.organising.nameStaff(vote: vote.id, clerks: form.all("clerk"), scrutineers: form.all("scrutineer"), actor: actor)
            } else {
                try await store.organising.replaceStaff(
                    vote: vote, replaced: form["replaced"] ?? "", by: form["replacement"] ?? "", reason: form["reason"] ?? "", actor: actor)
            }
            return Layout.redirect(.manageVote(vote.id))
        } catch let error as SetupError {
            return await overviewPage(context, message: S.say(error)(context.lang), status: .unprocessableContent, held: form)
        }
    }

    @Sendable func overview(_ request: Request, context: StaffVoteContext) async throws -> Response {
        await overviewPage(context, message: nil)
    }

    func overviewPage(_ context: StaffVoteContext, message: String?, status: HTTPResponse.Status = .ok, held: FormData? = nil) async -> Response {
        do {
            var page = try await OverviewPage.load(
                context.vote, staff: context.staff, message: message, demo: dependencies.demoClock != nil, store: store)
            page.heldClerks = held
            return Layout.response(page.render(chrome: context.chrome.at(.manageVote(context.vote.id))), status: status)
        } catch {
            return Layout.response(Layout.message(S.staffArea, "\(error)", chrome: context.chrome, back: .manage), status: .internalServerError)
        }
    }

    static func say(_ error: any Error, _ lang: Lang) -> String {
        switch error {
        case let error as SetupError: S.say(error)(lang)
        case let error as DocumentError: S.say(error)(lang)
        case let error as DeliveryError: S.say(error)(lang)
        case let error as VoteForm.Problem: error.text(lang)
        default: "\(error)"
        }
    }
}
