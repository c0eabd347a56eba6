import Foundation
import QuorumSynthetic
import Testing

@testable import QuorumCore

/// Every reader of outside input, fed random bytes and mutated valid files for about two
/// seconds each (a fixed seed per reader; `QUORUM_FUZZ_SEED` replays another): it must never
/// crash, and must give either a value or an error that says what is wrong.
@Suite struct FuzzTests {
    static let budget: Duration = .seconds(2)

    /// Runs the fuzzer and records its failures as test issues.
    func fuzz(_ name: String, seed: UInt64, samples: [String], check: ([UInt8]) -> String?) {
        let fuzzer = Fuzzer(defaultSeed: seed, samples: samples.map { Array($0.utf8) })
        let (inputs, failures) = fuzzer.run(budget: Self.budget, check: check)
        for failure in failures { Issue.record("\(name): \(failure)") }
        #expect(inputs > 100, "\(name): only \(inputs) inputs in \(Self.budget)")
    }

    /// nil when every error has a message; else what is wrong.
    static func explained(_ errors: [InputError]) -> String? {
        if errors.isEmpty { return "an error with no entries" }
        return errors.contains { $0.description.isEmpty || $0.problem.chinese.isEmpty || $0.problem.english.isEmpty }
            ? "an error without a message" : nil
    }

    static let registries =
        [
            Fixtures.smallRegistry,
            "\u{FEFF}不动产单元号,楼栋,房号,建筑面积,用途,业主姓名,证件号码,业主类型,手机号\r\nU1,\"1\",\"10\"\"1\",85.34,住宅,\"王, 五\",110101199001010011,个人,13800000001\r\n",
        ] + Self.shared("registry.csv")

