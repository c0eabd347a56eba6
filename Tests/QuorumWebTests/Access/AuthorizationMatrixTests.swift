import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QuorumCore
import QuorumStore
import Synchronization
import Testing

@testable import QuorumWeb

/// Every route × every role, against the expected allow or deny. The routes come from the
/// route table the app is built from, so a route added without an entry here fails.
@Suite struct AuthorizationMatrixTests {
    typealias Role = SiteFixture.Role

    static let everyone = Set(Role.allCases)
    static let staff: Set<Role> = everyone.subtracting([.anonymous, .ownerHere, .ownerElsewhere])
    static let view: Set<Role> = [.committeeHere, .propertyHere, .clerkHere, .streetHere, .bureau]
    static let organise: Set<Role> = [.committeeHere]
    static let deliver: Set<Role> = [.committeeHere, .propertyHere, .clerkHere]
    static let lists: Set<Role> = [.committeeHere, .streetHere]
    static let paper: Set<Role> = [.committeeHere, .clerkHere]
    /// Paper entry: the vote's named clerks only (issue 13); `clerkHere` is one of the open vote's.
    static let entry: Set<Role> = [.clerkHere]
    static let resolve: Set<Role> = [.committeeHere, .streetHere]
    static let export: Set<Role> = [.committeeHere, .streetHere, .bureau]
    static let accounts: Set<Role> = [.streetHere, .streetElsewhere, .admin]
    static let answer: Set<Role> = [.committeeHere, .streetHere]
    static let maintain: Set<Role> = [.committeeHere, .propertyHere]

    /// Who may use each route ("here" is the estate whose vote or id the route names).
    static let expected: [String: Set<Role>] = [
        "GET /health": everyone, "GET /health/ready": everyone, "GET /metrics": everyone, "GET /static/:name": everyone, "GET /": everyone,
        "GET /bind": everyone, "POST /bind": everyone, "POST /bind/code": everyone, "POST /bind/credential": everyone,
        // Signing out only ends one's own session: harmless for anyone.
        "POST /logout": everyone,
        "GET /votes": [.ownerHere, .ownerElsewhere],
        "GET /votes/:vote": [.ownerHere], "GET /votes/:vote/ballot": [.ownerHere], "POST /votes/:vote/confirm": [.ownerHere],
        "POST /votes/:vote/cast": [.ownerHere], "GET /votes/:vote/progress.json": [.ownerHere],
        "GET /votes/:vote/documents/:number": [.ownerHere], "GET /votes/:vote/result": [.ownerHere], "GET /receipts/:code": [.ownerHere],
        "GET /votes/:vote/result/notice": [.ownerHere],
        "POST /votes/:vote/objections": [.ownerHere],
        "GET /votes/:vote/dispute": [.ownerHere], "POST /votes/:vote/dispute": [.ownerHere],
        "GET /log/head": everyone, "GET /log/proof": everyone, "GET /log/consistency": everyone, "GET /log/public-key": everyone,
        "GET /log/public-key.pem": everyone, "GET /verify": everyone, "POST /verify": everyone,
        "GET /staff/login": everyone, "POST /staff/login": everyone, "POST /staff/logout": staff, "GET /manage": staff,
        "GET /manage/staff": accounts, "POST /manage/staff": accounts,
        // One account (`clerkHere`): whoever may manage it, never the street office of another street.
        "GET /manage/staff/:account": [.streetHere, .admin], "POST /manage/staff/:account": [.streetHere, .admin],
        "GET /manage/password": staff, "POST /manage/password": staff,
        "GET /manage/estates/:estate/votes/new": organise, "POST /manage/estates/:estate/votes": organise,
        "GET /manage/votes/:vote": view, "GET /manage/votes/:vote/edit": organise, "POST /manage/votes/:vote/edit": organise,
        "POST /manage/votes/:vote/documents": organise, "GET /manage/votes/:vote/documents/:number": view,
        "POST /manage/votes/:vote/notice": organise, "POST /manage/votes/:vote/clerks": organise,
        "GET /manage/votes/:vote/delivery": view, "POST /manage/votes/:vote/delivery": deliver, "POST /manage/votes/:vote/posting": organise,
        "GET /manage/votes/:vote/posting/:number": view,
        "GET /manage/votes/:vote/dashboard": view, "POST /manage/votes/:vote/reminders": organise, "GET /manage/votes/:vote/lists/:list": lists,
        "GET /manage/votes/:vote/paper": paper, "GET /manage/votes/:vote/entry": entry, "POST /manage/votes/:vote/entry": entry,
        "GET /manage/votes/:vote/mismatches": resolve, "POST /manage/votes/:vote/mismatches": resolve,
        "GET /manage/votes/:vote/reconciliation": view, "GET /manage/votes/:vote/result": view, "POST /manage/votes/:vote/publish": organise,
        "POST /manage/votes/:vote/paper-complete": organise,
        "GET /manage/votes/:vote/report": view, "GET /manage/votes/:vote/result/notice": view, "GET /manage/votes/:vote/export/:file": export,
        "GET /manage/votes/:vote/objections": answer, "POST /manage/votes/:vote/objections": answer,
        // Each desk's own estates' objections: any committee or street office.
        "GET /manage/objections": [.committeeHere, .committeeElsewhere, .streetHere, .streetElsewhere],
        // Who opened personal data, of one's own estates: those who may open it themselves.
        "GET /manage/access": [.committeeHere, .committeeElsewhere, .streetHere, .streetElsewhere],
        // An estate's settings: read by all who see its votes, changed by its committee.
        "GET /manage/estates/:estate/settings": view, "POST /manage/estates/:estate/settings": organise,
        "GET /manage/estates/:estate/settings/:revision/document": view,
        // An owner's new phone on file: the street office of the estate only.
        "GET /manage/estates/:estate/phones": [.streetHere], "POST /manage/estates/:estate/phones": [.streetHere],
        "POST /manage/estates/:estate/phones/confirm": [.streetHere],
        // The books (issue 14): every owner sees their own estate's; the property company and the
        // committee record, the committee reviews (the route checks the decision is the committee's).
        "GET /books": [.ownerHere, .ownerElsewhere],
        "GET /books/entries/:entry/documents/:number": [.ownerHere],
        "GET /manage/estates/:estate/books/entries/:entry/documents/:number": view,
        "GET /manage/estates/:estate/books": view, "POST /manage/estates/:estate/books": [.committeeHere, .propertyHere],
        "POST /manage/estates/:estate/books/review": [.committeeHere, .propertyHere],
        "POST /manage/estates/:estate/books/documents": [.committeeHere, .propertyHere],
        // An estate's facilities: seen by all who see its votes, kept by its committee and its
        // property company; each facility's public page (its QR label's) by anyone; the list by owners.
        "GET /manage/estates/:estate/facilities": view, "POST /manage/estates/:estate/facilities": maintain,
        "POST /manage/estates/:estate/facility-schedules": maintain,
        "GET /manage/estates/:estate/facilities/:code": view, "POST /manage/estates/:estate/facilities/:code": maintain,
        "GET /manage/estates/:estate/facilities/:code/records/:record/:number": view,
        "GET /facilities/:estate/:code": everyone, "GET /facilities": [.ownerHere, .ownerElsewhere],
    ]

