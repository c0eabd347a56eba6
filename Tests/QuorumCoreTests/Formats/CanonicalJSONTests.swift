import Testing

@testable import QuorumCore

@Suite struct CanonicalJSONTests {
    @Test func writesRFC8785Form() {
        let value = JSONText.object([
            ("b", .int(-12)), ("a", .string("é\n\u{1}\"\\/")), ("c", .array([.bool(true), .object([])])), ("B", .int(0)),
        ])
        #expect(value.canonical == #"{"B":0,"a":"é\n\u0001\"\\/","b":-12,"c":[true,{}]}"#)
    }

    @Test func keysSortByUTF16CodeUnitsAsJavaScriptDoes() {
        // U+FF61 sorts after U+1F600 by code point, before it by UTF-16 (a surrogate pair, 0xD83D).
        let value = JSONText.object([("\u{FF61}", .int(1)), ("\u{1F600}", .int(2))])
        #expect(value.canonical == "{\"\u{1F600}\":2,\"\u{FF61}\":1}")
        #expect(CanonicalJSONReader.parse(value.canonical) != nil)
    }

    @Test func readsBackWhatItWrites() throws {
        let texts = [
            #"{"a":[1,-2,9007199254740991],"b":{"c":"天汇\t"},"d":false}"#, #"[]"#, #""\u001f""#, #"0"#,
        ]
        for text in texts {
            let value = try #require(CanonicalJSONReader.parse(text), "\(text)")
            #expect(value.canonical == text)
        }
    }

    @Test func refusesAnythingNotCanonical() {
        let texts = [
            #"{"a":1, "b":2}"#, #"{"b":1,"a":2}"#, #"{"a":1,"a":1}"#, #"{"a":01}"#, #"{"a":1.0}"#, #"{"a":1e3}"#, "-0",
            #""\u00e9""#, #""\/""#, #""\u000a""#, #""\u001F""#, "\"\u{1}\"", "null", #"{"a":9007199254740992}"#, " 1", "1 ",
            #"{"a":1}x"#,
        ]
        for text in texts { #expect(CanonicalJSONReader.parse(text) == nil, "\(text)") }
        #expect(CanonicalJSONReader.parse([0x22, 0xFF, 0x22]) == nil, "invalid UTF-8")
    }

    @Test func hexAndBase64() {
        let bytes: [UInt8] = [0, 1, 0xAB, 0xFF, 0x10]
        #expect(ByteText.hex(bytes) == "0001abff10")
        #expect(ByteText.bytes(hex: "0001abff10") == bytes)
        #expect(ByteText.bytes(hex: "0001ABFF10") == nil)
        for count in 0..<8 {
            let slice = Array((0..<count).map { UInt8(($0 * 37 + 250) & 0xFF) })
            #expect(ByteText.bytes(base64: ByteText.base64(slice)) == slice)
            #expect(ByteText.bytes(base64: ByteText.base64URL(slice)) == slice)
        }
        #expect(ByteText.base64(Array("any carnal pleas".utf8)) == "YW55IGNhcm5hbCBwbGVhcw==")
        #expect(ByteText.base64URL([0xFB, 0xFF]) == "-_8")
    }
}
