import Foundation
import Hummingbird
import QuorumCore
import QuorumStore

/// The organisers' way in: signing in and out, their home page, the staff accounts, and the
/// demo's clock. Every route's access is declared in `routes` and resolved by the guard
/// (`Guard`) before a handler runs; the votes' own routes live in their features' folders.
struct StaffRoutes {
    let dependencies: OwnerDependencies
    var store: Store { dependencies.store }

    var routes: [RouteSpec] {
        var routes: [RouteSpec] = [
            .anyone(.get, .staffLogin, loginForm),
            .anyone(.post, .staffLogin, login),
            .staff(.post, .staffLogout, nil, logout),
            .staff(.get, .manage, nil, home),
            .staff(.get, .manageStaff, .manageStaff, accounts),
            .staff(.post, .manageStaff, .manageStaff, addAccount),
        ]
        if dependencies.demoClock != nil {
            routes.append(.staff(.post, .demoClock, nil, advanceClock))
        }
        return routes
    }

    // Signing in.

    @Sendable func loginForm(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        if context.staff != nil { return Layout.redirect(.manage) }
        return Layout.response(LoginPage().render(chrome: context.chrome))
    }

    @Sendable func login(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context, limit: 16 * 1024)
        let username = form["username"] ?? ""
        do {
            let session = try await store.staff.login(username: username, password: form["password"] ?? "")
            var response = Layout.redirect(.manage)
            // A new session id at every sign-in.
            response.setCookie(
                Cookie(
                    name: Cookies.staff, value: session.token, maxAge: Int(StaffLimits.sessionLifetimeMilliseconds / 1000), path: SiteURL.home.path,
                    secure: dependencies.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        } catch let error as StaffError {
            let status: HTTPResponse.Status = if case .locked = error { .tooManyRequests } else { .unauthorized }
            return Layout.response(LoginPage(error: S.say(error)(context.lang), username: username).render(chrome: context.chrome), status: status)
        }
    }

    @Sendable func logout(_ request: Request, context: StaffContext) async throws -> Response {
        try await store.staff.endSession(token: context.staff.token)
        var response = Layout.redirect(.home)
        response.setCookie(
            Cookie(
                name: Cookies.staff, value: "", maxAge: 0, path: SiteURL.home.path, secure: dependencies.secureCookies, httpOnly: true,
                sameSite: .strict))
        return response
    }

    @Sendable func home(_ request: Request, context: StaffContext) async throws -> Response {
        Layout.response(try await StaffHomePage.load(context.staff, store: store).render(chrome: context.chrome))
    }

    // Accounts.

    @Sendable func accounts(_ request: Request, context: StaffContext) async throws -> Response {
        try await accountsPage(context, divisions: try await divisionChoices(for: context.staff.account))
    }

    @Sendable func addAccount(_ request: Request, context: StaffContext) async throws -> Response {
        let (staff, form) = (context.staff, context.form)
        let divisions = try await divisionChoices(for: staff.account)
        let role = form["role"].flatMap(StaffRole.init(rawValue:))
        let division = form["division"].flatMap(Int64.init)
        var error: String?
        if let role, role != .admin || staff.account.role == .admin,
            role == .admin || divisions.contains(where: { $0.id == division })
        {
            do {
                try await store.staff.add(
                    username: form["username"] ?? "", displayName: form["display_name"] ?? "", password: form["password"] ?? "", role: role,
                    division: role == .admin ? nil : division)
                return Layout.redirect(.manageStaff)
            } catch let failure as StaffError {
                error = S.say(failure)(context.lang)
            }
        } else {
            error = S.notAllowedRole(context.lang)
        }
        return try await accountsPage(context, divisions: divisions, error: error)
    }

    func accountsPage(_ context: StaffContext, divisions: [Division], error: String? = nil) async throws -> Response {
        let page = AccountsPage(
            accounts: try await store.staff.accounts(visibleTo: context.staff.account), divisions: divisions, staff: context.staff, error: error)
        return Layout.response(page.render(chrome: context.chrome), status: error == nil ? .ok : .badRequest)
    }

    /// The divisions an account may open accounts in: its own and everything below it.
    func divisionChoices(for account: StaffAccount) async throws -> [Division] {
        var result: [Division] = []
        for division in try await store.register.allDivisions() where division.level.isAdministrative || division.level == .estate {
            if try await store.staff.covers(account, division: division.id) { result.append(division) }
        }
        return result
    }

    // The demo's clock.

    @Sendable func advanceClock(_ request: Request, context: StaffContext) async throws -> Response {
        let form = context.form
        dependencies.demoClock?.advance(hours: (form["hours"].flatMap(Int.init) ?? 24))
        try await store.results.settleDue()
        return Layout.redirect(location: form["back"].flatMap { $0.hasPrefix(SiteURL.manage.path) ? $0 : nil } ?? SiteURL.manage.path)
    }
}
