import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

@testable import QuorumWeb

/// A whole site to walk: two estates in two streets of one district, a staff account of
/// every role, an open vote with a document, and a closed vote with a ballot and a
/// published result. The authorization matrix and the page snapshots walk it.
struct SiteFixture: Sendable {
    enum Role: String, CaseIterable, Sendable {
        case anonymous, ownerHere, ownerElsewhere
        case committeeHere, propertyHere, clerkHere, committeeElsewhere, propertyElsewhere, clerkElsewhere
        case streetHere, streetElsewhere, bureau, admin
    }

    struct Credentials {
        var cookie: String
        var csrf: String
    }

    let store: Store
    let dependencies: OwnerDependencies
    let here: Int64
    let open: StoredVote
    let closed: StoredVote
    let person: Int
    let receiptCode: String
    let ownerSessions: [Role: Credentials]
    /// The account id of `clerkHere`, a named clerk of the open vote.
    let clerk: String
    /// Each staff account's random id, and the name a snapshot shows for it.
    let accountTokens: [String: String]
    /// A facility of the estate here, a lift whose servicing is overdue, and its one record (with a document).
    static let facility = "1-elevator-01"
    let facilityRecord: String
    /// An approved ledger entry of the estate here (the maintenance fund's opening) with one document.
    let ledgerEntry: String

    static func register(_ prefix: String) -> String {
        """
        unit_id,building,room,area,owner_name,owner_id,phone
        \(prefix)1,1,101,100.00,甲,\(prefix == "A" ? "110101199001010011" : "110101199001010022"),13800000001
        \(prefix)2,1,102,80.00,乙,\(prefix == "A" ? "110101199202020033" : "110101199202020044"),13800000002

        """
    }

    /// Builds the site on a fresh SQLite database and runs `body` with it and the app on it.
    static func with(
        on database: TestDatabase = .sqlite, _ body: @escaping @Sendable (SiteFixture, any TestClientProtocol) async throws -> Void
    ) async throws {
        let clock = TestClock()
        // A fixed log key, so that the pages showing its fingerprint are the same every run.
        let logKey = Data(repeating: 7, count: 32).base64EncodedString()
        try await withQuorumApp(
            on: database, secret: "matrix secret", logKey: logKey, clock: clock.read,
            setUp: { store, phone in try await build(store: store, phone: phone, clock: clock) },
            body)
    }

