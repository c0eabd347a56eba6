import Hummingbird
import QuorumCore
import QuorumStore

/// Paper ballots: printing them, the two clerks' entry, the mismatch queue and the
/// reconciliation of what was printed, entered and counted.
struct PaperRoutes {
    let store: Store

    var routes: [RouteSpec] {
        [
            .staffVote(.get, .manageVote(":vote", .paper()), .print, noticed: true, printBallots),
            .staffVote(.get, .manageVote(":vote", .entry()), .enter, noticed: true, entry),
            .staffVote(.post, .manageVote(":vote", .entry()), .enter, noticed: true, enter),
            .staffVote(.get, .manageVote(":vote", .mismatches), .resolve, noticed: true, mismatches),
            .staffVote(.post, .manageVote(":vote", .mismatches), .resolve, noticed: true, resolve),
            .staffVote(.get, .manageVote(":vote", .reconciliation), .view, noticed: true, reconciliation),
        ]
    }

    @Sendable func printBallots(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        guard let estate = try await store.register.estate(vote.estateID) else { return StaffPages.notFound(context.chrome) }
        let query = request.uri.queryParameters
        let page = PrintPage(
            vote: vote, estate: estate.name, all: try await store.paper.ballots(of: vote.id), building: query["building"].map(String.init),
            person: query["person"].flatMap { Int(String($0)) })
        try await store.paper.markPrinted(page.ballots.map(\.code), of: vote.id)
        return Layout.response(page.render(chrome: context.chrome))
    }

    @Sendable func entry(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let (vote, staff) = (context.vote, context.staff)
        let query = request.uri.queryParameters
        let flash = query["done"].map(String.init).flatMap { PaperPages.outcomeText($0, context.lang) }
        if let typed = query["code"].map(String.init), !typed.isEmpty {
            guard let ballot = try await store.paper.ballot(vote: vote.id, code: typed) else {
                return Layout.response(
                    ScanPage(vote: vote, error: S.unknownPaperCode(context.lang)).render(chrome: context.chrome), status: .notFound)
            }
            let refusal = try await store.paper.entryRefusal(vote: vote, ballot: ballot, clerk: staff.account.id)
            let page = EntryPage(vote: vote, ballot: ballot, csrf: staff.csrf, refusal: refusal.map { S.say($0)(context.lang) })
            return Self.entry(page, context, status: refusal == nil ? .ok : .conflict)
        }
        return Layout.response(ScanPage(vote: vote, flash: flash).render(chrome: context.chrome))
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
                return Self.entry(EntryPage(vote: vote, ballot: ballot, csrf: staff.csrf, error: text), context, status: .unprocessableContent)
            }
            return Layout.response(ScanPage(vote: vote, error: text).render(chrome: context.chrome), status: .conflict)
        }
    }

    @Sendable func mismatches(_ request: Request, context: StaffVoteContext) async throws -> Response {
        Layout.response(try await MismatchPage.load(context.vote, csrf: context.staff.csrf, store: store).render(chrome: context.chrome))
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
        let page = try await MismatchPage.load(vote, csrf: staff.csrf, message: message, store: store)
        return Layout.response(page.render(chrome: context.chrome), status: status)
    }

    @Sendable func reconciliation(_ request: Request, context: StaffVoteContext) async throws -> Response {
        Layout.response(try await ReconciliationPage.load(context.vote, store: store).render(chrome: context.chrome))
    }

    /// A ballot's entry form is named by its code (`?code=`).
    static func entry(_ page: EntryPage, _ context: StaffVoteContext, status: HTTPResponse.Status = .ok) -> Response {
        Layout.response(page.render(chrome: context.chrome.at(.manageVote(page.vote.id, .entry(code: page.ballot.code)))), status: status)
    }

    /// A clerk's marks: the whole ballot spoiled, or the choices as on an owner's ballot.
    static func choices(_ form: FormData, _ vote: StoredVote) -> BallotChoices {
        form["spoiled"] != nil ? BallotChoices.spoiled(vote.definition) : OwnerRoutes.choices(from: form, vote: vote.definition)
    }
}
