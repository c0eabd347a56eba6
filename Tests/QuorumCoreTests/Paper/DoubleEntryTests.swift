import QuorumCore
import Testing

/// The two-clerk double entry as a pure rule: who may move a paper ballot to its next state.
@Suite struct DoubleEntryTests {
    static let agree = BallotChoices(["m1": .option(.agree)])
    static let oppose = BallotChoices(["m1": .option(.oppose)])
    static let box = PaperCollection(kind: .box, by: "1号箱", at: Timestamp(millisecondsSinceEpoch: 1_000))
    static func read(_ choices: BallotChoices, _ collection: PaperCollection = box) -> PaperReading {
        PaperReading(choices: choices, collection: collection)
    }

    @Test func aFirstEntryWaitsForASecondClerkWhoseEqualEntryConfirms() throws {
        #expect(try DoubleEntry.enter(state: nil, isOpen: true, earlier: [], clerk: "A", reading: Self.read(Self.agree)) == .entered)
        let first = [(clerk: "A", reading: Self.read(Self.agree))]
        #expect(try DoubleEntry.enter(state: .entered, isOpen: true, earlier: first, clerk: "B", reading: Self.read(Self.agree)) == .confirmed)
        #expect(try DoubleEntry.enter(state: .entered, isOpen: true, earlier: first, clerk: "B", reading: Self.read(Self.oppose)) == .mismatch)
        // the same marks from another box (or time) are not the same reading
        let otherBox = PaperCollection(kind: .box, by: "2号箱", at: Self.box.at)
        #expect(
            try DoubleEntry.enter(state: .entered, isOpen: true, earlier: first, clerk: "B", reading: Self.read(Self.agree, otherBox)) == .mismatch)
        #expect(throws: PaperError.alreadyEnteredByYou) {
            try DoubleEntry.enter(state: .entered, isOpen: true, earlier: first, clerk: "A", reading: Self.read(Self.agree))
        }
    }

    /// Issue 13, item 20: the mismatch page shows where two entries differ, the collection record included.
    @Test func twoReadingsDifferExactlyWhereTheirPartsDiffer() {
        // setup: two matters; a second reading from another box, later, with the second matter opposed
        let vote = VoteDefinition(name: "v", matters: [Matter(id: "m1", title: "a", item: 5), Matter(id: "m2", title: "b", item: 5)])
        let first = Self.read(BallotChoices(["m1": .option(.agree), "m2": .option(.agree)]))
        let later = PaperCollection(kind: .hand, by: Self.box.by, at: Timestamp(millisecondsSinceEpoch: 2_000))
        let second = Self.read(BallotChoices(["m1": .option(.agree), "m2": .option(.oppose)]), later)
        // act and check
        #expect(first.differences(from: second, in: vote) == [.collectionKind, .collectedAt, .matter("m2")])
        #expect(first.differences(from: first, in: vote).isEmpty)
        #expect(first.differences(from: Self.read(BallotChoices(["m1": .option(.agree)])), in: vote) == [.matter("m2")], "a mark missing differs")
    }

    @Test func aSettledBallotAndAClosedVoteTakeNoEntry() {
        for state in [PaperState.confirmed, .mismatch, .conflict] {
            #expect(throws: PaperError.finished(state)) {
                try DoubleEntry.enter(state: state, isOpen: true, earlier: [], clerk: "C", reading: Self.read(Self.agree))
            }
        }
        #expect(throws: PaperError.notOpen) {
            try DoubleEntry.enter(state: nil, isOpen: false, earlier: [], clerk: "A", reading: Self.read(Self.agree))
        }
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

    /// RULES.md §3: a paper ballot counts if collected within the window, whenever it is typed.
    @Test func aBallotCountsIfCollectedBeforeTheDeadline() throws {
        let calendar = VoteCalendar(opensAt: Timestamp.parse("2024-03-01T08:00:00+08:00")!, closesAt: Timestamp.parse("2024-03-20T10:00:00+08:00")!)
        let later = Timestamp.parse("2024-03-22T09:00:00+08:00")!
        func collected(_ text: String) -> PaperCollection { PaperCollection(kind: .hand, by: "王芳", at: Timestamp.parse(text)!) }
        try collected("2024-03-20T09:59:59+08:00").check(calendar, now: later)
        #expect(throws: PaperError.collectedLate(calendar.closesAt)) { try collected("2024-03-20T10:00:00+08:00").check(calendar, now: later) }
        #expect(throws: PaperError.collectedBeforeOpening(calendar.opensAt)) {
            try collected("2024-03-01T07:59:00+08:00").check(calendar, now: later)
        }
        #expect(throws: PaperError.collectedInFuture) { try collected("2024-03-19T10:00:00+08:00").check(calendar, now: calendar.opensAt) }
        #expect(throws: PaperError.noCollection) { try PaperCollection(kind: .box, by: "", at: calendar.opensAt).check(calendar, now: later) }
        // the entry stays open after the deadline, to 24:00 of the third local day after it
        #expect(calendar.countingEnds == Timestamp.parse("2024-03-24T00:00:00+08:00")!)
        #expect(calendar.paperEntry(at: later, completed: false, counted: false) == .open)
        #expect(calendar.paperEntry(at: calendar.countingEnds, completed: false, counted: false) == .closed)
        #expect(calendar.paperEntry(at: later, completed: true, counted: false) == .closed)
        #expect(calendar.paperEntry(at: later, completed: false, counted: true) == .closed)
        let midnight = VoteCalendar(opensAt: calendar.opensAt, closesAt: Timestamp.parse("2024-03-21T00:00:00+08:00")!)
        #expect(midnight.countingEnds == Timestamp.parse("2024-03-24T00:00:00+08:00")!, "a deadline at 24:00 on the 20th counts from the 20th")
        // the first received: the collection time against the online receipt time
        #expect(DoubleEntry.comesFirst(collected: calendar.opensAt, before: later))
        #expect(!DoubleEntry.comesFirst(collected: later, before: later))
        #expect(
            DoubleEntry.marks(Self.agree, signed: false, vote: VoteDefinition(name: "v", matters: [Matter(id: "m1", title: "M1")]))
                == .spoiled(VoteDefinition(name: "v", matters: [Matter(id: "m1", title: "M1")])))
    }
}
