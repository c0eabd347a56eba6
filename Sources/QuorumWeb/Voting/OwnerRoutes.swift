import Foundation
import Hummingbird
import Plot
import QuorumCore
import QuorumStore
import Synchronization

/// What the owners' routes need: the store, the message sender and the mode.
public struct OwnerDependencies: Sendable {
    public var store: Store
    public var sender: any MessageSender
    /// Demo mode shows each one-time code on the page; never on in production.
    public var showCodes: DevelopmentMessages?
    /// Whether cookies are marked Secure (behind TLS).
    public var secureCookies: Bool
    /// Identity providers whose signed credentials bind an owner (none: the option is hidden).
    public var trustedIssuers: [TrustedIssuer]
    /// Addresses of the proxies in front, whose `X-Forwarded-For` names the client.
    public var trustedProxies: Set<String>
    /// In demo mode, the clock organisers may move forward (a route exists only then).
    public var demoClock: DemoClock?
    /// The figures `/metrics` shows (`quorum serve` sets it; nil: `/metrics` answers 404).
    public var metrics: WebMetrics?

    public init(
        store: Store, sender: any MessageSender, showCodes: DevelopmentMessages? = nil, secureCookies: Bool = false,
        trustedIssuers: [TrustedIssuer] = [], trustedProxies: Set<String> = []
    ) {
        self.store = store
        self.sender = sender
        self.showCodes = showCodes
        self.secureCookies = secureCookies
        self.trustedIssuers = trustedIssuers
        self.trustedProxies = trustedProxies
    }
}

/// In demo mode: the last message to each (masked) phone, for the code page to show.
public final class DevelopmentMessages: MessageSender {
    private let last = Mutex<[String: String]>([:])
    private let next: any MessageSender

    public init(forwardingTo next: any MessageSender) {
        self.next = next
    }

    public func send(to phone: String, purpose: String, body: String) async throws {
        try await next.send(to: phone, purpose: purpose, body: body)
        last.withLock { $0[Masking.phone(phone)] = body }
    }

    func message(to maskedPhone: String) -> String? {
        last.withLock { $0[maskedPhone] }
    }
}

/// A thing a handler looked for, or the response that says why it is not there.
enum Found<Value> {
    case success(Value)
    case failure(Response)
}

/// The owner's path: bind, list, notice, ballot, confirm, cast, receipt, progress.
struct OwnerRoutes {
    let dependencies: OwnerDependencies
    var store: Store { dependencies.store }

    var routes: [RouteSpec] {
        [
            RouteSpec(.get, .home, .anyone) { request, context in
                if context.session != nil { return Layout.redirect(.votes) }
                return Layout.page(S.siteName, context: context, path: .home) {
                    Paragraph(S.tagline(context.lang))
                    Link(S.startBinding(context.lang), url: SiteURL.bind).class("button").id("start")
                    Link(S.staffEntrance(context.lang), url: SiteURL.staffLogin).class("button secondary").id("staff-entrance")
                }
            },
            RouteSpec(.get, .bind, .anyone, bindForm),
            RouteSpec(.post, .bind, .anyone, bind),
            RouteSpec(.post, .bindCode, .anyone, confirmCode),
            RouteSpec(.post, .bindCredential, .anyone, bindByCredential),
            RouteSpec(.post, .logout, .owner, logout),
            RouteSpec(.get, .votes, .owner, votes),
            RouteSpec(.get, .vote(":vote"), .owner, notice),
            RouteSpec(.get, .vote(":vote", .ballot()), .owner, ballot),
            RouteSpec(.post, .vote(":vote", .confirm), .owner, confirm),
            RouteSpec(.post, .vote(":vote", .cast), .owner, cast),
            RouteSpec(.get, .vote(":vote", .progress), .owner, progress),
            RouteSpec(.get, .vote(":vote", .document(":number")), .owner, document),
            RouteSpec(.get, .vote(":vote", .result), .owner, result),
            RouteSpec(.get, .receipt(":code"), .owner, receipt),
        ]
    }

    // Binding.

    @Sendable func bindForm(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        // The browser's value again if it is one of ours: anything else (a cookie planted by
        // a sibling site, say) is replaced, never echoed into the page or the Set-Cookie.
        let given = request.cookies[Cookies.preSession]?.value ?? ""
        let pre = Self.isToken(given) ? given : Self.randomToken()
        var response = BindPages.form(
            estates: try await store.estates(), pre: pre, error: nil, credentials: !dependencies.trustedIssuers.isEmpty, context: context)
        response.setCookie(cookie(Cookies.preSession, pre, maxAge: 3600))
        return response
    }

