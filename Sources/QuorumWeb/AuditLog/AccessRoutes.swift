import Hummingbird
import QuorumCore
import QuorumStore

/// The page of who opened which personal data (`AccessPage`): for those who may see the
/// lists of rooms themselves, the committee and the street office, of the estates they cover.
struct AccessRoutes {
    let store: Store

    var routes: [RouteSpec] {
        [.staff(.get, .manageAccess(), .lists, access)]
    }

    @Sendable func access(_ request: Request, context: StaffContext) async throws -> Response {
        let before = request.uri.queryParameters.get("before", as: Int.self)
        return Layout.response(try await AccessPage.load(context.staff, before: before, store: store).render(chrome: context.chrome))
    }
}
