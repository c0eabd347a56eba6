import Foundation
import Hummingbird
import QuorumCore
import QuorumStore

/// The organisers' side: sign-in, accounts, setting a vote up, the notice and its delivery,
/// the dashboard and lists, paper ballots, the result and the export. Every route's access
/// is declared in `routes` and checked by `RouteSpec.guarded` before a handler runs, so the
/// handlers below can rely on `context.staff`, `context.form` (POST) and `context.vote`.
struct StaffRoutes {
    let dependencies: OwnerDependencies
    var store: Store { dependencies.store }

    var routes: [RouteSpec] {
        var routes = [
            RouteSpec(.get, .staffLogin, .anyone, loginForm),
            RouteSpec(.post, .staffLogin, .anyone, login),
            RouteSpec(.post, .staffLogout, .staff(nil), logout),
            RouteSpec(.get, .manage, .staff(nil), home),
            RouteSpec(.get, .manageStaff, .staff(.manageStaff), accounts),
            RouteSpec(.post, .manageStaff, .staff(.manageStaff), addAccount),
            RouteSpec(.get, .newVote(estate: ":estate"), .staff(.organise), newVote),
            RouteSpec(.post, .createVote(estate: ":estate"), .staff(.organise), createVote),
            RouteSpec(.get, .manageVote(":vote"), .staff(.view), overview),
            RouteSpec(.get, .manageVote(":vote", .edit), .staff(.organise), editVote),
            RouteSpec(.post, .manageVote(":vote", .edit), .staff(.organise), updateVote),
            RouteSpec(.post, .manageVote(":vote", .documents), .staff(.organise), upload),
            RouteSpec(.get, .manageVote(":vote", .document(":number")), .staff(.view), document),
            RouteSpec(.post, .manageVote(":vote", .notice), .staff(.organise), publishNotice),
            RouteSpec(.get, .manageVote(":vote", .delivery()), .staff(.deliver), delivery),
            RouteSpec(.post, .manageVote(":vote", .delivery()), .staff(.deliver), recordDelivery),
            RouteSpec(.post, .manageVote(":vote", .posting), .staff(.organise), posting),
            RouteSpec(.get, .manageVote(":vote", .dashboard), .staff(.view), dashboard),
            RouteSpec(.post, .manageVote(":vote", .reminders), .staff(.organise), remind),
            RouteSpec(.get, .manageVote(":vote", .list(":list")), .staff(.lists), roomList),
            RouteSpec(.get, .manageVote(":vote", .paper), .staff(.print), printBallots),
            RouteSpec(.get, .manageVote(":vote", .entry()), .staff(.enter), entry),
            RouteSpec(.post, .manageVote(":vote", .entry()), .staff(.enter), enter),
            RouteSpec(.get, .manageVote(":vote", .mismatches), .staff(.resolve), mismatches),
            RouteSpec(.post, .manageVote(":vote", .mismatches), .staff(.resolve), resolve),
            RouteSpec(.get, .manageVote(":vote", .reconciliation), .staff(.view), reconciliation),
            RouteSpec(.get, .manageVote(":vote", .result), .staff(.view), result),
            RouteSpec(.post, .manageVote(":vote", .publish), .staff(.organise), publish),
            RouteSpec(.get, .manageVote(":vote", .report), .staff(.view), report),
            RouteSpec(.get, .manageVote(":vote", .export(":file")), .staff(.export), export),
        ]
        if dependencies.demoClock != nil {
            routes.append(RouteSpec(.post, .demoClock, .staff(nil), advanceClock))
        }
        return routes
    }

    // Signing in.

    @Sendable func loginForm(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        if context.staff != nil { return Layout.redirect(.manage) }
        return StaffPages.login(error: nil, username: "", context: context)
    }

