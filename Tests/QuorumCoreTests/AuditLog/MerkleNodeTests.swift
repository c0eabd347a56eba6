import Testing

@testable import QuorumCore

/// Proofs from stored complete subtrees must equal the RFC's recursive definitions.
@Suite struct MerkleNodeTests {
    private func leaves(_ count: Int) -> [MerkleHash] {
        (0..<count).map { Merkle.leafHash(Array("entry \($0)".utf8)) }
    }

    /// Every complete subtree of the leaves, as a store keeps them.
    private func completeSubtrees(_ all: [MerkleHash]) -> [MerkleNode: MerkleHash] {
        var nodes: [MerkleNode: MerkleHash] = [:]
        var frontier = MerkleFrontier()
        for (index, leaf) in all.enumerated() {
            nodes[MerkleNode(level: 0, index: index)] = leaf
            for (node, hash) in frontier.append(leaf) { nodes[node] = hash }
        }
        return nodes
    }

    @Test func theFrontierRootIsTheTreeRootAtEverySize() {
        let all = leaves(70)
        var frontier = MerkleFrontier()
        #expect(frontier.root == Merkle.root([]))
        for (index, leaf) in all.enumerated() {
            for (node, hash) in frontier.append(leaf) {
                #expect(hash == Merkle.root(all[node.leaves]), "subtree \(node)")
            }
            #expect(frontier.root == Merkle.root(all[...index]))
            #expect(frontier.nodes.map(\.node) == Merkle.nodes(of: 0..<(index + 1)))
        }
    }

    @Test func proofsFromStoredSubtreesEqualTheRFCDefinitions() {
        let all = leaves(40)
        let stored = completeSubtrees(all)
        for size in 1...40 {
            for index in 0..<size {
                let proof = Merkle.inclusionProof(index: index, size: size) { stored[$0]! }
                #expect(proof == Merkle.inclusionProof(index: index, leaves: all[..<size]), "index \(index), size \(size)")
            }
            for oldSize in 1...size {
                let proof = Merkle.consistencyProof(oldSize: oldSize, newSize: size) { stored[$0]! }
                #expect(proof == Merkle.consistencyProof(oldSize: oldSize, leaves: all[..<size]), "\(oldSize) → \(size)")
            }
        }
    }

    @Test func aProofOfAMillionEntryTreeNeedsFewSubtrees() {
        let ranges = Merkle.inclusionRanges(index: 777_777, size: 1_000_003)
        #expect(ranges.count <= 21)
        #expect(Merkle.nodes(covering: ranges).count <= 40)
        let consistency = Merkle.consistencyRanges(oldSize: 999_999, newSize: 1_000_003)
        #expect(Merkle.nodes(covering: consistency).count <= 60)
    }

    @Test func nodeIDsRoundTrip() {
        for node in [MerkleNode(level: 0, index: 0), MerkleNode(level: 1, index: 5), MerkleNode(level: 20, index: 1 << 30)] {
            #expect(MerkleNode(id: node.id) == node)
        }
    }

    /// Sizes come from outside (a proof request, a receipt, an export): the largest tree
    /// an Int can count is worked out in a few steps, not a loop that never ends.
    @Test func theSplitOfAnyTreeSizeIsFoundAtOnce() {
        #expect(
            (2...1_100).allSatisfy { n in
                let k = Merkle.largestPowerOfTwo(below: n)
                return k < n && k * 2 >= n && k & (k - 1) == 0
            })
        #expect(Merkle.largestPowerOfTwo(below: 1) == 1)
        #expect(Merkle.largestPowerOfTwo(below: Int.max) == 1 << 62)
        #expect(Merkle.largestPowerOfTwo(below: (1 << 62) + 1) == 1 << 62)
        #expect(Merkle.largestPowerOfTwo(below: 1 << 62) == 1 << 61)
        #expect(Merkle.inclusionRanges(index: 0, size: Int.max).count == 63)
        #expect(Merkle.inclusionRanges(index: Int.max - 1, size: Int.max).count == 62)
        #expect(Merkle.consistencyRanges(oldSize: 1, newSize: Int.max).count == 63)
        #expect(Merkle.nodes(covering: Merkle.consistencyRanges(oldSize: Int.max - 1, newSize: Int.max)).count < 200)
    }
}
