import Foundation
import Hummingbird
import QuorumCore
import QuorumStore

/// The result: the owner's view once published, the organisers' view, the printable report,
/// publishing (preliminary, then final) and the export files.
struct ResultRoutes {
    let store: Store

    var routes: [RouteSpec] {
        [
            .ownerVote(.get, .vote(":vote", .result), ownerResult),
            .staffVote(.get, .manageVote(":vote", .result), .view, result),
            .staffVote(.post, .manageVote(":vote", .publish), .organise, publish),
            .staffVote(.get, .manageVote(":vote", .report), .view, report),
            .staffVote(.get, .manageVote(":vote", .export(":file")), .export, noticed: true, export),
        ]
    }

    @Sendable func ownerResult(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        guard let vote = try await store.results.settle(context.vote.id), vote.preliminaryAt != nil,
            let details = try await ResultDetails.load(vote, store: store)
        else {
            return Layout.response(
                Layout.message(S.resultTitle, S.resultNotPublished(context.lang), chrome: context.base.chrome, back: .votes), status: .notFound)
        }
        return Layout.response(ResultPages.result(details, forStaff: nil, chrome: context.base.chrome))
    }

    @Sendable func result(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        guard let details = try await ResultDetails.load(vote, store: store) else {
            return Layout.response(
                Layout.message(
                    S.resultTitle, S.notCountedYet(vote.closesAt.localMinute)(context.lang), chrome: context.base.chrome,
                    back: .manageVote(vote.id)), status: .notFound)
        }
        return Layout.response(ResultPages.result(details, forStaff: context.staff, chrome: context.base.chrome))
    }

    @Sendable func report(_ request: Request, context: StaffVoteContext) async throws -> Response {
        guard let details = try await ResultDetails.load(context.vote, store: store) else {
            return Layout.response(StaffPages.notFound(context.base.chrome), status: .notFound)
        }
        return Layout.response(ResultPages.result(details, forStaff: nil, chrome: context.base.chrome, printable: true))
    }

    @Sendable func publish(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        do {
            _ = try await store.results.publishResult(vote.id, final: context.form["final"] == "1", actor: context.staff.account.id)
            return Layout.redirect(.manageVote(vote.id, .result))
        } catch let error as ResultError {
            return Layout.response(
                Layout.message(
                    S.resultTitle, S.say(error)(context.lang), chrome: context.base.chrome,
                    back: .manageVote(vote.id, .result)), status: .conflict)
        }
    }

    @Sendable func export(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        guard let file = context.parameters.get("file") else { return Layout.response(StaffPages.notFound(context.base.chrome), status: .notFound) }
        switch file {
        case "registry.csv", "matters.json", "ballots.csv", "deliveries.csv":
            // The register and the ballots are read only for the files made of them.
            let files = try await store.results.exportFiles(of: vote)
            let (text, type): (String?, String) =
                switch file {
                case "registry.csv": (files.registry, "text/csv; charset=utf-8")
                case "matters.json": (files.matters, "application/json")
                case "ballots.csv": (files.ballots, "text/csv; charset=utf-8")
                default: (files.deliveries, "text/csv; charset=utf-8")
                }
            guard let text else { return Layout.response(StaffPages.notFound(context.base.chrome), status: .notFound) }
            return Response.download(Array(text.utf8), type: type, filename: file)
        case "tally.json":
            guard let tally = vote.tallyJSON else { return Layout.response(StaffPages.notFound(context.base.chrome), status: .notFound) }
            return Response.download(Array(tally.utf8), type: "application/json", filename: file)
        case "log.jsonl":
            var text = ""
            try await store.log.export { text += $0 }
            return Response.download(Array(text.utf8), type: "application/x-ndjson", filename: file)
        default:
            return Layout.response(StaffPages.notFound(context.base.chrome), status: .notFound)
        }
    }
}
