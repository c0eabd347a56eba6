import Foundation
import Logging
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Synchronization
import Testing

@Suite struct VotingTests {
    static let registry = """
        unit_id,building,entrance,room,area,owner_name,owner_id,owner_kind,phone
        U1,1,1,101,100.00,甲,110101199001010011,person,13800000001
        U2,1,1,102,80.00,甲,110101199001010011,person,13800000001
        U3,1,1,201,90.00,乙,110101199202020022,person,13800000002
        U3,1,1,201,90.00,丙,110101199303030033,person,13800000003
        U4,1,1,202,50.00,丁,110101199404040044,person,

        """

    static let definition = VoteDefinition(
        name: "电梯维修",
        matters: [
            Matter(id: "m1", title: "使用维修资金维修电梯", item: 5),
            Matter(
                id: "e", title: "选举业主委员会", item: 3,
                kind: .election(seats: 1, candidates: [Candidate(id: "c1", name: "张"), Candidate(id: "c2", name: "李")])),
        ])

    static let choices = BallotChoices(["m1": .option(.agree), "e": .candidates(["c1"])])

    /// A store with the registry imported and a vote open from now for a day.
    func withVote(
        _ database: TestDatabase, ballotChange: Bool = false, _ body: (Store, StoredVote, TestClock) async throws -> Void
    ) async throws {
        try await database.withEstate(registry: Self.registry, estate: EstatePath(estate: "天汇广场")) { store, estate, clock in
            let vote = try await store.voting.createVote(
                estate: estate, definition: Self.definition, opensAt: clock.current,
                closesAt: Timestamp(millisecondsSinceEpoch: clock.current.millisecondsSinceEpoch + 86_400_000), ballotChange: ballotChange)
            try await body(store, vote, clock)
        }
    }

