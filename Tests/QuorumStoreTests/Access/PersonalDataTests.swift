import Foundation
import Logging
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Synchronization
import Testing

@Suite struct PersonalDataTests {
    static let text = """
        unit_id,building,room,area,owner_name,owner_id,phone
        U1,1,101,100.00,甲,110101199001010011,13812345678
        U2,1,102,100.00,乙,E12345678,
        U2,1,102,100.00,丙,110101199303030033,13987654321

        """

    @Test(arguments: TestDatabase.available)
    func idNumbersAndPhonesAreNeverStoredInClear(_ database: TestDatabase) async throws {
        try await database.withImported(Self.text) { imported in
            // check: no column of any table holds a number, nor the hidden middle of an ID
            let everything = try await imported.store.snapshot().joined(separator: "\n")
            for number in ["110101199001010011", "E12345678", "110101199303030033", "13812345678", "13987654321"] {
                #expect(!everything.contains(number))
            }
            for middle in ["1990010100", "1993030300"] {
                #expect(!everything.contains(middle))
            }
            #expect(everything.contains("甲"))  // names are kept: ballots and notices show them
        }
    }

    @Test(arguments: TestDatabase.available)
    func listingsShowMaskedNumbers(_ database: TestDatabase) async throws {
        try await database.withImported(Self.text) { imported in
            let stored = try await imported.register()
            let units = stored.register.units
            #expect(units[0].owners.map(stored.maskedIDNumber(of:)) == ["1101**********0011"])
            #expect(units[0].owners.map(\.phone) == ["138****5678"])
            // co-owners by name: 丙 (U+4E19) before 乙 (U+4E59)
            #expect(units[1].owners.map(stored.maskedIDNumber(of:)) == ["1101**********0033", "E12***678"])
            #expect(units[1].owners.map(\.phone) == ["139****4321", nil])
            // The same number always gives the same hash, so owners match across imports.
            #expect(units[0].owners[0].idNumber == PersonalDataKey(secret: "test secret").hash("110101199001010011"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func nothingPersonalIsLogged(_ database: TestDatabase) async throws {
        let captured = LogLines()
        var logger = Logger(label: "test", factory: { _ in CapturingLogHandler(captured: captured) })
        logger.logLevel = .trace
        try await database.withImported(Self.text, logger: logger) { imported in
            _ = try await imported.register()
        }
        let logged = captured.all
        for personal in ["110101199001010011", "E12345678", "13812345678", "甲", "乙", "丙"] {
            #expect(!logged.contains(personal))
        }
    }
}
