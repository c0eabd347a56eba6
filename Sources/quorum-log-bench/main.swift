// The audit log's figures, which anyone can rerun:
//
//     swift run -c release quorum-log-bench [--postgres URL] [--entries 1000000] [--proofs 10000]
//
// 1. Appends to a new SQLite database (and a fresh schema of the PostgreSQL database, if
//    given): ballots one per transaction with a head each, as the cast path writes them;
//    then batches of 1,000 up to `--entries`.
// 2. Inclusion proofs from the store for random entries of that log: median and p99.
// 3. `quorum verify`'s work on an export of `--entries` entries (a head every 1,000), and
//    on 100,000 entries with a head after every one.
//
// Each prints wall-clock times; the process's peak resident memory at the end.

import Foundation
import QuorumCore
import QuorumStore
import SQLKit

#if canImport(Glibc)
    import Glibc
#endif

struct Options {
    var postgres: String?
    var entries = 1_000_000
    var proofs = 10_000
    var single = 2_000

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            let value = rest.popFirst() ?? ""
            switch flag {
            case "--postgres": postgres = value
            case "--entries": entries = Int(value) ?? entries
            case "--proofs": proofs = Int(value) ?? proofs
            case "--single": single = Int(value) ?? single
            default:
                FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
                exit(64)
            }
        }
    }
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func format(_ value: Double, _ decimals: Int = 2) -> String {
    String(format: "%.\(decimals)f", value)
}

/// A ballot entry of a made-up vote: pseudonym and commitment are hashes of the number.
func ballot(_ number: Int) -> LogEntry {
    let voter = ByteText.hex(Merkle.leafHash(Array("voter \(number)".utf8)).prefix(16))
    let commitment = ByteText.hex(Merkle.leafHash(Array("ballot \(number)".utf8)))
    let channel: Channel = number % 7 == 0 ? .paper : .online
    return LogEntry(
        vote: "2024-01 全市业主大会", time: Timestamp(millisecondsSinceEpoch: 1_705_716_000_000 + Int64(number) * 10),
        event: .ballot(LoggedBallot(voter: voter, channel: channel, commitment: commitment)))
}

/// Appends and proofs on one database.
func benchmarkStore(_ name: String, url: DatabaseURL, options: Options) async throws {
    let store = try await Store.open(url, secret: "bench", logKey: LogSigningKey.generate().base64)
    try await store.migrate()
    print("== \(name)")

    // The cast path: one ballot per transaction, its head signed in the same transaction.
    var next = 0
    let single = try await seconds {
        for _ in 0..<options.single {
            try await store.log.append([ballot(next)])
            next += 1
        }
    }
    print(
        "append, 1 entry + signed head per transaction: \(options.single) in \(format(single)) s = \(Int(Double(options.single) / single)) entries/s")

    // Concurrent casts: 8 requests at a time, as a busy server sees them.
    let concurrentCount = options.single
    let concurrent = try await seconds {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                let start = next + task * (concurrentCount / 8)
                group.addTask { for number in start..<(start + concurrentCount / 8) { try await store.log.append([ballot(number)]) } }
            }
            try await group.waitForAll()
        }
    }
    next += concurrentCount / 8 * 8
    print(
        "append, 1 entry + signed head per transaction, 8 at once: \(concurrentCount) in \(format(concurrent)) s = \(Int(Double(concurrentCount) / concurrent)) entries/s"
    )

    // Batches: an import of paper ballots, or the benchmark's way to a million entries.
    let batch = 1_000
    let target = max(options.entries, next + batch)
    let batches = (target - next) / batch
    let batched = try await seconds {
        for _ in 0..<batches {
            try await store.log.append((next..<(next + batch)).map(ballot))
            next += batch
        }
    }
    print(
        "append, batches of \(batch) + signed head: \(batches * batch) in \(format(batched)) s = \(Int(Double(batches * batch) / batched)) entries/s")

    // Proofs for random entries of the whole log.
    let size = try await store.log.size()
    var generator = SystemRandomNumberGenerator()
    var times: [Double] = []
    for _ in 0..<options.proofs {
        let index = Int.random(in: 0..<size, using: &generator)
        times.append(try await seconds { _ = try await store.log.inclusionProof(index: index, treeSize: size) })
    }
    times.sort()
    let median = times[times.count / 2] * 1000
    let p99 = times[times.count * 99 / 100] * 1000
    print("inclusion proof from the store, log of \(size): median \(format(median, 3)) ms, p99 \(format(p99, 3)) ms (\(options.proofs) proofs)")

    let verified = try await seconds { _ = try await store.log.verify().result.get() }
    print("verify the stored log (\(size) entries, stored leaves too): \(format(verified)) s")
    try await store.close()
}

/// An exported log built in memory: entries and a head every `headEvery` entries.
func exportText(entries: Int, headEvery: Int) throws -> [UInt8] {
    let key = LogSigningKey.generate()
    var text = LogExport.headerLine(key: key.publicKey)
    var frontier = MerkleFrontier()
    for number in 0..<entries {
        let entry = ballot(number)
        let line = entry.json(index: number).canonical
        frontier.append(Merkle.leafHash(line.utf8))
        text += line + "\n"
        if (number + 1) % headEvery == 0 || number == entries - 1 {
            text += LogExport.headLine(try key.sign(size: number + 1, root: frontier.root, time: entry.time))
        }
    }
    return Array(text.utf8)
}

func benchmarkVerify(entries: Int, headEvery: Int) async throws {
    let bytes = try exportText(entries: entries, headEvery: headEvery)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-log-bench-\(entries)-\(headEvery).jsonl").path
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var summary: LogSummary?
    let time = try await seconds {
        let read = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        summary = try await LogExport.verify(read).result.get()
    }
    let heads = summary?.heads ?? 0
    print(
        "verify an export: \(entries) entries, \(heads) heads, \(bytes.count / 1_000_000) MB: \(format(time)) s (\(Int(Double(entries) / time)) entries/s)"
    )
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-log-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

try await benchmarkStore("SQLite (WAL)", url: .sqlite(path: directory.appendingPathComponent("log.sqlite").path), options: options)
if let postgres = options.postgres {
    let schema = "quorum_log_bench_\(getpid())"
    let admin = try await Store.open(try DatabaseURL(postgres))
    try await admin.withConnection { try await $0.raw("CREATE SCHEMA \(ident: schema)").run() }
    do {
        try await benchmarkStore(
            "PostgreSQL", url: try DatabaseURL(postgres + (postgres.contains("?") ? "&" : "?") + "schema=\(schema)"), options: options)
    } catch {
        print("PostgreSQL: \(String(reflecting: error))")
    }
    try await admin.withConnection { try await $0.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
    try await admin.close()
}
print("== verify (quorum verify's work, file read included)")
try await benchmarkVerify(entries: options.entries, headEvery: 1_000)
try await benchmarkVerify(entries: min(options.entries, 100_000), headEvery: 1)
print("peak memory: \(format(peakMemoryMiB(), 0)) MiB")
