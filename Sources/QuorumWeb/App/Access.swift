import Hummingbird
import QuorumCore
import QuorumStore

/// What the route guard resolved, handed to the handler as non-optional values: one context
/// per kind of access (as hummingbird-examples' child request contexts), so that no handler
/// checks or unwraps access again. Each carries the request's own context (`base`, for the
/// pages) and reads through to it (`context.lang`, `context.parameters`).
@dynamicMemberLookup
protocol ResolvedContext: Sendable {
    var base: QuorumRequestContext { get }
}

extension ResolvedContext {
    subscript<Value>(dynamicMember path: KeyPath<QuorumRequestContext, Value>) -> Value { base[keyPath: path] }
}

/// A signed-in owner.
struct OwnerContext: ResolvedContext {
    let base: QuorumRequestContext
    let session: OwnerSession
}

/// A signed-in owner on a vote of their estate in which they hold at least one voting person.
struct OwnerVoteContext: ResolvedContext {
    let base: QuorumRequestContext
    let session: OwnerSession
    let vote: StoredVote
    /// The owner's voting persons in the vote (never empty).
    let voters: [VoterView]
}

/// A signed-in staff member holding the route's permission; on a POST, the form, its CSRF
/// token checked (an empty form on a GET).
struct StaffContext: ResolvedContext {
    let base: QuorumRequestContext
    let staff: StaffSession
    let form: FormData
}

/// A staff member on the estate the route's `:estate` names, holding the permission there.
struct StaffEstateContext: ResolvedContext {
    let base: QuorumRequestContext
    let staff: StaffSession
    let form: FormData
    let estate: Division
}

/// A staff member on the vote the route's `:vote` names (settled), holding the permission on its estate.
struct StaffVoteContext: ResolvedContext {
    let base: QuorumRequestContext
    let staff: StaffSession
    let form: FormData
    let vote: StoredVote
}

/// A thing the guard looked for, or the response that says why it is not there.
enum Found<Value> {
    case success(Value)
    case failure(Response)

    /// `next` of the value found, or the failure passed on.
    func then<Next>(_ next: (Value) async throws -> Found<Next>) async rethrows -> Found<Next> {
        switch self {
        case .success(let value): try await next(value)
        case .failure(let response): .failure(response)
        }
    }
}

/// How the guard resolves each kind of access; the refusals are the site's answers to a
/// caller who may not (the authorization matrix and the page snapshots pin them).
enum Guard {
    static func owner(_ context: QuorumRequestContext) -> Found<OwnerContext> {
        guard let session = context.session else { return .failure(Layout.redirect(.bind)) }
        return .success(OwnerContext(base: context, session: session))
    }

    /// The vote `:vote` names and the owner's persons in it.
    static func ownerVote(_ context: QuorumRequestContext, store: Store) async throws -> Found<OwnerVoteContext> {
        try await owner(context).then { owner in
            // A vote of any estate whose register holds the owner: one binding sees them all.
            guard let id = context.parameters.get("vote"), let vote = try await store.voting.vote(id),
                try await (vote.estateID == owner.session.estateID ? true : store.binding.estates(of: owner.session.idHash).contains(vote.estateID))
            else {
                return .failure(Layout.refuse(.notFound, S.notFound, S.notFound, chrome: context.chrome, back: .votes))
            }
            let voters = try await store.voting.voters(in: vote.id, owner: owner.session.idHash)
            guard !voters.isEmpty else { return .failure(Layout.refuse(.forbidden, S.notice, S.noBallotHere, chrome: context.chrome, back: .votes)) }
            return .success(OwnerVoteContext(base: context, session: owner.session, vote: vote, voters: voters))
        }
    }

    /// The staff member, and on a POST the form (multipart or not) with its CSRF token checked.
    static func staff(_ request: Request, _ context: QuorumRequestContext) async throws -> Found<StaffContext> {
        guard let staff = context.staff else {
            if request.method == .get { return .failure(Layout.redirect(.staffLogin)) }
            return .failure(Layout.refuse(.forbidden, S.staffSignIn, S.staffSignInFirst, chrome: context.chrome, back: .staffLogin))
        }
        // After a reset, a new password before any other page (issue 13).
        if staff.account.mustChangePassword && ![SiteURL.changePassword.path, SiteURL.staffLogout.path].contains(request.uri.path) {
            return .failure(Layout.redirect(.changePassword))
        }
        var form = FormData("")
        if request.method == .post {
            if let boundary = request.headers[.contentType].flatMap(Multipart.boundary(contentType:)) {
                let body = try await request.body.collect(upTo: DocumentFile.maximumBytes + 64 * 1024)
                let parsed = Multipart.parse(Array(buffer: body), boundary: boundary)
                form = parsed.form
                for file in parsed.files { form.attach(file) }
            } else {
                form = try await FormData.read(request, context: context)
            }
            guard form["csrf"] == staff.csrf else {
                return .failure(Layout.refuse(.forbidden, S.staffArea, S.formExpired, chrome: context.chrome, back: .manage))
            }
        }
        return .success(StaffContext(base: context, staff: staff, form: form))
    }

    /// The staff member holding `permission` by role (a route naming no estate or vote).
    static func staff(_ request: Request, _ context: QuorumRequestContext, _ permission: Permission?) async throws -> Found<StaffContext> {
        try await staff(request, context).then { staff in
            guard let permission, !staff.staff.account.role.permissions.contains(permission) else { return .success(staff) }
            return .failure(StaffPages.forbidden(context.chrome))
        }
    }

    static func staffEstate(
        _ request: Request, _ context: QuorumRequestContext, _ permission: Permission, store: Store
    ) async throws -> Found<StaffEstateContext> {
        try await staff(request, context).then { staff in
            guard let id = context.parameters.get("estate").flatMap(Int64.init), let estate = try await store.register.estate(id) else {
                return .failure(StaffPages.notFound(context.chrome))
            }
            guard try await store.staff.may(staff.staff.account, permission, estate: estate.id) else {
                return .failure(StaffPages.forbidden(context.chrome))
            }
            return .success(StaffEstateContext(base: context, staff: staff.staff, form: staff.form, estate: estate))
        }
    }

    /// `noticed`: only once the vote's notice is out (before, the vote's pages of that kind do not exist).
    static func staffVote(
        _ request: Request, _ context: QuorumRequestContext, _ permission: Permission, noticed: Bool, store: Store
    ) async throws -> Found<StaffVoteContext> {
        try await staff(request, context).then { staff in
            guard let id = context.parameters.get("vote"), let vote = try await store.results.settle(id) else {
                return .failure(StaffPages.notFound(context.chrome))
            }
            guard try await store.staff.may(staff.staff.account, permission, estate: vote.estateID) else {
                return .failure(StaffPages.forbidden(context.chrome))
            }
            guard !noticed || !vote.isDraft else { return .failure(StaffPages.notFound(context.chrome)) }
            // Paper ballots: only the clerks the committee named for the vote (issue 13).
            if permission == .enter, try await !store.organising.isClerk(staff.staff.account.id, of: vote.id) {
                return .failure(Layout.refuse(.forbidden, S.paperEntry, S.Clerks.notNamed, chrome: context.chrome, back: .manageVote(vote.id)))
            }
            return .success(StaffVoteContext(base: context, staff: staff.staff, form: staff.form, vote: vote))
        }
    }
}
