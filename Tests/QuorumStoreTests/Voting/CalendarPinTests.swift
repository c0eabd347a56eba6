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
            total: .zero, isDraft: draft, tallyJSON: tally, preliminaryAt: preliminary, finalAt: final)
    }

    @Test func theWindowIncludesItsOpeningAndExcludesItsClosing() {
        let vote = Self.vote()
        #expect(!vote.calendar.isOpen(at: Self.plus(Self.opens, -1)))
        #expect(vote.calendar.isOpen(at: Self.opens))
        #expect(vote.calendar.isOpen(at: Self.plus(Self.closes, -1)))
        #expect(!vote.calendar.isOpen(at: Self.closes))
    }

    @Test func thePhaseFollowsTheWindowAndThePublications() {
        #expect(Self.vote(draft: true).phase(at: Self.closes) == .draft)
        #expect(Self.vote().phase(at: Self.plus(Self.opens, -1)) == .noticed)
        #expect(Self.vote().phase(at: Self.opens) == .open)
        // Issue 13: a vote published (or counted) stays closed even if the clock is set back into its window.
        #expect(Self.vote(final: Self.opens).phase(at: Self.plus(Self.closes, -1)) == .final)
        #expect(Self.vote(tally: "{}").phase(at: Self.opens) == .counted)
        #expect(!Self.vote(tally: "{}").isOpen(at: Self.opens))
        #expect(Self.vote().phase(at: Self.closes) == .closed)
        #expect(Self.vote(tally: "{}").phase(at: Self.closes) == .counted)
        #expect(Self.vote(tally: "{}", preliminary: Self.closes).phase(at: Self.closes) == .preliminary)
        #expect(Self.vote(tally: "{}", preliminary: Self.closes, final: Self.closes).phase(at: Self.closes) == .final)
    }

    @Test func theNoticeStandsFifteenFullLocalDays() {
        // Any hour of 1 March (local) gives 17 March 00:00; the UTC date does not matter.
        #expect(VoteCalendar.earliestOpening(noticedAt: Self.local("2024-03-01T07:59:59")) == Self.opens)
        #expect(VoteCalendar.earliestOpening(noticedAt: Self.local("2024-03-01T08:00:00")) == Self.opens)
        #expect(VoteCalendar.earliestOpening(noticedAt: Self.plus(Self.local("2024-03-02T00:00:00"), -1)) == Self.opens)
        #expect(VoteCalendar.earliestOpening(noticedAt: Self.local("2024-03-02T00:00:00")) == Self.local("2024-03-18T00:00:00"))
        #expect(
            VoteCalendar.earliestOpening(noticedAt: Self.local("2024-03-01T00:00:00"), days: LocalDays(offsetMinutes: 0))
                == Self.local("2024-03-16T08:00:00"))
    }

    @Test func theNotVotedListOpensOnTheThirdLastLocalDay() {
        #expect(VoteCalendar(opensAt: Self.opens, closesAt: Self.closes).thirdLastDay == Self.local("2024-03-18T00:00:00"))
        #expect(VoteCalendar(opensAt: Self.opens, closesAt: Self.plus(Self.closes, 1)).thirdLastDay == Self.local("2024-03-19T00:00:00"))
        #expect(VoteCalendar(opensAt: Self.opens, closesAt: Self.plus(Self.closes, -1)).thirdLastDay == Self.local("2024-03-18T00:00:00"))
        #expect(VoteCalendar(opensAt: Self.opens, closesAt: Self.local("2024-03-20T00:00:01")).thirdLastDay == Self.local("2024-03-18T00:00:00"))
    }

    @Test func theObjectionPeriodEndsAt24OnItsLastLocalDay() {
        #expect(
            VoteCalendar(opensAt: Self.opens, closesAt: Self.closes, objectionDays: 7).objectionEnds(publishedAt: Self.local("2024-03-21T00:00:00"))
                == Self.local("2024-03-29T00:00:00"))
        #expect(
            VoteCalendar(opensAt: Self.opens, closesAt: Self.closes, objectionDays: 7).objectionEnds(
                publishedAt: Self.plus(Self.local("2024-03-22T00:00:00"), -1)) == Self.local("2024-03-29T00:00:00"))
        #expect(
            VoteCalendar(opensAt: Self.opens, closesAt: Self.closes, objectionDays: 0).objectionEnds(publishedAt: Self.local("2024-03-21T09:00:00"))
                == Self.local("2024-03-22T00:00:00"))
    }

    @Test func localDaysBeforeTheEpochStartAtTheirOwnMidnight() {
        #expect(LocalDays().start(of: Self.local("1969-12-31T12:00:00")) == Self.local("1969-12-31T00:00:00"))
        #expect(LocalDays().start(of: Self.local("1970-01-01T07:59:59")) == Self.local("1970-01-01T00:00:00"))
    }

    @Test func theRoomListsOpenOnTheirDaysAndCloseWithTheVote() {
        let calendar = Self.vote().calendar
        #expect(throws: ListError.notYet(from: Self.opens)) { try calendar.checkList(.unbound, at: Self.plus(Self.opens, -1)) }
        #expect(throws: Never.self) { try calendar.checkList(.unbound, at: Self.opens) }
        let third = Self.local("2024-03-18T00:00:00")
        #expect(throws: ListError.notYet(from: third)) { try calendar.checkList(.notVoted, at: Self.plus(third, -1)) }
        #expect(throws: Never.self) { try calendar.checkList(.notVoted, at: third) }
        #expect(throws: ListError.closed) { try calendar.checkList(.notVoted, at: Self.closes) }
        // A vote shorter than three days: the list from its opening.
        let short = VoteCalendar(opensAt: Self.local("2024-03-20T12:00:00"), closesAt: Self.closes)
        #expect(throws: Never.self) { try short.checkList(.notVoted, at: short.opensAt) }
    }

    @Test func theLocalDaysCountFromTheDayAfterAndEndAt24() {
        let days = LocalDays()
        let event = Self.local("2024-03-01T23:30:00")
        #expect(days.start(of: event) == Self.local("2024-03-01T00:00:00"))
        #expect(days.start(ofDay: 1, after: event) == Self.local("2024-03-02T00:00:00"))
        #expect(days.start(ofDay: -1, after: event) == Self.local("2024-02-29T00:00:00"))
        #expect(days.end(ofDay: 15, after: event) == Self.local("2024-03-17T00:00:00"))
        #expect(LocalDays(offsetMinutes: 0).start(of: event) == Timestamp.parse("2024-03-01T00:00:00Z")!)
    }

    @Test func theVoterPseudonymIsTheKeyedHashOfVoteAndPerson() {
        // HMAC-SHA256-128 over "quorum-voter" U+001F vote U+001F person, with the personal-data key.
        let key = PersonalDataKey(secret: "test secret")
        #expect(key.hash("quorum-voter\u{1F}v1\u{1F}3") == Self.pseudonym)
        #expect(key.voter(vote: "v1", person: "3") == Self.pseudonym)
    }

    static let pseudonym = "38bd7fe853a7a414a8311a707656dffc"
}
