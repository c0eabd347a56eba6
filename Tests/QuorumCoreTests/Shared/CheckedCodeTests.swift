import PropertyBased
import QuorumSynthetic
import Testing

@testable import QuorumCore

@Suite struct CheckedCodeTests {
    @Test func aCodeIsGroupedAndChecksItself() {
        var generator = SplitMix(seed: 1)
        let code = CheckedCode.make(using: &generator)
        #expect(code.count == 13 + 3)
        #expect(CheckedCode.normalized(code) == code)
        #expect(CheckedCode.normalized(code.lowercased().replacingDashes()) == code, "typed in lower case, without dashes")
    }

    @Test func everySingleMistypedCharacterIsCaught() async {
        await propertyCheck(input: Gen.uint64(), Gen.int(in: 0...12), Gen.int(in: 0...31)) { seed, position, replacement in
            var generator = SplitMix(seed: seed)
            var symbols = Array(CheckedCode.make(using: &generator).replacingDashes())
            let original = symbols[position]
            let other = CheckedCode.checkSymbols[replacement]
            guard other != original else { return }
            symbols[position] = other
            #expect(CheckedCode.normalized(String(symbols)) == nil)
        }
    }

    @Test func swappedNeighboursAreCaught() async {
        await propertyCheck(input: Gen.uint64(), Gen.int(in: 0...10)) { seed, position in
            var generator = SplitMix(seed: seed)
            var symbols = Array(CheckedCode.make(using: &generator).replacingDashes())
            guard symbols[position] != symbols[position + 1] else { return }
            symbols.swapAt(position, position + 1)
            #expect(CheckedCode.normalized(String(symbols)) == nil)
        }
    }
}

extension String {
    fileprivate func replacingDashes() -> String { filter { $0 != "-" } }
}
