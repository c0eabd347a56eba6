import Testing

@testable import QuorumCore

@Suite struct OnlineBallotTests {
    let vote = VoteDefinition(
        name: "v",
        matters: [
            Matter(id: "m1", title: "维修", item: 5),
            Matter(
                id: "e", title: "选举", item: 3,
                kind: .election(
                    seats: 2, candidates: [Candidate(id: "c1", name: "甲"), Candidate(id: "c2", name: "乙"), Candidate(id: "c3", name: "丙")])),
        ])

    @Test func aCompleteBallotHasNoProblem() {
        #expect(vote.problems(with: BallotChoices(["m1": .option(.agree), "e": .candidates(["c1", "c3"])])).isEmpty)
        #expect(vote.problems(with: BallotChoices(["m1": .option(.abstain), "e": .candidates([])])).isEmpty, "choosing nobody is lawful")
    }

    @Test func everyProblemIsNamed() {
        #expect(
            vote.problems(with: BallotChoices(["e": .candidates(["c1", "c2", "c3"])])) == [
                .unanswered(matter: "维修"), .tooManyCandidates(matter: "选举", seats: 2),
            ])
        #expect(
            vote.problems(with: BallotChoices(["m1": .option(.invalid), "e": .candidates(["c9", "c1", "c1"])])) == [
                .notAnOnlineOption(matter: "维修"), .unknownCandidate(matter: "选举", candidate: "c9"),
                .candidateChosenTwice(matter: "选举", candidate: "c1"), .tooManyCandidates(matter: "选举", seats: 2),
            ])
        #expect(vote.problems(with: BallotChoices(["m1": .option(.agree), "e": .candidates([]), "x": .option(.agree)])) == [.unknownMatter("x")])
    }

    @Test func theParticipationLineIsTwoThirdsRoundedUp() {
        let progress = VoteProgress(
            voted: Weight(area: Area(centiSquareMetres: 20_000), heads: 2), total: Weight(area: Area(centiSquareMetres: 30_001), heads: 4))
        #expect(progress.participationLine == Weight(area: Area(centiSquareMetres: 20_001), heads: 3))
        #expect(!progress.participationReached)
        let reached = VoteProgress(voted: progress.participationLine, total: progress.total)
        #expect(reached.participationReached, "the line itself meets participation")
        #expect(VoteProgress(voted: Weight(area: Area(centiSquareMetres: 20_000), heads: 3), total: progress.total).participationReached == false)
        #expect(progress.headsPerMille == 500 && progress.areaPerMille == 666)
    }
}
