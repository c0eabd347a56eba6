import HTTPTypes
import Hummingbird
import QuorumCore
import QuorumStore

/// The headers every response carries, errors included: a Content-Security-Policy that
/// allows only our own script and stylesheet files (no inline script, no inline style, no
/// framing), and the older headers that say the same to older browsers.
///
/// The pages are built for this policy: no `<script>` without `src`, no `on…=` handler, no
/// `style=` attribute (the progress bars are SVG with `width` attributes). A page that
/// breaks it shows a violation in the browser's console, which the browser tests look for.
/// (Hummingbird's `ContentSecurityMiddleware` leaves thrown errors' responses bare and sets
/// neither X-Frame-Options nor Referrer-Policy, hence this one.)
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = QuorumRequestContext
    /// Served over HTTPS (`--secure-cookies`): browsers are also told to use nothing else.
    var behindTLS = false

    /// `default-src 'none'` and then only what the site uses: its files, same-origin
    /// `fetch` (progress, the verify page's proofs), a drawn signature's `data:` image.
    static let contentSecurityPolicy = [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ].joined(separator: "; ")

    static let headers: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, contentSecurityPolicy),
        (.xContentTypeOptions, "nosniff"),
        (.xFrameOptions, "DENY"),
        (.referrerPolicy, "same-origin"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // A 404, a 413: the error's own response, with the same headers; a browser asking
            // for a page that is not there gets the site's own page, in its language (issue 13).
            if error.status == .notFound, Self.wantsPage(request) {
                response = Layout.refuse(.notFound, S.notFound, S.notFoundExplain, chrome: Self.chrome(request))
            } else {
                response = try error.response(from: request, context: context)
            }
        } catch {
            // Anything else is our fault: logged in full, and a page that says so without detail.
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            response = Layout.refuse(.internalServerError, S.serverError, S.serverErrorExplain, chrome: Self.chrome(request))
        }
        for (name, value) in Self.headers { response.headers[name] = value }
        if behindTLS { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}

extension SecurityHeadersMiddleware {
    /// A browser navigating (it accepts HTML), not a script or a client of the JSON routes.
    static func wantsPage(_ request: Request) -> Bool {
        (request.method == .get || request.method == .head) && request.headers[.accept]?.contains("text/html") == true
    }

    /// The chrome of a page shown before the session is read: the language the request asks
    /// for (`?lang=` or its cookie), nobody signed in.
    static func chrome(_ request: Request) -> PageChrome {
        let asked = request.uri.queryParameters["lang"].flatMap { Lang(rawValue: String($0)) }
        return PageChrome(lang: asked ?? request.cookies["lang"].flatMap { Lang(rawValue: $0.value) } ?? .zh)
    }
}

extension HTTPField.Name {
    // HTTPTypes names Content-Security-Policy, X-Content-Type-Options and HSTS; not these two.
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

/// Refuses a request whose declared body is larger than any route reads (413, before a
/// handler runs, so nothing changes). A body sent without a length is cut off at each
/// route's own limit when it is read (`FormData.read`), which also answers 413.
struct RequestSizeMiddleware: RouterMiddleware {
    typealias Context = QuorumRequestContext

    /// The largest body of any route: an organiser's document upload (multipart, with its
    /// form fields). Each route reads no more than its own limit, most of them far less.
    static let largestBody = DocumentFile.maximumBytes + 64 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.largestBody {
            throw HTTPError(.contentTooLarge)
        }
        return try await next(request, context)
    }
}
