import Foundation
import QuorumCore
import QuorumStore
import QuorumSynthetic
import SQLKit

// A whole city's register imported into SQLite and PostgreSQL, one estate file at a time,
// as street offices would upload them; then a million-row file with one bad row in the
// middle, which must be refused with that row named and the database unchanged.
//
//   swift run -c release quorum-store-bench [--units 2500000] [--estates 1000] [--parallel 2]
//       [--postgres postgres://user@host:port/db] [--reject-rows 1000000] [--dir DIR]
//
// `--parallel N` imports N estates at a time, as street offices uploading at once would
// (each import on its own connection; on SQLite their register writes still queue).
// Each database is measured in a child process of its own, so that its peak memory
// (getrusage's ru_maxrss) is its own.

struct Options {
    var units = 2_500_000
    var estates = 1_000
    var postgres: String? = ProcessInfo.processInfo.environment["QUORUM_BENCH_POSTGRES_URL"]
    var rejectRows = 1_000_000
    var parallel = 2
    var directory = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-store-bench").path
    var mode = "all"
    var database: String?

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--units": units = Int(rest.popFirst() ?? "") ?? units
            case "--estates": estates = Int(rest.popFirst() ?? "") ?? estates
            case "--postgres": postgres = rest.popFirst()
            case "--reject-rows": rejectRows = Int(rest.popFirst() ?? "") ?? rejectRows
            case "--parallel": parallel = max(1, Int(rest.popFirst() ?? "") ?? parallel)
            case "--dir": directory = rest.popFirst() ?? directory
            case "--child":
                mode = "child"
                database = rest.popFirst()
            default:
                print("unknown argument \(argument)")
                exit(64)
            }
        }
    }

    var arguments: [String] {
        [
            "--units", "\(units)", "--estates", "\(estates)", "--reject-rows", "\(rejectRows)", "--parallel", "\(parallel)",
            "--dir", directory,
        ]
    }
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

func format(_ value: Double, _ decimals: Int = 1) -> String {
    String(format: "%.\(decimals)f", value)
}

func estatePath(_ estate: Int) -> EstatePath {
    EstatePath(
        city: "青岛市", district: "区\(estate % 10)", street: "街道\(estate % 100)", community: "社区\(estate % 400)",
        estate: "小区\(estate)")
}

func write(_ register: SyntheticRegister, to path: String) throws {
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try register.write { try handle.write(contentsOf: Data($0.utf8)) }
}

/// The city's estate files, and the million-row file with a bad row in its middle.
func generate(_ options: Options) throws -> (files: [String], rows: Int, bytes: Int64, reject: String, badLine: Int) {
    try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
    let perEstate = options.units / options.estates
    var files: [String] = []
    var rows = 0
    var bytes: Int64 = 0
    for estate in 0..<options.estates {
        let register = SyntheticRegister(estate: estate, units: perEstate)
        let path = "\(options.directory)/estate-\(estate).csv"
        if !FileManager.default.fileExists(atPath: path) { try write(register, to: path) }
        files.append(path)
        rows += register.rowCount
        bytes += (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
    }
    // About 1.1 rows a unit: units enough for the rows wanted. The bad row is an area
    // with three decimals on the middle line.
    let big = SyntheticRegister(estate: options.estates, units: options.rejectRows * 10 / 11)
    let reject = "\(options.directory)/reject-\(options.rejectRows).csv"
    let badLine = big.rowCount / 2 + 1
    if !FileManager.default.fileExists(atPath: reject) {
        FileManager.default.createFile(atPath: reject, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: reject))
        var line = 1
        try big.write { piece in
            var text = ""
            for row in piece.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                if line == badLine {
                    var fields = row.split(separator: ",", omittingEmptySubsequences: false)
                    fields[4] = "88.888"
                    text += fields.joined(separator: ",") + "\n"
                } else {
                    text += row + "\n"
                }
                line += 1
            }
            try handle.write(contentsOf: Data(text.utf8))
        }
        try handle.close()
    }
    return (files, rows, bytes, reject, badLine)
}