    @Sendable func login(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: 16 * 1024)
        let username = form["username"] ?? ""
        do {
            let session = try await store.staffLogin(username: username, password: form["password"] ?? "")
            var response = Layout.redirect(.manage)
            // A new session id at every sign-in.
            response.setCookie(
                Cookie(
                    name: Cookies.staff, value: session.token, maxAge: Int(StaffLimits.sessionLifetimeMilliseconds / 1000), path: SiteURL.home.path,
                    secure: dependencies.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        } catch let error as StaffError {
            let status: HTTPResponse.Status = if case .locked = error { .tooManyRequests } else { .unauthorized }
            return StaffPages.login(error: S.say(error)(context.lang), username: username, context: context, status: status)
        }
    }

    @Sendable func logout(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        if let staff = context.staff { try await store.endStaffSession(token: staff.token) }
        var response = Layout.redirect(.home)
        response.setCookie(
            Cookie(
                name: Cookies.staff, value: "", maxAge: 0, path: SiteURL.home.path, secure: dependencies.secureCookies, httpOnly: true,
                sameSite: .strict))
        return response
    }

    @Sendable func home(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff else { return Layout.redirect(.staffLogin) }
        var estates: [(Division, [StoredVote])] = []
        if staff.account.role != .admin {
            for estate in try await store.estates(coveredBy: staff.account) {
                estates.append((estate, try await store.votes(of: estate.id)))
            }
        }
        return StaffPages.home(staff: staff, estates: estates, now: store.now(), context: context)
    }

    // Accounts.

    @Sendable func accounts(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff else { return Layout.redirect(.staffLogin) }
        return StaffPages.accounts(
            try await store.staffAccounts(visibleTo: staff.account), divisions: try await divisionChoices(for: staff.account), staff: staff,
            error: nil, context: context)
    }

    @Sendable func addAccount(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let form = context.form else { return Layout.redirect(.staffLogin) }
        let divisions = try await divisionChoices(for: staff.account)
        let role = form["role"].flatMap(StaffRole.init(rawValue:))
        let division = form["division"].flatMap(Int64.init)
        var error: String?
        if let role, role != .admin || staff.account.role == .admin,
            role == .admin || divisions.contains(where: { $0.id == division })
        {
            do {
                try await store.addStaff(
                    username: form["username"] ?? "", displayName: form["display_name"] ?? "", password: form["password"] ?? "", role: role,
                    division: role == .admin ? nil : division)
                return Layout.redirect(.manageStaff)
            } catch let failure as StaffError {
                error = S.say(failure)(context.lang)
            }
        } else {
            error = S.notAllowedRole(context.lang)
        }
        return StaffPages.accounts(
            try await store.staffAccounts(visibleTo: staff.account), divisions: divisions, staff: staff, error: error, context: context,
            status: .badRequest)
    }

    /// The divisions an account may open accounts in: its own and everything below it.
    func divisionChoices(for account: StaffAccount) async throws -> [Division] {
        var result: [Division] = []
        for division in try await store.allDivisions() where division.level.isAdministrative || division.level == .estate {
            if try await store.covers(account, division: division.id) { result.append(division) }
        }
        return result
    }

    // Setting a vote up.

    @Sendable func newVote(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let estate = context.parameters.get("estate").flatMap(Int64.init),
            let division = try await store.estate(estate)
        else { return StaffPages.notFound(context) }
        let buildings = try await store.register(of: estate)?.register.buildings ?? []
        let opens = VoteCalendar.earliestOpening(noticedAt: store.now())
        let draft = VoteForm.Values.blank(opens: opens, closes: Timestamp(millisecondsSinceEpoch: opens.millisecondsSinceEpoch + 14 * 86_400_000))
        return SetupPages.form(
            estate: division, buildings: buildings, values: draft, action: .createVote(estate: String(estate)), error: nil, staff: staff,
            context: context)
    }

    @Sendable func createVote(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let form = context.form, let estate = context.parameters.get("estate").flatMap(Int64.init),
            let division = try await store.estate(estate)
        else { return StaffPages.notFound(context) }
        let values = VoteForm.Values(form)
        let buildings = try await store.register(of: estate)?.register.buildings ?? []
        do {
            let parsed = try values.parsed()
            let vote = try await store.createDraft(
                estate: estate, definition: parsed.definition, opensAt: parsed.opensAt, closesAt: parsed.closesAt,
                ballotChange: parsed.ballotChange, objectionDays: parsed.objectionDays, actor: staff.account.id)
            return Layout.redirect(.manageVote(vote.id))
        } catch {
            return SetupPages.form(
                estate: division, buildings: buildings, values: values, action: .createVote(estate: String(estate)),
                error: Self.say(error, context.lang), staff: staff, context: context, status: .unprocessableContent)
        }
    }

    @Sendable func editVote(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let vote = context.vote, let division = try await store.estate(vote.estateID) else {
            return StaffPages.notFound(context)
        }
        guard vote.isDraft else { return Layout.redirect(.manageVote(vote.id)) }
        let buildings = try await store.register(of: vote.estateID)?.register.buildings ?? []
        return SetupPages.form(
            estate: division, buildings: buildings, values: VoteForm.Values(vote), action: .manageVote(vote.id, .edit), error: nil,
            staff: staff, context: context)
    }

    @Sendable func updateVote(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let form = context.form, let vote = context.vote, let division = try await store.estate(vote.estateID)
        else { return StaffPages.notFound(context) }
        let values = VoteForm.Values(form)
        do {
            let parsed = try values.parsed()
            try await store.updateDraft(
                vote.id, definition: parsed.definition, opensAt: parsed.opensAt, closesAt: parsed.closesAt, ballotChange: parsed.ballotChange,
                objectionDays: parsed.objectionDays)
            return Layout.redirect(.manageVote(vote.id))
        } catch {
            let buildings = try await store.register(of: vote.estateID)?.register.buildings ?? []
            return SetupPages.form(
                estate: division, buildings: buildings, values: values, action: .manageVote(vote.id, .edit),
                error: Self.say(error, context.lang), staff: staff, context: context, status: .unprocessableContent)
        }
    }

    @Sendable func upload(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let form = context.form, let vote = context.vote else { return StaffPages.notFound(context) }
        guard let file = form.files.first(where: { $0.field == "document" }), !file.bytes.isEmpty else {
            return await overviewPage(vote, staff: staff, message: S.chooseFile(context.lang), context: context, status: .badRequest)
        }
        do {
            let name = file.filename.split(separator: "/").last.map(String.init) ?? "document"
            try await store.addDocument(to: vote.id, name: String(name.prefix(120)), bytes: file.bytes, actor: staff.account.id)
            return Layout.redirect(.manageVote(vote.id))
        } catch let error as SetupError {
            return await overviewPage(
                vote, staff: staff, message: S.say(error)(context.lang), context: context, status: .badRequest)
        }
    }

    @Sendable func document(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let vote = context.vote, let number = context.parameters.get("number").flatMap(Int.init),
            let (document, bytes) = try await store.documentContent(vote: vote.id, number: number)
        else { return StaffPages.notFound(context) }
        return StaffPages.download(bytes, type: document.mediaType, filename: document.name)
    }

    @Sendable func publishNotice(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let vote = context.vote else { return StaffPages.notFound(context) }
        do {
            _ = try await store.publishNotice(vote.id, actor: staff.account.id)
            return Layout.redirect(.manageVote(vote.id))
        } catch let error as SetupError {
            return await overviewPage(
                vote, staff: staff, message: S.say(error)(context.lang), context: context, status: .conflict)
        }
    }

    @Sendable func overview(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let vote = context.vote else { return StaffPages.notFound(context) }
        return await overviewPage(vote, staff: staff, message: nil, context: context)
    }

    func overviewPage(
        _ vote: StoredVote, staff: StaffSession, message: String?, context: QuorumRequestContext, status: HTTPResponse.Status = .ok
    ) async -> Response {
        do {
            let estate = try await store.estate(vote.estateID)
            let permissions = staff.account.role.permissions
            return StaffPages.overview(
                vote, estate: estate?.name ?? "", documents: try await store.documents(of: vote.id),
                progress: vote.isDraft ? nil : try await store.progress(of: vote), permissions: permissions, staff: staff, now: store.now(),
                message: message, demo: dependencies.demoClock != nil, context: context, status: status)
        } catch {
            return Layout.message(S.staffArea, "\(error)", context: context, status: .internalServerError, back: .manage)
        }
    }

    // Delivery.

    @Sendable func delivery(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let vote = context.vote, !vote.isDraft else { return StaffPages.notFound(context) }
        let building = request.uri.queryParameters["building"].map(String.init)
        return StaffPages.delivery(
            vote, persons: try await store.persons(of: vote.id), building: building, staff: staff, message: nil, context: context)
    }

    @Sendable func recordDelivery(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let form = context.form, let vote = context.vote, !vote.isDraft,
            let person = form["person"].flatMap(Int.init)
        else { return StaffPages.notFound(context) }
        try await store.recordDelivery(vote: vote.id, person: person, method: .hand, actor: staff.account.id)
        return Layout.redirect(location: "\(SiteURL.manageVote(vote.id, .delivery(building: form["building"])))#p\(person)")
    }

    @Sendable func posting(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let vote = context.vote, !vote.isDraft else { return StaffPages.notFound(context) }
        let count = try await store.recordPublicPosting(vote: vote.id, actor: staff.account.id)
        return StaffPages.delivery(
            vote, persons: try await store.persons(of: vote.id), building: nil, staff: staff, message: S.postingRecorded(count)(context.lang),
            context: context)
    }

    // During the vote.

    @Sendable func dashboard(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let vote = context.vote, !vote.isDraft else { return StaffPages.notFound(context) }
        return StaffPages.dashboard(
            vote, progress: try await store.progress(of: vote), buildings: try await store.buildingProgress(of: vote.id), staff: staff,
            now: store.now(), message: nil, context: context)
    }

    @Sendable func remind(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let vote = context.vote, !vote.isDraft else { return StaffPages.notFound(context) }
        let message: String
        do {
            message = S.remindersSent(try await store.remindNonVoters(of: vote, sender: dependencies.sender))(context.lang)
        } catch let error as ListError {
            message = S.say(error)(context.lang)
        }
        return StaffPages.dashboard(
            vote, progress: try await store.progress(of: vote), buildings: try await store.buildingProgress(of: vote.id), staff: staff,
            now: store.now(), message: message, context: context)
    }

    @Sendable func roomList(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let vote = context.vote, !vote.isDraft,
            let list = context.parameters.get("list").flatMap(NonVoterList.init(rawValue:))
        else { return StaffPages.notFound(context) }
        do {
            let rooms =
                list == .unbound
                ? try await store.unboundRooms(of: vote, actor: staff.account.id) : try await store.nonVoterRooms(of: vote, actor: staff.account.id)
            return StaffPages.roomList(vote, list: list, rooms: rooms, context: context)
        } catch let error as ListError {
            return Layout.message(
                list == .unbound ? S.unboundList : S.notVotedList, S.say(error)(context.lang), context: context,
                status: .forbidden, back: .manageVote(vote.id, .dashboard))
        }
    }

    // Paper ballots.

    @Sendable func printBallots(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let vote = context.vote, !vote.isDraft, let estate = try await store.estate(vote.estateID) else { return StaffPages.notFound(context) }
        let building = request.uri.queryParameters["building"].map(String.init)
        var ballots = try await store.paperBallots(of: vote.id, markPrinted: building == nil)
        if let building { ballots = ballots.filter { $0.building == building } }
        return PaperPages.print(vote, estate: estate.name, ballots: ballots, context: context)
    }

    @Sendable func entry(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let vote = context.vote, !vote.isDraft else { return StaffPages.notFound(context) }
        let query = request.uri.queryParameters
        let flash = query["done"].map(String.init).flatMap { PaperPages.outcomeText($0, context.lang) }
        if let typed = query["code"].map(String.init), !typed.isEmpty {
            guard let ballot = try await store.paperBallot(vote: vote.id, code: typed) else {
                return PaperPages.scan(vote, staff: staff, flash: nil, error: S.unknownPaperCode(context.lang), context: context, status: .notFound)
            }
            return PaperPages.entryForm(vote, ballot: ballot, staff: staff, error: nil, context: context)
        }
        return PaperPages.scan(vote, staff: staff, flash: flash, error: nil, context: context)
    }

    @Sendable func enter(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let form = context.form, let vote = context.vote, !vote.isDraft else { return StaffPages.notFound(context) }
        let code = form["code"] ?? ""
        let choices = form["spoiled"] != nil ? BallotChoices.spoiled(vote.definition) : OwnerRoutes.choices(from: form, vote: vote.definition)
        do {
            let outcome = try await store.enterPaper(vote: vote, code: code, clerk: staff.account.id, choices: choices)
            return Layout.redirect(SiteURL.manageVote(vote.id, .entry(done: PaperPages.outcomeKey(outcome))))
        } catch let error as PaperError {
            let text = S.say(error)(context.lang)
            if let ballot = try await store.paperBallot(vote: vote.id, code: code), case .invalid = error {
                return PaperPages.entryForm(vote, ballot: ballot, staff: staff, error: text, context: context, status: .unprocessableContent)
            }
            return PaperPages.scan(vote, staff: staff, flash: nil, error: text, context: context, status: .conflict)
        }
    }

    @Sendable func mismatches(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let vote = context.vote, !vote.isDraft else { return StaffPages.notFound(context) }
        return PaperPages.mismatches(vote, queue: try await store.paperMismatches(of: vote.id), staff: staff, message: nil, context: context)
    }

    @Sendable func resolve(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let form = context.form, let vote = context.vote, !vote.isDraft else { return StaffPages.notFound(context) }
        let choices = form["spoiled"] != nil ? BallotChoices.spoiled(vote.definition) : OwnerRoutes.choices(from: form, vote: vote.definition)
        let message: String
        var status = HTTPResponse.Status.ok
        do {
            let outcome = try await store.resolvePaper(vote: vote, code: form["code"] ?? "", resolver: staff.account.id, choices: choices)
            message = PaperPages.outcomeText(PaperPages.outcomeKey(outcome), context.lang) ?? ""
        } catch let error as PaperError {
            message = S.say(error)(context.lang)
            status = .conflict
        }
        return PaperPages.mismatches(
            vote, queue: try await store.paperMismatches(of: vote.id), staff: staff, message: message, context: context, status: status)
    }

    @Sendable func reconciliation(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let vote = context.vote, !vote.isDraft else { return StaffPages.notFound(context) }
        return PaperPages.reconciliation(
            vote, lines: try await store.paperReconciliation(of: vote.id), conflicts: try await store.conflicts(of: vote.id), context: context)
    }

    // The result.

    @Sendable func result(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let vote = context.vote else { return StaffPages.notFound(context) }
        guard let details = try await ResultDetails.load(vote, store: store) else {
            return Layout.message(
                S.resultTitle, S.notCountedYet(vote.closesAt.localMinute)(context.lang), context: context, status: .notFound,
                back: .manageVote(vote.id))
        }
        return ResultPages.result(details, forStaff: staff, context: context)
    }

    @Sendable func report(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let vote = context.vote, let details = try await ResultDetails.load(vote, store: store) else { return StaffPages.notFound(context) }
        return ResultPages.result(details, forStaff: nil, context: context, printable: true)
    }

    @Sendable func publish(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let staff = context.staff, let form = context.form, let vote = context.vote else { return StaffPages.notFound(context) }
        do {
            _ = try await store.publishResult(vote.id, final: form["final"] == "1", actor: staff.account.id)
            return Layout.redirect(.manageVote(vote.id, .result))
        } catch let error as ResultError {
            return Layout.message(
                S.resultTitle, S.say(error)(context.lang), context: context, status: .conflict,
                back: .manageVote(vote.id, .result))
        }
    }

    @Sendable func export(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let vote = context.vote, !vote.isDraft, let file = context.parameters.get("file") else { return StaffPages.notFound(context) }
        switch file {
        case "registry.csv", "matters.json", "ballots.csv", "deliveries.csv":
            // The register and the ballots are read only for the files made of them.
            let files = try await store.exportFiles(of: vote)
            let (text, type): (String?, String) =
                switch file {
                case "registry.csv": (files.registry, "text/csv; charset=utf-8")
                case "matters.json": (files.matters, "application/json")
                case "ballots.csv": (files.ballots, "text/csv; charset=utf-8")
                default: (files.deliveries, "text/csv; charset=utf-8")
                }
            guard let text else { return StaffPages.notFound(context) }
            return StaffPages.download(Array(text.utf8), type: type, filename: file)
        case "tally.json":
            guard let tally = vote.tallyJSON else { return StaffPages.notFound(context) }
            return StaffPages.download(Array(tally.utf8), type: "application/json", filename: file)
        case "log.jsonl":
            var text = ""
            try await store.exportLog { text += $0 }
            return StaffPages.download(Array(text.utf8), type: "application/x-ndjson", filename: file)
        default:
            return StaffPages.notFound(context)
        }
    }

    // The demo's clock.

    @Sendable func advanceClock(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let clock = dependencies.demoClock, let form = context.form else { return StaffPages.notFound(context) }
        clock.advance(hours: (form["hours"].flatMap(Int.init) ?? 24))
        try await store.settleDue()
        return Layout.redirect(location: form["back"].flatMap { $0.hasPrefix(SiteURL.manage.path) ? $0 : nil } ?? SiteURL.manage.path)
    }

    static func say(_ error: any Error, _ lang: Lang) -> String {
        switch error {
        case let error as SetupError: S.say(error)(lang)
        case let error as VoteForm.Problem: error.text(lang)
        default: "\(error)"
        }
    }
}
