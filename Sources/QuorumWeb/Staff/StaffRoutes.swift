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
            .staff(.get, .manageStaff(), .manageStaff, accounts),
            .staff(.post, .manageStaff(), .manageStaff, addAccount),
            .staff(.get, .manageAccount(":account"), .manageStaff, account),
            .staff(.post, .manageAccount(":account"), .manageStaff, changeAccount),
            .staff(.get, .changePassword, nil, passwordForm),
            .staff(.post, .changePassword, nil, changePassword),
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
            let session = try await store.staff.login(username: username, password: form["password"] ?? "", address: context.remoteAddress)
            var response = Layout.redirect(.manage)
            // A new session id at every sign-in.
            response.setCookie(
                Cookie(
                    name: Cookies.staff, value: session.token, maxAge: Int(StaffLimits.sessionLifetimeMilliseconds / 1000), path: SiteURL.home.path,
                    secure: dependencies.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        } catch let error as StaffError {
            var response = Layout.response(
                LoginPage(error: S.say(error)(context.lang), username: username).render(chrome: context.chrome), status: .unauthorized)
            if case .tooManyAttempts(let until) = error {
                response.status = .tooManyRequests
                let seconds = max(1, (until.millisecondsSinceEpoch - Store.systemClock().millisecondsSinceEpoch + 999) / 1000)
                response.headers[.retryAfter] = String(seconds)
            }
            return response
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
        let query = request.uri.queryParameters
        return try await accountsPage(
            context, divisions: try await divisionChoices(for: context.staff.account), query: query["q"].map(String.init),
            page: query["page"].flatMap { Int($0) })
    }

    @Sendable func addAccount(_ request: Request, context: StaffContext) async throws -> Response {
        let (staff, form) = (context.staff, context.form)
        let divisions = try await divisionChoices(for: staff.account)
        // The header's language switch: the form again, holding what it held, no account made.
        if form["relang"] != nil { return try await accountsPage(context, divisions: divisions, held: form) }
        var error = S.notAllowedRole(context.lang)
        if let role = form["role"].flatMap(StaffRole.init(rawValue:)) {
            do {
                // The store decides who may open which role where (issue 13).
                try await store.staff.add(
                    username: form["username"] ?? "", displayName: form["display_name"] ?? "", password: form["password"] ?? "", role: role,
                    division: role == .admin ? nil : form["division"].flatMap(Int64.init), by: staff.account)
                return Layout.redirect(.manageStaff())
            } catch let failure as StaffError {
                error = S.say(failure)(context.lang)
            }
        }
        return try await accountsPage(context, divisions: divisions, error: error, held: form)
    }

    /// The account the route's `:account` names, if the staff member may manage it.
    func managed(_ context: StaffContext) async throws -> StaffAccount? {
        guard let id = context.parameters.get("account"), let account = try await store.staff.account(id: id),
            try await store.staff.mayManage(context.staff.account, account)
        else { return nil }
        return account
    }

    @Sendable func account(_ request: Request, context: StaffContext) async throws -> Response {
        guard let account = try await managed(context) else { return StaffPages.forbidden(context.chrome) }
        return try await accountPage(account, context)
    }

    @Sendable func changeAccount(_ request: Request, context: StaffContext) async throws -> Response {
        guard let account = try await managed(context) else { return StaffPages.forbidden(context.chrome) }
        guard let change = context.form["change"].flatMap(AccountChange.init(rawValue:)) else {
            return try await accountPage(account, context, error: S.say(StaffError.noSuchAccount)(context.lang))
        }
        do {
            try await store.staff.manage(account.id, change, value: context.form["value"] ?? "", by: context.staff.account)
            return try await accountPage(try await store.staff.account(id: account.id) ?? account, context, message: S.Account.done(context.lang))
        } catch let failure as StaffError {
            return try await accountPage(account, context, error: S.say(failure)(context.lang))
        }
    }

    func accountPage(_ account: StaffAccount, _ context: StaffContext, message: String? = nil, error: String? = nil) async throws -> Response {
        var division = "—"
        if let id = account.divisionID, let found = try await store.register.division(id) { division = found.name }
        let page = AccountPage(account: account, division: division, csrf: context.staff.csrf, message: message, error: error)
        return Layout.response(
            page.render(chrome: context.chrome.at(.manageAccount(account.id))), status: error == nil ? .ok : .unprocessableContent)
    }

    @Sendable func passwordForm(_ request: Request, context: StaffContext) async throws -> Response {
        Layout.response(PasswordPage(forced: context.staff.account.mustChangePassword, csrf: context.staff.csrf).render(chrome: context.chrome))
    }

    @Sendable func changePassword(_ request: Request, context: StaffContext) async throws -> Response {
        let staff = context.staff
        do {
            try await store.staff.changePassword(of: staff, current: context.form["current"] ?? "", new: context.form["new"] ?? "")
            return Layout.response(PasswordPage(forced: false, csrf: staff.csrf, done: true).render(chrome: context.chrome))
        } catch let failure as StaffError {
            let page = PasswordPage(forced: staff.account.mustChangePassword, csrf: staff.csrf, error: S.say(failure)(context.lang))
            return Layout.response(page.render(chrome: context.chrome), status: .unprocessableContent)
        }
    }

    func accountsPage(
        _ context: StaffContext, divisions: [Division], error: String? = nil, held: FormData = FormData(""), query: String? = nil,
        page: Int? = nil
    ) async throws -> Response {
        let page = AccountsPage(
            accounts: try await store.staff.accounts(visibleTo: context.staff.account), divisions: divisions, staff: context.staff, error: error,
            held: held, query: query, page: page)
        return Layout.response(page.render(chrome: context.chrome.at(.manageStaff())), status: error == nil ? .ok : .badRequest)
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
