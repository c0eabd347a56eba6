import ArgumentParser
import QuorumCore
import QuorumStore

/// `quorum log public-key`: the key that signs the log's heads, to publish on the notice board.
struct LogPublicKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "public-key",
        abstract: "Print the audit log's Ed25519 public key as PEM, with its key id (日志公钥).")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await options.withStore { store in
            let key = try await store.log.publicKey()
            Terminal.standardError("key id 公钥指纹: \(key.keyID)  log: \(key.logName)")
            Terminal.standardOutput(key.pem)
        }
    }
}
