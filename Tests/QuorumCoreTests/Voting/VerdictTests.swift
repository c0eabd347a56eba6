import Testing

@testable import QuorumCore

/// The verdict on each matter and why it failed, as the result notice states it (RULES.md §1, §6).
@Suite struct VerdictTests {
    static func weight(_ centi: Int64, _ heads: Int) -> Weight { Weight(area: Area(centiSquareMetres: centi), heads: heads) }

    static func tally(participating: Weight, agree: Weight, threshold: Threshold = .ordinary) -> TallyResult {
        let result = MatterResult(
            id: "m1", item: threshold == .special ? 6 : 5, threshold: threshold, participating: participating, silent: nil,
            participationMet: Art278.participationMet(participating: participating, total: weight(300, 3)),
            outcome: .resolution(agree: agree, oppose: .zero, abstain: .zero, invalid: .zero, passed: false))
        return TallyResult(vote: "v", totals: weight(300, 3), matters: [result], conflicts: [])
    }

    func verdict(_ tally: TallyResult) -> Verdict { tally.verdict(tally.matters[0]) }

    @Test func participationBelowTwoThirdsIsTheReasonByAreaByHeadsOrBoth() {
        #expect(verdict(Self.tally(participating: Self.weight(199, 2), agree: Self.weight(199, 2))) == .failed([.participationArea]))
        #expect(verdict(Self.tally(participating: Self.weight(300, 1), agree: Self.weight(300, 1))) == .failed([.participationHeads]))
        #expect(
            verdict(Self.tally(participating: Self.weight(100, 1), agree: Self.weight(100, 1)))
                == .failed([.participationArea, .participationHeads]))
        #expect(verdict(Self.tally(participating: Self.weight(200, 2), agree: Self.weight(101, 2))) == .passed)
    }

    @Test func approvalAtTheBoundIsDecidedAsArticle1259Says() {
        // Exactly half is not more than half; exactly 3/4 is at least 3/4.
        #expect(verdict(Self.tally(participating: Self.weight(200, 2), agree: Self.weight(100, 2))) == .failed([.approvalArea(.ordinary)]))
        #expect(verdict(Self.tally(participating: Self.weight(300, 2), agree: Self.weight(300, 1))) == .failed([.approvalHeads(.ordinary)]))
        #expect(verdict(Self.tally(participating: Self.weight(400, 4), agree: Self.weight(300, 3), threshold: .special)) == .passed)
        #expect(
            verdict(Self.tally(participating: Self.weight(400, 4), agree: Self.weight(299, 2), threshold: .special))
                == .failed([.approvalArea(.special), .approvalHeads(.special)]))
    }

    @Test func anElectionWithNobodyElectedSaysSo() {
        let matter = MatterResult(
            id: "e", item: 3, threshold: .ordinary, participating: Self.weight(300, 3), silent: nil, participationMet: true,
            outcome: .election(candidates: [CandidateResult(id: "c1", votes: Self.weight(100, 1), passed: false)], elected: []))
        let tally = TallyResult(vote: "v", totals: Self.weight(300, 3), matters: [matter], conflicts: [])
        #expect(tally.verdict(matter) == .failed([.noneElected]))
        var won = matter
        won.outcome = .election(candidates: [CandidateResult(id: "c1", votes: Self.weight(300, 3), passed: true)], elected: ["c1"])
        #expect(tally.verdict(won) == .elected(["c1"]))
    }

    /// tally.json read back is the result that wrote it (conflicts are not in the file).
    @Test func theStoredTallyReadsBackAsItWasWritten() {
        let election = MatterResult(
            id: "e", item: 3, threshold: .ordinary, participating: Self.weight(30_000, 3), silent: Self.weight(0, 0), participationMet: true,
            outcome: .election(candidates: [CandidateResult(id: "c1", votes: Self.weight(12_345, 2), passed: true)], elected: ["c1"]))
        var tally = Self.tally(participating: Self.weight(200, 2), agree: Self.weight(101, 2), threshold: .special)
        tally.matters.append(election)
        #expect(TallyResult(tallyJSON: tally.json.rendered()) == tally)
        #expect(TallyResult(tallyJSON: "{}") == nil)
        #expect(TallyResult(tallyJSON: tally.json.rendered().replacingOccurrences(of: "123.45", with: "123.4")) == nil)
    }
}
