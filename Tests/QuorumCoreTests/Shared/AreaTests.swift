import PropertyBased
import Testing

@testable import QuorumCore

@Suite struct AreaTests {
    @Test(arguments: [
        ("85.34", 8534), ("85.3", 8530), ("85", 8500), ("0.01", 1), (".5", 50), ("85.", 8500), ("1234567.89", 123_456_789),
    ])
    func readsPlainDecimals(text: String, centi: Int64) {
        #expect(Area.parse(text) == .success(Area(centiSquareMetres: centi)))
    }

    @Test(arguments: [
        ("0", Area.ParseError.notPositive), ("0.00", .notPositive), ("-5", .notPositive), ("85.345", .tooManyDecimals),
        ("85.340", .tooManyDecimals), ("", .notANumber), ("abc", .notANumber), ("1e3", .notANumber), ("85,34", .notANumber),
        ("1.2.3", .notANumber), ("85 m²", .notANumber), (".", .notANumber),
    ])
    func refusesWhatIsNotARegisterArea(text: String, error: Area.ParseError) {
        #expect(Area.parse(text) == .failure(error))
    }

    @Test func writesTwoDecimals() {
        #expect(Area(centiSquareMetres: 0).description == "0.00")
        #expect(Area(centiSquareMetres: 5).description == "0.05")
        #expect(Area(centiSquareMetres: 3_469_949).description == "34699.49")
    }

    @Test func formatThenParseIsTheIdentity() async {
        await propertyCheck(input: Gen.int64(in: 1...100_000_000_000)) { centi in
            let area = Area(centiSquareMetres: centi)
            #expect(Area.parse(area.description) == .success(area))
        }
    }
}

@Suite struct TimestampTests {
    @Test func readsOffsetsAndForms() {
        let utc = Timestamp.parse("2024-01-20T02:00:00Z")
        #expect(utc != nil)
        #expect(Timestamp.parse("2024-01-20T10:00:00+08:00") == utc)
        #expect(Timestamp.parse("2024-01-20T10:00+08:00") == utc)
        #expect(Timestamp.parse("2024-01-20 10:00:00") == utc, "no offset means the estate's time, UTC+8")
        #expect(Timestamp.parse("2024-01-19T21:00:00-05:00") == utc)
        #expect(Timestamp.parse("2024-01-20T02:00:00.250Z")!.millisecondsSinceEpoch == utc!.millisecondsSinceEpoch + 250)
        #expect(utc!.description == "2024-01-20T02:00:00Z")
        #expect(Timestamp.parse("1970-01-01T00:00:00Z")!.millisecondsSinceEpoch == 0)
        #expect(Timestamp.parse("2024-02-29T00:00:00Z") != nil)
    }

    @Test(arguments: [
        "", "2024-01-20", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-20T25:00:00Z", "yesterday",
        "2024-01-20T10:00:00+08:00x",
    ])
    func refusesNonsense(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
