import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import SQLKit
import Testing

/// Personal data over time on both databases (issue 13, item 21): an owner who leaves the
/// register loses access at once; a new phone is put on file by two people of the street
/// office, logged, ending the owner's sessions.
@Suite struct OwnerDataTests {
    let rates = RateLimitTests()

    func bind(_ store: Store, estate: Int64, owner: Int, sender: RecordingSender = RecordingSender()) async throws -> OwnerSession {
        let start = try await store.binding.start(
            estate: estate, name: "业主\(owner)", idNumber: "11010119900101\(String(format: "%04d", owner))", address: "10.0.0.\(owner)",
            sender: sender)
        return try await store.binding.confirm(attempt: start.attempt, code: try #require(sender.lastCode))
    }

    @Test(arguments: TestDatabase.available)
    func anOwnerWhoLeavesTheRegisterLosesAccess(_ database: TestDatabase) async throws {
        try await rates.withStore(database) { store, estate, _ in
            let first = try await bind(store, estate: estate, owner: 1)
            let second = try await bind(store, estate: estate, owner: 2)
            // act: the next register no longer has owner 1 (the flat was sold to 业主7)
            let files = try TestFiles()
            defer { files.remove() }
            let sold = RateLimitTests.registry.replacingOccurrences(of: "业主1,110101199001010001", with: "业主7,110101199001010007")
            _ = try await store.register.importRegister(file: try files.write("b.csv", sold), estate: EstatePath(estate: "天汇广场"))
            // check: 1's session signs nobody in, nor can 1 bind again; 2 is still signed in
            #expect(try await store.binding.session(token: first.token) == nil)
            #expect(try await store.binding.session(token: second.token) != nil)
            await #expect(throws: BindingError.noSuchOwner) { _ = try await bind(store, estate: estate, owner: 1) }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aNewPhoneTakesTwoPeopleOfTheStreetOffice(_ database: TestDatabase) async throws {
        try await rates.withStore(database) { store, estate, _ in
            let session = try await bind(store, estate: estate, owner: 3)
            // refused, recording nothing: no such owner, a bad phone, no reason
            await #expect(throws: PhoneChangeError.noSuchOwner) {
                try await store.binding.requestPhoneChange(
                    estate: estate, name: "业主4", idNumber: "110101199001010003", phone: "13900000003", reason: "换号", actor: "s1")
            }
            await #expect(throws: PhoneChangeError.badPhone) {
                try await store.binding.requestPhoneChange(
                    estate: estate, name: "业主3", idNumber: "110101199001010003", phone: "139-abc", reason: "换号", actor: "s1")
            }
            await #expect(throws: PhoneChangeError.badReason) {
                try await store.binding.requestPhoneChange(
                    estate: estate, name: "业主3", idNumber: "110101199001010003", phone: "13900000003", reason: " ", actor: "s1")
            }
            #expect(try await store.binding.phoneChanges(in: estate).isEmpty)
            // act: one records it; the same person cannot confirm it; another does
            let change = try await store.binding.requestPhoneChange(
                estate: estate, name: "业主3", idNumber: " 110101199001010003", phone: "139 0000 0003", reason: "原号码已停用", actor: "s1")
            #expect(change.phoneMasked == "139****0003" && change.confirmedAt == nil)
            // nothing changes before the confirmation: the code still goes to the old phone
            let before = RecordingSender()
            _ = try await store.binding.start(estate: estate, name: "业主3", idNumber: "110101199001010003", address: "x", sender: before)
            #expect(before.sent.withLock { $0.map(\.to) } == ["13800000003"])
            await #expect(throws: PhoneChangeError.sameStaff) { try await store.binding.confirmPhoneChange(change.id, estate: estate, actor: "s1") }
            await #expect(throws: PhoneChangeError.noSuchRequest) {
                try await store.binding.confirmPhoneChange(change.id, estate: estate + 1, actor: "s2")
            }
            let done = try await store.binding.confirmPhoneChange(change.id, estate: estate, actor: "s2")
            // check: the new phone gets the next code, the old session is over, the log names both
            #expect(done.confirmedBy == "s2")
            #expect(try await store.binding.session(token: session.token) == nil)
            let after = RecordingSender()
            _ = try await store.binding.start(estate: estate, name: "业主3", idNumber: "110101199001010003", address: "y", sender: after)
            #expect(after.sent.withLock { $0.map(\.to) } == ["13900000003"])
            await #expect(throws: PhoneChangeError.noSuchRequest) {
                try await store.binding.confirmPhoneChange(change.id, estate: estate, actor: "s3")
            }
            var log = ""
            try await store.log.export { log += $0 }
            #expect(log.contains(#""change":"\#(change.id)""#) && log.contains(#""requested_by":"s1""#) && !log.contains("13900000003"))
        }
    }
}
