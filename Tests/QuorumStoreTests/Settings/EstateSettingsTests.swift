import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// Estate settings with their history on both databases (issue 13, item 23): each change
/// names what decided it and is logged with it; a vote keeps the settings it was announced
/// with; the objections of a vote take its answer days.
@Suite struct EstateSettingsTests {
    let organiser = OrganiserTests()
    static let rules = Array("%PDF-1.4 议事规则（2024 年修订）".utf8)

    func changed(_ from: EstateSettings = EstateSettings(), _ change: (inout EstateSettings) -> Void) -> EstateSettings {
        var settings = from
        change(&settings)
        return settings
    }

    /// A vote of the estate with its final result out: what may decide a change.
    func finalVote(_ store: Store, estate: Int64, clock: TestClock) async throws -> StoredVote {
        let vote = try await organiser.openVote(store, estate: estate, clock: clock, closingIn: 1)
        clock.advance(days: 2)
        _ = try await store.results.settle(vote.id)
        _ = try await store.results.publishResult(vote.id, final: false, actor: "c1")
        clock.advance(days: 9)
        return try await store.results.publishResult(vote.id, final: true, actor: "c1")
    }

    @Test(arguments: TestDatabase.available)
    func aChangeNamesWhatDecidedItAndIsLogged(_ database: TestDatabase) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            // setup: the defaults, never changed
            #expect(try await store.settings.current(of: estate) == (EstateSettings(), 0))
            let final = try await finalVote(store, estate: estate, clock: clock)
            let logged = try await organiser.logKinds(store).count
            // refused, changing nothing: no change, a value out of range, a vote without a
            // final result, a vote of no such estate, a file that is no document
            await #expect(throws: SettingsError.unchanged) {
                try await store.settings.change(estate: estate, to: EstateSettings(), basis: .vote(final.id), actor: "c1")
            }
            await #expect(throws: SettingsError.outOfRange(.countingDays, 1...15)) {
                try await store.settings.change(estate: estate, to: changed { $0.countingDays = 16 }, basis: .vote(final.id), actor: "c1")
            }
            let open = try await organiser.openVote(store, estate: estate, clock: clock)
            await #expect(throws: SettingsError.basisNotFinal) {
                try await store.settings.change(estate: estate, to: changed { $0.objectionDays = 5 }, basis: .vote(open.id), actor: "c1")
            }
            await #expect(throws: SettingsError.basisNotFinal) {
                try await store.settings.change(estate: estate + 1, to: changed { $0.objectionDays = 5 }, basis: .vote(final.id), actor: "c1")
            }
            await #expect(throws: DocumentError.unknownType) {
                try await store.settings.change(
                    estate: estate, to: changed { $0.objectionDays = 5 }, basis: .document(name: "x.exe", bytes: Array("MZ".utf8)), actor: "c1")
            }
            #expect(try await store.settings.history(of: estate).isEmpty)
            #expect(try await organiser.logKinds(store).count == logged + 2)  // only the open vote's creation and notice
            // act: the final vote decides one change, a document the next
            let first = try await store.settings.change(
                estate: estate,
                to: changed {
                    $0.objectionDays = 5
                    $0.ballotChange = true
                }, basis: .vote(final.id), actor: "c1")
            let second = try await store.settings.change(
                estate: estate, to: changed(first.settings) { $0.proxyCap = 3 }, basis: .document(name: "议事规则.pdf", bytes: Self.rules),
                actor: "c2")
            // check: the history, latest first, with who and what decided each
            let history = try await store.settings.history(of: estate)
            #expect(history.map(\.number) == [2, 1])
            #expect(history.map(\.changedBy) == ["c2", "c1"])
            #expect(history[1].decidedBy == final.id && history[1].documents.isEmpty)
            #expect(history[0].decidedBy.isEmpty && history[0].documents.map(\.name) == ["议事规则.pdf"])
            #expect(history[0].settings.proxyCap == 3 && history[0].settings.objectionDays == 5 && history[0].settings.ballotChange)
            #expect(try await store.settings.current(of: estate) == (second.settings, 2))
            let document = try #require(try await store.documents.read(SettingsStore.subject(estate: estate, revision: 2), number: 1))
            #expect(document.bytes == Self.rules)
            // each change is a log entry about the estate, with the settings and the basis
            var lines: [String] = []
            try await store.log.export { lines += $0.split(separator: "\n").map(String.init) }
            let entries = lines.filter { $0.contains("\"kind\":\"settings_changed\"") }
            #expect(entries.count == 2)
            #expect(entries[0].contains("\"decided_by\":\"\(final.id)\"") && entries[0].contains("\"objection_days\":5"))
            #expect(entries[1].contains(document.attachment.sha256) && entries[1].contains("\"proxy_cap\":3"))
            #expect(try (try await store.log.verify().result).get().entries == lines.filter { $0.contains("\"kind\"") }.count)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aVoteKeepsTheSettingsItWasAnnouncedWith(_ database: TestDatabase) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            let five = changed {
                $0.objectionDays = 5
                $0.silentMajority = true
                $0.countingDays = 2
            }
            try await store.settings.change(estate: estate, to: five, basis: .document(name: "r.pdf", bytes: Self.rules), actor: "c1")
            // setup: a draft under revision 1, then revision 2 before its notice
            let opens = Timestamp(millisecondsSinceEpoch: clock.current.millisecondsSinceEpoch + 20 * OrganiserTests.day)
            let closes = Timestamp(millisecondsSinceEpoch: opens.millisecondsSinceEpoch + 5 * OrganiserTests.day)
            let draft = try await store.organising.createDraft(
                estate: estate, definition: VotingTests.definition, opensAt: opens, closesAt: closes, actor: "c1")
            #expect(draft.settings == five && draft.settingsRevision == 1 && draft.definition.settings.silentMajority)
            let nine = changed(five) {
                $0.objectionDays = 9
                $0.silentMajority = false
            }
            try await store.settings.change(estate: estate, to: nine, basis: .document(name: "r2.pdf", bytes: Self.rules + [1]), actor: "c1")
            // act: the notice takes the settings as they are now
            let noticed = try await store.organising.publishNotice(draft.id, actor: "c1")
            #expect(noticed.settings == nine && noticed.settingsRevision == 2 && !noticed.definition.settings.silentMajority)
            // check: a later change leaves the announced vote as it was
            try await store.settings.change(
                estate: estate, to: changed(nine) { $0.objectionDays = 1 }, basis: .document(name: "r3.pdf", bytes: Self.rules + [2]),
                actor: "c1")
            let again = try #require(try await store.voting.vote(noticed.id))
            #expect(again.settings == nine && again.settingsRevision == 2 && again.objectionDays == 9 && again.countingDays == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anObjectionTakesTheVotesAnswerDays(_ database: TestDatabase) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            try await store.settings.change(
                estate: estate, to: changed { $0.answerDays = 2 }, basis: .document(name: "r.pdf", bytes: Self.rules), actor: "c1")
            let vote = try await organiser.openVote(store, estate: estate, clock: clock, closingIn: 2)
            let jia = try await organiser.owner(store, estate: estate, name: "甲", id: "110101199001010011")
            let voter = try #require(try await store.voting.voters(in: vote.id, owner: jia.idHash).first)
            clock.advance(days: 3)
            _ = try await store.results.settle(vote.id)
            let published = try await store.results.publishResult(vote.id, final: false, actor: "c1")
            // act
            let ticket = try await store.tickets.fileObjection("计票有误", on: "m1", of: published, voter: voter, owner: jia.idHash)
            // check: the committee has 2 local days, then the street office
            #expect(ticket.answerDays == 2)
            clock.advance(days: 2)
            #expect(ticket.standing(at: clock.current)?.desk == .committee)
            clock.advance(days: 1)
            #expect(ticket.standing(at: clock.current)?.desk == .street)
        }
    }

    @Test func theSettingsJSONRoundTripsAndRefusesAnythingElse() throws {
        var settings = EstateSettings()
        #expect(settings.json.canonical == #"{"answer_days":7,"ballot_change":0,"counting_days":3,"objection_days":7,"silent_majority":0}"#)
        settings.proxyCap = 20
        settings.ballotChange = true
        #expect(EstateSettings(json: settings.json) == settings)
        #expect(
            EstateSettings(
                json: CanonicalJSONReader.parse(#"{"answer_days":7,"ballot_change":2,"counting_days":3,"objection_days":7,"silent_majority":0}"#))
                == nil)
        #expect(EstateSettings(json: CanonicalJSONReader.parse(#"{"answer_days":7}"#)) == nil)
        #expect(EstateSettings(json: nil) == nil)
        let entry = LogEntry(
            vote: "", time: TestClock.start,
            event: .settingsChanged(estate: 4, revision: 2, settings: settings, decidedBy: "", documents: [], actor: "c1"))
        #expect(LogEntry.read(entry.json(index: 9))?.entry == entry)
        settings.proxyCap = 0
        #expect(throws: SettingsError.outOfRange(.proxyCap, 1...10_000)) { try settings.checked() }
    }
}