    private static func build(store: Store, phone: RecordingSender, clock: TestClock) async throws -> SiteFixture {
        var estates: [Int64] = []
        for (prefix, street) in [("A", "八大峡街道"), ("B", "云南路街道")] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("matrix-\(prefix)-\(UUID().uuidString).csv")
            try Self.register(prefix).write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            estates.append(
                try await store.register.importRegister(
                    file: file.path, estate: EstatePath(city: "青岛市", district: "市南区", street: street, estate: "小区\(prefix)")
                ).estate.id)
        }
        let here = estates[0]
        let elsewhere = estates[1]
        let streetHere = try #require(try await store.register.findDivision(.street, named: "八大峡街道")).id
        let streetElsewhere = try #require(try await store.register.findDivision(.street, named: "云南路街道")).id
        let district = try #require(try await store.register.findDivision(.district, named: "市南区")).id
        let accounts: [(Role, StaffRole, Int64?)] = [
            (.committeeHere, .committee, here), (.propertyHere, .property, here), (.clerkHere, .clerk, here),
            (.committeeElsewhere, .committee, elsewhere), (.propertyElsewhere, .property, elsewhere), (.clerkElsewhere, .clerk, elsewhere),
            (.streetHere, .street, streetHere), (.streetElsewhere, .street, streetElsewhere), (.bureau, .bureau, district), (.admin, .admin, nil),
        ]
        var ids: [Role: String] = [:]
        for (role, staffRole, division) in accounts {
            ids[role] = try await store.staff.add(
                username: role.rawValue, displayName: role.rawValue, password: "matrix password", role: staffRole, division: division, passwordCost: 4
            ).id
        }
        // The open vote's second clerk (two clerks are two people, issue 13), no role of the matrix.
        let secondClerk = try await store.staff.add(
            username: "clerkHere2", displayName: "clerkHere2", password: "matrix password", role: .clerk, division: here, passwordCost: 4)
        let clerk = try #require(ids[.clerkHere])
        let definition = VoteDefinition(name: "表决", matters: [Matter(id: "m1", title: "事项", item: 5)])
        let now = clock.read().millisecondsSinceEpoch
        let day: Int64 = 86_400_000
        let draft = try await store.organising.createDraft(
            estate: here, definition: definition, opensAt: Timestamp(millisecondsSinceEpoch: now + 16 * day),
            closesAt: Timestamp(millisecondsSinceEpoch: now + 30 * day), actor: "setup")
        try await store.organising.addDocument(to: draft.id, name: "plan.pdf", bytes: Array("%PDF-1.4".utf8), actor: "setup")
        try await store.organising.nameStaff(
            vote: draft.id, clerks: [clerk, secondClerk.id], scrutineers: [try #require(ids[.streetHere])], actor: "setup")
        let open = try await store.organising.publishNotice(draft.id, actor: "setup")
        let closed = try await store.voting.createVote(
            estate: here, definition: definition, opensAt: clock.read(), closesAt: Timestamp(millisecondsSinceEpoch: now + day),
            noticedAt: Timestamp(millisecondsSinceEpoch: now - 16 * day))
        var ownerSessions: [Role: Credentials] = [:]
        var ownerHere: OwnerSession?
        for (role, estate, name, id) in [
            (Role.ownerHere, here, "甲", "110101199001010011"), (Role.ownerElsewhere, elsewhere, "甲", "110101199001010022"),
        ] {
            let start = try await store.binding.start(estate: estate, name: name, idNumber: id, address: "test", sender: phone)
            let session = try await store.binding.confirm(attempt: start.attempt, code: phone.lastCode ?? "")
            ownerSessions[role] = Credentials(cookie: "quorum_session=\(session.token)", csrf: session.csrf)
            if role == .ownerHere { ownerHere = session }
        }
        let owner = try #require(ownerHere)
        let person = try #require(try await store.voting.voters(in: closed.id, owner: owner.idHash).first?.person)
        let receipt = try await store.voting.castOnline(
            vote: closed.id, person: person, owner: owner.idHash, choices: BallotChoices(["m1": .option(.agree)]), signature: .typed("甲"))
        clock.advance(days: 17)
        let preliminary = try await store.results.publishResult(closed.id, final: false, actor: "setup")
        // An owner's objection to it, awaiting the committee's answer.
        let voter = try #require(try await store.voting.voters(in: closed.id, owner: owner.idHash).first)
        _ = try await store.tickets.fileObjection("第3栋的纸质票未计入", on: "m1", of: preliminary, voter: voter, owner: owner.idHash)
        // The estate's facilities: a lift last serviced on 10 January (overdue since 25 January 24:00), a fire system.
        let facilities =
            "code,kind,name,building,inspection_due,service_company\n\(facility),elevator,1号楼客梯,1,2024-03-31,某某电梯维保\n,fire,1号楼消火栓系统,1,,\n"
        try await store.facilities.importFacilities(Array(facilities.utf8), file: "facilities.csv", estate: here, actor: "setup")
        let record = try await store.facilities.record(
            FacilityRecord(code: facility, item: "lift_half_monthly", day: "2024-01-10", by: "某某电梯维保 张师傅", passed: true, note: "正常"),
            estate: here, documents: [("维保单.pdf", Array("%PDF-1.4 维保单".utf8))], actor: try #require(ids[.propertyHere]))
        // The maintenance fund's approved opening balance, with its bank's statement attached.
        let fund = try await store.books.openAccount(
            LedgerAccount(.maintenanceFund), estate: here, opening: Money(fen: 10_000_000), date: "2024-01-01", by: try #require(ids[.propertyHere]))
        _ = try await store.books.review(fund.entry.id, estate: here, .approve, by: try #require(ids[.committeeHere]))
        _ = try await store.books.attach(
            try DocumentFile(Array("%PDF-1.4 对账单".utf8)), named: "对账单.pdf", to: fund.entry.id, estate: here, by: try #require(ids[.propertyHere]))
        return SiteFixture(
            store: store, dependencies: OwnerDependencies(store: store, sender: phone), here: here, open: open, closed: closed,
            person: person, receiptCode: receipt.code, ownerSessions: ownerSessions, clerk: clerk,
            accountTokens: Dictionary(uniqueKeysWithValues: ids.map { ($0.value, "ACCOUNT-\($0.key)") } + [(secondClerk.id, "ACCOUNT-clerkHere2")]),
            facilityRecord: record.id, ledgerEntry: fund.entry.id)
    }

    /// The role's cookie and CSRF token (a new staff session each call), none for `.anonymous`.
    func credentials(_ role: Role) async throws -> Credentials? {
        if let owner = ownerSessions[role] { return owner }
        guard role != .anonymous else { return nil }
        let session = try await store.staff.login(username: role.rawValue, password: "matrix password")
        return Credentials(cookie: "quorum_staff=\(session.token)", csrf: session.csrf)
    }

    /// A route's path with its parameters filled in from the fixture.
    func uri(for path: String) -> String {
        let onClosedVote = ["/result", "/result/notice", "/report", "/publish", "/export/:file", "/objections", "/dispute"].contains {
            path.hasSuffix($0)
        }
        var uri =
            path
            .replacingOccurrences(of: "/:code", with: path.contains("facilities/") ? "/\(Self.facility)" : "/:code")
            .replacingOccurrences(of: ":record", with: facilityRecord).replacingOccurrences(of: ":entry", with: ledgerEntry)
            .replacingOccurrences(of: ":vote", with: onClosedVote ? closed.id : open.id)
            .replacingOccurrences(of: ":estate", with: String(here)).replacingOccurrences(of: ":number", with: "1")
            .replacingOccurrences(of: ":code", with: receiptCode).replacingOccurrences(of: ":name", with: "app.css")
            .replacingOccurrences(of: ":list", with: "unbound").replacingOccurrences(of: ":account", with: clerk).replacingOccurrences(
                of: ":file", with: "ballots.csv")
        if path.hasSuffix("/ballot") || path.hasSuffix("/dispute") { uri += "?person=\(person)" }
        if path.hasPrefix("/log/proof") { uri += "?index=0" }
        if path.hasPrefix("/log/consistency") { uri += "?from=1&to=2" }
        return uri
    }
}

extension Store {
    /// Opens two clerk accounts of `estate` and names them for the draft, so that its notice
    /// may be published (two clerks are two people, issue 13).
    func nameTwoClerks(of draft: String, estate: Int64) async throws {
        var ids: [String] = []
        for _ in 0..<2 {
            let name = "clerk-" + UUID().uuidString.prefix(8).lowercased()
            ids.append(
                try await staff.add(username: name, displayName: name, password: "matrix password", role: .clerk, division: estate, passwordCost: 4)
                    .id)
        }
        try await organising.nameStaff(vote: draft, clerks: ids, scrutineers: [], actor: "setup")
    }
}