/// How many rows the register tables hold: the same before and after a refused import.
func counts(_ store: Store) async throws -> String {
    try await store.withConnection { db in
        let row = try await db.raw(
            """
            SELECT (SELECT COUNT(*) FROM units) AS u, (SELECT COUNT(*) FROM owners) AS o,
            (SELECT COUNT(*) FROM register_revisions) AS r, (SELECT COUNT(*) FROM divisions) AS d
            """
        ).first()
        guard let row else { return "" }
        func count(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }
        return "\(try count("u")) unit rows, \(try count("o")) owner rows, \(try count("r")) revisions, \(try count("d")) divisions"
    }
}

func runChild(_ options: Options) async throws {
    let city = try generate(options)
    let url = try DatabaseURL(options.database ?? "")
    let store = try await Store.open(url, secret: "benchmark secret", logKey: LogSigningKey.generate().base64)
    try await store.migrate()
    print("\(url.description.hasPrefix("sqlite") ? "SQLite" : "PostgreSQL"): \(url)")

    let start = DispatchTime.now()
    var units = 0
    var done = 0
    try await withThrowingTaskGroup(of: Int.self) { group in
        var next = 0
        func startNext() {
            guard next < city.files.count else { return }
            let estate = next
            let file = city.files[estate]
            next += 1
            group.addTask { try await store.register.importRegister(file: file, estate: estatePath(estate)).created?.unitCount ?? 0 }
        }
        for _ in 0..<options.parallel { startNext() }
        while let imported = try await group.next() {
            units += imported
            done += 1
            if done % 100 == 0 { print("  \(done) estates, \(units) units, \(format(seconds(since: start))) s") }
            startNext()
        }
    }
    let elapsed = seconds(since: start)
    print(
        "  city import (\(options.parallel) at a time): \(city.files.count) estates, \(units) units, \(city.rows) rows, "
            + "\(format(Double(city.bytes) / 1e6)) MB in \(format(elapsed)) s = \(Int(Double(city.rows) / elapsed)) rows/s")

    let againStart = DispatchTime.now()
    let again = try await store.register.importRegister(file: city.files[0], estate: estatePath(0))
    print(
        "  re-import of one estate, unchanged: \(again.created == nil ? "no new revision" : "NEW REVISION (wrong)") in \(format(seconds(since: againStart), 3)) s"
    )

    let before = try await counts(store)
    let rejectStart = DispatchTime.now()
    do {
        _ = try await store.register.importRegister(file: city.reject, estate: estatePath(options.estates))
        print("  bad file: ACCEPTED (wrong)")
    } catch let rejected as RegisterRejected {
        let after = try await counts(store)
        let named = rejected.errors.map(\.description).joined(separator: "; ")
        print(
            "  bad file (\(options.rejectRows) rows, bad line \(city.badLine)): refused in \(format(seconds(since: rejectStart))) s with \(rejected.total) error: \(named)"
        )
        print("  database unchanged: \(before == after ? "yes" : "NO") (\(after))")
    }
    try await store.close()
    print("  peak memory (ru_maxrss): \(format(peakMemoryMiB())) MiB")
}

func runAll(_ options: Options) async throws {
    let start = DispatchTime.now()
    let city = try generate(options)
    print(
        "city: \(options.estates) estates, \(options.units) units, \(city.rows) rows, "
            + "\(format(Double(city.bytes) / 1e6)) MB, in \(options.directory) (\(format(seconds(since: start))) s)")
    var databases = ["sqlite:///\(options.directory)/bench.sqlite"]
    if let postgres = options.postgres {
        // A fresh schema of its own, so that the figures are those of a first import.
        let admin = try await Store.open(try DatabaseURL(postgres))
        try await admin.withConnection { db in
            try await db.raw("DROP SCHEMA IF EXISTS quorum_bench CASCADE").run()
            try await db.raw("CREATE SCHEMA quorum_bench").run()
        }
        try await admin.close()
        databases.append(postgres + (postgres.contains("?") ? "&" : "?") + "schema=quorum_bench")
    }
    for path in ["bench.sqlite", "bench.sqlite-wal", "bench.sqlite-shm"] {
        try? FileManager.default.removeItem(atPath: "\(options.directory)/\(path)")
    }
    for database in databases {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = options.arguments + ["--child", database]
        try child.run()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else { exit(child.terminationStatus) }
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
if options.mode == "child" {
    try await runChild(options)
} else {
    try await runAll(options)
}
