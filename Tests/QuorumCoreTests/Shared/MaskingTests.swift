import Testing

@testable import QuorumCore

@Suite struct MaskingTests {
    @Test func idNumbersShowTheirFirstAndLastFourCharacters() {
        #expect(Masking.idNumber("110101199001010011") == "1101**********0011")
        #expect(Masking.idNumber("91370200MA3C00000X") == "9137**********000X")
    }

    @Test func shorterNumbersKeepAtLeastAThirdHidden() {
        #expect(Masking.idNumber("E12345678") == "E12***678")
        #expect(Masking.idNumber("ABC") == "A*C")
        #expect(Masking.idNumber("") == "")
    }

    @Test func phonesShowThreeAndFourDigits() {
        #expect(Masking.phone("13812345678") == "138****5678")
        #expect(Masking.phone("0532-12345678") == "053******5678")
    }
}
