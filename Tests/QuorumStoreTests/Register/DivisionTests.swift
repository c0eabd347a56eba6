import QuorumCore
import QuorumStore
import QuorumSynthetic
import QuorumTestSupport
import Testing

@Suite struct DivisionTests {
    @Test(arguments: TestDatabase.available)
    func anEstateIsUnderItsStreetAndNotUnderAnother(_ database: TestDatabase) async throws {
        // setup: two estates in two streets of one district
        let tianhui = EstatePath(city: "青岛市", district: "市南区", street: "八大峡街道", community: "团岛社区", estate: "天汇广场")
        let other = EstatePath(city: "青岛市", district: "市南区", street: "云南路街道", estate: "海逸花园")
        try await database.withImported(SyntheticRegister(estate: 1, units: 20).text, estate: tianhui) { imported in
            let store = imported.store
            let estate = imported.estate
            _ = try await store.register.importRegister(file: imported.file, estate: other)
            // act
            let street = try #require(try await store.register.findDivision(.street, named: "八大峡街道"))
            let otherStreet = try #require(try await store.register.findDivision(.street, named: "云南路街道"))
            let district = try #require(try await store.register.findDivision(.district, named: "市南区"))
            // check
            #expect(try await store.register.isDivision(estate.id, under: street.id))
            #expect(try await store.register.isDivision(estate.id, under: district.id))
            #expect(try await !store.register.isDivision(estate.id, under: otherStreet.id))
            #expect(try await !store.register.isDivision(street.id, under: estate.id))
            #expect(try await !store.register.isDivision(estate.id, under: estate.id))
            #expect(try await store.register.ancestors(of: estate.id).map(\.name) == ["青岛市", "市南区", "八大峡街道", "团岛社区"])
            #expect(try await store.register.divisions(.estate, under: district.id).map(\.name) == ["天汇广场", "海逸花园"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func importsRecordBuildingsAndEntrancesUnderTheEstate(_ database: TestDatabase) async throws {
        // 200 units: buildings 1 and 2 (144 units a building), entrances 1 and 2 in each
        try await database.withImported(SyntheticRegister(estate: 1, units: 200).text) { imported in
            let store = imported.store
            let estate = imported.estate
            let buildings = try await store.register.divisions(.building, under: estate.id)
            #expect(buildings.map(\.name) == ["1", "2"])
            let entrances = try await store.register.divisions(.entrance, under: buildings[0].id)
            #expect(entrances.map(\.name) == ["1", "2"])
            #expect(try await store.register.isDivision(entrances[0].id, under: estate.id))
        }
    }

    @Test(arguments: TestDatabase.available)
    func anEstateIsFoundByItsNameAloneUnlessTheNameIsShared(_ database: TestDatabase) async throws {
        let path = EstatePath(street: "八大峡街道", estate: "阳光小区")
        try await database.withImported(SyntheticRegister(estate: 1, units: 10).text, estate: path) { imported in
            let store = imported.store
            let file = imported.file
            let first = imported.estate
            // The name alone finds it, and a re-import by name alone is the same estate.
            #expect(try await store.register.findEstate(EstatePath(estate: "阳光小区")) == first)
            #expect(try await store.register.importRegister(file: file, estate: EstatePath(estate: "阳光小区")).estate == first)
            // A second estate of the same name in another street makes the name alone ambiguous.
            _ = try await store.register.importRegister(file: file, estate: EstatePath(street: "云南路街道", estate: "阳光小区"))
            await #expect(throws: StoreError.ambiguousDivision(level: .estate, name: "阳光小区", matches: 2)) {
                try await store.register.findEstate(EstatePath(estate: "阳光小区"))
            }
            #expect(try await store.register.findEstate(EstatePath(street: "八大峡街道", estate: "阳光小区")) == first)
        }
    }
}