    @Test func everyRouteAnswersEveryRoleAsTheTableSays() async throws {
        // setup: the fixture's two estates, accounts of every role, an open and a closed vote
        try await SiteFixture.with { site, client in
            let routes = routeTable(dependencies: site.dependencies)

            // act and check, signing-out routes last (they end the session they are called with)
            let ordered = routes.filter { !$0.path.hasSuffix("logout") } + routes.filter { $0.path.hasSuffix("logout") }
            for route in ordered {
                let key = "\(route.method) \(route.path)"
                guard let allowed = Self.expected[key] else {
                    Issue.record("no expectation for \(key): add it to the authorization matrix")
                    continue
                }
                let uri = site.uri(for: route.path)
                for role in Role.allCases {
                    let credentials = try await site.credentials(role)
                    var headers: HTTPFields = [:]
                    if let credentials { headers[.cookie] = credentials.cookie }
                    var body: ByteBuffer?
                    if route.method == .post {
                        headers[.contentType] = "application/x-www-form-urlencoded"
                        // A well-formed ballot too, so the cast is refused for who sends it, not for its form.
                        body = ByteBuffer(
                            string: "csrf=\(credentials?.csrf ?? "")&person=\(site.person)&code=0&hours=1"
                                + "&choices=%7B%22m1%22%3A%22agree%22%7D&signature_typed=%E7%94%B2")
                    }
                    let denied = try await client.execute(uri: uri, method: route.method, headers: headers, body: body) { response in
                        let location = response.headers[.location] ?? ""
                        switch route.access {
                        case .staff:
                            return response.status == .forbidden || location.hasPrefix("/staff/login")
                        case .owner:
                            return response.status == .forbidden || response.status == .notFound || location.hasPrefix("/bind")
                        case .anyone:
                            // (a 403 here is a form's own CSRF check, not a refusal of the caller)
                            return location.hasPrefix("/bind") || location.hasPrefix("/staff/login")
                        }
                    }
                    #expect(denied != allowed.contains(role), "\(key) as \(role): \(denied ? "denied" : "allowed")")
                }
            }
        }
    }
}
