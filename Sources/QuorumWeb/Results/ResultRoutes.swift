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
            .ownerVote(.get, .vote(":vote", .resultNotice), ownerNotice),
            .staffVote(.get, .manageVote(":vote", .resultNotice), .view, notice),
            .staffVote(.get, .manageVote(":vote", .result), .view, result),
            .staffVote(.post, .manageVote(":vote", .publish), .organise, publish),
            .staffVote(.get, .manageVote(":vote", .report), .view, report),
            .staffVote(.get, .manageVote(":vote", .export(":file")), .export, noticed: true, export),
        ]
    }

    @Sendable func ownerResult(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        guard let vote = try await store.results.settle(context.vote.id), vote.preliminaryAt != nil,
            let page = try await ResultPage.load(vote, owner: (context.session, context.voters), store: store)
        else {
            return Layout.refuse(.notFound, S.resultTitle, S.resultNotPublished, chrome: context.chrome, back: .votes)
        }
        return Layout.response(page.render(chrome: context.chrome))
    }

    @Sendable func ownerNotice(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        guard let vote = try await store.results.settle(context.vote.id),
            let page = try await ResultNoticePage.load(vote, back: .vote(vote.id, .result), store: store)
        else {
            return Layout.refuse(.notFound, S.ResultNotice.title, S.resultNotPublished, chrome: context.chrome, back: .votes)
        }
        return Layout.response(page.render(chrome: context.chrome))
    }

    @Sendable func notice(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        guard let page = try await ResultNoticePage.load(vote, back: .manageVote(vote.id, .result), store: store) else {
            return Layout.refuse(.notFound, S.ResultNotice.title, S.resultNotPublished, chrome: context.chrome, back: .manageVote(vote.id, .result))
        }
        return Layout.response(page.render(chrome: context.chrome))
    }

    @Sendable func result(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        guard let page = try await ResultPage.load(vote, staff: context.staff, store: store) else {
            return Layout.refuse(
                .notFound, S.resultTitle, S.notCountedYet(vote.closesAt.localMinute), chrome: context.chrome, back: .manageVote(vote.id))
        }
        return Layout.response(page.render(chrome: context.chrome))
    }

    @Sendable func report(_ request: Request, context: StaffVoteContext) async throws -> Response {
        guard let page = try await ResultPage.load(context.vote, printable: true, store: store) else { return StaffPages.notFound(context.chrome) }
        return Layout.response(page.render(chrome: context.chrome))
    }

    @Sendable func publish(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        do {
            _ = try await store.results.publishResult(vote.id, final: context.form["final"] == "1", actor: context.staff.account.id)
            return Layout.redirect(.manageVote(vote.id, .result))
        } catch let error as ResultError {
            return Layout.refuse(.conflict, S.resultTitle, S.say(error), chrome: context.chrome, back: .manageVote(vote.id, .result))
        }
    }

    @Sendable func export(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let vote = context.vote
        guard let file = context.parameters.get("file"), let known = VoteFile(rawValue: file) else { return StaffPages.notFound(context.chrome) }
        do {
            try await store.results.recordExport(known, of: vote, actor: context.staff.account.id)
        } catch let error as ResultError {
            return Layout.refuse(.forbidden, S.export, S.say(error), chrome: context.chrome, back: .manageVote(vote.id, .overview))
        }
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
            guard let text else { return StaffPages.notFound(context.chrome) }
            return Response.download(Array(text.utf8), type: type, filename: file)
        case "export.xlsx":
            // The same tables as the CSVs, as read back by their reader (so a guarded cell is its text again).
            let files = try await store.results.exportFiles(of: vote)
            let tables = [("registry", files.registry), ("ballots", files.ballots), ("deliveries", files.deliveries)].compactMap { name, csv in
                csv.map { Workbook.Table(name: name, rows: CSVParser.records(in: Array($0.utf8)).records.map(\.fields)) }
            }
            return Response.download(
                [UInt8](try Workbook.write(tables)), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: file)
        case "tally.json":
            guard let tally = vote.tallyJSON else { return StaffPages.notFound(context.chrome) }
            return Response.download(Array(tally.utf8), type: "application/json", filename: file)
        case "log.jsonl":
            // Other estates' entries by their hashes only: the proofs hold, their titles and actors stay theirs.
            let estates = Set(try await store.staff.estates(coveredBy: context.staff.account).map(\.id))
            var text = ""
            try await store.log.export(showing: estates) { text += $0 }
            return Response.download(Array(text.utf8), type: "application/x-ndjson", filename: file)
        default:
            return StaffPages.notFound(context.chrome)
        }
    }
}
