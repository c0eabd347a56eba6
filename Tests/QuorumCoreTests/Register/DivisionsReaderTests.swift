import Testing

@testable import QuorumCore

/// Issue 17, item 1: `divisions.csv`, a city's divisions before any register.
@Suite struct DivisionsReaderTests {
    @Test func eachRowIsAPathFromTheTopWithEmptyLevelsSkipped() throws {
        let csv = "区,街道,社区,小区,备注\n市南区,八大峡街道,团岛社区,天汇广场,x\n市南区,云南路街道,,海逸花园,\n市北区,,,,\n"
        let rows = try DivisionsFile.read(csv: Array(csv.utf8))
        #expect(rows.map(\.line) == [2, 3, 4])
        #expect(rows[1].steps == [.init(level: .district, name: "市南区"), .init(level: .street, name: "云南路街道"), .init(level: .estate, name: "海逸花园")])
        #expect(rows[2].steps == [.init(level: .district, name: "市北区")])
    }

    @Test func aRowNamingNothingOrANameTooLongIsRefusedWithTheWholeFile() {
        let long = String(repeating: "长", count: DivisionsFile.maximumName + 1)
        #expect {
            try DivisionsFile.read(csv: Array("district,street,estate,note\n市南区,,天汇广场,\n,,,备注\n市南区,\(long),x,\n".utf8))
        } throws: { error in
            (error as? InputErrors)?.errors.map { "\($0.line ?? 0) \($0.field ?? "") \($0.problem)" } == [
                "3 estate (小区) \(InputProblem.missingField)", "4 street (街道) \(InputProblem.fieldTooLong(limit: 100))",
            ]
        }
    }
}
