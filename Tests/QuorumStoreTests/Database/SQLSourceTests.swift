import Foundation
import Testing

/// SQL is built only with bound parameters. SQLKit turns a plain `\(text)` in a query
/// string into raw SQL (a deprecated overload, a warning and no more), so this test reads
/// every source file and, in every string literal that is SQL, allows only `\(bind:)`,
/// `\(binds:)`, `\(ident:)`, `\(idents:)` and `\(literal:)` — and the few other splices
/// listed below, each reviewed: they put the code's own constants or SQL fragments in,
/// never a value from outside. A new one fails here until it is reviewed and listed.
@Suite struct SQLSourceTests {
    /// `file: interpolation` of each reviewed splice, and why it is safe.
    static let reviewed: Set<String> = [
        "Purge.swift: unsafeRaw: table",  // one of the table names written in the same function
        "Purge.swift: condition",  // SQLQueryStrings of the same function, their values bound
        "Purge.swift: erase",  // constant assignments of the same function
        "RegisterDiff.swift: unsafeRaw: condition",  // one of four column names written in the same function
        "Staging.swift: unsafeRaw: duplicate",  // a constant subquery of the same function
        "Staging.swift: Values(rows: batch, key: key)",  // every value a bound parameter (Staging.Values)
        "Divisions.swift: parentCondition",  // an SQLQueryString made of binds by the callers
        "StoredRegister.swift: asOf",  // an SQLQueryString of binds a few lines above
        "CastBatch.swift: SQLList(asked)",  // rows of SQLBind only: (slot, vote, person, owner) of each ballot of the batch
        "CastBatch.swift: SQLList(values)",  // rows of SQLBind only: (vote, person, log index) of each accepted ballot
        "Documents.swift: Self.matching(subject)",  // an SQLQueryString of three binds (the subject), in the same file
        "Tickets.swift: Self.matching(ticket.about)",  // an SQLQueryString of three binds (the subject), in the same file
        "Tickets.swift: Self.matching(subject)",  // the same (the readers and the open count)
        "Tickets.swift: mine",  // one bind (the owner's hash) or nothing, a few lines above
        "Tickets.swift: list",  // an SQLList of SQLBind only (the estates' ids)
        "BooksStore.swift: only",  // one bind (the state) or nothing, a few lines above
        "BooksStore.swift: set",  // assignments of binds (the text, the actor, the time), a few lines above
    ]
    static let safeLabels = ["bind:", "binds:", "ident:", "idents:", "literal:"]

    @Test func everyValueInTheSQLOfTheSourcesIsABoundParameter() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources").standardized
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        var sqlLiterals = 0
        var unreviewed: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for literal in Self.stringLiterals(in: text) where Self.isSQL(literal.text) {
                sqlLiterals += 1
                for interpolation in literal.interpolations {
                    let code = interpolation.trimmingCharacters(in: .whitespacesAndNewlines)
                    if Self.safeLabels.contains(where: { code.hasPrefix($0) }) { continue }
                    let key = "\(file.lastPathComponent): \(code)"
                    if !Self.reviewed.contains(key) { unreviewed.append(key) }
                }
            }
        }
        #expect(sqlLiterals > 50, "the scan finds the store's SQL")
        #expect(unreviewed.isEmpty, "values spliced into SQL: \(unreviewed)")
    }

    @Test func theScanFindsASpliceAndAcceptsABind() {
        let literals = Self.stringLiterals(in: #"let q = "SELECT * FROM owners WHERE name = '\(name)' AND id = \(bind: id)" // "\(x)""#)
        #expect(literals.count == 1)
        #expect(literals.first?.interpolations == ["name", "bind: id"])
        #expect(Self.isSQL(literals.first?.text ?? ""))
    }

    static func isSQL(_ text: String) -> Bool {
        text.range(
            of: #"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|WHERE|CREATE TABLE|CREATE INDEX|ALTER TABLE|JOIN|VALUES|ORDER BY|TRUNCATE|DROP)\b"#,
            options: .regularExpression) != nil
    }

    struct Literal {
        var text = ""
        var interpolations: [String] = []
    }

    /// The string literals of Swift source, their text and their interpolations; comments skipped.
    static func stringLiterals(in source: String) -> [Literal] {
        let c = Array(source)
        var literals: [Literal] = []
        var i = 0
        func starts(_ token: String, at index: Int) -> Bool {
            let t = Array(token)
            return index + t.count <= c.count && Array(c[index..<index + t.count]) == t
        }
        // Reads a literal opened at `i` (after any `#`s); returns where it ends.
        func literal(from start: Int, hashes: Int) -> Int {
            let multi = starts("\"\"\"", at: start)
            let close = (multi ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
            let escape = "\\" + String(repeating: "#", count: hashes)
            var j = start + (multi ? 3 : 1)
            var found = Literal()
            while j < c.count {
                if starts(close, at: j) {
                    literals.append(found)
                    return j + close.count
                }
                if starts(escape + "(", at: j) {
                    // An interpolation: up to its matching parenthesis, skipping nested strings.
                    var k = j + escape.count + 1
                    var depth = 1
                    var code = ""
                    while k < c.count, depth > 0 {
                        if c[k] == "\"" {
                            let end = literal(from: k, hashes: 0)
                            code += String(c[k..<end])
                            k = end
                            continue
                        }
                        if c[k] == "(" { depth += 1 }
                        if c[k] == ")" { depth -= 1 }
                        if depth > 0 { code.append(c[k]) }
                        k += 1
                    }
                    found.interpolations.append(code)
                    j = k
                    continue
                }
                if starts(escape, at: j) {
                    found.text.append(c[j])
                    if j + escape.count < c.count { found.text.append(c[j + escape.count]) }
                    j += escape.count + 1
                    continue
                }
                if !multi && c[j] == "\n" { return j }
                found.text.append(c[j])
                j += 1
            }
            literals.append(found)
            return j
        }
        while i < c.count {
            if starts("//", at: i) {
                while i < c.count, c[i] != "\n" { i += 1 }
            } else if starts("/*", at: i) {
                while i < c.count, !starts("*/", at: i) { i += 1 }
                i += 2
            } else if c[i] == "#" {
                var hashes = 0
                while i + hashes < c.count, c[i + hashes] == "#" { hashes += 1 }
                if i + hashes < c.count, c[i + hashes] == "\"" {
                    i = literal(from: i + hashes, hashes: hashes)
                } else {
                    i += hashes
                }
            } else if c[i] == "\"" {
                i = literal(from: i, hashes: 0)
            } else {
                i += 1
            }
        }
        return literals
    }
}
