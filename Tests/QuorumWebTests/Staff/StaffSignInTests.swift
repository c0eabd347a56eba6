import HTTPTypes
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

@testable import QuorumWeb

/// Issue 13: 400 sign-ins with unknown names from one address slowed every page, and five
/// wrong passwords locked the committee out whoever typed them.
@Suite struct StaffSignInTests {
    @Test func anAddressThatKeepsGuessingIsToldWhenToTryAgainBeforeAnyHash() async throws {
        try await Estate.with(.sqlite, registry: HostileInputTests.registry, definition: HostileInputTests.definition) { estate, client in
            try await estate.store.staff.add(
                username: "committee", displayName: "业委会", password: "correct horse battery", role: .committee, division: estate.estate,
                passwordCost: 4)
            let guesser = Visitor(client)
            for number in 0..<StaffLimits.failuresPerAddress {
                let page = try await guesser.post("/staff/login", [("username", "nobody\(number)"), ("password", "wrong")])
                #expect(page.status == .unauthorized)
            }
            let refused = try await guesser.post("/staff/login", [("username", "committee"), ("password", "correct horse battery")])
            #expect(refused.status == .tooManyRequests)
            let seconds = try #require(refused.headers[.retryAfter].flatMap(Int.init))
            #expect(seconds > 0 && seconds <= 15 * 60)
            #expect(refused.body.contains("密码错误次数过多，请于"))
        }
    }
}