    static func shared(_ name: String) -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../../shared/domain/vectors/small-mixed/\(name)")
        return (try? String(contentsOf: url, encoding: .utf8)).map { [$0] } ?? []
    }

    @Test func theCSVParserGivesTheSameRecordsHoweverTheBytesArriveInChunks() {
        fuzz("CSVParser", seed: 0x0C5F_0001, samples: Self.registries + [Fixtures.smallBallots]) { bytes in
            let whole = CSVParser.records(in: bytes)
            var parser = CSVParser()
            var records: [CSVRecord] = []
            var problems: [(CSVProblem, Int)] = []
            var start = 0
            var step = 1
            while start < bytes.count {
                let end = min(bytes.count, start + step)
                parser.feed(bytes[start..<end], record: { records.append($0) }, problem: { problems.append(($0, $1)) })
                start = end
                step = step % 7 + 1
            }
            parser.finish(record: { records.append($0) }, problem: { problems.append(($0, $1)) })
            guard records.map(\.fields) == whole.records.map(\.fields), records.map(\.line) == whole.records.map(\.line) else {
                return "chunked records differ from whole"
            }
            guard problems.map(\.1) == whole.problems.map(\.1), problems.map(\.0) == whole.problems.map(\.0) else {
                return "chunked problems differ from whole"
            }
            return nil
        }
    }

    @Test func theRegisterReaderGivesARegisterOrExplainedErrors() {
        fuzz("registry.csv", seed: 0x0C5F_0002, samples: Self.registries) { bytes in
            do {
                _ = try Register.read(csv: bytes)
                return nil
            } catch let errors as InputErrors {
                return Self.explained(errors.errors)
            } catch {
                return "untyped error \(type(of: error)): \(error)"
            }
        }
    }

    @Test func theBallotReaderGivesRowsOrExplainedErrors() {
        fuzz("ballots.csv", seed: 0x0C5F_0003, samples: [Fixtures.smallBallots] + Self.shared("ballots.csv")) { bytes in
            let (_, errors) = BallotRowReader.read(csv: bytes)
            return errors.isEmpty ? nil : Self.explained(errors)
        }
    }

    @Test func theMattersReaderGivesAVoteOrExplainedErrors() {
        let election = """
            {"vote":"选举","scope":{"buildings":["1","2号楼"]},"settings":{"silent_majority":true},
             "matters":[{"id":"e","title":"选举业主委员会","item":3,"kind":"election","seats":2,
             "candidates":[{"id":"c1","name":"张"},{"id":"c2","name":"李"},{"id":"c3","name":"王"}]}]}
            """
        fuzz("matters.json", seed: 0x0C5F_0004, samples: [Fixtures.smallMatters, election] + Self.shared("matters.json")) { bytes in
            do {
                _ = try VoteDefinition.read(json: bytes)
                return nil
            } catch let errors as InputErrors {
                return Self.explained(errors.errors)
            } catch {
                return "untyped error \(type(of: error)): \(error)"
            }
        }
    }

    @Test func theCredentialReaderGivesACredentialOrATypedError() throws {
        let valid = try TestIdentityProvider.mint(claims: TestIdentityProvider.claims())
        let noName = try TestIdentityProvider.mint(claims: TestIdentityProvider.claims(name: nil))
        fuzz("credential", seed: 0x0C5F_0005, samples: [valid, noName, "a.b.c", ".."]) { bytes in
            do {
                _ = try CredentialVerifier.verify(
                    String(decoding: bytes, as: UTF8.self), trusted: [TestIdentityProvider.issuer], now: TestIdentityProvider.now)
                return nil
            } catch is CredentialError {
                return nil
            } catch {
                return "untyped error \(type(of: error)): \(error)"
            }
        }
    }

    @Test func theReceiptCodeReaderAcceptsOnlyCanonicalCodes() {
        var random = SplitMix(seed: 7)
        let codes = (0..<4).map { _ in CheckedCode.make(using: &random) }
        fuzz("receipt code", seed: 0x0C5F_0006, samples: codes + codes.map { $0.lowercased().replacingOccurrences(of: "-", with: " ") }) {
            bytes in
            guard let code = CheckedCode.normalized(String(decoding: bytes, as: UTF8.self)) else { return nil }
            return CheckedCode.normalized(code) == code ? nil : "normalising \(code) again changes it"
        }
    }

    @Test func theLogReceiptReaderGivesTheReceiptItWasGivenOrNothing() throws {
        let log = try TestLog(ballots: 6)
        let receipts = try [(1, 2), (3, 4), (5, 6)].map { try ReceiptTests.receipt(of: log, index: $0.0, headSize: $0.1).0 }
        // Mutations of the code itself, and of the JSON inside it.
        let samples = receipts.map(\.code) + receipts.map { $0.json.canonical } + ["/verify?r=\(receipts[0].code)"]
        fuzz("log receipt", seed: 0x0C5F_0007, samples: samples) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let inside = ByteText.base64URL(Array(text.utf8))
            for candidate in [text, inside] {
                guard let receipt = LogReceipt(code: candidate) else { continue }
                guard LogReceipt(code: receipt.code) == receipt else { return "a receipt that does not read back" }
            }
            return nil
        }
    }

    @Test func theChoicesReaderGivesChoicesOrATypedError() {
        let samples = [#"{"e":["c1","c3"],"m1":"agree"}"#, #"{"m1":"oppose","m2":"abstain"}"#, #"{"e":[]}"#]
        fuzz("ballot choices", seed: 0x0C5F_0008, samples: samples) { bytes in
            do {
                let choices = try BallotChoices(canonicalJSON: String(decoding: bytes, as: UTF8.self))
                // Any spelling that reads has one canonical form, which reads back to itself.
                let canonical = choices.canonicalJSON
                return (try? BallotChoices(canonicalJSON: canonical))?.canonicalJSON == canonical ? nil : "a canonical form that does not read back"
            } catch let error as InputProblem {
                return error.description.isEmpty ? "an error without a message" : nil
            } catch let error as DecodingError {
                return "\(error)".isEmpty ? "an error without a message" : nil
            } catch {
                return "untyped error \(type(of: error)): \(error)"
            }
        }
    }

    /// Nesting deep enough to overflow a recursive reader's stack.
    @Test func deeplyNestedJSONIsRefusedNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: InputErrors.self) { try VoteDefinition.read(json: Array(deep.utf8)) }
        #expect(LogReceipt(code: ByteText.base64URL(Array(deep.utf8))) == nil)
        _ = CanonicalJSONReader.parse(deep)
        #expect(throws: (any Error).self) { try BallotChoices(canonicalJSON: deep) }
        let part = ByteText.base64URL(Array(deep.utf8))
        #expect(throws: CredentialError.malformed) {
            try CredentialVerifier.verify("\(part).\(part).AAAA", trusted: [TestIdentityProvider.issuer], now: TestIdentityProvider.now)
        }
    }
}
