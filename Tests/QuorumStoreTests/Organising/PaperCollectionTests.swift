import QuorumCore
import QuorumStore
import QuorumTestSupport
import SQLKit
import Testing

extension Store {
    /// A clerk's entry as most tests make it: the ballot handed to a collector at
    /// `collectedAt`, by default now, by a clerk named for the vote (`nameClerk`).
    @discardableResult
    func enterPaper(vote: StoredVote, code: String, clerk: String, choices: BallotChoices, collectedAt: Timestamp? = nil) async throws
        -> PaperState
    {
        try await nameClerk(clerk, of: vote.id)
        return try await paper.enter(vote: vote, code: code, clerk: clerk, reading: Self.reading(choices, at: collectedAt ?? voting.now()))
    }

    /// Names `clerk` (a plain id, no account) among the vote's clerks, as the committee would
    /// have before the notice: most tests are about the entry, not the naming (`ClerkTests`).
    func nameClerk(_ clerk: String, of vote: String) async throws {
        try await withConnection { db in
            try await db.raw(
                """
                INSERT INTO vote_staff (vote_id, staff_id, duty, named_at, named_by) VALUES (\(bind: vote), \(bind: clerk), 'clerk', 0, 'test')
                ON CONFLICT (vote_id, staff_id) DO NOTHING
                """
            ).run()
        }
    }

    func resolvePaper(vote: StoredVote, code: String, resolver: String, choices: BallotChoices, collectedAt: Timestamp? = nil) async throws
        -> PaperState
    {
        try await paper.resolve(vote: vote, code: code, resolver: resolver, reading: Self.reading(choices, at: collectedAt ?? voting.now()))
    }

    static func reading(_ choices: BallotChoices, at: Timestamp, by: String = "王芳") -> PaperReading {
        PaperReading(choices: choices, collection: PaperCollection(kind: .hand, by: by, at: at))
    }
}

