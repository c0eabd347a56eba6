// Fixtures for the end-to-end browser tests (Tests/browser): a database in a known state,
// which the test then serves with `quorum serve`. A binary of its own, never deployed, so
// no route or command of `quorum` can write made-up data.
//
//     quorum-fixtures receipt --database sqlite:///tmp/x.sqlite
//
// migrates the database, appends ReceiptFixture's entries, and prints one JSON object:
// {"index":…,"receipt":"<code>","tampered":"<code>"}.

import Foundation
import QuorumCore
import QuorumFixtures
import QuorumStore

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.first == "receipt", let flag = arguments.firstIndex(of: "--database"), flag + 1 < arguments.count else {
    FileHandle.standardError.write(Data("usage: quorum-fixtures receipt --database URL\n".utf8))
    exit(64)
}
let url = try DatabaseURL(arguments[flag + 1])
// The keys `quorum serve` reads for this database (`KeyFile`).
let keys = try await KeyFile.resolve(for: url, file: nil, environment: ProcessInfo.processInfo.environment)
let store = try await Store.open(url, secret: keys.secret, logKey: keys.logKey)
try await store.migrate()
let fixture = try await ReceiptFixture.make(in: store)
try await store.close()
let output = JSONText.object([
    ("index", .int(fixture.receipt.index)), ("receipt", .string(fixture.receipt.code)),
    ("tampered", .string(fixture.tampered.code)),
])
print(output.canonical)
