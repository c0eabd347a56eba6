import Foundation
import Testing

/// The store's refusals as the command line says them (`Words`): one line in both
/// languages on standard error, and the exit code a script can tell apart.
@Suite struct StoreWordsTests {
    typealias CLI = TallyCommandTests

    @Test func aBadDatabaseURLIsNamedByEveryCommand() throws {
        for command in [["migrate"], ["restore", "backup.sqlite"]] {
            let run = try CLI.run(command + ["--database", "nonsense"])
            #expect(run.status == 64, "\(command)")
            #expect(
                run.standardError == "不是可用的数据库地址 / not a database URL: \"nonsense\" "
                    + "(expected sqlite:///path/to/file.sqlite or postgres://user:password@host:port/database)\n")
        }
    }

    @Test func theDatabaseAndTheRegisterRefuseInBothLanguages() throws {
        // setup: a register with two bad rows, a database not migrated yet, a file in the way
        let folder = try CLI.folder([
            "bad.csv": "不动产单元号,楼栋,房号,建筑面积,业主姓名,证件号码,业主类型\nA,1,101,100.00,甲,X1,个人\nB,1,102,0,乙,X2,个人\nC,1,103,abc,丙,X3,个人\n",
            "taken.sqlite": "",
        ])
        let file = { (name: String) in folder.appendingPathComponent(name).path }
        let database = ["--database", "sqlite:///" + file("q.sqlite")]
        // act and check
        let unmigrated = try CLI.run(["register", "import", file("bad.csv"), "--estate", "E"] + database)
        #expect(unmigrated.status == 69)
        #expect(unmigrated.standardError == "数据库尚未初始化，请先运行 quorum migrate / the database is not set up: run `quorum migrate` first\n")
        #expect(try CLI.run(["migrate"] + database).status == 0)
        let rejected = try CLI.run(["register", "import", file("bad.csv"), "--estate", "E"] + database)
        #expect(rejected.status == 65)
        #expect(
            rejected.standardError
                == "bad.csv:3: area (建筑面积): 面积必须大于 0：“0” / area must be greater than 0: \"0\"\n"
                + "bad.csv:4: area (建筑面积): “abc”不是数字 / \"abc\" is not a number\n"
                + "共 2 处错误，登记册未导入，数据库未改动。/ 2 error(s): nothing was imported.\n")
        let taken = try CLI.run(["backup", file("taken.sqlite")] + database)
        #expect(taken.status == 69)
        #expect(taken.standardError == "文件已存在 / the file exists: \(file("taken.sqlite"))\n")
        let postgres = try CLI.run(["restore", file("taken.sqlite"), "--database", "postgres://u@h/db"])
        #expect(postgres.status == 69)
        #expect(
            postgres.standardError
                == "PostgreSQL 请用 pg_dump / pg_restore 备份与恢复（见 docs/PERFORMANCE.md）/ back PostgreSQL up with pg_dump and pg_restore (docs/PERFORMANCE.md)\n"
        )
    }
}
