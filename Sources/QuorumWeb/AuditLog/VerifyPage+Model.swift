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
}

/// The verify page's queries, apart from any HTTP, so that tests call them directly.
enum VerifyController {
    static func page(code: String?, store: Store) async throws -> VerifyPage {
        let key = try await store.log.publicKey()
        let code = code?.trimmingWhitespace() ?? ""
        guard !code.isEmpty else { return VerifyPage(code: "", outcome: .form, key: key) }
        guard let receipt = LogReceipt(code: code) else { return VerifyPage(code: code, outcome: .unreadable, key: key) }
        return VerifyPage(code: code, outcome: .checked(receipt, try await check(receipt, key: key, store: store)), key: key)
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

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
