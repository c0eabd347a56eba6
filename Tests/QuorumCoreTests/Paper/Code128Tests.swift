import Testing

@testable import QuorumCore

@Suite struct Code128Tests {
    /// Modules as bars (1) and spaces (0), for comparing with another encoder's output.
    static func modules(_ text: String) -> String? {
        Code128.widths(text).map { widths in
            widths.enumerated().map { String(repeating: $0.offset % 2 == 0 ? "1" : "0", count: $0.element) }.joined()
        }
    }

    @Test func everySymbolIsElevenModulesWithAnEvenNumberOfBarModules() {
        #expect(Code128.patterns.count == 106)
        for pattern in Code128.patterns {
            let widths = pattern.map { Int(String($0))! }
            #expect(widths.reduce(0, +) == 11, "\(pattern)")
            #expect((widths[0] + widths[2] + widths[4]) % 2 == 0, "\(pattern)")
        }
        #expect(Set(Code128.patterns).count == 106, "no two symbols alike")
    }

    @Test func aBallotCodeEncodesAsAnIndependentEncoderDoes() {
        // python-barcode 0.16.1, `barcode.get('code128', 'Q7K2-M9XP-4TRA').build()[0]`:
        let expected =
            "110100100001101000111011101101110101100011101100111001010011011100101110110001110010110011100010110111011101101001101110011001001110110111000101100010111010100011000100101100001100011101011"
        #expect(Self.modules("Q7K2-M9XP-4TRA") == expected)
    }

    @Test func theCheckValueIsTheWeightedSumModulo103() {
        // Start B (104) + 1·"A"(33) + 2·"B"(34) = 205 → 205 mod 103 = 102.
        #expect(Code128.values("AB") == [104, 33, 34, 102])
        #expect(Code128.values("票") == nil, "outside code set B")
    }
}
