import Testing

@testable import QuorumCore

/// Every boundary of every threshold, first on the rule itself, then through a whole recount.
@Suite struct RulesTests {
    private func w(_ centi: Int64, _ heads: Int) -> Weight {
        Weight(area: Area(centiSquareMetres: centi), heads: heads)
    }

    @Test func participationNeedsTwoThirdsByAreaAndByHeads() {
        let total = w(30_000, 3)
        #expect(Art278.participationMet(participating: w(20_000, 2), total: total), "exactly 2/3 of both takes part")
        #expect(!Art278.participationMet(participating: w(19_999, 2), total: total), "0.01 m² short")
        #expect(!Art278.participationMet(participating: w(30_000, 1), total: total), "all the area, too few heads")
        #expect(!Art278.participationMet(participating: w(10_000, 3), total: w(30_001, 3)), "all the heads, too little area")
    }

    @Test func ordinaryNeedsMoreThanHalfOfBoth() {
        let part = w(40_000, 3)
        #expect(!Art278.approved(agreeing: w(20_000, 2), participating: part, threshold: .ordinary), "exactly half the area fails")
        #expect(Art278.approved(agreeing: w(20_001, 2), participating: part, threshold: .ordinary), "0.01 m² more passes")
        #expect(!Art278.approved(agreeing: w(39_999, 2), participating: w(40_000, 4), threshold: .ordinary), "exactly half the heads fails")
        #expect(Art278.approved(agreeing: w(30_000, 3), participating: w(40_000, 5), threshold: .ordinary))
    }

    @Test func specialNeedsAtLeastThreeQuartersOfBoth() {
        let part = w(40_000, 4)
        #expect(Art278.approved(agreeing: w(30_000, 3), participating: part, threshold: .special), "exactly 3/4 passes")
        #expect(!Art278.approved(agreeing: w(29_999, 3), participating: part, threshold: .special), "0.01 m² short fails")
        #expect(!Art278.approved(agreeing: w(40_000, 2), participating: w(40_000, 3), threshold: .special), "2 of 3 heads fails")
    }

    @Test func itemsSixToEightAreSpecial() {
        #expect(
            (1...9).map(Art278.threshold(forItem:)) == [
                .ordinary, .ordinary, .ordinary, .ordinary, .ordinary, .special, .special, .special, .ordinary,
            ])
    }

    // Through the whole pipeline: files in, verdict out.

    private func passed(areas: [Int64], choices: [String?], item: Int = 9) throws -> (participation: Bool, passed: Bool) {
        let registry = Fixtures.csv(Fixtures.units(areas))
        let result = try Fixtures.recount(registry: registry, matters: Fixtures.resolutionMatters(item: item), ballots: Fixtures.ballots(choices))
        guard case .resolution(_, _, _, _, let passed) = result.matters[0].outcome else { throw InputErrors([]) }
        return (result.matters[0].participationMet, passed)
    }

    @Test func endToEndParticipationBoundary() throws {
        #expect(try passed(areas: [10_000, 10_000, 10_000], choices: ["agree", "agree", nil]).participation)
        #expect(try !passed(areas: [10_000, 10_000, 10_001], choices: ["agree", "agree", nil]).participation)
    }

    @Test func endToEndOrdinaryBoundary() throws {
        // Heads 2 of 3 agree; area exactly half fails, 0.01 m² more passes.
        #expect(try !passed(areas: [10_000, 10_000, 20_000], choices: ["agree", "agree", "oppose"]).passed)
        #expect(try passed(areas: [10_001, 10_000, 20_000], choices: ["agree", "agree", "oppose"]).passed)
    }

    @Test func endToEndSpecialBoundary() throws {
        #expect(try passed(areas: [10_000, 10_000, 10_000, 10_000], choices: ["agree", "agree", "agree", "oppose"], item: 7).passed)
        #expect(try !passed(areas: [9_999, 10_000, 10_000, 10_000], choices: ["agree", "agree", "agree", "oppose"], item: 8).passed)
    }

    @Test func abstentionsAndSpoiledBallotsTakePartButNeverAgree() throws {
        // 3 agree of 5 taking part: without the abstention and the spoiled ballot it would be 3 of 3.
        let result = try Fixtures.recount(
            registry: Fixtures.csv(Fixtures.units([10_000, 10_000, 10_000, 10_000, 10_000])), matters: Fixtures.resolutionMatters(item: 6),
            ballots: Fixtures.ballots(["agree", "agree", "agree", "弃权", "废票"]))
        let matter = result.matters[0]
        #expect(matter.participating == w(50_000, 5))
        guard case .resolution(let agree, _, let abstain, let invalid, let passed) = matter.outcome else {
            Issue.record("not a resolution")
            return
        }
        #expect(agree == w(30_000, 3) && abstain == w(10_000, 1) && invalid == w(10_000, 1))
        #expect(!passed, "3/5 is short of the special 3/4")
    }

    @Test func noParticipationMeansNoPassEvenIfAllWhoVotedAgree() throws {
        let outcome = try passed(areas: [10_000, 10_000, 10_000], choices: ["agree", nil, nil])
        #expect(!outcome.participation && !outcome.passed)
    }
}
