/// A complete subtree of a Merkle tree: the 2^level leaves from `index << level`. A log
/// keeps the hash of every complete subtree once it is complete (it never changes again),
/// so any proof of any tree size is a handful of lookups rather than a pass over the log.
public struct MerkleNode: Hashable, Sendable {
    public var level: Int
    public var index: Int

    public init(level: Int, index: Int) {
        self.level = level
        self.index = index
    }

    public var leaves: Range<Int> { (index << level)..<((index + 1) << level) }

    /// One integer for the pair, for a database key: the level in the top 16 bits.
    public var id: Int64 { Int64(level) << 47 | Int64(index) }

    public init(id: Int64) {
        self.init(level: Int(id >> 47), index: Int(id & (1 << 47 - 1)))
    }
}

extension Merkle {
    /// The complete subtrees whose hashes make up MTH(D[range]), following RFC 9162's split
    /// (left part the largest power of two smaller than the range), left to right.
    public static func nodes(of range: Range<Int>) -> [MerkleNode] {
        var found: [MerkleNode] = []
        collect(range, into: &found)
        return found
    }

    private static func collect(_ range: Range<Int>, into found: inout [MerkleNode]) {
        if range.isEmpty { return }
        if let node = complete(range) {
            found.append(node)
            return
        }
        let split = range.lowerBound + largestPowerOfTwo(below: range.count)
        collect(range.lowerBound..<split, into: &found)
        collect(split..<range.upperBound, into: &found)
    }

    /// The range as one complete subtree, if it is one: a power of two of leaves, aligned.
    static func complete(_ range: Range<Int>) -> MerkleNode? {
        let count = range.count
        guard count > 0, count & (count - 1) == 0, range.lowerBound % count == 0 else { return nil }
        let level = count.trailingZeroBitCount
        return MerkleNode(level: level, index: range.lowerBound >> level)
    }

    /// MTH(D[range]) from the hashes of complete subtrees.
    public static func hash(of range: Range<Int>, node: (MerkleNode) -> MerkleHash) -> MerkleHash {
        if let complete = complete(range) { return node(complete) }
        let split = range.lowerBound + largestPowerOfTwo(below: range.count)
        return nodeHash(hash(of: range.lowerBound..<split, node: node), hash(of: split..<range.upperBound, node: node))
    }

    /// The leaf ranges of the subtrees PATH(index, D[size]) lists (RFC 9162 §2.1.3.1), in order.
    public static func inclusionRanges(index: Int, size: Int) -> [Range<Int>] {
        precondition(index >= 0 && index < size)
        var ranges: [Range<Int>] = []
        var range = 0..<size
        // Walk down to the leaf; each step's sibling joins the path, which lists them bottom up.
        while range.count > 1 {
            let split = range.lowerBound + largestPowerOfTwo(below: range.count)
            if index < split {
                ranges.append(split..<range.upperBound)
                range = range.lowerBound..<split
            } else {
                ranges.append(range.lowerBound..<split)
                range = split..<range.upperBound
            }
        }
        return ranges.reversed()
    }

    /// The leaf ranges of the subtrees PROOF(oldSize, D[newSize]) lists (RFC 9162 §2.1.4.1).
    public static func consistencyRanges(oldSize: Int, newSize: Int) -> [Range<Int>] {
        precondition(oldSize >= 0 && oldSize <= newSize)
        guard oldSize > 0 && oldSize < newSize else { return [] }
        var ranges: [Range<Int>] = []
        var range = 0..<newSize
        var complete = true
        while oldSize != range.upperBound {
            let split = range.lowerBound + largestPowerOfTwo(below: range.count)
            if oldSize <= split {
                ranges.append(split..<range.upperBound)
                range = range.lowerBound..<split
            } else {
                ranges.append(range.lowerBound..<split)
                range = split..<range.upperBound
                complete = false
            }
        }
        if !complete { ranges.append(range) }
        return ranges.reversed()
    }

    /// The inclusion proof of `index` in the tree of `size` leaves, from subtree hashes.
    public static func inclusionProof(index: Int, size: Int, node: (MerkleNode) -> MerkleHash) -> [MerkleHash] {
        inclusionRanges(index: index, size: size).map { hash(of: $0, node: node) }
    }

    /// The consistency proof from `oldSize` to `newSize` leaves, from subtree hashes.
    public static func consistencyProof(oldSize: Int, newSize: Int, node: (MerkleNode) -> MerkleHash) -> [MerkleHash] {
        consistencyRanges(oldSize: oldSize, newSize: newSize).map { hash(of: $0, node: node) }
    }

    /// Every complete subtree the hashes of these ranges need: what a store looks up.
    public static func nodes(covering ranges: [Range<Int>]) -> [MerkleNode] {
        var seen = Set<MerkleNode>()
        var found: [MerkleNode] = []
        for range in ranges {
            for node in nodes(of: range) where seen.insert(node).inserted { found.append(node) }
        }
        return found
    }
}

/// The right edge of a growing Merkle tree: the hashes of the complete subtrees that make
/// up the tree of the leaves so far (at most one per level). Appending a leaf completes
/// subtrees, which it hands back so that a store can keep them; the root is a fold of the
/// edge. Memory is O(log n) whatever the size of the log.
public struct MerkleFrontier: Sendable {
    public private(set) var size: Int
    /// (subtree, hash), largest (leftmost) first.
    public private(set) var nodes: [(node: MerkleNode, hash: MerkleHash)]

    /// The empty tree.
    public init() {
        size = 0
        nodes = []
    }

    /// The edge of the tree of `size` leaves, from the hashes of `Merkle.nodes(of: 0..<size)`.
    public init(size: Int, node: (MerkleNode) -> MerkleHash) {
        self.size = size
        nodes = Merkle.nodes(of: 0..<size).map { ($0, node($0)) }
    }

    /// Adds a leaf; returns the subtrees of two or more leaves it completed, smallest first.
    @discardableResult
    public mutating func append(_ leafHash: MerkleHash) -> [(node: MerkleNode, hash: MerkleHash)] {
        var completed: [(node: MerkleNode, hash: MerkleHash)] = []
        var current = (node: MerkleNode(level: 0, index: size), hash: leafHash)
        while let last = nodes.last, last.node.level == current.node.level {
            nodes.removeLast()
            let parent = MerkleNode(level: current.node.level + 1, index: last.node.index / 2)
            current = (parent, Merkle.nodeHash(last.hash, current.hash))
            completed.append(current)
        }
        nodes.append(current)
        size += 1
        return completed
    }

    /// MTH of the leaves so far (SHA-256 of nothing for the empty tree).
    public var root: MerkleHash {
        guard var root = nodes.last?.hash else { return Merkle.root([]) }
        for (_, hash) in nodes.dropLast().reversed() { root = Merkle.nodeHash(hash, root) }
        return root
    }
}
