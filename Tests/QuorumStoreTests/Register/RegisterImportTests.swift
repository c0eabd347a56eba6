import Foundation
import QuorumCore
import QuorumStore
import QuorumSynthetic
import QuorumTestSupport
import Testing

@Suite struct RegisterImportTests {
    static let estate = EstatePath(city: "青岛市", district: "市南区", street: "八大峡街道", estate: "天汇广场")

    @Test(arguments: TestDatabase.available)
    func importsARegisterAsItsFirstRevision(_ database: TestDatabase) async throws {
        let synthetic = SyntheticRegister(estate: 1, units: 300)
        try await database.withImported(synthetic.text, estate: Self.estate) { imported in
            let revision = try #require(imported.result.created)
            #expect(revision.number == 1)
            #expect(revision.unitCount == 300 && revision.unitsAdded == 300)
            #expect(revision.rowCount == synthetic.rowCount)
            #expect(revision.unitsChanged == 0 && revision.unitsRemoved == 0 && revision.ownersChanged == 0)
            #expect(revision.createdAt == TestClock.start)
            let stored = try await imported.register().register
            let expected = try Register.read(csv: Array(synthetic.text.utf8))
            #expect(stored.units.map(\.id) == expected.units.map(\.id).sorted())
            for unit in stored.units {
                let original = try #require(expected[unit.id])
                #expect(unit.area == original.area && unit.building == original.building && unit.room == original.room)
                #expect(unit.entrance == original.entrance && unit.use == original.use)
                #expect(unit.owners.map(\.name).sorted() == original.owners.map(\.name).sorted())
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func theStoredRegisterFormsTheSameVotingPersons(_ database: TestDatabase) async throws {
        let text = SyntheticRegister(estate: 2, units: 120).text
        try await database.withImported(text) { imported in
            let vote = try VoteDefinition.read(
                json: Array(#"{"vote":"v","matters":[{"id":"m1","title":"t","item":9,"kind":"resolution"}]}"#.utf8))
            let fromStore = try Electorate(register: try await imported.register().register, vote: vote)
            let fromFile = try Electorate(register: try Register.read(csv: Array(text.utf8)), vote: vote)
            #expect(fromStore.total == fromFile.total)
            #expect(fromStore.persons.count == fromFile.persons.count)
        }
    }

    @Test(arguments: TestDatabase.available)
    func keepsTabsBackslashesAndLineBreaksInValues(_ database: TestDatabase) async throws {
        // PostgreSQL stages rows with COPY, whose text format escapes these characters.
        let name = "甲\t\\N 乙\r\n丙"
        let text = "unit_id,building,room,area,owner_name,owner_id\nU\\1,\"7,8\",101,90,\"\(name)\",110101199001010011\n"
        try await database.withImported(text) { imported in
            let unit = try #require(try await imported.register().register.units.first)
            #expect(unit.id == "U\\1" && unit.building == "7,8")
            #expect(unit.owners.map(\.name) == [name])
            // and the same file again is no change
            #expect(try await imported.store.register.importRegister(file: imported.file, estate: EstatePath(estate: "天汇广场")).created == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func importingTheSameFileAgainChangesNothing(_ database: TestDatabase) async throws {
        try await database.withImported(SyntheticRegister(estate: 1, units: 200).text, estate: Self.estate) { imported in
            // setup
            let before = try await imported.store.snapshot()
            // act
            let again = try await imported.store.register.importRegister(file: imported.file, estate: Self.estate)
            // check
            #expect(again.created == nil)
            #expect(again.current == imported.result.created)
            #expect(try await imported.store.snapshot() == before)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aReimportAppliesTheDifferenceAsANewRevisionAndKeepsTheOld(_ database: TestDatabase) async throws {
        let original = """
            unit_id,building,entrance,room,area,use,owner_name,owner_id,owner_kind,phone
            U1,1,1,101,100.00,住宅,甲,110101199001010011,个人,13800000001
            U2,1,1,102,100.00,住宅,乙,110101199202020022,个人,
            U3,1,2,201,80.50,住宅,丙,110101199303030033,个人,
            U3,1,2,201,80.50,住宅,丁,110101199404040044,个人,
            U4,2,1,101,60.00,商业,某某公司,91370200MA3C000000,单位,

            """
        let changed = """
            unit_id,building,entrance,room,area,use,owner_name,owner_id,owner_kind,phone
            U1,1,1,101,100.00,住宅,甲,110101199001010011,个人,13800000001
            U3,1,2,201,80.50,住宅,丙,110101199303030033,个人,
            U2,1,1,102,101.25,住宅,乙,110101199202020022,个人,
            U4,2,1,101,60.00,商业,戊,110101199505050055,个人,
            U5,2,1,102,70.00,住宅,己,110101199606060066,个人,13900000002

            """
        try await database.withImported(original, estate: Self.estate) { imported in
            // setup
            let store = imported.store
            let revisionOne = try await imported.register(at: 1).register
            // act
            let second = try await store.register.importRegister(file: try imported.files.write("b.csv", changed), estate: Self.estate)
            // check: U5 added; U2's area changed; U3 lost 丁 and U4 changed hands; nothing removed
            let revision = try #require(second.created)
            #expect(revision.number == 2)
            #expect(revision.unitsAdded == 1 && revision.unitsChanged == 1 && revision.unitsRemoved == 0)
            #expect(revision.ownersChanged == 2)
            #expect(revision.unitCount == 5)
            #expect(second.samples == ChangeSamples(added: ["U5"], changed: ["U2"], removed: [], ownersChanged: ["U3", "U4"]))
            #expect(try await store.register.revisions(of: imported.estate.id).map(\.number) == [1, 2])

            let now = try await imported.register()
            #expect(now.revision.number == 2)
            let units = now.register.units
            #expect(units.map(\.id) == ["U1", "U2", "U3", "U4", "U5"])
            #expect(units[1].area == Area(centiSquareMetres: 10125))
            #expect(units[2].owners.map(\.name) == ["丙"])
            #expect(units[3].owners.map(\.name) == ["戊"])
            // The old revision reads exactly as it stood.
            let old = try await imported.register(at: 1).register.units
            #expect(old == revisionOne.units)
            #expect(old.map(\.id) == ["U1", "U2", "U3", "U4"])
            #expect(old[1].area == Area(centiSquareMetres: 10000))
            #expect(old[2].owners.map(\.name) == ["丁", "丙"].sorted())

            // act: a third file removes U1
            let withoutU1 = changed.replacingOccurrences(
                of: "U1,1,1,101,100.00,住宅,甲,110101199001010011,个人,13800000001\n", with: "")
            let third = try await store.register.importRegister(file: try imported.files.write("c.csv", withoutU1), estate: Self.estate)
            #expect(third.created?.unitsRemoved == 1)
            #expect(try await imported.register().register.units.map(\.id) == ["U2", "U3", "U4", "U5"])
            #expect(try await imported.register(at: 2).register.units.count == 5)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aBadRowInTheMiddleIsNamedAndNothingChanges(_ database: TestDatabase) async throws {
        // setup: a register already imported, then a large file with one bad area mid-way
        var lines = SyntheticRegister(estate: 3, units: 20_000).text.split(separator: "\n").map(String.init)
        let badLine = lines.count / 2 + 1  // 1-based line of the file
        var fields = lines[badLine - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[4] = "12.345"
        lines[badLine - 1] = fields.joined(separator: ",")
        try await database.withImported(SyntheticRegister(estate: 3, units: 50).text, estate: Self.estate) { imported in
            let bad = try imported.files.write("bad.csv", lines.joined(separator: "\n"))
            let before = try await imported.store.snapshot()
            // act
            let error = await rejection { try await imported.store.register.importRegister(file: bad, estate: Self.estate) }
            // check
            #expect(error?.total == 1)
            #expect(
                error?.errors == [
                    InputError(file: "bad.csv", line: badLine, field: RegisterColumn.area.label, problem: .areaTooPrecise("12.345"))
                ])
            #expect(try await imported.store.snapshot() == before)
        }
    }

    @Test(arguments: TestDatabase.available)
    func refusesWithTheSameErrorsAsTheCoreReader(_ database: TestDatabase) async throws {
        let text = """
            unit_id,building,room,area,use,owner_name,owner_id
            U1,1,101,100.00,住宅,甲,110101199001010011
            U1,2,101,90.00,住宅,乙,110101199202020022
            U1,1,101,100.00,住宅,甲,110101199001010011
            U2,1,102,,住宅,丙,110101199303030033
            U3,1,103,50,仓库,丁,110101199404040044
            U4,1,104,60,住宅,戊,110101199505050055
            U4,1,104,60,车位,戊,110101199505050055
            U4,1,104,60,住宅,戊,110101199505050055
            U5,1,105,70,住宅,己,110101199606060066
            U5,1,105,70,住宅,庚,110101199707070077
            U5,1,105,70,住宅,辛,110101199707070077

            """
        var expected: [InputError] = []
        do {
            _ = try Register.read(csv: Array(text.utf8), file: "registry.csv")
        } catch let errors as InputErrors {
            expected = errors.errors
        }
        #expect(expected.count >= 7)
        let files = try TestFiles()
        defer { files.remove() }
        let path = try files.write("registry.csv", text)
        try await database.withStore { store in
            let error = await rejection { try await store.register.importRegister(file: path, estate: Self.estate) }
            #expect(error?.errors.map(\.description) == expected.map(\.description))
            #expect(error?.total == expected.count)
            let estate = try await store.register.findEstate(Self.estate)
            #expect(estate == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFileInTheWrongEncodingListsABoundedNumberOfErrors(_ database: TestDatabase) async throws {
        let files = try TestFiles()
        defer { files.remove() }
        let header = Array("unit_id,building,room,area,owner_name,owner_id\n".utf8)
        let gbkRow: [UInt8] = [0x55, 0x31, 0x2C, 0x31, 0x2C, 0x31, 0x2C, 0x31, 0x2C, 0xD5, 0xC5, 0x2C, 0x31, 0x0A]  // 张 in GBK
        let rows = 12_000
        let url = files.directory.appendingPathComponent("gbk.csv")
        try Data(header + Array(repeating: gbkRow, count: rows).joined()).write(to: url)
        try await database.withStore { store in
            let error = await rejection { try await store.register.importRegister(file: url.path, estate: Self.estate) }
            #expect(error?.total == rows)
            #expect(error?.errors.count == RegisterStore.listedErrorLimit)
            #expect(error?.errors.first?.line == 2)
            #expect(error?.errors.first?.problem == .invalidUTF8)
        }
    }
}
