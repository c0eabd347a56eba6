import Foundation
import Testing

/// Issue 13, item 20: English pages use ASCII punctuation. Every English snapshot (each a
/// page exactly as served, `PageSnapshotTests`) is read for the full-width marks Chinese
/// text uses; only the texts quoted as the phones get them (both languages in one) may hold them.
@Suite struct EnglishPunctuationTests {
    static let marks: Set<Character> = ["·", "、", "：", "，", "（", "）", "“", "”", "。", "；", "！", "？"]

    @Test func englishPagesHaveNoFullWidthPunctuation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Snapshot.directory.path).filter { $0.hasSuffix(".en.html") }
        #expect(files.count > 30)
        var found: [String] = []
        for file in files.sorted() {
            var text = try String(contentsOf: Snapshot.directory.appendingPathComponent(file), encoding: .utf8)
            // The reminder as the phones get it: Chinese and English in one text, quoted.
            while let start = text.range(of: "<p class=\"quote\""), let end = text.range(of: "</p>", range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
            for line in text.split(separator: "\n") where line.contains(where: Self.marks.contains) {
                found.append("\(file): \(line.prefix(160))")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
