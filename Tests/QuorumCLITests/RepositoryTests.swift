import Foundation
import Testing

/// The documents that describe the code say what is on disk.
@Suite struct RepositoryTests {
    static let root = URL(fileURLWithPath: #filePath).appendingPathComponent("../../..").standardized

    /// The folders `docs/ARCHITECTURE.md` draws in its tree block (lines ending in `/`,
    /// two spaces a level), as paths from the package root.
    static func drawnFolders(_ markdown: String) -> Set<String> {
        guard let start = markdown.range(of: "<!-- tree -->"), let end = markdown.range(of: "<!-- /tree -->") else { return [] }
        var stack: [String] = []
        var folders = Set<String>()
        for line in markdown[start.upperBound..<end.lowerBound].split(separator: "\n") {
            let indent = line.prefix { $0 == " " }.count
            guard let name = line.split(separator: " ").first, name.hasSuffix("/"), indent % 2 == 0 else { continue }
            stack = Array(stack.prefix(indent / 2)) + [String(name.dropLast())]
            folders.insert(stack.joined(separator: "/"))
        }
        return folders
    }

    /// The folders under Sources/ and Tests/ that hold code (snapshots and caches are data).
    static func foldersOnDisk() throws -> Set<String> {
        var folders = Set<String>()
        for top in ["Sources", "Tests"] {
            folders.insert(top)
            let base = root.appendingPathComponent(top)
            let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isDirectoryKey])
            while let url = walker?.nextObject() as? URL {
                guard try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true else { continue }
                if ["Snapshots", "__pycache__"].contains(url.lastPathComponent) {
                    walker?.skipDescendants()
                    continue
                }
                folders.insert(top + "/" + url.path.dropFirst(base.path.count + 1))
            }
        }
        return folders
    }

    @Test func theTreeInTheArchitectureDocumentIsTheTreeOnDisk() throws {
        let markdown = try String(contentsOf: Self.root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
        let drawn = Self.drawnFolders(markdown)
        let disk = try Self.foldersOnDisk()
        #expect(!drawn.isEmpty, "docs/ARCHITECTURE.md has no <!-- tree --> block")
        #expect(disk.subtracting(drawn).sorted() == [], "folders on disk that docs/ARCHITECTURE.md does not draw")
        #expect(drawn.subtracting(disk).sorted() == [], "folders docs/ARCHITECTURE.md draws that are not on disk")
    }

    @Test func theTreeReaderFindsNestedFolders() {
        let markdown =
            "<!-- tree -->\n```text\nSources/   the code\n  QuorumCore/  core\n    Voting/  votes\n  quorum/  cli\nREADME.md\n```\n<!-- /tree -->"
        #expect(Self.drawnFolders(markdown) == ["Sources", "Sources/QuorumCore", "Sources/QuorumCore/Voting", "Sources/quorum"])
    }
}
