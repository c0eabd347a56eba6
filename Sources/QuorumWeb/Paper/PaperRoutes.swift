import Foundation
import Hummingbird
import QuorumCore
import QuorumStore

/// Paper ballots: printing them, the two clerks' entry, the mismatch queue and the
/// reconciliation of what was printed, entered and counted.
struct PaperRoutes {
    let store: Store

    var routes: [RouteSpec] {
        [
            .staffVote(.get, .manageVote(":vote", .paper), .print, noticed: true, printBallots),
            .staffVote(.get, .manageVote(":vote", .entry()), .enter, noticed: true, entry),
            .staffVote(.post, .manageVote(":vote", .entry()), .enter, noticed: true, enter),
            .staffVote(.get, .manageVote(":vote", .mismatches), .resolve, noticed: true, mismatches),
            .staffVote(.post, .manageVote(":vote", .mismatches), .resolve, noticed: true, resolve),
            .staffVote(.get, .manageVote(":vote", .reconciliation), .view, noticed: true, reconciliation),
        ]
    }

    @Sendable func printBallots(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        guard let estate = try await store.register.estate(vote.estateID) else {
            return Layout.response(StaffPages.notFound(context.base.chrome), status: .notFound)
        }
        let building = request.uri.queryParameters["building"].map(String.init)
        var ballots = try await store.paper.ballots(of: vote.id, markPrinted: building == nil)
        if let building { ballots = ballots.filter { $0.building == building } }
        return Layout.response(PaperPages.print(vote, estate: estate.name, ballots: ballots, chrome: context.base.chrome))
    }

    @Sendable func entry(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let (vote, staff) = (context.vote, context.staff)
        let query = request.uri.queryParameters
        let flash = query["done"].map(String.init).flatMap { PaperPages.outcomeText($0, context.lang) }
        if let typed = query["code"].map(String.init), !typed.isEmpty {
            guard let ballot = try await store.paper.ballot(vote: vote.id, code: typed) else {
                return Layout.response(
                    PaperPages.scan(
                        vote, staff: staff, flash: nil, error: S.unknownPaperCode(context.lang), chrome: context.base.chrome), status: .notFound)
            }
            return Layout.response(PaperPages.entryForm(vote, ballot: ballot, staff: staff, error: nil, chrome: context.base.chrome))
        }
        return Layout.response(PaperPages.scan(vote, staff: staff, flash: flash, error: nil, chrome: context.base.chrome))
    }

    @Sendable func enter(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let (vote, staff, form) = (context.vote, context.staff, context.form)
        let code = form["code"] ?? ""
        do {
            let outcome = try await store.paper.enter(vote: vote, code: code, clerk: staff.account.id, choices: Self.choices(form, vote))
            return Layout.redirect(.manageVote(vote.id, .entry(done: PaperPages.outcomeKey(outcome))))
        } catch let error as PaperError {
            let text = S.say(error)(context.lang)
            if let ballot = try await store.paper.ballot(vote: vote.id, code: code), case .invalid = error {
                return Layout.response(
                    PaperPages.entryForm(vote, ballot: ballot, staff: staff, error: text, chrome: context.base.chrome), status: .unprocessableContent)
            }
            return Layout.response(PaperPages.scan(vote, staff: staff, flash: nil, error: text, chrome: context.base.chrome), status: .conflict)
        }
    }

    @Sendable func mismatches(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        return Layout.response(
            PaperPages.mismatches(
                vote, queue: try await store.paper.mismatches(of: vote.id), staff: context.staff, message: nil, chrome: context.base.chrome))
    }

    @Sendable func resolve(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let (vote, staff, form) = (context.vote, context.staff, context.form)
        let message: String
        var status = HTTPResponse.Status.ok
        do {
            let outcome = try await store.paper.resolve(
                vote: vote, code: form["code"] ?? "", resolver: staff.account.id, choices: Self.choices(form, vote))
            message = PaperPages.stateName(outcome, context.lang)
        } catch let error as PaperError {
            message = S.say(error)(context.lang)
            status = .conflict
        }
        return Layout.response(
            PaperPages.mismatches(
                vote, queue: try await store.paper.mismatches(of: vote.id), staff: staff, message: message, chrome: context.base.chrome),
            status: status)
    }

    @Sendable func reconciliation(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        return Layout.response(
            PaperPages.reconciliation(
                vote, lines: try await store.paper.reconciliation(of: vote.id), conflicts: try await store.paper.conflicts(of: vote.id),
                chrome: context.base.chrome))
    }

    /// A clerk's marks: the whole ballot spoiled, or the choices as on an owner's ballot.
    static func choices(_ form: FormData, _ vote: StoredVote) -> BallotChoices {
        form["spoiled"] != nil ? BallotChoices.spoiled(vote.definition) : OwnerRoutes.choices(from: form, vote: vote.definition)
    }
}
