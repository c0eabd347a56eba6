import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// The organiser's rules on both databases: the 15-day notice, the 3-day non-voter list,
/// the first ballot across channels, the double entry of paper ballots, the count at the
/// close and the export that recounts to it.
@Suite struct OrganiserTests {
    static let day: Int64 = 86_400_000

    /// 2024-01-20 10:00 +08:00 is the test clock's start; local midnights are at 16:00 UTC.
    static func local(_ text: String) -> Timestamp { Timestamp.parse(text + "+08:00")! }

    /// A store with VotingTests' register imported, and the estate's id.
    func withEstate(_ database: TestDatabase, _ body: (Store, Int64, TestClock) async throws -> Void) async throws {
        try await database.withEstate(registry: VotingTests.registry, estate: EstatePath(street: "八大峡街道", estate: "天汇广场"), body)
    }

    /// An open vote (noticed 16 days before it opened) that closes in `days` days.
    func openVote(_ store: Store, estate: Int64, clock: TestClock, closingIn days: Int64 = 5) async throws -> StoredVote {
        let now = clock.current.millisecondsSinceEpoch
        return try await store.voting.createVote(
            estate: estate, definition: VotingTests.definition, opensAt: clock.current,
            closesAt: Timestamp(millisecondsSinceEpoch: now + days * Self.day), noticedAt: Timestamp(millisecondsSinceEpoch: now - 16 * Self.day))
    }

