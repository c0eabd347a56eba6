import Hummingbird
import QuorumCore
import QuorumStore

/// While the vote runs: the notice's delivery by hand and its public posting, the dashboard,
/// reminders to those who have not voted, and the lists of rooms unbound or not voted.
struct DeliveryRoutes {
    let dependencies: OwnerDependencies
    var store: Store { dependencies.store }

    var routes: [RouteSpec] {
        [
            // Anyone who sees the vote sees how far delivery has got; the per-room "seen
            // online" only those who may see the lists (`DeliveryPage`).
            .staffVote(.get, .manageVote(":vote", .delivery()), .view, noticed: true, delivery),
            .staffVote(.post, .manageVote(":vote", .delivery()), .deliver, noticed: true, recordDelivery),
            .staffVote(.post, .manageVote(":vote", .posting), .organise, noticed: true, posting),
            .staffVote(.get, .manageVote(":vote", .postingPhoto(":number")), .view, noticed: true, postingPhoto),
            .staffVote(.get, .manageVote(":vote", .dashboard), .view, noticed: true, dashboard),
            .staffVote(.post, .manageVote(":vote", .reminders), .organise, noticed: true, remind),
            .staffVote(.get, .manageVote(":vote", .list(":list")), .lists, noticed: true, roomList),
        ]
    }

    @Sendable func delivery(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let query = request.uri.queryParameters
        let page = try await DeliveryPage.load(
            context.vote, building: query["building"].map(String.init), query: query["q"].map(String.init), page: query["page"].flatMap { Int($0) },
            staff: context.staff, store: store)
        return Layout.response(page.render(chrome: context.chrome))
    }

    @Sendable func recordDelivery(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let (vote, form) = (context.vote, context.form)
        guard let person = form["person"].flatMap(Int.init), let method = form["method"].flatMap(DeliveryMethod.init(rawValue:)) else {
            return StaffPages.notFound(context.chrome)
        }
        do {
            try await store.organising.recordDelivery(
                vote: vote, person: person, method: method, day: form["day"] ?? "", actor: context.staff.account.id)
        } catch let error as DeliveryError {
            return try await refused(S.say(error)(context.lang), context, building: form["building"])
        }
        let back = SiteURL.manageVote(vote.id, .delivery(building: form["building"], q: form["q"], page: form["page"]))
        return Layout.redirect(location: "\(back)#p\(person)")
    }

    @Sendable func posting(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let (vote, form) = (context.vote, context.form)
        let count: Int
        do {
            let photo = try form.files.first { $0.field == "photo" && !$0.bytes.isEmpty }.map { try DocumentFile($0.bytes) }
            let day = (form["day"] ?? "").trimmingCharacters(in: .whitespaces)
            count = try await store.organising.recordPublicPosting(vote: vote, day: day, photo: photo, named: day, actor: context.staff.account.id)
        } catch let error where error is DeliveryError || error is DocumentError {
            return try await refused(SetupRoutes.say(error, context.lang), context, building: nil)
        }
        let page = try await DeliveryPage.load(
            vote, building: nil, staff: context.staff, message: S.postingRecorded(count)(context.lang), store: store)
        return Layout.response(page.render(chrome: context.chrome.at(.manageVote(vote.id, .delivery()))))
    }

    /// The delivery page again, saying why a record was refused (nothing recorded).
    func refused(_ message: String, _ context: StaffVoteContext, building: String?) async throws -> Response {
        let page = try await DeliveryPage.load(context.vote, building: building, staff: context.staff, message: message, refused: true, store: store)
        return Layout.response(
            page.render(chrome: context.chrome.at(.manageVote(context.vote.id, .delivery(building: building)))), status: .unprocessableContent)
    }

    @Sendable func postingPhoto(_ request: Request, context: StaffVoteContext) async throws -> Response {
        try await .document(context.parameters.get("number"), of: OrganisingStore.postingSubject(context.vote), store: store)
            ?? StaffPages.notFound(context.chrome)
    }

    @Sendable func dashboard(_ request: Request, context: StaffVoteContext) async throws -> Response {
        return try await dashboardPage(context, message: nil)
    }

    @Sendable func remind(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let message: String
        var refused = false
        do {
            let sent = try await store.organising.remindNonVoters(
                of: context.vote, actor: context.staff.account.id, again: context.form["again"] == "1", sender: dependencies.sender)
            message = S.remindersSent(sent)(context.lang)
        } catch let error as ReminderError {
            (message, refused) = (S.say(error)(context.lang), true)
        }
        return try await dashboardPage(context, message: message, refused: refused)
    }

    func dashboardPage(_ context: StaffVoteContext, message: String?, refused: Bool = false) async throws -> Response {
        var page = try await DashboardPage.load(context.vote, staff: context.staff, message: message, store: store)
        page.refused = refused
        return Layout.response(page.render(chrome: context.chrome.at(.manageVote(context.vote.id, .dashboard))))
    }

    @Sendable func roomList(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let (vote, actor) = (context.vote, context.staff.account.id)
        // (The delivery record is a list of its own page, not of this one.)
        guard let list = context.parameters.get("list").flatMap(NonVoterList.init(rawValue:)), list != .delivery else {
            return StaffPages.notFound(context.chrome)
        }
        do {
            let rooms =
                list == .unbound
                ? try await store.organising.unboundRooms(of: vote, actor: actor) : try await store.organising.nonVoterRooms(of: vote, actor: actor)
            let query = request.uri.queryParameters
            let page = RoomListPage(
                list: list, vote: vote, rooms: rooms, query: query["q"].map(String.init), page: query["page"].flatMap { Int($0) })
            return Layout.response(page.render(chrome: context.chrome))
        } catch let error as ListError {
            return Layout.refuse(
                .forbidden, list == .unbound ? S.unboundList : S.notVotedList, S.say(error), chrome: context.chrome,
                back: .manageVote(vote.id, .dashboard))
        }
    }
}
