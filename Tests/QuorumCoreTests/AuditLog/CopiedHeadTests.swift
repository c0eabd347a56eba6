import Testing

@testable import QuorumCore

/// A head copied from a notice (issue 13, item 5): read as a person types it, and checked
/// against a log by the RFC 9162 consistency proof, in the verifier and on its own.
@Suite struct CopiedHeadTests {
    static let root = (0..<32).map { UInt8($0 * 7 % 256) }

    @Test func theRootReadsAsTheNoticePrintsItOrAsTheLogWritesIt() {
        let grouped = CopiedHead.grouped(Self.root)
        #expect(grouped.split(separator: " ").count == 16 && grouped.split(separator: " ").allSatisfy { $0.count == 4 })
        for text in ["12:\(grouped)", "12:\(grouped.uppercased())", "12:\(ByteText.hex(Self.root))", " 12 :\(ByteText.base64(Self.root))"] {
            #expect(CopiedHead(text: text) == CopiedHead(size: 12, root: Self.root), "\(text)")
        }
        #expect(CopiedHead(text: "12:\(ByteText.hex(Self.root))").map(\.text) == "12:\(ByteText.hex(Self.root))")
        for bad in ["12", "0:\(grouped)", "-1:\(grouped)", "x:\(grouped)", "12:\(grouped.dropLast())", "12:\(grouped)0g", ""] {
            #expect(CopiedHead(text: bad) == nil, "\(bad)")
        }
    }

    /// Every size of a log of 13 entries, its heads 1, 3 or 5 entries apart: the true head of
    /// that size verifies; with one bit of its root changed, or one entry larger than the log, not.
    @Test func theVerifierHoldsTheLogToEveryTrueHeadAndNoFalseOne() async throws {
        for batch in [1, 3, 5] {
            let log = try TestLog(ballots: 13, batch: batch)
            var frontier = MerkleFrontier()
            for (index, entry) in log.entries.enumerated() {
                frontier.append(entry.leafHash(index: index))
                let head = CopiedHead(size: index + 1, root: frontier.root)
                let checked = await LogExport.verify(log.bytes, copied: head).result
                #expect((try? checked.get())?.entries == 13, "batch \(batch), size \(index + 1): \(String(describing: checked.failure))")
                var wrong = head
                wrong.root[index % 32] ^= 1
                let signedAt = ((index / batch) + 1) * batch
                #expect(
                    await LogExport.verify(log.bytes, copied: wrong).result.failure
                        == LogProblem(.copiedHead(size: index + 1), .copiedInconsistent(head: min(signedAt, 13))))
            }
            #expect(
                await LogExport.verify(log.bytes, copied: CopiedHead(size: 14, root: Self.root)).result.failure
                    == LogProblem(.copiedHead(size: 14), .copiedBeyondLog(present: 13)))
        }
    }

    @Test func theCheckOnItsOwnNamesWhatIsWrong() throws {
        let key = LogSigningKey.generate()
        let leaves = (0..<6).map { Merkle.leafHash([UInt8($0)]) }
        let latest = try key.sign(size: 6, root: Merkle.root(leaves[...]), time: Timestamp(millisecondsSinceEpoch: 1))
        let copied = CopiedHead(size: 4, root: Merkle.root(leaves[..<4]))
        let proof = Merkle.consistencyProof(oldSize: 4, leaves: leaves[...])
        #expect(copied.check(latest: latest, key: key.publicKey, proof: proof) == .consistent(latest: latest))
        #expect(CopiedHead(size: 4, root: Self.root).check(latest: latest, key: key.publicKey, proof: proof) == .inconsistent(latest: latest))
        #expect(CopiedHead(size: 7, root: Self.root).check(latest: latest, key: key.publicKey, proof: nil) == .beyondLog(present: 6))
        #expect(copied.check(latest: nil, key: key.publicKey, proof: nil) == .beyondLog(present: 0))
        #expect(copied.check(latest: latest, key: LogSigningKey.generate().publicKey, proof: proof) == .badSignature)
        #expect(latest.keyID == key.publicKey.keyID)
    }
}
