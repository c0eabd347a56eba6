import QuorumCore
import QuorumStore

/// The verify page (/verify): an owner's receipt checked against the log, by the server for
/// every visitor, and again by the page's script in the visitor's own browser.
struct VerifyPage {
    enum Outcome {
        /// No code yet: the empty form.
        case form
        case unreadable
        case checked(LogReceipt, ReceiptCheck)
    }

    /// The code as submitted, shown again in the form.
    var code: String
    var outcome: Outcome
    var key: LogPublicKey
    /// Whether the ballot's choices are shown (and handed to the browser's check): always for
    /// the long code, which carries them; for the short code only to its owner, signed in.
    var showsChoices = true
    /// The vote the receipt names, for its name and its matters' titles in words.
    var vote: StoredVote?
    /// A head copied from a notice, as typed (size, root), and what the check of it found
    /// (nil: nothing typed; `.none` inside: typed but unreadable).
    var head: (size: String, root: String, check: CopiedHead.Check?)?
}

/// The verify page's queries, apart from any HTTP, so that tests call them directly.
enum VerifyController {
    static func page(
        code: String?, head: (size: String?, root: String?) = (nil, nil), owner: OwnerSession? = nil, store: Store
    ) async throws -> VerifyPage {
        if let size = head.size, let root = head.root, !(size + root).trimmingWhitespace().isEmpty {
            let key = try await store.log.publicKey()
            var page = VerifyPage(code: "", outcome: .form, key: key)
            page.head = (size, root, try await CopiedHead(size: size, root: root).asyncMap { try await check($0, key: key, store: store) })
            return page
        }
        let key = try await store.log.publicKey()
        let code = code?.trimmingWhitespace() ?? ""
        guard !code.isEmpty else { return VerifyPage(code: "", outcome: .form, key: key) }
        if let receipt = LogReceipt(code: code) {
            return VerifyPage(
                code: code, outcome: .checked(receipt, try await check(receipt, key: key, store: store)), key: key,
                vote: try await store.voting.vote(receipt.vote))
        }
        // The short code an owner is told to keep (`Z7R7-TWCD-AYRN-T`): the ballot it names,
        // checked against the log from any device; its choices only for the owner who cast it.
        guard code.utf8.count <= 32, let stored = try await store.voting.receipt(code: code.uppercased()), let receipt = stored.log else {
            return VerifyPage(code: code, outcome: .unreadable, key: key)
        }
        var mine = false
        if let owner {
            mine = try await store.voting.voters(in: stored.voteID, owner: owner.idHash).contains { $0.person == stored.person }
        }
        return VerifyPage(
            code: code, outcome: .checked(receipt, try await check(receipt, key: key, store: store)), key: key, showsChoices: mine,
            vote: try await store.voting.vote(stored.voteID))
    }

    /// A copied head against the log's latest head, by the consistency proof from it.
    static func check(_ head: CopiedHead, key: LogPublicKey, store: Store) async throws -> CopiedHead.Check {
        let latest = try await store.log.latestHead()
        var proof: [MerkleHash]?
        if let latest, latest.size >= head.size {
            proof = latest.size == head.size ? [] : try? await store.log.consistencyProof(from: head.size, to: latest.size)
        }
        return head.check(latest: latest, key: key, proof: proof)
    }

    /// The server's check: the same steps as the script's, with proofs from the store.
    static func check(_ receipt: LogReceipt, key: LogPublicKey, store: Store) async throws -> ReceiptCheck {
        let inclusion = try? await store.log.inclusionProof(index: receipt.index, treeSize: receipt.head.size)
        let latest = try await store.log.latestHead()
        var consistency: [MerkleHash]?
        if let latest {
            consistency =
                latest.size == receipt.head.size
                ? [] : try? await store.log.consistencyProof(from: receipt.head.size, to: latest.size)
        }
        return ReceiptCheck.run(receipt, key: key, inclusion: inclusion, latest: latest, consistency: consistency)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
