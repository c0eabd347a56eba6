import Testing

@testable import QuorumCore

@Suite struct RegisterReaderTests {
    /// The errors of reading a register, as (line, column, problem).
    private func errors(_ csv: String) -> [InputError] {
        do {
            _ = try Fixtures.register(csv)
            return []
        } catch let failure as InputErrors {
            return failure.errors
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func readsEnglishHeadersAndAssemblesCoOwners() throws {
        let register = try Fixtures.register(Fixtures.smallRegistry)
        #expect(register.units.count == 7)
        let u5 = try #require(register["U5"])
        #expect(u5.owners.map(\.name) == ["乙", "丙"])
        #expect(u5.area == Area(centiSquareMetres: 10_000))
        #expect(register["U3"]?.isDevelopers == true)
        #expect(register["P1"]?.use == .parking)
        #expect(register["U1"]?.areaSource == .registered, "the default source")
    }

    @Test func readsChineseHeadersInAnyOrderWithUnknownColumnsBOMAndCRLF() throws {
        let csv =
            "\u{FEFF}备注,业主姓名,证件号码,不动产单元号,楼栋,单元,房号,建筑面积,面积来源,用途,业主类型,手机号\r\n"
            + "\"一楼, 东\",\"王\"\"五\",310101,A-101,7号楼,2,101,88.5,实测,商业,单位,13800000000\r\n"
        let register = try Fixtures.register(csv)
        let unit = try #require(register["A-101"])
        #expect(unit.building == "7号楼")
        #expect(unit.entrance == "2")
        #expect(unit.area == Area(centiSquareMetres: 8850))
        #expect(unit.areaSource == .surveyed)
        #expect(unit.use == .commercial)
        #expect(unit.owners == [Owner(name: "王\"五", idNumber: "310101", kind: .organization, phone: "13800000000")])
    }

    @Test func rejectsAMissingFieldWithLineAndColumn() {
        let found = errors("unit_id,building,room,area,owner_name,owner_id\nU1,1,101,50,甲,\n")
        #expect(found == [InputError(file: "registry.csv", line: 2, field: "owner_id (证件号码)", problem: .missingField)])
    }

    @Test(arguments: [
        ("0", InputProblem.areaNotPositive("0")), ("-3.5", .areaNotPositive("-3.5")), ("85.345", .areaTooPrecise("85.345")),
        ("八十", .notANumber("八十")),
    ])
    func rejectsABadArea(text: String, problem: InputProblem) {
        let found = errors("unit_id,building,room,area,owner_name,owner_id\nU1,1,101,\(text),甲,X1\n")
        #expect(found == [InputError(file: "registry.csv", line: 2, field: "area (建筑面积)", problem: problem)])
    }

    @Test func rejectsUnknownValuesNamingWhatIsAllowed() {
        let found = errors(
            "unit_id,building,room,area,area_source,use,owner_name,owner_id,owner_kind\nU1,1,101,50,估算,仓库,甲,X1,外星人\n")
        #expect(found.map(\.field) == ["area_source (面积来源)", "use (用途)", "owner_kind (业主类型)"])
        #expect(found.first?.problem == .unknownValue("估算", allowed: AreaSource.spellings))
        #expect(found.allSatisfy { $0.line == 2 })
    }

    @Test func rejectsAUnitWhoseRowsDisagree() {
        let csv = """
            unit_id,building,room,area,use,owner_name,owner_id
            U1,1,101,50.00,residential,甲,X1
            U1,2,102,50.01,parking,乙,X2

            """
        let found = errors(csv)
        #expect(found.map(\.field) == ["building (楼栋)", "room (房号)", "area (建筑面积)", "use (用途)"])
        #expect(found.allSatisfy { $0.line == 3 })
        #expect(found[2].problem == .unitDisagrees(firstLine: 2, first: "50.00", found: "50.01"))
    }

    @Test func rejectsADuplicatedOwnerRow() {
        let csv = "unit_id,building,room,area,owner_name,owner_id\nU1,1,101,50,甲,X1\nU2,1,102,50,乙,X2\nU1,1,101,50,甲,X1\n"
        #expect(errors(csv) == [InputError(file: "registry.csv", line: 4, field: "owner_id (证件号码)", problem: .duplicateOwnerRow(firstLine: 2))])
    }

    @Test func listsEveryBadRowInOrder() {
        var csv = "unit_id,building,room,area,owner_name,owner_id\n"
        for index in 1...50 { csv += "U\(index),1,\(index),\(index % 10 == 0 ? "0" : "60"),业主,ID\(index)\n" }
        let found = errors(csv)
        #expect(found.map(\.line) == [11, 21, 31, 41, 51])
    }

    @Test func rejectsAMissingOrDuplicatedColumnAndAnEmptyFile() {
        #expect(errors("unit_id,building,room,owner_name,owner_id\n").map(\.problem) == [.missingColumn("area (建筑面积)")])
        #expect(
            errors("unit_id,不动产单元号,building,room,area,owner_name,owner_id\n").map(\.problem) == [.duplicateColumn("不动产单元号")])
        #expect(errors("").map(\.problem) == [.emptyFile])
        #expect(errors("\n\n").map(\.problem) == [.emptyFile])
    }

    @Test func rejectsTextThatIsNotUTF8() {
        let bytes = Array("unit_id,building,room,area,owner_name,owner_id\nU1,1,101,50,".utf8) + [0xD5, 0xC5] + Array(",X1\n".utf8)
        #expect(throws: InputErrors.self) { try Register.read(csv: bytes) }
        do {
            _ = try Register.read(csv: bytes)
        } catch let failure as InputErrors {
            #expect(failure.errors == [InputError(file: "registry.csv", line: 2, problem: .invalidUTF8)])
        } catch {}
    }

    @Test func namesTheRowAndColumnOfANulByteOrAnOverlongField() {
        let long = String(repeating: "名", count: 1001)
        let text = "unit_id,building,room,area,owner_name,owner_id\nU1,1,101,50,\(long),X1\nU2,1,102,50,乙,X\u{0}2\n"
        #expect(
            errors(text) == [
                InputError(file: "registry.csv", line: 2, field: "owner_name (业主姓名)", problem: .fieldTooLong(limit: 1000)),
                InputError(file: "registry.csv", line: 3, field: "owner_id (证件号码)", problem: .nulByte),
            ])
    }

    @Test func errorMessagesSayWhereAndWhyInBothLanguages() {
        let error = InputError(file: "registry.csv", line: 14, field: "area (建筑面积)", problem: .areaNotPositive("0"))
        #expect(error.description == "registry.csv:14: area (建筑面积): 面积必须大于 0：“0” / area must be greater than 0: \"0\"")
    }
}
