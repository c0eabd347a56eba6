import Foundation

/// Hostile input for the readers' fuzz tests: random bytes, and valid inputs mutated (bytes
/// flipped, inserted, deleted, repeated, spliced, cut short, and the characters a reader
/// treats specially dropped in).
///
/// Each input is a function of the seed and its number only, so a failure is replayed by
/// running the test again with `QUORUM_FUZZ_SEED` set to the seed it printed; the number of
/// inputs tried depends on the time budget, never which inputs they are.
public struct Fuzzer: Sendable {
    public let seed: UInt64
    public let samples: [[UInt8]]
    /// Characters readers of CSV, JSON, JWTs, forms and codes treat specially.
    public static let tokens: [[UInt8]] =
        [
            ",", "\"", "\"\"", "\n", "\r\n", "\r", "\t", "{", "}", "[", "]", ":", "\\", "\\u0000", "\\ud800", "null", "true", "-",
            "-1", "0", "1e999", "99999999999999999999", "9223372036854775807", "-9223372036854775808", "0.005", ".", "=", "&",
            "%", "%zz", "%e4%b8", "+", "?", "#", "\u{FEFF}", "\u{0}", "é", "表", "🏠", "\u{202E}", "'; DROP TABLE owners; --",
            "<script>", "\"><img src=x onerror=alert(1)>", "&amp;",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xF4, 0x90, 0x80, 0x80]]

    /// The seed: `QUORUM_FUZZ_SEED` if set, else `defaultSeed` (a fixed one per reader, so CI
    /// runs are repeatable).
    public init(defaultSeed: UInt64, samples: [[UInt8]]) {
        let chosen = ProcessInfo.processInfo.environment["QUORUM_FUZZ_SEED"].flatMap { UInt64($0) }
        seed = chosen ?? defaultSeed
        self.samples = samples.isEmpty ? [[]] : samples
    }

    /// Runs `check` on input after input until `budget` has passed (or `limit` inputs).
    /// `check` returns nil when the reader behaved, or what was wrong; each failure is
    /// reported with the seed, the input's number and the input itself.
    public func run(
        budget: Duration = .seconds(2), limit: Int = 200_000, check: ([UInt8]) -> String?
    ) -> (inputs: Int, failures: [String]) {
        let clock = ContinuousClock()
        let deadline = clock.now + budget
        var failures: [String] = []
        var count = 0
        // The samples as they are come first.
        for sample in samples {
            if let failure = check(sample) { failures.append(report(failure, number: -1, input: sample)) }
        }
        while count < limit, clock.now < deadline, failures.count < 5 {
            let input = self.input(number: count)
            if let failure = check(input) { failures.append(report(failure, number: count, input: input)) }
            count += 1
        }
        return (count, failures)
    }

    /// Input number `number`: a quarter random bytes, the rest a sample mutated 1 to 8 times.
    public func input(number: Int) -> [UInt8] {
        var random = SplitMix(seed: seed &+ UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
        if random.next() % 4 == 0 {
            let length = Int(random.next() % 512)
            return (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        var bytes = samples[Int(random.next() % UInt64(samples.count))]
        for _ in 0...(random.next() % 8) { mutate(&bytes, &random) }
        return bytes
    }

    private func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix) {
        func position(_ extra: Int = 0) -> Int { Int(random.next() % UInt64(bytes.count + extra)) }
        switch random.next() % 8 {
        case 0 where !bytes.isEmpty:  // flip a bit
            bytes[position()] ^= UInt8(1) << (random.next() % 8)
        case 1:  // a random byte
            bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position(1))
        case 2 where !bytes.isEmpty:  // delete a range
            let start = position()
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + Int(random.next() % 16)))
        case 3 where !bytes.isEmpty:  // repeat a range
            let start = position()
            let range = start..<min(bytes.count, start + 1 + Int(random.next() % 64))
            bytes.insert(contentsOf: Array(bytes[range]), at: position(1))
        case 4:  // a special character or word
            bytes.insert(contentsOf: Self.tokens[Int(random.next() % UInt64(Self.tokens.count))], at: position(1))
        case 5:  // splice with another sample
            let other = samples[Int(random.next() % UInt64(samples.count))]
            let cut = position(1)
            bytes = Array(bytes[..<cut]) + Array(other[Int(random.next() % UInt64(other.count + 1))...])
        case 6 where !bytes.isEmpty:  // cut short
            bytes.removeSubrange(position()...)
        default:  // overwrite a byte with a special one
            guard !bytes.isEmpty else { return }
            let token = Self.tokens[Int(random.next() % UInt64(Self.tokens.count))]
            bytes[position()] = token.first ?? 0
        }
    }

    private func report(_ failure: String, number: Int, input: [UInt8]) -> String {
        let shown = input.prefix(300).map { String(format: "%02x", $0) }.joined()
        return "\(failure) — QUORUM_FUZZ_SEED=\(seed), input #\(number) (\(input.count) bytes): \(shown)"
    }
}
