import Foundation
import Testing

/// `quorum facilities import`: a bad file names every bad line in both languages and exits
/// 65 with nothing imported; a good one says what it added, and again that nothing changed.
@Suite struct FacilitiesCommandTests {
    typealias CLI = TallyCommandTests

    @Test func aBadFileNamesEveryBadLineAndAGoodOneImports() throws {
        // setup: an estate whose register has building 2 with entrances 1 and 2
        let folder = try CLI.folder([
            "registry.csv": "unit_id,building,entrance,room,area,owner_name,owner_id\nA,2,1,101,100.00,甲,X1\nB,2,2,201,90.00,乙,X2\n",
            "bad.csv": "设备类型,名称,楼栋,单元,安装日期\n飞船,A,2,1,\n电梯,B,9,,\n电梯,C,2,1,2016-13-01\n",
            "facilities.csv": "kind,name,building,entrance\nelevator,2号楼1单元客梯,2,1\nwater_pump,水泵房,,\n",
        ])
        let file = { (name: String) in folder.appendingPathComponent(name).path }
        let database = ["--database", "sqlite:///" + file("q.sqlite")]
        #expect(try CLI.run(["migrate"] + database).status == 0)
        #expect(try CLI.run(["register", "import", file("registry.csv"), "--estate", "E", "--quiet"] + database).status == 0)
        // act
        let rejected = try CLI.run(["facilities", "import", file("bad.csv"), "--estate", "E"] + database)
        let unknown = try CLI.run(["facilities", "import", file("bad.csv"), "--estate", "F"] + database)
        let imported = try CLI.run(["facilities", "import", file("facilities.csv"), "--estate", "E"] + database)
        let again = try CLI.run(["facilities", "import", file("facilities.csv"), "--estate", "E"] + database)
        // check
        #expect(rejected.status == 65)
        #expect(
            rejected.standardError
                == "bad.csv:2: kind (设备类型): 无法识别的值“飞船”，可用：elevator/电梯, fire/消防设施, water_pump/二次供水, gate/门禁道闸, cctv/监控, other/其他"
                + " / unknown value \"飞船\"; expected one of elevator/电梯, fire/消防设施, water_pump/二次供水, gate/门禁道闸, cctv/监控, other/其他\n"
                + "bad.csv:3: building (楼栋): 登记册中没有楼栋“9” / the register has no building \"9\"\n"
                + "bad.csv:4: installed (安装日期): 无法识别的日期“2016-13-01”，应为 YYYY-MM-DD，如 2015-06-30"
                + " / not a date: \"2016-13-01\" (YYYY-MM-DD, e.g. 2015-06-30)\n"
                + "共 3 处错误，设施设备未导入，数据库未改动。/ 3 error(s): nothing was imported.\n")
        #expect(unknown.status != 0 && unknown.standardError.contains("没有小区“F” / no estate \"F\""))
        #expect(imported.status == 0)
        #expect(String(decoding: imported.standardOutput, as: UTF8.self) == "E: 新增 2，更新 0，未变 0 / 2 added, 0 updated, 0 unchanged\n")
        #expect(String(decoding: again.standardOutput, as: UTF8.self) == "E: 新增 0，更新 0，未变 2 / 0 added, 0 updated, 2 unchanged\n")
    }
}
