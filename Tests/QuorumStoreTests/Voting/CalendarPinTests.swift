import Foundation
import QuorumCore
import Testing

@testable import QuorumStore

/// Today's calendar of a vote, pinned before the rules move into the core: the window
/// (opening included, closing excluded), the phases, the notice, the lists and the
/// objection period, on both sides of every local midnight and of the UTC one.
@Suite struct CalendarPinTests {
    static func local(_ text: String) -> Timestamp { Timestamp.parse(text + "+08:00")! }
    static func plus(_ time: Timestamp, _ milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: time.millisecondsSinceEpoch + milliseconds)
    }

    static let opens = local("2024-03-17T00:00:00")
    static let closes = local("2024-03-21T00:00:00")

    static func vote(draft: Bool = false, tally: String? = nil, preliminary: Timestamp? = nil, final: Timestamp? = nil) -> StoredVote {
        StoredVote(
            id: "v", estateID: 1, definition: VoteDefinition(name: "v", matters: []), opensAt: opens, closesAt: closes,
            ballotChange: false, total: .zero, isDraft: draft, tallyJSON: tally, preliminaryAt: preliminary, finalAt: final)
    }

    @Test func theWindowIncludesItsOpeningAndExcludesItsClosing() {
        let vote = Self.vote()
        #expect(!vote.isOpen(at: Self.plus(Self.opens, -1)))
        #expect(vote.isOpen(at: Self.opens))
        #expect(vote.isOpen(at: Self.plus(Self.closes, -1)))
        #expect(!vote.isOpen(at: Self.closes))
    }

    @Test func thePhaseFollowsTheWindowAndThePublications() {
        #expect(Self.vote(draft: true).phase(at: Self.closes) == .draft)
        #expect(Self.vote().phase(at: Self.plus(Self.opens, -1)) == .noticed)
        #expect(Self.vote().phase(at: Self.opens) == .open)
        #expect(Self.vote(final: Self.opens).phase(at: Self.plus(Self.closes, -1)) == .open)
        #expect(Self.vote().phase(at: Self.closes) == .closed)
        #expect(Self.vote(tally: "{}").phase(at: Self.closes) == .counted)
        #expect(Self.vote(tally: "{}", preliminary: Self.closes).phase(at: Self.closes) == .preliminary)
        #expect(Self.vote(tally: "{}", preliminary: Self.closes, final: Self.closes).phase(at: Self.closes) == .final)
    }

    @Test func theNoticeStandsFifteenFullLocalDays() {
        // Any hour of 1 March (local) gives 17 March 00:00; the UTC date does not matter.
        #expect(Procedure.earliestOpening(noticedAt: Self.local("2024-03-01T07:59:59")) == Self.opens)
        #expect(Procedure.earliestOpening(noticedAt: Self.local("2024-03-01T08:00:00")) == Self.opens)
        #expect(Procedure.earliestOpening(noticedAt: Self.plus(Self.local("2024-03-02T00:00:00"), -1)) == Self.opens)
        #expect(Procedure.earliestOpening(noticedAt: Self.local("2024-03-02T00:00:00")) == Self.local("2024-03-18T00:00:00"))
        #expect(Procedure.earliestOpening(noticedAt: Self.local("2024-03-01T00:00:00"), offsetMinutes: 0) == Self.local("2024-03-16T08:00:00"))
    }

    @Test func theNotVotedListOpensOnTheThirdLastLocalDay() {
        #expect(Procedure.nonVoterListOpens(closesAt: Self.closes) == Self.local("2024-03-18T00:00:00"))
        #expect(Procedure.nonVoterListOpens(closesAt: Self.plus(Self.closes, 1)) == Self.local("2024-03-19T00:00:00"))
        #expect(Procedure.nonVoterListOpens(closesAt: Self.plus(Self.closes, -1)) == Self.local("2024-03-18T00:00:00"))
        #expect(Procedure.nonVoterListOpens(closesAt: Self.local("2024-03-20T00:00:01")) == Self.local("2024-03-18T00:00:00"))
    }

    @Test func theObjectionPeriodEndsAt24OnItsLastLocalDay() {
        #expect(Procedure.objectionEnds(publishedAt: Self.local("2024-03-21T00:00:00"), days: 7) == Self.local("2024-03-29T00:00:00"))
        #expect(Procedure.objectionEnds(publishedAt: Self.plus(Self.local("2024-03-22T00:00:00"), -1), days: 7) == Self.local("2024-03-29T00:00:00"))
        #expect(Procedure.objectionEnds(publishedAt: Self.local("2024-03-21T09:00:00"), days: 0) == Self.local("2024-03-22T00:00:00"))
    }

    @Test func localDaysBeforeTheEpochStartAtTheirOwnMidnight() {
        #expect(Procedure.startOfLocalDay(Self.local("1969-12-31T12:00:00")) == Self.local("1969-12-31T00:00:00").millisecondsSinceEpoch)
        #expect(Procedure.startOfLocalDay(Self.local("1970-01-01T07:59:59")) == Self.local("1970-01-01T00:00:00").millisecondsSinceEpoch)
    }

    @Test func theVoterPseudonymIsTheKeyedHashOfVoteAndPerson() {
        // HMAC-SHA256-128 over "quorum-voter" U+001F vote U+001F person, with the personal-data key.
        let key = PersonalDataKey(secret: "test secret")
        #expect(key.hash("quorum-voter\u{1F}v1\u{1F}3") == Self.pseudonym)
    }

    static let pseudonym = "38bd7fe853a7a414a8311a707656dffc"
}
