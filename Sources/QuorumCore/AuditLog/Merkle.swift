import Crypto

/// A SHA-256 hash in a Merkle tree.
public typealias MerkleHash = [UInt8]

/// The Merkle tree hashing of RFC 9162 (Certificate Transparency 2.0, §2.1), on which the
/// audit log rests: SHA-256, with a 0x00 prefix for leaves and 0x01 for interior nodes, so
/// a leaf can never pass for a node. Proofs are built and checked as the RFC describes, so
/// any other RFC 6962/9162 implementation agrees with ours.
public enum Merkle {
    public static func leafHash(_ entry: some Sequence<UInt8>) -> MerkleHash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: Array(entry))
        return Array(hasher.finalize())
    }

    public static func nodeHash(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }

    /// MTH of a list of leaf hashes; the hash of the empty string for an empty tree.
    public static func root(_ leaves: ArraySlice<MerkleHash>) -> MerkleHash {
        switch leaves.count {
        case 0: return Array(SHA256.hash(data: [UInt8]()))
        case 1: return leaves[leaves.startIndex]
        default:
            let split = leaves.startIndex + largestPowerOfTwo(below: leaves.count)
            return nodeHash(root(leaves[..<split]), root(leaves[split...]))
        }
    }

    /// PATH(m, D[n]) of RFC 9162 §2.1.3.1: the inclusion proof of leaf `index`.
    public static func inclusionProof(index: Int, leaves: ArraySlice<MerkleHash>) -> [MerkleHash] {
        precondition(index >= 0 && index < leaves.count)
        guard leaves.count > 1 else { return [] }
        let k = largestPowerOfTwo(below: leaves.count)
        let split = leaves.startIndex + k
        if index < k {
            return inclusionProof(index: index, leaves: leaves[..<split]) + [root(leaves[split...])]
        }
        return inclusionProof(index: index - k, leaves: leaves[split...]) + [root(leaves[..<split])]
    }

    /// PROOF(m, D[n]) of RFC 9162 §2.1.4.1: that the tree of the first `oldSize` leaves is a
    /// prefix of the tree of all of them.
    public static func consistencyProof(oldSize: Int, leaves: ArraySlice<MerkleHash>) -> [MerkleHash] {
        precondition(oldSize >= 0 && oldSize <= leaves.count)
        guard oldSize > 0 && oldSize < leaves.count else { return [] }
        return subproof(oldSize, leaves, complete: true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<MerkleHash>, complete: Bool) -> [MerkleHash] {
        if m == leaves.count { return complete ? [] : [root(leaves)] }
        let k = largestPowerOfTwo(below: leaves.count)
        let split = leaves.startIndex + k
        if m <= k {
            return subproof(m, leaves[..<split], complete: complete) + [root(leaves[split...])]
        }
        return subproof(m - k, leaves[split...], complete: false) + [root(leaves[..<split])]
    }

    /// RFC 9162 §2.1.3.2: whether `proof` shows the leaf at `index` in the tree of `size`
    /// leaves with this root.
    public static func verifyInclusion(
        index: Int, size: Int, leafHash: MerkleHash, proof: [MerkleHash], root expected: MerkleHash
    ) -> Bool {
        guard index >= 0, index < size, leafHash.count == 32, proof.allSatisfy({ $0.count == 32 }) else { return false }
        var fn = index
        var sn = size - 1
        var r = leafHash
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = nodeHash(p, r)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && r == expected
    }

    /// RFC 9162 §2.1.4.2: whether `proof` shows that the tree of `oldSize` leaves with
    /// `oldRoot` is a prefix of the tree of `newSize` leaves with `newRoot`.
    public static func verifyConsistency(
        oldSize: Int, newSize: Int, oldRoot: MerkleHash, newRoot: MerkleHash, proof: [MerkleHash]
    ) -> Bool {
        // The empty tree proves nothing: a head of size 0 is never a checkpoint worth keeping.
        guard oldSize > 0, oldSize <= newSize, proof.allSatisfy({ $0.count == 32 }) else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        guard !proof.isEmpty else { return false }
        var path = proof[...]
        if oldSize & (oldSize - 1) == 0 { path = [oldRoot] + path }  // a complete subtree: its root starts the path
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[path.startIndex]
        var sr = path[path.startIndex]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = nodeHash(c, fr)
                sr = nodeHash(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        return fr == oldRoot && sr == newRoot && sn == 0
    }

    /// The largest power of two smaller than `n` (n > 1).
    static func largestPowerOfTwo(below n: Int) -> Int {
        // The top bit of n - 1. (Doubling k while 2k < n overflowed above 2^62 and never
        // ended: a proof asked for a tree of 2^62 leaves hung the thread that served it.)
        guard n > 2 else { return 1 }
        return 1 << (Int.bitWidth - 1 - (n - 1).leadingZeroBitCount)
    }
}
