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
        ]
    }

    @Sendable func newVote(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let estate = context.estate
        let buildings = try await store.register.stored(of: estate.id)?.register.buildings ?? []
        let opens = VoteCalendar.earliestOpening(noticedAt: store.now())
        let draft = VoteForm.Values.blank(opens: opens, closes: Timestamp(millisecondsSinceEpoch: opens.millisecondsSinceEpoch + 14 * 86_400_000))
        return Layout.response(
            SetupPages.form(
                estate: estate, buildings: buildings, values: draft, action: .createVote(estate: String(estate.id)), error: nil,
                staff: context.staff, chrome: context.base.chrome))
    }

    @Sendable func createVote(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let estate = context.estate
        let values = VoteForm.Values(context.form)
        let buildings = try await store.register.stored(of: estate.id)?.register.buildings ?? []
        do {
            let parsed = try values.parsed()
            let vote = try await store.organising.createDraft(
                estate: estate.id, definition: parsed.definition, opensAt: parsed.opensAt, closesAt: parsed.closesAt,
                ballotChange: parsed.ballotChange, objectionDays: parsed.objectionDays, actor: context.staff.account.id)
            return Layout.redirect(.manageVote(vote.id))
        } catch {
            return Layout.response(
                SetupPages.form(
                    estate: estate, buildings: buildings, values: values, action: .createVote(estate: String(estate.id)),
                    error: Self.say(error, context.lang), staff: context.staff, chrome: context.base.chrome), status: .unprocessableContent)
        }
    }

    @Sendable func editVote(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        guard let division = try await store.register.estate(vote.estateID) else {
            return Layout.response(StaffPages.notFound(context.base.chrome), status: .notFound)
        }
        guard vote.isDraft else { return Layout.redirect(.manageVote(vote.id)) }
        let buildings = try await store.register.stored(of: vote.estateID)?.register.buildings ?? []
        return Layout.response(
            SetupPages.form(
                estate: division, buildings: buildings, values: VoteForm.Values(vote), action: .manageVote(vote.id, .edit), error: nil,
                staff: context.staff, chrome: context.base.chrome))
    }

    @Sendable func updateVote(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        guard let division = try await store.register.estate(vote.estateID) else {
            return Layout.response(StaffPages.notFound(context.base.chrome), status: .notFound)
        }
        let values = VoteForm.Values(context.form)
        do {
            let parsed = try values.parsed()
            try await store.organising.updateDraft(
                vote.id, definition: parsed.definition, opensAt: parsed.opensAt, closesAt: parsed.closesAt, ballotChange: parsed.ballotChange,
                objectionDays: parsed.objectionDays)
            return Layout.redirect(.manageVote(vote.id))
        } catch {
            let buildings = try await store.register.stored(of: vote.estateID)?.register.buildings ?? []
            return Layout.response(
                SetupPages.form(
                    estate: division, buildings: buildings, values: values, action: .manageVote(vote.id, .edit),
                    error: Self.say(error, context.lang), staff: context.staff, chrome: context.base.chrome), status: .unprocessableContent)
        }
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
        guard let number = context.parameters.get("number").flatMap(Int.init),
            let (document, bytes) = try await store.documents.read(context.vote.subject, number: number)
        else { return Layout.response(StaffPages.notFound(context.base.chrome), status: .notFound) }
        return Response.download(bytes, type: document.mediaType, filename: document.name)
    }

    @Sendable func publishNotice(_ request: Request, context: StaffVoteContext) async throws -> Response {
        do {
            _ = try await store.organising.publishNotice(context.vote.id, actor: context.staff.account.id)
            return Layout.redirect(.manageVote(context.vote.id))
        } catch let error as SetupError {
            return await overviewPage(context, message: S.say(error)(context.lang), status: .conflict)
        }
    }

    @Sendable func overview(_ request: Request, context: StaffVoteContext) async throws -> Response {
        await overviewPage(context, message: nil)
    }

    func overviewPage(_ context: StaffVoteContext, message: String?, status: HTTPResponse.Status = .ok) async -> Response {
        let (vote, staff) = (context.vote, context.staff)
        do {
            let estate = try await store.register.estate(vote.estateID)
            return Layout.response(
                StaffPages.overview(
                    vote, estate: estate?.name ?? "", documents: try await store.documents.list(of: vote.subject),
                    progress: vote.isDraft ? nil : try await store.voting.progress(of: vote), permissions: staff.account.role.permissions,
                    staff: staff,
                    now: store.now(), message: message, demo: dependencies.demoClock != nil, chrome: context.base.chrome), status: status)
        } catch {
            return Layout.response(Layout.message(S.staffArea, "\(error)", chrome: context.base.chrome, back: .manage), status: .internalServerError)
        }
    }

    static func say(_ error: any Error, _ lang: Lang) -> String {
        switch error {
        case let error as SetupError: S.say(error)(lang)
        case let error as DocumentError: S.say(error)(lang)
        case let error as VoteForm.Problem: error.text(lang)
        default: "\(error)"
        }
    }
}
