import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// Issue 13, item 2, on both databases: two clerks are two people. The committee names a
/// vote's clerks and scrutineers before the notice, which needs two clerks; only they enter
/// its paper ballots; one is replaced with a reason; staff accounts keep to their scope, can
/// be disabled and reset, and every change is in the log.
extension OrganiserTests {
    func account(_ store: Store, _ name: String, _ role: StaffRole, _ division: Int64?, by creator: StaffAccount? = nil) async throws
        -> StaffAccount
    {
        try await store.staff.add(
            username: name, displayName: name, password: "a good password", role: role, division: division, by: creator, passwordCost: 4)
    }

    /// A draft that may be noticed now (it opens in 16 days), with its estate's accounts.
    func draft(_ store: Store, estate: Int64, clock: TestClock) async throws -> StoredVote {
        try await store.organising.createDraft(
            estate: estate, definition: VotingTests.definition,
            opensAt: Timestamp(millisecondsSinceEpoch: clock.current.millisecondsSinceEpoch + 16 * Self.day),
            closesAt: Timestamp(millisecondsSinceEpoch: clock.current.millisecondsSinceEpoch + 20 * Self.day), actor: "committee")
    }

    @Test(arguments: TestDatabase.available)
    func theNoticeNeedsTwoNamedClerksAndOnlyTheyEnterItsPaperBallots(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: two clerks and a property account of the estate, and its street office
            let street = try #require(try await store.register.findDivision(.street, named: "八大峡街道")).id
            let (zhang, li) = (try await account(store, "zhang", .clerk, estate), try await account(store, "li", .clerk, estate))
            let property = try await account(store, "property", .property, estate)
            let office = try await account(store, "office", .street, street)
            let vote = try await draft(store, estate: estate, clock: clock)
            // act and check: no notice without two clerks; a property account is no clerk; one person, one duty
            await #expect(throws: SetupError.tooFewClerks(0)) { try await store.organising.publishNotice(vote.id, actor: "committee") }
            try await store.organising.nameStaff(vote: vote.id, clerks: [zhang.id, zhang.id], scrutineers: [], actor: "committee")
            await #expect(throws: SetupError.tooFewClerks(1)) { try await store.organising.publishNotice(vote.id, actor: "committee") }
            await #expect(throws: SetupError.notEligible(.clerk)) {
                try await store.organising.nameStaff(vote: vote.id, clerks: [zhang.id, property.id], scrutineers: [], actor: "committee")
            }
            await #expect(throws: SetupError.notEligible(.scrutineer)) {
                try await store.organising.nameStaff(vote: vote.id, clerks: [zhang.id, li.id], scrutineers: [li.id], actor: "committee")
            }
            try await store.organising.nameStaff(vote: vote.id, clerks: [zhang.id, li.id], scrutineers: [office.id], actor: "committee")
            let noticed = try await store.organising.publishNotice(vote.id, actor: "committee")
            let named = try await store.organising.namedStaff(of: vote.id)
            #expect(Set(named.filter { $0.duty == .clerk }.map(\.account.username)) == ["li", "zhang"])
            #expect(named.filter { $0.duty == .scrutineer }.map(\.account.username) == ["office"])
            // After the notice nobody is named, and an account opened now is no clerk of the vote.
            let late = try await account(store, "late", .clerk, estate)
            await #expect(throws: SetupError.notDraft) {
                try await store.organising.nameStaff(vote: vote.id, clerks: [zhang.id, li.id, late.id], scrutineers: [], actor: "committee")
            }
            clock.advance(days: 16)
            let code = try #require(try await store.paper.ballots(of: vote.id).first?.code)
            let reading = Store.reading(VotingTests.choices, at: clock.current)
            await #expect(throws: PaperError.notNamedClerk) {
                try await store.paper.enter(vote: noticed, code: code, clerk: late.id, reading: reading)
            }
            await #expect(throws: PaperError.notNamedClerk) {
                try await store.paper.enter(vote: noticed, code: code, clerk: office.id, reading: reading)
            }
            let ballot = try #require(try await store.paper.ballot(vote: vote.id, code: code))
            #expect(try await store.paper.entryRefusal(vote: noticed, ballot: ballot, clerk: late.id) == .notNamedClerk)
            #expect(try await store.paper.enter(vote: noticed, code: code, clerk: zhang.id, reading: reading) == .entered)
            #expect(try await store.paper.enter(vote: noticed, code: code, clerk: li.id, reading: reading) == .confirmed)
            // The naming is in the log, before the notice.
            let kinds = try await logKinds(store)
            #expect(kinds.firstIndex(of: "staff_named")! < kinds.firstIndex(of: "notice_published")!)
            #expect(kinds.filter { $0 == "staff_named" }.count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aNamedClerkIsReplacedWithAWrittenReasonLoggedAndShown(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: a noticed vote with two clerks, and a third clerk account opened since
            let (zhang, li) = (try await account(store, "zhang", .clerk, estate), try await account(store, "li", .clerk, estate))
            let vote = try await draft(store, estate: estate, clock: clock)
            try await store.organising.nameStaff(vote: vote.id, clerks: [zhang.id, li.id], scrutineers: [], actor: "committee")
            let noticed = try await store.organising.publishNotice(vote.id, actor: "committee")
            let wang = try await account(store, "wang", .clerk, estate)
            // act and check: a reason is required, only someone serving is replaced, by someone not named
            await #expect(throws: SetupError.noReason) {
                try await store.organising.replaceStaff(vote: noticed, replaced: zhang.id, by: wang.id, reason: "  ", actor: "committee")
            }
            await #expect(throws: SetupError.notServing) {
                try await store.organising.replaceStaff(vote: noticed, replaced: wang.id, by: zhang.id, reason: "生病", actor: "committee")
            }
            await #expect(throws: SetupError.notEligible(.clerk)) {
                try await store.organising.replaceStaff(vote: noticed, replaced: zhang.id, by: li.id, reason: "生病", actor: "committee")
            }
            try await store.organising.replaceStaff(vote: noticed, replaced: zhang.id, by: wang.id, reason: "张某住院", actor: "committee")
            let named = try await store.organising.namedStaff(of: vote.id)
            let replacement = try #require(named.first { $0.replaces != nil })
            #expect(replacement.account.id == wang.id && replacement.replaces?.id == zhang.id && replacement.reason == "张某住院")
            #expect(named.first { $0.account.id == zhang.id }?.endedAt == clock.current)
            clock.advance(days: 16)
            let code = try #require(try await store.paper.ballots(of: vote.id).first?.code)
            let reading = Store.reading(VotingTests.choices, at: clock.current)
            await #expect(throws: PaperError.notNamedClerk) {
                try await store.paper.enter(vote: noticed, code: code, clerk: zhang.id, reading: reading)
            }
            #expect(try await store.paper.enter(vote: noticed, code: code, clerk: wang.id, reading: reading) == .entered)
            // The log names both and the reason's hash, not the reason.
            var exported = ""
            try await store.log.export { exported += $0 }
            let line = try #require(exported.split(separator: "\n").first { $0.contains("\"staff_replaced\"") })
            #expect(line.contains(zhang.id) && line.contains(wang.id) && line.contains("reason_sha256") && !line.contains("住院"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func staffAccountsKeepToTheirScopeAndEveryChangeIsLoggedWithoutThePassword(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: an administrator and a street office over the estate
            let street = try #require(try await store.register.findDivision(.street, named: "八大峡街道")).id
            let admin = try await account(store, "admin", .admin, nil)
            let office = try await account(store, "office", .street, street, by: admin)
            // act and check: a street office opens no account of its own scope or above
            for (role, division) in [(StaffRole.bureau, street), (.street, street), (.admin, nil)] as [(StaffRole, Int64?)] {
                await #expect(throws: StaffError.outOfScope(role)) { try await account(store, "x-\(role)", role, division, by: office) }
            }
            _ = try await account(store, "committee1", .committee, estate, by: office)
            await #expect(throws: StaffError.committeeHasMembers) { try await account(store, "committee2", .committee, estate, by: office) }
            _ = try await account(store, "committee2", .committee, estate, by: admin)
            let clerk = try await account(store, "clerk", .clerk, estate, by: office)
            // Disabled: no sign-in, the session ends; enabled again: signs in.
            let session = try await store.staff.login(username: "clerk", password: "a good password")
            await #expect(throws: StaffError.outOfScope(.street)) { try await store.staff.manage(office.id, .disabled, by: office) }
            try await store.staff.manage(clerk.id, .disabled, by: office)
            #expect(try await store.staff.session(token: session.token) == nil)
            await #expect(throws: StaffError.disabled) { try await store.staff.login(username: "clerk", password: "a good password") }
            try await store.staff.manage(clerk.id, .enabled, by: office)
            // Reset: a temporary password, changed at the next sign-in.
            let before = try await store.staff.login(username: "clerk", password: "a good password")
            try await store.staff.manage(clerk.id, .passwordReset, value: "temporary pass", by: office, passwordCost: 4)
            #expect(try await store.staff.session(token: before.token) == nil)
            let reset = try await store.staff.login(username: "clerk", password: "temporary pass")
            #expect(reset.account.mustChangePassword)
            await #expect(throws: StaffError.badCredentials) {
                try await store.staff.changePassword(of: reset, current: "wrong one!!", new: "my own password", passwordCost: 4)
            }
            try await store.staff.changePassword(of: reset, current: "temporary pass", new: "my own password", passwordCost: 4)
            #expect(try await store.staff.session(token: reset.token)?.account.mustChangePassword == false)
            try await store.staff.manage(clerk.id, .changed, value: "录入员 王", by: office)
            #expect(try await store.staff.account(id: clerk.id)?.displayName == "录入员 王")
            // Every change in the log, by whom, never a password.
            var exported = ""
            try await store.log.export { exported += $0 }
            let changes = exported.split(separator: "\n").filter { $0.contains("\"staff_account\"") && $0.contains(clerk.id) }
            #expect(changes.map { $0.contains("\"actor\":\"\(office.id)\"") || $0.contains("password_changed") } == Array(repeating: true, count: 6))
            for change in ["created", "disabled", "enabled", "password_reset", "password_changed", "changed"] {
                #expect(changes.contains { $0.contains("\"change\":\"\(change)\"") }, "\(change)")
            }
            #expect(!exported.contains("temporary pass") && !exported.contains("my own password") && !exported.contains("a good password"))
            _ = clock
        }
    }
}
