import Hummingbird
import QuorumCore
import QuorumStore

/// Who may call a route. The route table below is the only way a route is added, so the
/// authorization tests can walk every route with every role.
public enum RouteAccess: Sendable, Hashable {
    /// Anyone, signed in or not.
    case anyone
    /// A signed-in owner; the handler then checks the estate and the voting person.
    case owner
    /// A signed-in staff member holding `permission` on the estate the route's `:vote` or
    /// `:estate` names (any staff member when nil; the role alone for routes naming neither).
    case staff(Permission?)
}

/// One route: method, path, who may call it, and what it does.
public struct RouteSpec: Sendable {
    public let method: HTTPRequest.Method
    /// The route's URL with `:name` for each parameter; `path` is what the router matches.
    public let url: SiteURL
    public var path: String { url.path }
    public let access: RouteAccess
    let handler: @Sendable (Request, QuorumRequestContext) async throws -> Response

    init(
        _ method: HTTPRequest.Method, _ url: SiteURL, _ access: RouteAccess,
        _ handler: @escaping @Sendable (Request, QuorumRequestContext) async throws -> Response
    ) {
        self.method = method
        self.url = url
        self.access = access
        self.handler = handler
    }
}

/// Every route of the site.
public func routeTable(dependencies: OwnerDependencies) -> [RouteSpec] {
    var routes: [RouteSpec] = [
        RouteSpec(.get, .health, .anyone) { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok"))) },
        RouteSpec(.get, .staticFile(":name"), .anyone) { _, context in
            guard let name = context.parameters.get("name"), let response = StaticFiles.response(name) else {
                throw HTTPError(.notFound)
            }
            return response
        },
    ]
    routes += OwnerRoutes(dependencies: dependencies).routes
    routes += LogRoutes.routes(store: dependencies.store)
    routes += StaffRoutes(dependencies: dependencies).routes
    routes += OperationsRoutes.routes(store: dependencies.store, metrics: dependencies.metrics)
    return routes
}

extension RouteSpec {
    /// The handler behind the access check: staff routes get their session, their form
    /// (CSRF-checked on every POST) and their vote (access-checked) in the context.
    func guarded(store: Store) -> @Sendable (Request, QuorumRequestContext) async throws -> Response {
        guard case .staff(let permission) = access else { return handler }
        let method = self.method
        let handler = self.handler
        return { request, context in
            var context = context
            guard let staff = context.staff else {
                if method == .get { return Layout.redirect(.staffLogin) }
                return Layout.message(S.staffSignIn, S.staffSignInFirst(context.lang), context: context, status: .forbidden, back: .staffLogin)
            }
            if method == .post {
                var form: FormData
                if let boundary = request.headers[.contentType].flatMap(Multipart.boundary(contentType:)) {
                    let body = try await request.body.collect(upTo: DocumentLimits.maximumBytes + 64 * 1024)
                    let parsed = Multipart.parse(Array(buffer: body), boundary: boundary)
                    form = parsed.form
                    for file in parsed.files { form.attach(file) }
                } else {
                    form = try await FormData.read(request, context: context)
                }
                guard form["csrf"] == staff.csrf else {
                    return Layout.message(S.staffArea, S.formExpired(context.lang), context: context, status: .forbidden, back: .manage)
                }
                context.form = form
            }
            guard let permission else { return try await handler(request, context) }
            let estate: Int64?
            if let id = context.parameters.get("vote") {
                context.vote = try await store.settle(id)
                estate = context.vote?.estateID
            } else if let id = context.parameters.get("estate") {
                estate = Int64(id)
                guard let estate, try await store.estate(estate) != nil else { return StaffPages.notFound(context) }
            } else {
                estate = nil
            }
            if let estate {
                guard try await store.may(staff.account, permission, estate: estate) else { return StaffPages.forbidden(context) }
            } else if context.parameters.get("vote") != nil {
                return StaffPages.notFound(context)
            } else {
                guard staff.account.role.permissions.contains(permission) else { return StaffPages.forbidden(context) }
            }
            return try await handler(request, context)
        }
    }
}
