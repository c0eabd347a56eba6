import Foundation
import Hummingbird
import QuorumCore
import QuorumStore

/// Who may call a route. The route table below is the only way a route is added, so the
/// authorization tests can walk every route with every role.
public enum RouteAccess: Sendable, Hashable {
    /// Anyone, signed in or not.
    case anyone
    /// A signed-in owner (on a `:vote` route: of its estate, with a voting person in it).
    case owner
    /// A signed-in staff member holding `permission` on the estate the route's `:vote` or
    /// `:estate` names (any staff member when nil; the role alone for routes naming neither).
    case staff(Permission?)
}

/// One route: method, URL, who may call it, and what it does. The handler's context says
/// the access: the guard resolves it before the handler runs, or answers the refusal itself.
public struct RouteSpec: Sendable {
    public let method: HTTPRequest.Method
    /// The route's URL with `:name` for each parameter; `path` is what the router matches.
    public let url: SiteURL
    public let access: RouteAccess
    /// The guard and the handler behind it.
    let guarded: @Sendable (Request, QuorumRequestContext, Store) async throws -> Response
    public var path: String { url.path }

    private init(
        _ method: HTTPRequest.Method, _ url: SiteURL, _ access: RouteAccess,
        _ guarded: @escaping @Sendable (Request, QuorumRequestContext, Store) async throws -> Response
    ) {
        (self.method, self.url, self.access, self.guarded) = (method, url, access, guarded)
    }

    typealias Handler<Context> = @Sendable (Request, Context) async throws -> Response

    /// A route for anyone.
    static func anyone(_ method: HTTPRequest.Method, _ url: SiteURL, _ handler: @escaping Handler<QuorumRequestContext>) -> Self {
        Self(method, url, .anyone) { request, context, _ in try await handler(request, context) }
    }

    static func owner(_ method: HTTPRequest.Method, _ url: SiteURL, _ handler: @escaping Handler<OwnerContext>) -> Self {
        Self(method, url, .owner) { request, context, _ in try await Self.run(Guard.owner(context), request, handler) }
    }

    static func ownerVote(_ method: HTTPRequest.Method, _ url: SiteURL, _ handler: @escaping Handler<OwnerVoteContext>) -> Self {
        Self(method, url, .owner) { request, context, store in
            try await Self.run(Guard.ownerVote(context, store: store), request, handler)
        }
    }

    static func staff(_ method: HTTPRequest.Method, _ url: SiteURL, _ permission: Permission?, _ handler: @escaping Handler<StaffContext>) -> Self {
        Self(method, url, .staff(permission)) { request, context, _ in
            try await Self.run(Guard.staff(request, context, permission), request, handler)
        }
    }

    static func staffEstate(
        _ method: HTTPRequest.Method, _ url: SiteURL, _ permission: Permission, _ handler: @escaping Handler<StaffEstateContext>
    ) -> Self {
        Self(method, url, .staff(permission)) { request, context, store in
            try await Self.run(Guard.staffEstate(request, context, permission, store: store), request, handler)
        }
    }

    /// `noticed`: a page of a vote whose notice is out (a draft's answers 404).
    static func staffVote(
        _ method: HTTPRequest.Method, _ url: SiteURL, _ permission: Permission, noticed: Bool = false,
        _ handler: @escaping Handler<StaffVoteContext>
    ) -> Self {
        Self(method, url, .staff(permission)) { request, context, store in
            try await Self.run(Guard.staffVote(request, context, permission, noticed: noticed, store: store), request, handler)
        }
    }

    private static func run<Context>(_ found: Found<Context>, _ request: Request, _ handler: Handler<Context>) async throws -> Response {
        switch found {
        case .success(let context): try await handler(request, context)
        case .failure(let refusal): refusal
        }
    }
}

/// Every route of the site.
public func routeTable(dependencies: OwnerDependencies) -> [RouteSpec] {
    let store = dependencies.store
    var routes: [RouteSpec] = [
        .anyone(.get, .health) { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok"))) },
        .anyone(.get, .staticFile(":name")) { _, context in
            guard let name = context.parameters.get("name"), let response = StaticFiles.response(name) else {
                throw HTTPError(.notFound)
            }
            return response
        },
    ]
    routes += BindRoutes(dependencies: dependencies).routes
    routes += OwnerRoutes(dependencies: dependencies).routes
    routes += LogRoutes.routes(store: store)
    routes += StaffRoutes(dependencies: dependencies).routes
    routes += SetupRoutes(dependencies: dependencies).routes
    routes += DeliveryRoutes(dependencies: dependencies).routes
    routes += PaperRoutes(store: store).routes
    routes += ResultRoutes(store: store).routes
    routes += TicketRoutes(store: store).routes
    routes += AccessRoutes(store: store).routes
    routes += SettingsRoutes(store: store).routes
    routes += PhoneChangeRoutes(store: store).routes
    routes += BooksRoutes(store: store).routes
    routes += FacilitiesRoutes(store: store).routes
    routes += OperationsRoutes.routes(store: store, metrics: dependencies.metrics)
    return routes
}

extension Response {
    /// A file to download, under the name given: the route's answer, never a page's.
    static func download(_ bytes: [UInt8], type: String, filename: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] =
            "attachment; filename*=UTF-8''\(filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file")"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A subject's document by its number (the route's `:number`) as a download; nil when it has none.
    static func document(_ number: String?, of subject: Subject, store: Store) async throws -> Response? {
        guard let number = number.flatMap(Int.init), let (document, bytes) = try await store.documents.read(subject, number: number)
        else { return nil }
        return download(
            bytes, type: document.mediaType, filename: DocumentFile.downloadName(of: subject, number: number, mediaType: document.mediaType))
    }
}
