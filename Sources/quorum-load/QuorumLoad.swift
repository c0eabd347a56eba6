// The load generator (docs/PERFORMANCE.md): a synthetic population of signed-in owners
// written straight into a database, then ballots cast at a running `quorum serve` over HTTP,
// flat out or at a fixed rate, with throughput and latency percentiles.
//
//     quorum-load seed --database URL --units 100000 -o owners.tsv
//     quorum-load run --url http://127.0.0.1:8080 --owners owners.tsv --target cast [--rate 1000] [--duration 10]
//
// A binary of its own, never deployed: the sessions it writes skip the binding by one-time
// code (and its limits of 5 codes an hour a phone, 20 an address), which no route or
// command of `quorum` can do.

import ArgumentParser

@main
struct QuorumLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorum-load",
        abstract: "Load generator: seed signed-in owners, then cast ballots over HTTP (负载测试).",
        subcommands: [Seed.self, Run.self, Direct.self])
}
