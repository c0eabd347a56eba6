import QuorumCore
import Testing

/// The two-clerk double entry as a pure rule: who may move a paper ballot to its next state.
@Suite struct DoubleEntryTests {
    static let agree = BallotChoices(["m1": .option(.agree)])
    static let oppose = BallotChoices(["m1": .option(.oppose)])

    @Test func aFirstEntryWaitsForASecondClerkWhoseEqualEntryConfirms() throws {
        #expect(try DoubleEntry.enter(state: nil, isOpen: true, earlier: [], clerk: "A", choices: Self.agree) == .entered)
        let first = [(clerk: "A", choices: Self.agree)]
        #expect(try DoubleEntry.enter(state: .entered, isOpen: true, earlier: first, clerk: "B", choices: Self.agree) == .confirmed)
        #expect(try DoubleEntry.enter(state: .entered, isOpen: true, earlier: first, clerk: "B", choices: Self.oppose) == .mismatch)
        #expect(throws: PaperError.alreadyEnteredByYou) {
            try DoubleEntry.enter(state: .entered, isOpen: true, earlier: first, clerk: "A", choices: Self.agree)
        }
    }

    @Test func aSettledBallotAndAClosedVoteTakeNoEntry() {
        for state in [PaperState.confirmed, .mismatch, .conflict] {
            #expect(throws: PaperError.finished(state)) {
                try DoubleEntry.enter(state: state, isOpen: true, earlier: [], clerk: "C", choices: Self.agree)
            }
        }
        #expect(throws: PaperError.notOpen) { try DoubleEntry.enter(state: nil, isOpen: false, earlier: [], clerk: "A", choices: Self.agree) }
    }

    @Test func onlySomeoneWhoEnteredNeitherSettlesAMismatch() {
        #expect(throws: Never.self) { try DoubleEntry.resolve(state: .mismatch, isOpen: true, clerks: ["A", "B"], resolver: "C") }
        #expect(throws: PaperError.resolverEnteredIt) { try DoubleEntry.resolve(state: .mismatch, isOpen: true, clerks: ["A", "B"], resolver: "B") }
        #expect(throws: PaperError.notMismatch) { try DoubleEntry.resolve(state: .entered, isOpen: true, clerks: ["A"], resolver: "C") }
        #expect(throws: PaperError.notOpen) { try DoubleEntry.resolve(state: .mismatch, isOpen: false, clerks: ["A", "B"], resolver: "C") }
        #expect(DoubleEntry.accepted(first: true) == .confirmed)
        #expect(DoubleEntry.accepted(first: false) == .conflict)
    }

    @Test func aSpoiledBallotMarksEveryMatterInvalidAndAnUnmarkedMatterIsRefused() {
        let vote = VoteDefinition(name: "v", matters: [Matter(id: "m1", title: "M1"), Matter(id: "m2", title: "M2")])
        #expect(BallotChoices.spoiled(vote).isSpoiled(vote))
        #expect(throws: Never.self) { try DoubleEntry.check(.spoiled(vote), vote: vote) }
        #expect(throws: PaperError.invalid([.unanswered(matter: "M2")])) { try DoubleEntry.check(Self.agree, vote: vote) }
    }
}
