import Foundation
import Hummingbird
import QuorumCore
import QuorumStore

/// The way in: the home page, binding an owner (name and ID number, then the code sent to
/// the phone on the register, or a signed credential), and signing out.
struct BindRoutes {
    let dependencies: OwnerDependencies
    var store: Store { dependencies.store }

    var routes: [RouteSpec] {
        [
            .anyone(.get, .home) { request, context in
                if context.session != nil { return Layout.redirect(.votes) }
                return Layout.response(HomePage().render(chrome: context.chrome))
            },
            .anyone(.get, .bind, bindForm),
            .anyone(.post, .bind, bind),
            .anyone(.post, .bindCode, confirmCode),
            .anyone(.post, .bindCredential, bindByCredential),
            // Signing out only ends one's own session: open to anyone, harmless without one.
            .anyone(.post, .logout, logout),
        ]
    }

    @Sendable func bindForm(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        // The browser's value again if it is one of ours: anything else (a cookie planted by
        // a sibling site, say) is replaced, never echoed into the page or the Set-Cookie.
        let given = request.cookies[Cookies.preSession]?.value ?? ""
        let pre = Self.isToken(given) ? given : Self.randomToken()
        var response = formPage(try await store.register.estates(), pre: pre, context: context)
        response.setCookie(cookie(Cookies.preSession, pre, maxAge: 3600))
        return response
    }

    @Sendable func bind(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: FormData.ownerLimit)
        let estates = try await store.register.estates()
        guard let pre = form["pre"], pre == request.cookies[Cookies.preSession]?.value else {
            return Layout.refuse(.forbidden, S.bindTitle, S.formExpired, chrome: context.chrome, back: .bind)
        }
        let name = form["name"] ?? ""
        if form["relang"] != nil {
            return formPage(estates, pre: pre, name: name, estate: form["estate"].flatMap(Int64.init), context: context)
        }
        guard let estate = form["estate"].flatMap(Int64.init), estates.contains(where: { $0.id == estate }) else {
            return formPage(estates, pre: pre, error: S.formExpired(context.lang), name: name, context: context, status: .badRequest)
        }
        do {
            let start = try await store.binding.start(
                estate: estate, name: name, idNumber: form["id_number"] ?? "", address: context.remoteAddress, sender: dependencies.sender)
            let page = BindCodePage(
                attempt: start.attempt, phoneMasked: start.phoneMasked, pre: pre, demoMessage: dependencies.showCodes?.message(to: start.phoneMasked))
            return Layout.response(page.render(chrome: context.chrome))
        } catch let error as BindingError {
            guard case .tooManyRequests(let until) = error else {
                return formPage(
                    estates, pre: pre, error: S.say(error)(context.lang), name: name, estate: estate, context: context, status: .badRequest)
            }
            var response = formPage(
                estates, pre: pre, error: S.say(error)(context.lang), name: name, estate: estate, context: context, status: .tooManyRequests)
            response.headers[.retryAfter] = String(max(1, (until.millisecondsSinceEpoch - Store.systemClock().millisecondsSinceEpoch + 999) / 1000))
            return response
        }
    }

    @Sendable func confirmCode(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: FormData.ownerLimit)
        guard let pre = form["pre"], pre == request.cookies[Cookies.preSession]?.value, let attempt = form["attempt"] else {
            return Layout.refuse(.forbidden, S.bindTitle, S.formExpired, chrome: context.chrome, back: .bind)
        }
        do {
            return try await signedIn(try await store.binding.confirm(attempt: attempt, code: form["code"] ?? ""), request: request)
        } catch let error as BindingError {
            let phone = form["phone"] ?? ""
            // Past five wrong tries: a new code, and when one may be asked for.
            let newCode = error == .locked ? try await store.binding.nextCodeAllowed(attempt: attempt) : nil
            let page = BindCodePage(
                attempt: attempt, phoneMasked: phone, pre: pre, error: S.say(error)(context.lang),
                demoMessage: dependencies.showCodes?.message(to: phone), newCodeAt: newCode)
            return Layout.response(page.render(chrome: context.chrome.at(.bind)), status: .badRequest)
        }
    }

    @Sendable func bindByCredential(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: FormData.ownerLimit)
        let estates = try await store.register.estates()
        guard let pre = form["pre"], pre == request.cookies[Cookies.preSession]?.value,
            let estate = form["estate"].flatMap(Int64.init), estates.contains(where: { $0.id == estate })
        else {
            return Layout.refuse(.forbidden, S.bindTitle, S.formExpired, chrome: context.chrome, back: .bind)
        }
        let failure: String
        do {
            let credential = try CredentialVerifier.verify(form["credential"] ?? "", trusted: dependencies.trustedIssuers, now: store.now())
            return try await signedIn(try await store.binding.bind(estate: estate, credential: credential), request: request)
        } catch let error as CredentialError {
            failure = S.say(error)(context.lang)
        } catch let error as BindingError {
            failure = S.say(error)(context.lang)
        }
        return formPage(estates, pre: pre, error: failure, credentials: true, context: context, status: .badRequest)
    }

    @Sendable func logout(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: FormData.ownerLimit)
        guard let session = context.session, form["csrf"] == session.csrf else { return Layout.redirect(.home) }
        try await store.binding.endSession(token: session.token)
        var response = Layout.redirect(.home)
        response.setCookie(cookie(Cookies.session, "", maxAge: 0))
        return response
    }

    // Helpers.

    /// The binding form, at `/bind` whichever form was sent; `credentials`: whether to offer
    /// a credential (by default, when an identity provider is trusted).
    func formPage(
        _ estates: [Division], pre: String, error: String? = nil, name: String = "", estate: Int64? = nil, credentials: Bool? = nil,
        context: QuorumRequestContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let page = BindPage(
            estates: estates, pre: pre, error: error, name: name, estate: estate, credentials: credentials ?? !dependencies.trustedIssuers.isEmpty)
        return Layout.response(page.render(chrome: context.chrome.at(.bind)), status: status)
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
            try await store.binding.endSession(token: old)
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
