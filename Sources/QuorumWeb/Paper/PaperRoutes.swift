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
            .staffVote(.post, .manageVote(":vote", .paperComplete), .organise, noticed: true, declareComplete),
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
                let page = try await ScanPage.load(vote, clerk: staff.account.id, error: S.unknownPaperCode(context.lang), store: store)
                return Layout.response(page.render(chrome: context.chrome), status: .notFound)
            }
            let refusal = try await store.paper.entryRefusal(vote: vote, ballot: ballot, clerk: staff.account.id)
            let page = EntryPage(
                vote: vote, ballot: ballot, csrf: staff.csrf, refusal: refusal.map { S.say($0)(context.lang) }, now: store.now())
            return Self.entry(page, context, status: refusal == nil ? .ok : .conflict)
        }
        return Layout.response(try await ScanPage.load(vote, clerk: staff.account.id, flash: flash, store: store).render(chrome: context.chrome))
    }

    @Sendable func enter(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let (vote, staff, form) = (context.vote, context.staff, context.form)
        let code = form["code"] ?? ""
        do {
            guard let ballot = try await store.paper.ballot(vote: vote.id, code: code) else { throw PaperError.unknownCode }
            // The header's language switch: the form again, holding what it held.
            if form["relang"] != nil {
                return Self.entry(EntryPage(vote: vote, ballot: ballot, csrf: staff.csrf, now: store.now(), held: form), context)
            }
            let outcome = try await store.paper.enter(vote: vote, code: code, clerk: staff.account.id, reading: try Self.reading(form, vote))
            return Layout.redirect(.manageVote(vote.id, .entry(done: PaperPages.outcomeKey(outcome))))
        } catch let error as PaperError {
            let text = S.say(error)(context.lang)
            if let ballot = try await store.paper.ballot(vote: vote.id, code: code), error.isAboutTheForm {
                return Self.entry(
                    EntryPage(vote: vote, ballot: ballot, csrf: staff.csrf, error: text, now: store.now(), held: form), context,
                    status: .unprocessableContent)
            }
            let page = try await ScanPage.load(vote, clerk: staff.account.id, error: text, store: store)
            return Layout.response(page.render(chrome: context.chrome), status: .conflict)
        }
    }

    @Sendable func mismatches(_ request: Request, context: StaffVoteContext) async throws -> Response {
        Layout.response(try await MismatchPage.load(context.vote, csrf: context.staff.csrf, store: store).render(chrome: context.chrome))
    }

    @Sendable func resolve(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let (vote, staff, form, code) = (context.vote, context.staff, context.form, context.form["code"] ?? "")
        // The header's language switch: the queue again, the form holding what it held, nothing settled.
        if form["relang"] != nil {
            var page = try await MismatchPage.load(vote, csrf: staff.csrf, store: store)
            page.held = (code, form)
            return Layout.response(page.render(chrome: context.chrome))
        }
        let message: (text: String, ok: Bool)
        var status = HTTPResponse.Status.ok
        do {
            let item = try await store.paper.mismatches(of: vote.id).first { $0.ballot.code == code }
            let reading = try Self.reading(form, vote)
            let outcome = try await store.paper.resolve(vote: vote, code: code, resolver: staff.account.id, reading: reading)
            message = (PaperPages.settled(outcome, reading, item, context.lang), true)
        } catch let error as PaperError {
            message = (S.say(error)(context.lang), false)
            status = .conflict
        }
        var page = try await MismatchPage.load(vote, csrf: staff.csrf, message: message, store: store)
        if !message.ok { page.held = (code, form) }
        return Layout.response(page.render(chrome: context.chrome), status: status)
    }

    @Sendable func reconciliation(_ request: Request, context: StaffVoteContext) async throws -> Response {
        Layout.response(try await ReconciliationPage.load(context.vote, store: store).render(chrome: context.chrome))
    }

    /// A ballot's entry form is named by its code (`?code=`).
    static func entry(_ page: EntryPage, _ context: StaffVoteContext, status: HTTPResponse.Status = .ok) -> Response {
        Layout.response(page.render(chrome: context.chrome.at(.manageVote(page.vote.id, .entry(code: page.ballot.code)))), status: status)
    }

    /// What a clerk read off a ballot: the collection record, and the marks (the whole ballot
    /// spoiled, or unsigned and so spoiled, or the choices as on an owner's ballot).
    static func reading(_ form: FormData, _ vote: StoredVote) throws(PaperError) -> PaperReading {
        guard let at = form["collected_at"].flatMap(VoteForm.instant) else { throw .noCollection }
        let collection = PaperCollection(
            kind: form["collection_kind"].flatMap(PaperCollection.Kind.init(rawValue:)) ?? .hand,
            by: (form["collected_by"] ?? "").trimmingCharacters(in: .whitespaces), at: at)
        let marks = form["spoiled"] != nil ? BallotChoices.spoiled(vote.definition) : OwnerRoutes.choices(from: form, vote: vote.definition)
        return PaperReading(choices: DoubleEntry.marks(marks, signed: form["signed"] != "no", vote: vote.definition), collection: collection)
    }

    /// The organiser declares the paper entry complete; the vote is counted at once.
    @Sendable func declareComplete(_ request: Request, context: StaffVoteContext) async throws -> Response {
        do {
            try await store.paper.declareComplete(vote: context.vote, actor: context.staff.account.id)
            return Layout.redirect(.manageVote(context.vote.id, .result))
        } catch let error as PaperError {
            return Layout.refuse(.conflict, S.paperEntry, S.say(error), chrome: context.chrome, back: .manageVote(context.vote.id))
        }
    }
}