    func owner(_ store: Store, estate: Int64, name: String, id: String) async throws -> OwnerSession {
        let sender = RecordingSender()
        let start = try await store.binding.start(estate: estate, name: name, idNumber: id, address: "127.0.0.1", sender: sender)
        return try await store.binding.confirm(attempt: start.attempt, code: try #require(sender.lastCode))
    }

    func logKinds(_ store: Store) async throws -> [String] {
        var kinds: [String] = []
        try await store.log.export { page in
            for line in page.split(separator: "\n") where line.contains("\"kind\"") {
                if let range = line.range(of: "\"kind\":\"") {
                    kinds.append(String(line[range.upperBound...].prefix { $0 != "\"" }))
                }
            }
        }
        return kinds
    }

    @Test(arguments: TestDatabase.available)
    func theNoticeMustStandFifteenFullDaysAndFreezesTheMatters(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: noticed on 20 January, the 15 full days are 21 January to 4 February
            let tooEarly = Self.local("2024-02-04T23:59:59")
            let draft = try await store.organising.createDraft(
                estate: estate, definition: VotingTests.definition, opensAt: tooEarly, closesAt: Self.local("2024-02-20T00:00:00"), actor: "c1")
            #expect(draft.isDraft)
            #expect(draft.phase(at: clock.current) == .draft)
            let pdf = Array("%PDF-1.4 the rules of procedure".utf8)
            let document = try await store.organising.addDocument(to: draft.id, name: "议事规则.pdf", bytes: pdf, actor: "c1")
            await #expect(throws: DocumentError.unknownType) {
                try await store.organising.addDocument(to: draft.id, name: "x.exe", bytes: Array("MZ...".utf8), actor: "c1")
            }
            try await store.nameClerk("A", of: draft.id)
            try await store.nameClerk("B", of: draft.id)
            // act and check: one second too early is refused, naming the earliest opening
            await #expect(throws: SetupError.noticeTooShort(earliestOpening: Self.local("2024-02-05T00:00:00"))) {
                try await store.organising.publishNotice(draft.id, actor: "c1")
            }
            try await store.organising.updateDraft(
                draft.id, definition: VotingTests.definition, opensAt: Self.local("2024-02-05T00:00:00"),
                closesAt: Self.local("2024-02-20T00:00:00"))
            let noticed = try await store.organising.publishNotice(draft.id, actor: "c1")
            #expect(!noticed.isDraft)
            #expect(noticed.noticedAt == clock.current)
            #expect(noticed.total.heads == 3)
            #expect(try await store.paper.ballots(of: draft.id).count == 3)
            // frozen: no edit, no new document, no second notice
            await #expect(throws: SetupError.notDraft) {
                try await store.organising.updateDraft(
                    draft.id, definition: VotingTests.definition, opensAt: Self.local("2024-02-06T00:00:00"),
                    closesAt: Self.local("2024-02-20T00:00:00"))
            }
            await #expect(throws: SetupError.notDraft) {
                try await store.organising.addDocument(to: draft.id, name: "b.pdf", bytes: pdf, actor: "c1")
            }
            await #expect(throws: SetupError.notDraft) { try await store.organising.publishNotice(draft.id, actor: "c1") }
            #expect(try await logKinds(store) == ["vote_created", "notice_published"])
            var exported = ""
            try await store.log.export { exported += $0 }
            #expect(exported.contains(document.sha256))
        }
    }

    @Test func theFifteenDayRuleCountsFromTheDayAfter() {
        // RULES.md §4: a notice of 1 March lets the vote open on 17 March at the earliest.
        #expect(VoteCalendar.earliestOpening(noticedAt: Self.local("2024-03-01T00:00:00")) == Self.local("2024-03-17T00:00:00"))
        #expect(VoteCalendar.earliestOpening(noticedAt: Self.local("2024-03-01T23:59:59")) == Self.local("2024-03-17T00:00:00"))
        #expect(VoteCalendar.earliestOpening(noticedAt: Self.local("2024-03-02T00:00:00")) == Self.local("2024-03-18T00:00:00"))
        // A vote ending at 24:00 on 20 March: the list from 18 March 00:00.
        #expect(
            VoteCalendar(opensAt: .init(millisecondsSinceEpoch: 0), closesAt: Self.local("2024-03-21T00:00:00")).thirdLastDay
                == Self.local("2024-03-18T00:00:00"))
        #expect(
            VoteCalendar(opensAt: .init(millisecondsSinceEpoch: 0), closesAt: Self.local("2024-03-20T18:00:00")).thirdLastDay
                == Self.local("2024-03-18T00:00:00"))
        #expect(
            VoteCalendar(opensAt: Self.local("2024-03-21T09:00:00"), closesAt: Self.local("2024-03-21T09:00:00")).objectionEnds(
                publishedAt: Self.local("2024-03-21T09:00:00")) == Self.local("2024-03-29T00:00:00"))
    }

    @Test(arguments: TestDatabase.available)
    func theNonVoterListOpensInTheLastThreeDaysAndEveryViewIsLogged(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: open 20 January 10:00, closing 25 January 10:00: the list from 23 January 00:00
            let vote = try await openVote(store, estate: estate, clock: clock)
            let jia = try await owner(store, estate: estate, name: "甲", id: "110101199001010011")
            let person = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first?.person)
            _ = try await store.voting.castOnline(
                vote: vote.id, person: person, owner: jia.idHash, choices: VotingTests.choices, signature: .typed("甲"))
            // act and check: the unbound list from the opening; 甲 bound, the others not
            #expect(try await store.organising.unboundRooms(of: vote, actor: "c1") == ["1-1-201", "1-1-202"])
            clock.advance(minutes: (Self.local("2024-01-22T23:59:00").millisecondsSinceEpoch - clock.current.millisecondsSinceEpoch) / 60_000)
            await #expect(throws: ListError.notYet(from: Self.local("2024-01-23T00:00:00"))) {
                try await store.organising.nonVoterRooms(of: vote, actor: "c1")
            }
            clock.advance(minutes: 1)
            #expect(try await store.organising.nonVoterRooms(of: vote, actor: "c1") == ["1-1-201", "1-1-202"])
            #expect(try await logKinds(store).filter { $0 == "list_accessed" }.count == 2)
            clock.advance(minutes: 3 * 24 * 60)
            await #expect(throws: ListError.closed) { try await store.organising.nonVoterRooms(of: vote, actor: "c1") }
        }
    }

    @Test(arguments: TestDatabase.available)
    func twoClerksMustAgreeAndMismatchesWaitForSomeoneElse(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            let vote = try await openVote(store, estate: estate, clock: clock)
            let ballots = try await store.paper.ballots(of: vote.id)
            try await store.paper.markPrinted(ballots.map(\.code), of: vote.id)
            let agree = VotingTests.choices
            let oppose = BallotChoices(["m1": .option(.oppose), "e": .candidates(["c1"])])
            // One ballot: the two entries agree.
            #expect(try await store.enterPaper(vote: vote, code: ballots[0].code, clerk: "A", choices: agree) == .entered)
            await #expect(throws: PaperError.alreadyEnteredByYou) {
                try await store.enterPaper(vote: vote, code: ballots[0].code, clerk: "A", choices: agree)
            }
            #expect(try await store.voting.progress(of: vote).voted.heads == 0)
            // The code is typed loosely (lower case, no dashes): the check character still holds.
            let typed = ballots[0].code.replacingOccurrences(of: "-", with: "").lowercased()
            #expect(try await store.enterPaper(vote: vote, code: typed, clerk: "B", choices: agree) == .confirmed)
            #expect(try await store.voting.progress(of: vote).voted.heads == 1)
            // Another: they disagree; neither clerk may settle it; a third person does.
            #expect(try await store.enterPaper(vote: vote, code: ballots[1].code, clerk: "A", choices: agree) == .entered)
            #expect(try await store.enterPaper(vote: vote, code: ballots[1].code, clerk: "B", choices: oppose) == .mismatch)
            await #expect(throws: PaperError.finished(.mismatch)) {
                try await store.enterPaper(vote: vote, code: ballots[1].code, clerk: "C", choices: agree)
            }
            #expect(try await store.paper.mismatches(of: vote.id).map(\.ballot.code) == [ballots[1].code])
            await #expect(throws: PaperError.resolverEnteredIt) {
                try await store.resolvePaper(vote: vote, code: ballots[1].code, resolver: "B", choices: oppose)
            }
            #expect(try await store.resolvePaper(vote: vote, code: ballots[1].code, resolver: "S", choices: oppose) == .confirmed)
            #expect(try await store.paper.mismatches(of: vote.id).isEmpty)
            // A third: spoiled whole, entered twice.
            let spoiled = BallotChoices.spoiled(vote.definition)
            _ = try await store.enterPaper(vote: vote, code: ballots[2].code, clerk: "A", choices: spoiled)
            #expect(try await store.enterPaper(vote: vote, code: ballots[2].code, clerk: "B", choices: spoiled) == .confirmed)
            // A wrong check character is refused before any lookup.
            await #expect(throws: PaperError.unknownCode) {
                let wrongCheck: Character = ballots[0].code.last == "0" ? "1" : "0"
                return try await store.enterPaper(
                    vote: vote, code: String(ballots[0].code.dropLast()) + String(wrongCheck), clerk: "D", choices: agree)
            }
            // check: the reconciliation, and the log of every entry and confirmation
            let total = try #require(try await store.paper.reconciliation(of: vote.id).last)
            let figures: [Int] = [total.printed, total.returned, total.doubleEntered, total.confirmed, total.spoiled, total.mismatches]
            #expect(figures == [3, 3, 3, 3, 1, 0])
            let kinds = try await logKinds(store)
            #expect(kinds.filter { $0 == "paper_entered" }.count == 6)
            #expect(kinds.filter { $0 == "paper_confirmed" }.count == 3)
            #expect(kinds.filter { $0 == "ballot" }.count == 3)
            #expect(try await store.log.verify().result.isSuccess)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theFirstBallotReceivedCountsAndTheOtherIsKeptAsAConflict(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            let vote = try await openVote(store, estate: estate, clock: clock)
            let ballots = try await store.paper.ballots(of: vote.id)
            let jia = try await owner(store, estate: estate, name: "甲", id: "110101199001010011")
            let yi = try await owner(store, estate: estate, name: "乙", id: "110101199202020022")
            let jiaPerson = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first?.person)
            let yiPerson = try #require(try await store.voting.voters(in: vote.id, owner: yi.idHash).first?.person)
            let paper = BallotChoices(["m1": .option(.oppose), "e": .candidates(["c2"])])
            // 甲 votes online first, then his paper ballot is entered twice: kept, not counted.
            let receipt = try await store.voting.castOnline(
                vote: vote.id, person: jiaPerson, owner: jia.idHash, choices: VotingTests.choices, signature: .typed("甲"))
            let jiaCode = try #require(ballots.first { $0.person == jiaPerson }?.code)
            _ = try await store.enterPaper(vote: vote, code: jiaCode, clerk: "A", choices: paper)
            #expect(try await store.enterPaper(vote: vote, code: jiaCode, clerk: "B", choices: paper) == .conflict)
            // 乙's paper ballot comes first; then 乙 tries online: kept, not counted, and told so.
            let yiCode = try #require(ballots.first { $0.person == yiPerson }?.code)
            _ = try await store.enterPaper(vote: vote, code: yiCode, clerk: "A", choices: paper)
            #expect(try await store.enterPaper(vote: vote, code: yiCode, clerk: "B", choices: paper) == .confirmed)
            let paperAt = clock.current
            await #expect(throws: CastError.paperCameFirst(at: paperAt)) {
                try await store.voting.castOnline(
                    vote: vote.id, person: yiPerson, owner: yi.idHash, choices: VotingTests.choices, signature: .typed("乙"))
            }
            // A second online try changes nothing more.
            await #expect(throws: CastError.alreadyVoted(at: paperAt)) {
                try await store.voting.castOnline(
                    vote: vote.id, person: yiPerson, owner: yi.idHash, choices: VotingTests.choices, signature: .typed("乙"))
            }
            // check: one effective ballot each, the first; two conflicts listed and logged
            #expect(try await store.voting.progress(of: vote).voted.heads == 2)
            #expect(try await store.voting.receipt(code: receipt.code)?.choices == VotingTests.choices)
            let conflicts = try await store.paper.conflicts(of: vote.id)
            #expect(conflicts.map(\.counted) == [.online, .paper])
            #expect(conflicts.map(\.ignored) == [.paper, .online])
            #expect(try await logKinds(store).filter { $0 == "conflict" }.count == 2)
            let persons = try await store.organising.persons(of: vote.id)
            #expect(persons.first { $0.person == jiaPerson }?.voted == .online)
            #expect(persons.first { $0.person == yiPerson }?.voted == .paper)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theCloseCountsTheExportAndTheResultIsPublishedAfterTheObjectionPeriod(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: one online and one paper ballot
            let vote = try await openVote(store, estate: estate, clock: clock, closingIn: 2)
            let jia = try await owner(store, estate: estate, name: "甲", id: "110101199001010011")
            let jiaPerson = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first?.person)
            _ = try await store.voting.castOnline(
                vote: vote.id, person: jiaPerson, owner: jia.idHash, choices: VotingTests.choices, signature: .typed("甲"))
            let other = try #require(try await store.paper.ballots(of: vote.id).first { $0.person != jiaPerson })
            let paper = BallotChoices(["m1": .option(.agree), "e": .candidates(["c1", "c2"])])  // over-selected: that matter spoiled
            _ = try await store.enterPaper(vote: vote, code: other.code, clerk: "A", choices: paper)
            _ = try await store.enterPaper(vote: vote, code: other.code, clerk: "B", choices: paper)
            try await store.organising.recordDelivery(vote: vote, person: jiaPerson, method: .hand, actor: "A")
            #expect(try await store.organising.recordPublicPosting(vote: vote, photo: try DocumentFile(DocumentStoreTests.png), actor: "c1") == 2)
            // nothing is counted before the close
            #expect(try await store.results.settle(vote.id)?.tallyJSON == nil)
            await #expect(throws: ResultError.notCounted) { try await store.results.publishResult(vote.id, final: false, actor: "c1") }
            // act: past the deadline
            clock.advance(minutes: 2 * 24 * 60)
            // (no paper ballot was printed, so there is no paper entry to wait for: counted at the close)
            let closed = try #require(try await store.results.settle(vote.id))
            await #expect(throws: PaperError.notOpen) {
                try await store.enterPaper(vote: closed, code: other.code, clerk: "C", choices: paper)
            }
            try await store.results.settleDue()
            // check: the stored tally is exactly the recount of the export; the log agrees with the ballots
            let tally = try #require(closed.tallyJSON)
            let export = try await store.results.exportFiles(of: closed)
            #expect(try export.tally().json.rendered() == tally)
            #expect(tally.contains("\"heads\": 2"))
            let (result, verifier) = try await store.log.verify(collectingBallots: true)
            #expect(result.isSuccess)
            #expect(LogBallots.check(csv: Array(export.ballots.utf8), log: verifier, vote: vote.id) == .success(2))
            #expect(try await logKinds(store).suffix(2) == ["vote_closed", "tally"])
            // the registry export carries hashes, never ID numbers
            #expect(!export.registry.contains("110101199001010011"))
            // publication: preliminary, then final only after the objection period
            let preliminary = try await store.results.publishResult(vote.id, final: false, actor: "c1")
            #expect(preliminary.phase(at: clock.current) == .preliminary)
            let ends = VoteCalendar(opensAt: clock.current, closesAt: clock.current).objectionEnds(publishedAt: clock.current)
            await #expect(throws: ResultError.objectionPeriod(until: ends)) {
                try await store.results.publishResult(vote.id, final: true, actor: "c1")
            }
            clock.advance(minutes: (ends.millisecondsSinceEpoch - clock.current.millisecondsSinceEpoch) / 60_000)
            let final = try await store.results.publishResult(vote.id, final: true, actor: "c1")
            #expect(final.phase(at: clock.current) == .final)
            #expect(try await logKinds(store).filter { $0 == "published" }.count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aBallotRowEditedOrDeletedInTheDatabaseNoLongerMatchesTheLog(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: two online ballots and one paper ballot
            let vote = try await openVote(store, estate: estate, clock: clock)
            for (name, id) in [("甲", "110101199001010011"), ("乙", "110101199202020022")] {
                let session = try await owner(store, estate: estate, name: name, id: id)
                let person = try #require(try await store.voting.voters(in: vote.id, owner: session.idHash).first?.person)
                _ = try await store.voting.castOnline(
                    vote: vote.id, person: person, owner: session.idHash, choices: VotingTests.choices, signature: .typed(name))
            }
            let paper = try #require(try await store.paper.ballots(of: vote.id).last)
            _ = try await store.enterPaper(vote: vote, code: paper.code, clerk: "A", choices: VotingTests.choices)
            _ = try await store.enterPaper(vote: vote, code: paper.code, clerk: "B", choices: VotingTests.choices)
            func check() async throws -> Result<Int, LogProblem> {
                let (_, verifier) = try await store.log.verify(collectingBallots: true)
                return LogBallots.check(csv: Array(try await store.results.exportFiles(of: vote).ballots.utf8), log: verifier, vote: vote.id)
            }
            #expect(try await check() == .success(3))
            let index = try await store.withConnection { db in
                try await db.raw("SELECT log_index FROM ballots WHERE vote_id = \(bind: vote.id) AND channel = 'online' ORDER BY log_index")
                    .first(decodingColumn: "log_index", as: Int.self)
            }
            // act: an administrator turns an agreeing ballot into an opposing one
            try await store.withConnection { db in
                try await db.raw(
                    """
                    UPDATE ballots SET choices = \(bind: BallotChoices(["m1": .option(.oppose), "e": .candidates(["c1"])]).canonicalJSON)
                    WHERE vote_id = \(bind: vote.id) AND log_index = \(bind: index)
                    """
                ).run()
            }
            // check: the ballot no longer opens its commitment, and the report names the entry
            guard case .failure(let edited) = try await check(), case .ballotDiffers(let named, _) = edited.reason else {
                Issue.record("an edited ballot row went unnoticed")
                return
            }
            #expect(named == index)
            // act: it is deleted instead; the log's entry is then counted nowhere
            try await store.withConnection { db in
                try await db.raw("DELETE FROM ballots WHERE vote_id = \(bind: vote.id) AND log_index = \(bind: index)").run()
            }
            #expect(try await check() == .failure(LogProblem(.entry(try #require(index)), .uncounted)))
        }
    }

    @Test(arguments: TestDatabase.available)
    func deliveriesAreRecordedRemindersGoToNonVotersAndSilentOwnersNeedThem(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            // setup: a vote counting silent owners whose delivery is recorded
            var definition = VotingTests.definition
            definition.settings.silentMajority = true
            let now = clock.current.millisecondsSinceEpoch
            let vote = try await store.voting.createVote(
                estate: estate, definition: definition, opensAt: clock.current, closesAt: Timestamp(millisecondsSinceEpoch: now + Self.day),
                noticedAt: Timestamp(millisecondsSinceEpoch: now - 16 * Self.day))
            let jia = try await owner(store, estate: estate, name: "甲", id: "110101199001010011")
            let person = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first?.person)
            // act: 甲 reads the notice online and votes; a clerk hands 乙's notice over
            try await store.organising.recordSeenOnline(vote: vote.id, owner: jia.idHash)
            _ = try await store.voting.castOnline(
                vote: vote.id, person: person, owner: jia.idHash, choices: VotingTests.choices, signature: .typed("甲"))
            let others = try await store.organising.persons(of: vote.id).filter { $0.person != person }
            try await store.organising.recordDelivery(vote: vote, person: others[0].person, method: .hand, actor: "clerk")
            let sender = RecordingSender()
            let sent = try await store.organising.remindNonVoters(of: vote, actor: "organiser", sender: sender)
            // check: who was reached, and how; reminders only to the owners (with a phone) who did not vote
            let persons = try await store.organising.persons(of: vote.id)
            #expect(persons.first { $0.person == person }?.deliveries == [.online])
            #expect(persons.first { $0.person == others[0].person }?.deliveries == [.hand])
            #expect(persons.first { $0.person == others[1].person }?.deliveries == [])
            #expect(sent == 2, "乙 and 丙 co-own 1-1-201; 丁 has no phone; 甲 voted")
            #expect(Set(sender.sent.withLock { $0.map(\.0) }) == ["13800000002", "13800000003"])
            // The words as the phones get them, both languages in one message.
            let reminder = "【Quorum】电梯维修 将于 2024-01-21 10:00 截止，您尚未投票。/ Voting closes 2024-01-21 10:00; you have not voted yet."
            #expect(sender.sent.withLock { $0.map(\.body) } == [reminder, reminder])
            // The count at the close joins the delivered silent owner (1-1-201) to the majority.
            clock.advance(minutes: 24 * 60)
            let closed = try #require(try await store.results.settle(vote.id))
            let export = try await store.results.exportFiles(of: closed)
            let deliveries = try #require(export.deliveries)
            #expect(deliveries.contains("U1") && deliveries.contains("U3") && !deliveries.contains("U4"))
            #expect(try export.tally().json.rendered() == closed.tallyJSON)
            #expect(closed.tallyJSON?.contains("\"heads\": 2") == true, "甲 voted, 乙丙 silent but delivered")
        }
    }

    @Test(arguments: TestDatabase.available)
    func clerksRacingOnOneBallotMakeItEffectiveOnce(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            let vote = try await openVote(store, estate: estate, clock: clock)
            let code = try #require(try await store.paper.ballots(of: vote.id).first?.code)
            _ = try await store.enterPaper(vote: vote, code: code, clerk: "first", choices: VotingTests.choices)
            // Eight clerks enter the same ballot at once.
            let outcomes = await withTaskGroup(of: PaperState?.self) { group in
                for clerk in 0..<8 {
                    group.addTask { try? await store.enterPaper(vote: vote, code: code, clerk: "clerk\(clerk)", choices: VotingTests.choices) }
                }
                return await group.reduce(into: [PaperState?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .confirmed }.count == 1)
            #expect(outcomes.filter { $0 != nil && $0 != .confirmed }.isEmpty, "the others are refused: the ballot is settled")
            #expect(try await store.voting.progress(of: vote).voted.heads == 1)
            #expect(try await store.paper.conflicts(of: vote.id).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func staffSignInSlowsTheGuessingAddressNotTheAccountAndRolesFollowTheHierarchy(_ database: TestDatabase) async throws {
        try await withEstate(database) { store, estate, clock in
            let street = try #require(try await store.register.findDivision(.street, named: "八大峡街道"))
            let committee = try await store.staff.add(
                username: "Committee", displayName: "业委会", password: "correct horse battery", role: .committee, division: estate, passwordCost: 4)
            let office = try await store.staff.add(
                username: "street", displayName: "街道办", password: "correct horse battery", role: .street, division: street.id, passwordCost: 4)
            await #expect(throws: StaffError.divisionRequired(.committee)) {
                try await store.staff.add(
                    username: "x", displayName: "x", password: "correct horse battery", role: .committee, division: street.id, passwordCost: 4)
            }
            await #expect(throws: StaffError.usernameTaken("committee")) {
                try await store.staff.add(
                    username: "committee", displayName: "x", password: "correct horse battery", role: .clerk, division: estate, passwordCost: 4)
            }
            await #expect(throws: StaffError.weakPassword) {
                try await store.staff.add(username: "y", displayName: "y", password: "short", role: .clerk, division: estate, passwordCost: 4)
            }
            // roles and the hierarchy
            #expect(try await store.staff.may(committee, .organise, estate: estate))
            #expect(try await store.staff.may(office, .lists, estate: estate))
            #expect(try await !store.staff.may(office, .organise, estate: estate))
            #expect(try await !store.staff.may(committee, .organise, estate: street.id))
            // sign-in: a new session each time; logout ends it
            let first = try await store.staff.login(username: "committee", password: "correct horse battery")
            let second = try await store.staff.login(username: " COMMITTEE ", password: "correct horse battery")
            #expect(first.token != second.token)
            try await store.staff.endSession(token: first.token)
            #expect(try await store.staff.session(token: first.token) == nil)
            #expect(try await store.staff.session(token: second.token)?.account == committee)
            // Issue 13: wrong passwords slow down the address they come from and never lock the account.
            let attacker = "198.51.100.9"
            let started = clock.current.millisecondsSinceEpoch
            for _ in 0..<StaffLimits.freeFailures {
                await #expect(throws: StaffError.badCredentials) {
                    try await store.staff.login(username: "committee", password: "wrong", address: attacker)
                }
            }
            await #expect(throws: StaffError.tooManyAttempts(until: Timestamp(millisecondsSinceEpoch: started + 60_000))) {
                try await store.staff.login(username: "committee", password: "correct horse battery", address: attacker)
            }
            #expect(
                try await store.staff.login(username: "committee", password: "correct horse battery", address: "203.0.113.1").account == committee)
            clock.advance(minutes: 1)
            #expect(try await store.staff.login(username: "committee", password: "correct horse battery", address: attacker).account == committee)
            // An address trying many names is stopped before any password is hashed.
            for number in 0..<(StaffLimits.failuresPerAddress - StaffLimits.freeFailures) {
                await #expect(throws: StaffError.badCredentials) {
                    try await store.staff.login(username: "guess\(number)", password: "wrong", address: attacker)
                }
            }
            let until = Timestamp(millisecondsSinceEpoch: started + StaffLimits.failureWindowMilliseconds)
            await #expect(throws: StaffError.tooManyAttempts(until: until)) {
                try await store.staff.login(username: "committee", password: "correct horse battery", address: attacker)
            }
            // An IPv6 client counts by its /64.
            await #expect(throws: StaffError.badCredentials) {
                try await store.staff.login(username: "nobody", password: "x", address: "2001:db8::1")
            }
            await #expect(throws: StaffError.badCredentials) { try await store.staff.login(username: "nobody", password: "correct horse battery") }
        }
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
