import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import SQLKit
import Testing

/// The limits on one-time codes (BindingLimits): 5 codes an hour per phone, 20 codes or
/// failed lookups an hour per address, 5 tries per code; the per-phone case and the tries
/// are also in VotingTests.
@Suite struct RateLimitTests {
    /// Six owners, each with a phone of their own.
    static let registry =
        "unit_id,building,room,area,owner_name,owner_id,owner_kind,phone\n"
        + (1...6).map { "U\($0),1,10\($0),90.00,业主\($0),11010119900101\(String(format: "%04d", $0)),person,1380000000\($0)" }.joined(separator: "\n")
        + "\n"

    func withStore(_ database: TestDatabase, _ body: (Store, Int64, TestClock) async throws -> Void) async throws {
        try await database.withEstate(registry: Self.registry, estate: EstatePath(estate: "天汇广场"), body)
    }

    @Test(arguments: TestDatabase.available)
    func oneAddressGetsTwentyCodesAnHourWhateverThePhones(_ database: TestDatabase) async throws {
        try await withStore(database) { store, estate, clock in
            let sender = RecordingSender()
            func start(_ owner: Int, from address: String) async throws -> BindingStart {
                try await store.binding.start(
                    estate: estate, name: "业主\(owner)", idNumber: "11010119900101\(String(format: "%04d", owner))", address: address, sender: sender)
            }
            // Four owners, five codes each, from one address: twenty.
            for owner in 1...4 {
                for _ in 0..<BindingLimits.codesPerPhonePerHour { _ = try await start(owner, from: "203.0.113.9") }
            }
            // The twenty-first from that address is refused, even for a phone with none yet,
            await #expect(throws: BindingError.tooManyRequests) { try await start(5, from: "203.0.113.9") }
            // and sends nothing.
            #expect(sender.sent.withLock { $0.count } == 20)
            // Another address is not held back by it.
            _ = try await start(5, from: "198.51.100.7")
            // An hour later the address may ask again.
            clock.advance(minutes: 61)
            _ = try await start(6, from: "203.0.113.9")
            #expect(sender.sent.withLock { $0.count } == 22)
        }
    }

    @Test(arguments: TestDatabase.available)
    func guessingNamesAndNumbersCountsAgainstTheAddressAndThenTeachesNothing(_ database: TestDatabase) async throws {
        try await withStore(database) { store, estate, _ in
            let sender = RecordingSender()
            func start(_ name: String, _ number: String) async throws -> BindingStart {
                try await store.binding.start(estate: estate, name: name, idNumber: number, address: "203.0.113.9", sender: sender)
            }
            // Twenty wrong guesses at 业主1's number.
            for guess in 0..<BindingLimits.codesPerAddressPerHour {
                await #expect(throws: BindingError.noSuchOwner) { try await start("业主1", "1101011990010\(String(format: "%05d", 20_000 + guess))") }
            }
            // Now the right one and a wrong one get the same answer, and no code is sent.
            await #expect(throws: BindingError.tooManyRequests) { try await start("业主1", "110101199001010001") }
            await #expect(throws: BindingError.tooManyRequests) { try await start("业主1", "110101199001019999") }
            #expect(sender.sent.withLock { $0.isEmpty })
            // The failed tries left nothing that could be confirmed, nor any trace of the numbers tried.
            let rows = try await store.withConnection { db in
                try await db.raw("SELECT id_hash, code_hash, used FROM binding_attempts").all()
            }
            #expect(rows.count == BindingLimits.codesPerAddressPerHour)
            for row in rows {
                #expect(try row.decode(column: "id_hash", as: String.self) == "")
                #expect(try row.decode(column: "used", as: Int.self) == 1)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aLockedCodeStaysLockedAndANewCodeEndsTheGuessingOfTheOld(_ database: TestDatabase) async throws {
        try await withStore(database) { store, estate, clock in
            let sender = RecordingSender()
            let first = try await store.binding.start(estate: estate, name: "业主1", idNumber: "110101199001010001", address: "a", sender: sender)
            let code = try #require(sender.lastCode)
            let wrong = code == "000000" ? "111111" : "000000"
            for _ in 0..<BindingLimits.triesPerCode {
                _ = try? await store.binding.confirm(attempt: first.attempt, code: wrong)
            }
            await #expect(throws: BindingError.locked) { try await store.binding.confirm(attempt: first.attempt, code: code) }
            // Still locked a minute later, while the code would otherwise live.
            clock.advance(minutes: 1)
            await #expect(throws: BindingError.locked) { try await store.binding.confirm(attempt: first.attempt, code: code) }
            // A used code cannot be used twice.
            let second = try await store.binding.start(estate: estate, name: "业主1", idNumber: "110101199001010001", address: "a", sender: sender)
            let secondCode = try #require(sender.lastCode)
            _ = try await store.binding.confirm(attempt: second.attempt, code: secondCode)
            await #expect(throws: BindingError.codeExpired) { try await store.binding.confirm(attempt: second.attempt, code: secondCode) }
            // An attempt id that was never issued is no way in.
            await #expect(throws: BindingError.codeExpired) { try await store.binding.confirm(attempt: "' OR '1'='1", code: secondCode) }
        }
    }
}
