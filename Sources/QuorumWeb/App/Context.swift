import HTTPTypes
import Hummingbird
import QuorumStore

/// What every request carries: the signed-in owner (if any) and the page language.
public struct QuorumRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var session: OwnerSession?
    /// The signed-in staff member, if any (a separate cookie from the owner's).
    public var staff: StaffSession?
    public var lang: Lang = .zh
    /// The request's path without its query: the page's own address, for its language switch.
    public var requestPath = SiteURL.home.path
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
    /// Behind TLS: the language cookie is marked Secure like the others.
    var secureCookies = false
    /// The proxies in front (`--trusted-proxy`), whose `X-Forwarded-For` names the client.
    var trustedProxies: Set<String> = []

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.requestPath = request.uri.path
        context.remoteAddress = Self.clientAddress(
            peer: context.remoteAddress, forwardedFor: request.headers[values: .xForwardedFor], trusted: trustedProxies)
        let chosen = request.uri.queryParameters["lang"].flatMap { Lang(rawValue: String($0)) }
        context.lang = chosen ?? request.cookies["lang"].flatMap { Lang(rawValue: $0.value) } ?? .zh
        if let token = request.cookies[Cookies.session]?.value, !token.isEmpty {
            context.session = try await store.binding.session(token: token)
        }
        if let token = request.cookies[Cookies.staff]?.value, !token.isEmpty {
            context.staff = try await store.staff.session(token: token)
        }
        var response = try await next(request, context)
        if let chosen {
            response.setCookie(
                Cookie(
                    name: "lang", value: chosen.rawValue, maxAge: 365 * 86_400, path: SiteURL.home.path, secure: secureCookies, httpOnly: true,
                    sameSite: .lax))
        }
        return response
    }
}

extension SessionMiddleware {
    /// The client's address for the rate limits. Behind a proxy every request comes from the
    /// proxy, so one owner's tries would count against everyone's; a trusted proxy's
    /// `X-Forwarded-For` is read from the right, past any other trusted proxy, to the first
    /// address a trusted proxy vouches for. From anyone else the header is ignored: a client
    /// could write any address in it.
    static func clientAddress(peer: String, forwardedFor: [String], trusted: Set<String>) -> String {
        guard trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        var address = peer
        for hop in hops.reversed() {
            guard trusted.contains(address), !hop.isEmpty else { break }
            address = hop
        }
        return address
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}

enum Cookies {
    static let session = "quorum_session"
    /// A staff member's session: apart from an owner's, so one browser may hold both.
    static let staff = "quorum_staff"
    /// Before sign-in, a random value the binding forms repeat (double-submit CSRF defence).
    static let preSession = "quorum_pre"
}