/// Issue 13, item 14, on both databases (RULES.md §3): a paper ballot takes effect when it
/// is collected; it may be typed in after the deadline until the entry is declared complete
/// (at most the counting period), and only then is the vote counted; between a person's paper
/// and online ballots the earlier counts, by collection time against receipt time.
extension OrganiserTests {
    @Test(arguments: TestDatabase.available)
    func aBallotCollectedInTimeIsEnteredAfterTheDeadlineAndTheCountWaitsForIt(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: an open vote whose paper ballots are printed; one is collected an hour before the deadline
            let vote = try await openVote(store, estate: estate, clock: clock, closingIn: 1)
            let ballots = try await store.paper.ballots(of: vote.id)
            try await store.paper.markPrinted(ballots.map(\.code), of: vote.id)
            let collected = Timestamp(millisecondsSinceEpoch: vote.closesAt.millisecondsSinceEpoch - 3_600_000)
            // act: past the deadline, two clerks enter it; one ballot collected after the deadline is refused
            clock.advance(minutes: 24 * 60 + 30)
            try await store.results.settleDue()
            #expect(try await store.voting.vote(vote.id)?.tallyJSON == nil, "the count waits for the paper entry")
            var current = try #require(try await store.voting.vote(vote.id))
            #expect(
                try await store.enterPaper(vote: current, code: ballots[0].code, clerk: "A", choices: VotingTests.choices, collectedAt: collected)
                    == .entered)
            #expect(
                try await store.enterPaper(vote: current, code: ballots[0].code, clerk: "B", choices: VotingTests.choices, collectedAt: collected)
                    == .confirmed)
            await #expect(throws: PaperError.collectedLate(vote.closesAt)) {
                try await store.enterPaper(vote: current, code: ballots[1].code, clerk: "A", choices: VotingTests.choices, collectedAt: vote.closesAt)
            }
            // the two clerks' collection records are part of what must agree
            let other = Timestamp(millisecondsSinceEpoch: collected.millisecondsSinceEpoch - 60_000)
            #expect(
                try await store.enterPaper(vote: current, code: ballots[2].code, clerk: "A", choices: VotingTests.choices, collectedAt: collected)
                    == .entered)
            #expect(
                try await store.enterPaper(vote: current, code: ballots[2].code, clerk: "B", choices: VotingTests.choices, collectedAt: other)
                    == .mismatch)
            // act: the organiser declares the entry complete
            current = try #require(try await store.paper.declareComplete(vote: current, actor: "committee"))
            // check: counted at once, with the ballot as received when collected; nothing entered after it
            #expect(current.tallyJSON?.contains("\"heads\": 1") == true)
            let export = try await store.results.exportFiles(of: current)
            #expect(export.ballots.contains(collected.description))
            await #expect(throws: PaperError.notOpen) {
                try await store.enterPaper(vote: current, code: ballots[1].code, clerk: "A", choices: VotingTests.choices, collectedAt: collected)
            }
            await #expect(throws: PaperError.entryComplete) { try await store.paper.declareComplete(vote: current, actor: "committee") }
            #expect(try await logKinds(store).contains("paper_complete"))
            if case .failure(let problem) = try await store.log.verify().result { Issue.record("the log does not verify: \(problem)") }
        }
    }

    @Test(arguments: TestDatabase.available)
    func withoutADeclarationTheCountingPeriodEndsTheEntry(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            let vote = try await openVote(store, estate: estate, clock: clock, closingIn: 1)
            let ballots = try await store.paper.ballots(of: vote.id)
            try await store.paper.markPrinted(ballots.map(\.code), of: vote.id)
            await #expect(throws: PaperError.stillCollecting(until: vote.closesAt)) {
                try await store.paper.declareComplete(vote: vote, actor: "committee")
            }
            // 24:00 of the third local day after the deadline
            clock.advance(minutes: Int64((vote.calendar.countingEnds.millisecondsSinceEpoch - clock.current.millisecondsSinceEpoch) / 60_000) - 1)
            try await store.results.settleDue()
            #expect(try await store.voting.vote(vote.id)?.tallyJSON == nil)
            clock.advance(minutes: 2)
            try await store.results.settleDue()
            #expect(try await store.voting.vote(vote.id)?.tallyJSON != nil, "counted when the counting period ends")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPaperBallotCollectedBeforeTheOnlineOneCountsAndTheOnlineOneIsSetAside(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: 甲's paper ballot is collected; an hour later 甲 votes online, and the receipt is in
            let vote = try await openVote(store, estate: estate, clock: clock)
            let jia = try await owner(store, estate: estate, name: "甲", id: "110101199001010011")
            let person = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first?.person)
            let code = try #require(try await store.paper.ballots(of: vote.id).first { $0.person == person }?.code)
            let collected = clock.current
            clock.advance(minutes: 60)
            let receipt = try await store.voting.castOnline(
                vote: vote.id, person: person, owner: jia.idHash, choices: VotingTests.choices, signature: .typed("甲"))
            // act: the clerks enter the paper ballot, which opposes
            clock.advance(minutes: 60)
            let oppose = BallotChoices(["m1": .option(.oppose), "e": .candidates(["c1"])])
            try await store.enterPaper(vote: vote, code: code, clerk: "A", choices: oppose, collectedAt: collected)
            #expect(try await store.enterPaper(vote: vote, code: code, clerk: "B", choices: oppose, collectedAt: collected) == .confirmed)
            // check: the paper ballot counts, the online one is kept aside with its receipt, which says so
            #expect(try await store.paper.conflicts(of: vote.id).map(\.counted) == [.paper])
            let kept = try #require(try await store.voting.receipt(code: receipt.code))
            #expect(kept.setAside && kept.log != nil)
            // the export recounts to the count and its ballots match the log (the conflict entry sets the online one aside)
            clock.advance(days: 6)
            let closed = try #require(try await store.results.settle(vote.id))
            let export = try await store.results.exportFiles(of: closed)
            #expect(try export.tally().json.rendered() == closed.tallyJSON)
            let (result, verifier) = try await store.log.verify(collectingBallots: true)
            if case .failure(let problem) = result { Issue.record("the log does not verify: \(problem)") }
            if case .failure(let problem) = LogBallots.check(csv: Array(export.ballots.utf8), log: verifier, vote: vote.id) {
                Issue.record("the counted ballots differ from the log: \(problem)")
            }
        }
    }
}
