// Figures anyone can rerun:
//
//     swift run -c release quorum-bench            # both benchmarks, each in its own process
//     swift run -c release quorum-bench tally [units]
//     swift run -c release quorum-bench registry [rows]
//
// Each prints wall-clock times and the process's peak resident memory.

import Foundation
import QuorumCore
import QuorumSynthetic

#if canImport(Glibc)
    import Glibc
#endif

/// Peak resident memory of this process, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func format(_ value: Double, _ decimals: Int = 3) -> String {
    String(format: "%.\(decimals)f", value)
}

/// A city-sized synthetic estate: one unit in 10 owned by someone who owns another unit,
/// one in 10 co-owned, one in 50 the developer's, one in 20 parking.
func syntheticUnits(_ count: Int) -> [QuorumCore.Unit] {
    var random = SplitMix(seed: 2024)
    var units: [QuorumCore.Unit] = []
    units.reserveCapacity(count)
    for index in 0..<count {
        let roll = Int.random(in: 0..<100, using: &random)
        let area = Area(centiSquareMetres: Int64.random(in: 3_000...20_000, using: &random))
        let owner: [Owner]
        if roll < 2 {
            owner = [Owner(name: "某某置业", idNumber: "91310000DEV", kind: .developer)]
        } else if roll < 12 && index > 0 {
            owner = [Owner(name: "业主", idNumber: "ID\(index - 1)")]  // a second unit of the previous owner
        } else if roll < 22 {
            owner = [Owner(name: "业主", idNumber: "ID\(index)"), Owner(name: "配偶", idNumber: "SP\(index)")]
        } else {
            owner = [Owner(name: "业主", idNumber: "ID\(index)")]
        }
        units.append(
            QuorumCore.Unit(
                id: "3101070\(index)", building: "\(index / 1000 + 1)", room: "\(index % 1000 + 101)", area: area,
                use: roll >= 95 ? .parking : .residential, owners: owner))
    }
    return units
}

func benchmarkTally(units count: Int) throws {
    let ballots = count
    print("tally: \(ballots) ballot rows over \(count) units: every voting unit on a resolution, the rest on an election")
    let register = Register(units: syntheticUnits(count))
    let vote = VoteDefinition(
        name: "benchmark",
        matters: [
            Matter(id: "m1", title: "使用维修资金", item: 5),
            Matter(
                id: "m2", title: "选举业主委员会", item: 3,
                kind: .election(seats: 5, candidates: (1...7).map { Candidate(id: "c\($0)", name: "候选人\($0)") })),
        ])
    let electorate = try Electorate(register: register, vote: vote)
    var rows: [BallotRow] = []
    let at = Timestamp.parse("2024-01-20T10:00:00+08:00")!
    let options = ["agree", "agree", "agree", "oppose", "abstain", "invalid"]
    for (position, unit) in register.units.enumerated() {
        // Every unit of a person carries that person's choice.
        guard let person = electorate.person(ofUnit: position) else { continue }
        let choice = options[person * 7 % options.count]
        rows.append(BallotRow(line: rows.count + 2, unitID: unit.id, matterID: "m1", choice: choice, channel: .online, receivedAt: at))
    }
    let ballotsOnM1 = rows.count
    // The election on as many as make the rows exactly `ballots`.
    for (position, unit) in register.units.enumerated() where rows.count < ballots && electorate.person(ofUnit: position) != nil {
        rows.append(BallotRow(line: rows.count + 2, unitID: unit.id, matterID: "m2", choice: "c1;c3;c5", channel: .online, receivedAt: at))
    }
    print("  voting persons: \(electorate.persons.count), ballot rows: \(rows.count) (\(ballotsOnM1) on the resolution)")
    var result: TallyResult?
    let electorateTime = try seconds { _ = try Electorate(register: register, vote: vote) }
    let tallyTime = try seconds { result = try Tally.count(register: register, vote: vote, electorate: electorate, ballots: rows) }
    print("  voting persons from the register: \(format(electorateTime)) s")
    print("  count of \(rows.count) ballot rows:   \(format(tallyTime)) s")
    print("  together:                         \(format(electorateTime + tallyTime)) s   (target: under 1 s)")
    print("  passed: \(result!.matters.map { "\($0.id)=\($0.participationMet)" }.joined(separator: " "))")
    print("  peak memory: \(format(peakMemoryMiB(), 0)) MiB")
}

func benchmarkRegistry(rows count: Int) throws {
    print("registry: parse a \(count)-row registry.csv (Chinese headers), streamed in 1 MiB chunks")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-bench-registry-\(getpid()).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let generation = try seconds {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var chunk = "不动产单元号,楼栋,单元,房号,建筑面积,面积来源,用途,业主姓名,证件号码,业主类型,手机号\n"
        var random = SplitMix(seed: 99)
        for index in 0..<count {
            let area = Int.random(in: 3_000...20_000, using: &random)
            chunk += "310107\(index) GB\(index / 100) F\(index),\(index / 2000 + 1),\(index % 4 + 1),\(index % 2000 + 101),"
            chunk += "\(area / 100).\(area % 100 < 10 ? "0" : "")\(area % 100),登记,住宅,业主\(index % 997),"
            chunk += "110101\(19_500_101 + index % 400_000)\(String(index % 10_000 + 10_000).dropFirst()),个人,1380000\(index % 10_000)\n"
            if chunk.utf8.count > 1 << 20 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        handle.write(Data(chunk.utf8))
        try handle.close()
    }
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print("  generated \(size / 1_048_576) MiB in \(format(generation, 1)) s")
    var units = 0
    var errorCount = 0
    let parse = try seconds {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        var parser = CSVParser()
        var reader = RegisterRowReader(file: "registry.csv")
        var builder = RegisterBuilder(file: "registry.csv")
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            parser.feed(data, record: { if let row = reader.read($0) { builder.add(row) } }, problem: { reader.report($0, line: $1) })
        }
        parser.finish(record: { if let row = reader.read($0) { builder.add(row) } }, problem: { reader.report($0, line: $1) })
        reader.finish()
        errorCount = reader.errors.count + builder.errors.count
        units = builder.finish().units.count
    }
    print(
        "  read and checked \(units) units (\(errorCount) errors) in \(format(parse, 1)) s "
            + "= \(Int(Double(count) / parse)) rows/s   (target: under 60 s for 2,500,000 rows)")
    print("  peak memory: \(format(peakMemoryMiB(), 0)) MiB (the whole register is held in memory as units)")
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "tally":
    try benchmarkTally(units: arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000)
case "registry":
    try benchmarkRegistry(rows: arguments.dropFirst().first.flatMap { Int($0) } ?? 2_500_000)
case nil:
    // Each benchmark in its own process, so each peak-memory figure is its own.
    for mode in ["tally", "registry"] {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = [mode]
        try child.run()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else { exit(child.terminationStatus) }
    }
default:
    print("usage: quorum-bench [tally [units] | registry [rows]]")
    exit(64)
}
