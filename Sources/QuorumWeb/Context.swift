import Hummingbird
import QuorumStore

/// What every request carries: the signed-in owner (if any) and the page language.
public struct QuorumRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var session: OwnerSession?
    /// The signed-in staff member, if any (a separate cookie from the owner's).
    public var staff: StaffSession?
    /// A staff form already read and CSRF-checked by the route guard.
    var form: FormData?
    /// The vote a staff route's `:vote` names, loaded and access-checked by the route guard.
    public var vote: StoredVote?
    public var lang: Lang = .zh
    /// The client's address, for rate limits (never logged with anything personal).
    public var remoteAddress: String

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// Reads the session cookie and the language (`?lang=` or the `lang` cookie).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = QuorumRequestContext
    let store: Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let chosen = request.uri.queryParameters["lang"].flatMap { Lang(rawValue: String($0)) }
        context.lang = chosen ?? request.cookies["lang"].flatMap { Lang(rawValue: $0.value) } ?? .zh
        if let token = request.cookies[Cookies.session]?.value, !token.isEmpty {
            context.session = try await store.session(token: token)
        }
        if let token = request.cookies[Cookies.staff]?.value, !token.isEmpty {
            context.staff = try await store.staffSession(token: token)
        }
        var response = try await next(request, context)
        if let chosen {
            response.setCookie(Cookie(name: "lang", value: chosen.rawValue, maxAge: 365 * 86_400, path: "/", sameSite: .lax))
        }
        return response
    }
}

enum Cookies {
    static let session = "quorum_session"
    /// A staff member's session: apart from an owner's, so one browser may hold both.
    static let staff = "quorum_staff"
    /// Before sign-in, a random value the binding forms repeat (double-submit CSRF defence).
    static let preSession = "quorum_pre"
}