    @Sendable func bind(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: FormData.ownerLimit)
        let estates = try await store.estates()
        guard let pre = form["pre"], pre == request.cookies[Cookies.preSession]?.value else {
            return Layout.message(S.bindTitle, S.formExpired(context.lang), context: context, status: .forbidden, back: .bind)
        }
        let name = form["name"] ?? ""
        guard let estate = form["estate"].flatMap(Int64.init), estates.contains(where: { $0.id == estate }) else {
            return BindPages.form(
                estates: estates, pre: pre, error: S.formExpired(context.lang), name: name, credentials: !dependencies.trustedIssuers.isEmpty,
                context: context, status: .badRequest)
        }
        do {
            let start = try await store.startBinding(
                estate: estate, name: name, idNumber: form["id_number"] ?? "", address: context.remoteAddress, sender: dependencies.sender)
            return BindPages.code(
                attempt: start.attempt, phoneMasked: start.phoneMasked, pre: pre, error: nil,
                demoMessage: dependencies.showCodes?.message(to: start.phoneMasked), context: context)
        } catch let error as BindingError {
            let status: HTTPResponse.Status = error == .tooManyRequests ? .tooManyRequests : .badRequest
            return BindPages.form(
                estates: estates, pre: pre, error: S.say(error)(context.lang), name: name, credentials: !dependencies.trustedIssuers.isEmpty,
                context: context, status: status)
        }
    }

    @Sendable func confirmCode(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: FormData.ownerLimit)
        guard let pre = form["pre"], pre == request.cookies[Cookies.preSession]?.value, let attempt = form["attempt"] else {
            return Layout.message(S.bindTitle, S.formExpired(context.lang), context: context, status: .forbidden, back: .bind)
        }
        do {
            return try await signedIn(try await store.confirmBinding(attempt: attempt, code: form["code"] ?? ""), request: request)
        } catch let error as BindingError {
            let phone = form["phone"] ?? ""
            return BindPages.code(
                attempt: attempt, phoneMasked: phone, pre: pre, error: S.say(error)(context.lang),
                demoMessage: dependencies.showCodes?.message(to: phone), context: context, status: .badRequest)
        }
    }

    @Sendable func bindByCredential(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: FormData.ownerLimit)
        let estates = try await store.estates()
        guard let pre = form["pre"], pre == request.cookies[Cookies.preSession]?.value,
            let estate = form["estate"].flatMap(Int64.init), estates.contains(where: { $0.id == estate })
        else {
            return Layout.message(S.bindTitle, S.formExpired(context.lang), context: context, status: .forbidden, back: .bind)
        }
        let failure: String
        do {
            let credential = try CredentialVerifier.verify(form["credential"] ?? "", trusted: dependencies.trustedIssuers, now: store.now())
            return try await signedIn(try await store.bind(estate: estate, credential: credential), request: request)
        } catch let error as CredentialError {
            failure = S.say(error)(context.lang)
        } catch let error as BindingError {
            failure = S.say(error)(context.lang)
        }
        return BindPages.form(estates: estates, pre: pre, error: failure, credentials: true, context: context, status: .badRequest)
    }

    @Sendable func logout(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: FormData.ownerLimit)
        guard let session = context.session, form["csrf"] == session.csrf else { return Layout.redirect(.home) }
        try await store.endSession(token: session.token)
        var response = Layout.redirect(.home)
        response.setCookie(cookie(Cookies.session, "", maxAge: 0))
        return response
    }

    // The vote.

    @Sendable func votes(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let session = context.session else { return Layout.redirect(.bind) }
        var items: [VoteListItem] = []
        for vote in try await store.votes(of: session.estateID) {
            let voters = try await store.voters(in: vote.id, owner: session.idHash)
            guard !voters.isEmpty else { continue }
            let receipts = try await store.receipts(in: vote.id, persons: voters.map(\.person), castBy: session.idHash)
            items.append(VoteListItem(vote: vote, progress: try await store.progress(of: vote), voters: voters, receipts: receipts))
        }
        return VotePages.list(items, owner: session.ownerName, now: store.now(), context: context)
    }

    /// The vote and the owner's persons in it, or the response that says why not.
    private func voteAndVoters(_ context: QuorumRequestContext) async throws -> Found<(StoredVote, [VoterView], OwnerSession)> {
        guard let session = context.session else { return .failure(Layout.redirect(.bind)) }
        guard let id = context.parameters.get("vote"), let vote = try await store.vote(id), vote.estateID == session.estateID else {
            return .failure(Layout.message(S.notFound, S.notFound(context.lang), context: context, status: .notFound, back: .votes))
        }
        let voters = try await store.voters(in: vote.id, owner: session.idHash)
        guard !voters.isEmpty else {
            return .failure(Layout.message(S.notice, S.noBallotHere(context.lang), context: context, status: .forbidden, back: .votes))
        }
        return .success((vote, voters, session))
    }

    @Sendable func notice(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        switch try await voteAndVoters(context) {
        case .failure(let response): return response
        case .success(let (vote, voters, session)):
            // Seeing the notice here is its delivery online (指导规则 Art. 22).
            try await store.recordSeenOnline(vote: vote.id, owner: session.idHash)
            return VotePages.notice(
                vote, progress: try await store.progress(of: vote), voters: voters, documents: try await store.documents(of: vote.id),
                now: store.now(), context: context)
        }
    }

    @Sendable func document(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        switch try await voteAndVoters(context) {
        case .failure(let response): return response
        case .success(let (vote, _, _)):
            guard let number = context.parameters.get("number").flatMap(Int.init),
                let (document, bytes) = try await store.documentContent(vote: vote.id, number: number)
            else {
                return Layout.message(S.notFound, S.notFound(context.lang), context: context, status: .notFound, back: .vote(vote.id))
            }
            return StaffPages.download(bytes, type: document.mediaType, filename: document.name)
        }
    }

    @Sendable func result(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        switch try await voteAndVoters(context) {
        case .failure(let response): return response
        case .success(let (vote, _, _)):
            guard let vote = try await store.settle(vote.id), vote.preliminaryAt != nil,
                let details = try await ResultDetails.load(vote, store: store)
            else {
                return Layout.message(S.resultTitle, S.resultNotPublished(context.lang), context: context, status: .notFound, back: .votes)
            }
            return ResultPages.result(details, forStaff: nil, context: context)
        }
    }

    @Sendable func ballot(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        switch try await voteAndVoters(context) {
        case .failure(let response): return response
        case .success(let (vote, voters, session)):
            guard let voter = Self.voter(request.uri.queryParameters["person"].map(String.init), in: voters) else {
                return Layout.message(S.ballot, S.noBallotHere(context.lang), context: context, status: .notFound, back: .votes)
            }
            if voter.votedAt != nil && !vote.ballotChange { return Layout.redirect(.votes) }
            return VotePages.ballot(vote, voter: voter, chosen: BallotChoices([:]), problems: [], csrf: session.csrf, context: context)
        }
    }

    @Sendable func confirm(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: FormData.ownerLimit)
        switch try await voteAndVoters(context) {
        case .failure(let response): return response
        case .success(let (vote, voters, session)):
            guard form["csrf"] == session.csrf else {
                return Layout.message(S.ballot, S.formExpired(context.lang), context: context, status: .forbidden, back: .votes)
            }
            guard let voter = Self.voter(form["person"], in: voters) else {
                return Layout.message(S.ballot, S.noBallotHere(context.lang), context: context, status: .notFound, back: .votes)
            }
            let choices = Self.choices(from: form, vote: vote.definition)
            let problems = vote.definition.problems(with: choices)
            guard problems.isEmpty else {
                return VotePages.ballot(
                    vote, voter: voter, chosen: choices, problems: problems, csrf: session.csrf, context: context, status: .unprocessableContent)
            }
            return VotePages.confirm(vote, voter: voter, choices: choices, csrf: session.csrf, error: nil, context: context)
        }
    }

    /// The cast: the session, then straight to `castOnline`, whose batch checks the vote, the
    /// estate, the owner's membership of the person, the choices and the window in one read
    /// for the whole batch (docs/PERFORMANCE.md) — no reads of its own before it.
    @Sendable func cast(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: 2 * 1024 * 1024)
        guard let session = context.session else { return Layout.redirect(.bind) }
        guard form["csrf"] == session.csrf else {
            return Layout.message(S.ballot, S.formExpired(context.lang), context: context, status: .forbidden, back: .votes)
        }
        guard let id = context.parameters.get("vote"), let person = form["person"].flatMap(Int.init),
            let choices = try? BallotChoices(canonicalJSON: form["choices"] ?? "")
        else {
            return Layout.message(S.ballot, S.formExpired(context.lang), context: context, status: .badRequest, back: .votes)
        }
        let drawn = form["signature_drawn"] ?? ""
        let typed = (form["signature_typed"] ?? "").trimmingCharacters(in: .whitespaces)
        let signature: Signature
        if drawn.hasPrefix("data:image/png;base64,") {
            signature = .drawn(drawn)
        } else if !typed.isEmpty {
            signature = .typed(typed)
        } else {
            // Unsigned: back to the confirmation, which needs the vote and the person.
            switch try await voteAndVoters(context) {
            case .failure(let response): return response
            case .success(let (vote, voters, session)):
                guard let voter = voters.first(where: { $0.person == person }) else {
                    return Layout.message(S.ballot, S.noBallotHere(context.lang), context: context, status: .notFound, back: .votes)
                }
                return VotePages.confirm(
                    vote, voter: voter, choices: choices, csrf: session.csrf, error: S.needSignature(context.lang), context: context)
            }
        }
        do {
            let receipt = try await store.castOnline(
                vote: id, person: person, owner: session.idHash, choices: choices, signature: signature, estate: session.estateID)
            return Layout.redirect(.receipt(receipt.code))
        } catch CastError.noSuchVote {
            return Layout.message(S.notFound, S.notFound(context.lang), context: context, status: .notFound, back: .votes)
        } catch CastError.notYourBallot {
            return Layout.message(S.ballot, S.noBallotHere(context.lang), context: context, status: .forbidden, back: .votes)
        } catch let error as CastError {
            let text = S.say(error)(context.lang)
            return Layout.message(S.ballot, text, context: context, status: .conflict, back: .votes)
        }
    }

    @Sendable func progress(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        switch try await voteAndVoters(context) {
        case .failure(let response): return response
        case .success(let (vote, _, _)):
            let progress = try await store.progress(of: vote)
            let json = JSONText.object([
                ("heads", .int(progress.voted.heads)), ("area", .string(progress.voted.area.description)),
                ("totalHeads", .int(progress.total.heads)), ("totalArea", .string(progress.total.area.description)),
                ("headsPerMille", .int(progress.headsPerMille)), ("areaPerMille", .int(progress.areaPerMille)),
                ("reached", .bool(progress.participationReached)),
            ]).compact()
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
        }
    }

    @Sendable func receipt(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let session = context.session else { return Layout.redirect(.bind) }
        guard let code = context.parameters.get("code").flatMap(CheckedCode.normalized), let receipt = try await store.receipt(code: code),
            let vote = try await store.vote(receipt.voteID),
            try await store.voters(in: vote.id, owner: session.idHash).contains(where: { $0.person == receipt.person })
        else {
            return Layout.message(S.receipt, S.notFound(context.lang), context: context, status: .notFound, back: .votes)
        }
        return VotePages.receipt(receipt, vote: vote, context: context)
    }

    // Helpers.

    static func voter(_ text: String?, in voters: [VoterView]) -> VoterView? {
        text.flatMap(Int.init).flatMap { person in voters.first { $0.person == person } }
    }

    /// The choices a ballot form carries: `m.<matter>` = option, `c.<matter>` = candidate
    /// (repeated); on a clerk's paper form also `x.<matter>` = that election matter spoiled.
    static func choices(from form: FormData, vote: VoteDefinition) -> BallotChoices {
        var marks: [String: BallotChoices.Mark] = [:]
        for matter in vote.matters {
            switch matter.kind {
            case .resolution:
                if let option = form["m.\(matter.id)"].flatMap(Choice.init(rawValue:)) { marks[matter.id] = .option(option) }
            case .election:
                marks[matter.id] = form["x.\(matter.id)"] != nil ? .option(.invalid) : .candidates(form.all("c.\(matter.id)"))
            }
        }
        return BallotChoices(marks)
    }

    /// Whether `text` has the form `randomToken()` gives.
    static func isToken(_ text: String) -> Bool {
        text.utf8.count == 32
            && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    static func randomToken() -> String {
        var random = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &random)) }.joined()
    }

    /// After a binding: the new session's cookie (a new id at every binding), the session
    /// the browser had before ended on the server (its token signs nobody in any more),
    /// the spent pre-session value cleared, and on to the votes.
    func signedIn(_ session: OwnerSession, request: Request) async throws -> Response {
        if let old = request.cookies[Cookies.session]?.value, !old.isEmpty, old != session.token {
            try await store.endSession(token: old)
        }
        var response = Layout.redirect(.votes)
        response.setCookie(cookie(Cookies.session, session.token, maxAge: Int(BindingLimits.sessionLifetimeMilliseconds / 1000)))
        response.setCookie(cookie(Cookies.preSession, "", maxAge: 0))
        return response
    }

    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: SiteURL.home.path, secure: dependencies.secureCookies, httpOnly: true, sameSite: .lax)
    }
}
