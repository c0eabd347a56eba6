import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// Issue 17, item 1: a city's divisions loaded before any register, once, whole or not at all.
@Suite struct DivisionsImportTests {
    @Test(arguments: TestDatabase.available)
    func divisionsAreLoadedOnceAndAnAmbiguousRowAddsNothing(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let csv = "city,district,street,community,estate\n青岛市,市南区,八大峡街道,团岛社区,天汇广场\n青岛市,市南区,云南路街道,,海逸花园\n青岛市,市北区,,,\n"
            let rows = try DivisionsFile.read(csv: Array(csv.utf8))
            // act
            let first = try await store.register.importDivisions(rows, file: "divisions.csv")
            let again = try await store.register.importDivisions(rows, file: "divisions.csv")
            // check: 青岛市, 市南区, 2 streets, 1 community, 2 estates, 市北区; none the second time
            #expect(first == 8 && again == 0)
            let street = try #require(try await store.register.findDivision(.street, named: "云南路街道"))
            #expect(try await store.register.divisions(.estate, under: street.id).map(\.name) == ["海逸花园"])
            #expect(try await store.register.findEstate(EstatePath(street: "八大峡街道", estate: "天汇广场")) != nil)

            // setup: a second 团岛社区 elsewhere makes a row naming it alone ambiguous
            _ = try await store.register.importDivisions(try DivisionsFile.read(csv: Array("street,community\n云南路街道,团岛社区\n".utf8)), file: "d.csv")
            let before = try await store.register.allDivisions().count
            let bad = try DivisionsFile.read(csv: Array("community,estate\n新社区,新小区\n团岛社区,又一小区\n".utf8))
            // act
            await #expect {
                try await store.register.importDivisions(bad, file: "bad.csv")
            } throws: { error in
                (error as? InputErrors)?.errors == [
                    InputError(file: "bad.csv", line: 3, field: "community (社区)", problem: .ambiguousDivision("团岛社区", matches: 2))
                ]
            }
            // check: the good row before it was not kept either
            #expect(try await store.register.allDivisions().count == before)
        }
    }
}
