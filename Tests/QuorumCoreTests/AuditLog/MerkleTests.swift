import Foundation
import Testing

@testable import QuorumCore

@Suite struct MerkleTests {
    private func leaves(_ count: Int) -> [MerkleHash] {
        (0..<count).map { Merkle.leafHash(Array("entry \($0)".utf8)) }
    }

    @Test func theEmptyTreeAndALeafHashAsRFC9162Says() {
        // SHA-256("") and SHA-256(0x00): the well-known values.
        #expect(hex(Merkle.root([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(Merkle.leafHash([])) == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
    }

    @Test func everyInclusionProofOfEveryTreeUpTo40LeavesVerifies() {
        for size in 1...40 {
            let all = leaves(size)
            let root = Merkle.root(all[...])
            for index in 0..<size {
                let proof = Merkle.inclusionProof(index: index, leaves: all[...])
                #expect(Merkle.verifyInclusion(index: index, size: size, leafHash: all[index], proof: proof, root: root))
                // Another leaf must not verify.
                let other = all[(index + 1) % size]
                if other != all[index] {
                    #expect(!Merkle.verifyInclusion(index: index, size: size, leafHash: other, proof: proof, root: root))
                }
            }
        }
    }

    @Test func everyConsistencyProofUpTo40LeavesVerifies() {
        let all = leaves(40)
        for newSize in 1...40 {
            let newRoot = Merkle.root(all[..<newSize])
            for oldSize in 1...newSize {
                let oldRoot = Merkle.root(all[..<oldSize])
                let proof = Merkle.consistencyProof(oldSize: oldSize, leaves: all[..<newSize])
                #expect(Merkle.verifyConsistency(oldSize: oldSize, newSize: newSize, oldRoot: oldRoot, newRoot: newRoot, proof: proof))
                if oldSize > 0 && oldSize < newSize {
                    // A rewritten history (one old leaf changed) must not verify.
                    var forged = all
                    forged[oldSize - 1] = Merkle.leafHash(Array("forged".utf8))
                    let forgedRoot = Merkle.root(forged[..<oldSize])
                    #expect(
                        !Merkle.verifyConsistency(oldSize: oldSize, newSize: newSize, oldRoot: forgedRoot, newRoot: newRoot, proof: proof))
                }
            }
        }
    }

    // The independent vectors of shared/data/rfc6962-vectors: every case accepted exactly when
    // it should be.

    struct InclusionCase: Decodable {
        // Unsigned: one vector holds 2^64-1, an index no log of ours can have.
        var leafIdx: UInt64
        var treeSize: UInt64
        var root: String?
        var leafHash: String?
        var proof: [String]?
        var wantErr: Bool
    }

    struct ConsistencyCase: Decodable {
        var size1: Int
        var size2: Int
        var root1: String?
        var root2: String?
        var proof: [String]?
        var wantErr: Bool
    }

    static let vectors = ConformanceTests.shared.appendingPathComponent("data/rfc6962-vectors")
    static let vectorsArePresent = FileManager.default.fileExists(atPath: vectors.path)

    static func files(_ kind: String) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: vectors.appendingPathComponent(kind), includingPropertiesForKeys: nil)
        else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    private func bytes(_ base64: String?) -> MerkleHash {
        base64.flatMap { Data(base64Encoded: $0) }.map(Array.init) ?? []
    }

    @Test(.enabled(if: vectorsArePresent, "skipped: ../shared/data/rfc6962-vectors is not beside the project"))
    func agreesWithEveryInclusionVector() throws {
        let files = Self.files("inclusion")
        #expect(files.count > 50)
        for file in files {
            let vector = try JSONDecoder().decode(InclusionCase.self, from: Data(contentsOf: file))
            var verified = false
            if let index = Int(exactly: vector.leafIdx), let size = Int(exactly: vector.treeSize) {
                verified = Merkle.verifyInclusion(
                    index: index, size: size, leafHash: bytes(vector.leafHash), proof: (vector.proof ?? []).map { bytes($0) },
                    root: bytes(vector.root))
            }
            #expect(verified == !vector.wantErr, "\(file.lastPathComponent) in \(file.deletingLastPathComponent().lastPathComponent)")
        }
    }

    @Test(.enabled(if: vectorsArePresent, "skipped: ../shared/data/rfc6962-vectors is not beside the project"))
    func agreesWithEveryConsistencyVector() throws {
        let files = Self.files("consistency")
        #expect(files.count > 50)
        for file in files {
            let vector = try JSONDecoder().decode(ConsistencyCase.self, from: Data(contentsOf: file))
            let verified = Merkle.verifyConsistency(
                oldSize: vector.size1, newSize: vector.size2, oldRoot: bytes(vector.root1), newRoot: bytes(vector.root2),
                proof: (vector.proof ?? []).map { bytes($0) })
            #expect(verified == !vector.wantErr, "\(file.lastPathComponent) in \(file.deletingLastPathComponent().lastPathComponent)")
        }
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}
