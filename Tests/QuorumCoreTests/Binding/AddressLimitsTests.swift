import Testing

@testable import QuorumCore

/// Issue 13: per-address limits counted each IPv6 address apart, and a client holds 2^64 of them.
@Suite struct AddressLimitsTests {
    @Test func anIPv6ClientCountsByItsSlash64() {
        #expect(AddressLimits.key(for: "2001:db8:1:2:a:b:c:d") == "2001:db8:1:2::/64")
        #expect(AddressLimits.key(for: "2001:0db8:0001:0002:ffff:ffff:ffff:ffff") == "2001:db8:1:2::/64")
        #expect(AddressLimits.key(for: "2001:db8:1:2::1") == "2001:db8:1:2::/64")
        #expect(AddressLimits.key(for: "2001:db8::") == "2001:db8:0:0::/64")
        #expect(AddressLimits.key(for: "fe80::1%eth0") == "fe80:0:0:0::/64")
        #expect(AddressLimits.key(for: "::1") == "0:0:0:0::/64")
    }

    @Test func anIPv4ClientCountsByItsAddressMappedOrNot() {
        #expect(AddressLimits.key(for: "203.0.113.7") == "203.0.113.7")
        #expect(AddressLimits.key(for: "::ffff:203.0.113.7") == "203.0.113.7")
        #expect(AddressLimits.key(for: "::ffff:cb00:7107") == "203.0.113.7")
    }

    @Test func anythingElseIsKeptAsItIs() {
        for text in ["unknown", "", "1:2:3", "1:2:3:4:5:6:7:8:9", "::g", "1::2::3", "12345::", ":::"] {
            #expect(AddressLimits.key(for: text) == text, "\(text)")
        }
    }
}