    private func session(_ store: Store, _ vote: StoredVote, name: String, id: String) async throws -> OwnerSession {
        let sender = RecordingSender()
        let start = try await store.binding.start(estate: vote.estateID, name: name, idNumber: id, address: "127.0.0.1", sender: sender)
        return try await store.binding.confirm(attempt: start.attempt, code: try #require(sender.lastCode))
    }

    @Test(arguments: TestDatabase.available)
    func theElectorateIsFrozenWithTheVote(_ database: TestDatabase) async throws {
        try await withVote(database) { store, vote, _ in
            #expect(vote.total == Weight(area: Area(centiSquareMetres: 32_000), heads: 3))
            let again = try #require(try await store.voting.vote(vote.id))
            #expect(again == vote)
            #expect(again.definition.matters == Self.definition.matters)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anOwnerBindsByCodeAndVotesOnceForAllTheirRooms(_ database: TestDatabase) async throws {
        try await withVote(database) { store, vote, _ in
            // setup
            let owner = try await session(store, vote, name: "甲", id: "110101199001010011")
            let voters = try await store.voting.voters(in: vote.id, owner: owner.idHash)
            #expect(voters.map(\.rooms) == ["1-1-101、1-1-102"])
            #expect(voters.first?.area == Area(centiSquareMetres: 18_000))
            // act
            let receipt = try await store.voting.castOnline(
                vote: vote.id, person: voters[0].person, owner: owner.idHash, choices: Self.choices, signature: .typed("甲"))
            // check
            #expect(CheckedCode.normalized(receipt.code) == receipt.code)
            #expect(try await store.voting.receipt(code: receipt.code) == receipt)
            #expect(try await store.voting.progress(of: vote).voted == Weight(area: Area(centiSquareMetres: 18_000), heads: 1))
            await #expect(throws: CastError.alreadyVoted(at: receipt.receivedAt)) {
                try await store.voting.castOnline(
                    vote: vote.id, person: voters[0].person, owner: owner.idHash, choices: Self.choices, signature: .typed("甲"))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func coOwnersShareOneVoteFirstComeAndConcurrentCastsLeaveOne(_ database: TestDatabase) async throws {
        try await withVote(database) { store, vote, _ in
            let yi = try await session(store, vote, name: "乙", id: "110101199202020022")
            let bing = try await session(store, vote, name: "丙", id: "110101199303030033")
            let person = try #require(try await store.voting.voters(in: vote.id, owner: yi.idHash).first?.person)
            #expect(try await store.voting.voters(in: vote.id, owner: bing.idHash).first?.person == person)
            // Twenty casts at once, from both co-owners: exactly one is accepted.
            let accepted = await withTaskGroup(of: Bool.self) { group in
                for attempt in 0..<20 {
                    let owner = attempt % 2 == 0 ? yi : bing
                    group.addTask {
                        (try? await store.voting.castOnline(
                            vote: vote.id, person: person, owner: owner.idHash, choices: Self.choices, signature: .typed(owner.ownerName))) != nil
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(accepted == 1)
            #expect(try await store.voting.progress(of: vote).voted.heads == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func lateIncompleteOverSelectedAndForeignBallotsAreRefused(_ database: TestDatabase) async throws {
        try await withVote(database) { store, vote, clock in
            let owner = try await session(store, vote, name: "甲", id: "110101199001010011")
            let person = try #require(try await store.voting.voters(in: vote.id, owner: owner.idHash).first?.person)
            let tooMany = BallotChoices(["m1": .option(.agree), "e": .candidates(["c1", "c2"])])
            await #expect(throws: CastError.invalid([.tooManyCandidates(matter: "选举业主委员会", seats: 1)])) {
                try await store.voting.castOnline(vote: vote.id, person: person, owner: owner.idHash, choices: tooMany, signature: .typed("甲"))
            }
            await #expect(throws: CastError.invalid([.unanswered(matter: "使用维修资金维修电梯")])) {
                try await store.voting.castOnline(
                    vote: vote.id, person: person, owner: owner.idHash, choices: BallotChoices(["e": .candidates([])]), signature: .typed("甲"))
            }
            await #expect(throws: CastError.notYourBallot) {
                try await store.voting.castOnline(
                    vote: vote.id, person: person + 1, owner: owner.idHash, choices: Self.choices, signature: .typed("甲"))
            }
            clock.advance(minutes: 24 * 60)
            await #expect(throws: CastError.closed(closedAt: vote.closesAt)) {
                try await store.voting.castOnline(vote: vote.id, person: person, owner: owner.idHash, choices: Self.choices, signature: .typed("甲"))
            }
            #expect(try await store.voting.progress(of: vote).voted.heads == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func bindingRefusesStrangersWrongCodesAndExpiredCodes(_ database: TestDatabase) async throws {
        try await withVote(database) { store, vote, clock in
            let sender = RecordingSender()
            await #expect(throws: BindingError.noSuchOwner) {
                try await store.binding.start(estate: vote.estateID, name: "乙", idNumber: "110101199001010011", address: "a", sender: sender)
            }
            await #expect(throws: BindingError.noPhoneOnFile) {
                try await store.binding.start(estate: vote.estateID, name: "丁", idNumber: "110101199404040044", address: "a", sender: sender)
            }
            let start = try await store.binding.start(estate: vote.estateID, name: "甲", idNumber: "110101199001010011", address: "a", sender: sender)
            #expect(start.phoneMasked == "138****0001")
            #expect(sender.sent.withLock { $0.last?.0 } == "13800000001", "the code goes to the phone on file")
            let code = try #require(sender.lastCode)
            #expect(sender.sent.withLock { $0.last?.body } == "【Quorum】您的业主身份验证码是 \(code)，5 分钟内有效。Your code: \(code)")
            let wrong = code == "000000" ? "111111" : "000000"
            for left in (1...4).reversed() {
                await #expect(throws: BindingError.wrongCode(triesLeft: left)) {
                    try await store.binding.confirm(attempt: start.attempt, code: wrong)
                }
            }
            await #expect(throws: BindingError.locked) { try await store.binding.confirm(attempt: start.attempt, code: wrong) }
            await #expect(throws: BindingError.locked) { try await store.binding.confirm(attempt: start.attempt, code: code) }
            // A new code expires after five minutes.
            let second = try await store.binding.start(estate: vote.estateID, name: "甲", idNumber: "110101199001010011", address: "a", sender: sender)
            clock.advance(minutes: 6)
            await #expect(throws: BindingError.codeExpired) { try await store.binding.confirm(attempt: second.attempt, code: sender.lastCode ?? "") }
            // Five codes an hour per phone.
            for _ in 0..<3 {
                _ = try await store.binding.start(estate: vote.estateID, name: "甲", idNumber: "110101199001010011", address: "b", sender: sender)
            }
            await #expect(throws: BindingError.tooManyRequests) {
                try await store.binding.start(estate: vote.estateID, name: "甲", idNumber: "110101199001010011", address: "c", sender: sender)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aSessionEndsOnTheServer(_ database: TestDatabase) async throws {
        try await withVote(database) { store, vote, _ in
            let owner = try await session(store, vote, name: "甲", id: "110101199001010011")
            #expect(try await store.binding.session(token: owner.token) == owner)
            try await store.binding.endSession(token: owner.token)
            #expect(try await store.binding.session(token: owner.token) == nil)
        }
    }
}

extension VotingTests {
    @Test(arguments: TestDatabase.available)
    func aTrustedCredentialBindsTheOwnerItNames(_ database: TestDatabase) async throws {
        try await withVote(database) { store, vote, _ in
            let owner = VerifiedCredential(issuer: "https://id.example.gov.cn", subject: "110101199001010011", name: "甲")
            let session = try await store.binding.bind(estate: vote.estateID, credential: owner)
            #expect(session.ownerName == "甲")
            #expect(try await store.voting.voters(in: vote.id, owner: session.idHash).count == 1)
            await #expect(throws: BindingError.noSuchOwner) {
                try await store.binding.bind(
                    estate: vote.estateID, credential: VerifiedCredential(issuer: "x", subject: "110101199001010011", name: "乙"))
            }
            await #expect(throws: BindingError.noSuchOwner) {
                try await store.binding.bind(estate: vote.estateID, credential: VerifiedCredential(issuer: "x", subject: "999", name: nil))
            }
        }
    }
}

extension VotingTests {
    @Test(arguments: TestDatabase.available)
    func whereTheVoteAllowsItAnOnlineBallotIsReplacedBeforeTheDeadline(_ database: TestDatabase) async throws {
        try await withVote(database, ballotChange: true) { store, vote, clock in
            let owner = try await session(store, vote, name: "甲", id: "110101199001010011")
            let person = try #require(try await store.voting.voters(in: vote.id, owner: owner.idHash).first?.person)
            let first = try await store.voting.castOnline(
                vote: vote.id, person: person, owner: owner.idHash, choices: Self.choices, signature: .typed("甲"))
            clock.advance(minutes: 10)
            let changed = BallotChoices(["m1": .option(.oppose), "e": .candidates([])])
            let second = try await store.voting.castOnline(
                vote: vote.id, person: person, owner: owner.idHash, choices: changed, signature: .typed("甲"))
            #expect(second.receivedAt > first.receivedAt && second.code != first.code)
            #expect(try await store.voting.receipt(code: first.code) == nil, "the replaced ballot's receipt no longer counts")
            #expect(try await store.voting.receipt(code: second.code)?.choices == changed)
            #expect(try await store.voting.progress(of: vote).voted.heads == 1, "still one effective ballot")
        }
    }
}

extension VotingTests {
    @Test(arguments: TestDatabase.available)
    func everyAcceptedBallotIsInTheSignedLogAndItsReceiptChecks(_ database: TestDatabase) async throws {
        try await withVote(database) { store, vote, _ in
            let first = try await session(store, vote, name: "甲", id: "110101199001010011")
            let second = try await session(store, vote, name: "乙", id: "110101199202020022")
            var receipts: [Receipt] = []
            for owner in [first, second] {
                let person = try #require(try await store.voting.voters(in: vote.id, owner: owner.idHash).first?.person)
                receipts.append(
                    try await store.voting.castOnline(
                        vote: vote.id, person: person, owner: owner.idHash, choices: Self.choices, signature: .typed(owner.ownerName)))
            }
            // Each receipt names its entry under a signed head; the stored receipt rebuilds the same.
            // Entries 0 and 1 are the vote's creation and its notice; the ballots follow.
            #expect(receipts.compactMap(\.log?.index) == [2, 3])
            for receipt in receipts {
                let log = try #require(receipt.log)
                #expect(log.head.size > log.index)
                let stored = try #require(try await store.voting.receipt(code: receipt.code)?.log)
                #expect(stored.index == log.index && stored.voter == log.voter && stored.salt == log.salt && stored.choices == log.choices)
                #expect(stored.time == log.time && stored.channel == log.channel && stored.vote == log.vote)
                #expect(stored.head.size > stored.index, "the latest signed head, which covers the entry")
                #expect(LogReceipt(code: log.code) == log, "the /verify?r= code carries the whole receipt")
            }
            // A refused ballot leaves nothing in the log.
            await #expect(throws: CastError.self) {
                try await store.voting.castOnline(
                    vote: vote.id, person: receipts[0].person, owner: first.idHash, choices: Self.choices, signature: .typed("甲"))
            }
            let (result, _) = try await store.log.verify()
            guard case .success(let summary) = result else {
                Issue.record("the log does not verify: \(result)")
                return
            }
            #expect(summary.entries == 4)
        }
    }
}
