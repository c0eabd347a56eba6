import Foundation
import Hummingbird
import HummingbirdTesting
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

@testable import QuorumWeb

/// The cast route reads nothing before the store's batch, which then decides: another
/// person's rooms, a vote of another estate and an unsigned ballot are refused, nothing cast.
@Suite struct CastRouteTests {
    @Test func theCastRouteRefusesAnotherPersonsRoomsAnotherEstatesVoteAndNoSignature() async throws {
        try await Estate.with { estate, client in
            // setup: 甲 signed in; 乙's person; a vote of another estate
            let visitor = Visitor(client)
            try await visitor.bind(estate, name: "甲", idNumber: "110101199001010011")
            let mine = try await visitor.person(estate)
            let persons = try await estate.store.organising.persons(of: estate.vote.id)
            let other = try #require(persons.first { String($0.person) != mine }).person
            let csrf = try #require(try await visitor.get("/votes/\(estate.vote.id)/ballot?person=\(mine)").field("csrf"))
            let choices = BallotChoices(["m1": .option(.agree), "e": .candidates(["c1"])]).canonicalJSON
            func cast(_ vote: String, _ person: String, signature: String = "甲") async throws -> Visitor.Page {
                try await visitor.post(
                    "/votes/\(vote)/cast",
                    [("csrf", csrf), ("person", person), ("choices", choices), ("signature_drawn", ""), ("signature_typed", signature)])
            }
            // act and check
            #expect(try await cast(estate.vote.id, String(other)).status == .forbidden)
            #expect(try await cast("nosuchvote", mine).status == .notFound)
            let unsigned = try await cast(estate.vote.id, mine, signature: "")
            #expect(unsigned.status == .ok && unsigned.body.contains(S.needSignature(.zh)))
            #expect(try await estate.store.voting.progress(of: estate.vote).voted.heads == 0)
            // A vote of another estate whose register does not hold this owner: not from this session.
            let foreign = try await Self.voteElsewhere(estate, registry: "U9,2,1,301,70.00,乙,110101199202020022,person,13800000002")
            let foreignPerson = try #require(try await estate.store.organising.persons(of: foreign.id).first).person
            #expect(try await cast(foreign.id, String(foreignPerson)).status == .notFound)
            #expect(try await estate.store.voting.progress(of: foreign).voted.heads == 0)
            // And the owner's own ballot goes through.
            #expect(try await cast(estate.vote.id, mine).status == .seeOther)
        }
    }

    /// A vote open for a day in another estate (另一个小区) of the register `registry`'s lines.
    static func voteElsewhere(_ estate: Estate, registry: String, name: String = "另一个小区的表决") async throws -> StoredVote {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("other-\(UUID().uuidString).csv")
        try Data((Estate.registry.split(separator: "\n")[0] + "\n" + registry + "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let elsewhere = try await estate.store.register.importRegister(file: file.path, estate: EstatePath(estate: "另一个小区")).estate.id
        let now = estate.store.now().millisecondsSinceEpoch
        var definition = Estate.definition
        definition.name = name
        return try await estate.store.voting.createVote(
            estate: elsewhere, definition: definition, opensAt: Timestamp(millisecondsSinceEpoch: now - 60_000),
            closesAt: Timestamp(millisecondsSinceEpoch: now + 86_400_000))
    }

    /// Issue 13, item 20: a typed signature is the signed-in owner's registered name.
    @Test func aTypedSignatureThatIsNotTheOwnersRegisteredNameIsRefusedAndTheFormKept() async throws {
        try await Estate.with { estate, client in
            // setup: 甲 signed in, at the confirmation
            let visitor = Visitor(client)
            try await visitor.bind(estate, name: "甲", idNumber: "110101199001010011")
            let mine = try await visitor.person(estate)
            let csrf = try #require(try await visitor.get("/votes/\(estate.vote.id)/ballot?person=\(mine)").field("csrf"))
            let choices = BallotChoices(["m1": .option(.agree), "e": .candidates(["c1"])]).canonicalJSON
            func cast(_ signature: String) async throws -> Visitor.Page {
                try await visitor.post(
                    "/votes/\(estate.vote.id)/cast",
                    [("csrf", csrf), ("person", mine), ("choices", choices), ("signature_drawn", ""), ("signature_typed", signature)])
            }
            // act and check: the co-owner's name, a made-up one, in both languages
            for (name, lang) in [("乙", Lang.zh), ("测试业主", .en)] {
                visitor.cookies.withLock { $0["lang"] = lang.rawValue }
                let refused = try await cast(name)
                #expect(refused.status == .unprocessableContent)
                #expect(refused.body.contains(S.notYourName("甲")(lang)))
                #expect(refused.field("signature_typed") == name && refused.field("choices") == choices, "the form keeps what it held")
            }
            #expect(try await estate.store.voting.progress(of: estate.vote).voted.heads == 0)
            // The registered name, spaces around it trimmed, signs.
            #expect(try await cast("  甲 ").status == .seeOther)
            #expect(try await estate.store.voting.progress(of: estate.vote).voted.heads == 1)
        }
    }

    /// Issue 13, item 20: switching language on the ballot or the confirmation keeps what it
    /// holds and casts nothing.
    @Test func switchingLanguageKeepsTheBallotAndTheTypedNameAndCastsNothing() async throws {
        try await Estate.with { estate, client in
            let visitor = Visitor(client)
            try await visitor.bind(estate, name: "甲", idNumber: "110101199001010011")
            let mine = try await visitor.person(estate)
            let vote = "/votes/\(estate.vote.id)"
            let ballot = try await visitor.get("\(vote)/ballot?person=\(mine)")
            let csrf = try #require(ballot.field("csrf"))
            #expect(ballot.body.contains(#"name="relang" formaction="\#(vote)/confirm?lang=en""#))
            // act: the ballot half filled in, switched; then the confirmation with a typed name, switched
            let switched = try await visitor.post(
                "\(vote)/confirm?lang=en", [("csrf", csrf), ("person", mine), ("m.m1", "oppose"), ("e", "c1"), ("relang", "")])
            let choices = BallotChoices(["m1": .option(.agree), "e": .candidates(["c1"])]).canonicalJSON
            let confirm = try await visitor.post(
                "\(vote)/cast?lang=en",
                [("csrf", csrf), ("person", mine), ("choices", choices), ("signature_drawn", ""), ("signature_typed", "甲"), ("relang", "")])
            // check: in English, as filled in, nothing cast
            #expect(switched.status == .ok && switched.body.contains(#"<html lang="en">"#))
            #expect(switched.body.contains(#"id="m-m1-oppose" checked"#) && !switched.body.contains(#"role="alert""#))
            #expect(confirm.status == .ok && confirm.body.contains(#"<html lang="en">"#) && confirm.body.contains("Confirm"))
            #expect(confirm.field("signature_typed") == "甲" && confirm.field("choices") == choices)
            #expect(try await estate.store.voting.progress(of: estate.vote).voted.heads == 0)
        }
    }

    /// The binding form switches language keeping the estate and the name, never writing the
    /// ID number into the page, and sends no code.
    @Test func theBindingFormSwitchesLanguageKeepingTheNameButNotTheIDNumber() async throws {
        try await Estate.with { estate, client in
            let visitor = Visitor(client)
            let form = try await visitor.get("/bind")
            let pre = try #require(form.field("pre"))
            #expect(form.body.contains(#"name="relang" formaction="/bind?lang=en""#))
            let switched = try await visitor.post(
                "/bind?lang=en",
                [("pre", pre), ("estate", String(estate.estate)), ("name", "甲"), ("id_number", "110101199001010011"), ("relang", "")])
            #expect(switched.status == .ok && switched.body.contains(#"<html lang="en">"#) && switched.field("name") == "甲")
            #expect(!switched.body.contains("110101199001010011") && estate.phone.lastCode == nil)
        }
    }

    /// Issue 13, item 20: an owner with flats in several estates binds once and sees all of them.
    @Test(arguments: TestDatabase.available)
    func oneBindingSeesAndVotesInEveryEstateWhoseRegisterHoldsTheOwner(_ database: TestDatabase) async throws {
        try await Estate.with(database) { estate, client in
            // setup: 甲 also owns 2-1-301 in 另一个小区, with a vote open there; 甲 binds in 天汇广场
            let foreign = try await Self.voteElsewhere(estate, registry: "U9,2,1,301,70.00,甲,110101199001010011,person,13800000001")
            let visitor = Visitor(client)
            try await visitor.bind(estate, name: "甲", idNumber: "110101199001010011")
            // act
            let list = try await visitor.get("/votes")
            // check: both votes, each under its estate's name, the bound estate first
            let order = ["天汇广场", estate.vote.title, "另一个小区", "另一个小区的表决"].map { list.body.range(of: ">\($0)<")?.lowerBound }
            #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "\(list.body)")
            #expect(try await visitor.get("/votes/\(foreign.id)").status == .ok)
            let person = try #require(try await estate.store.organising.persons(of: foreign.id).first).person
            let ballot = try await visitor.get("/votes/\(foreign.id)/ballot?person=\(person)")
            let csrf = try #require(ballot.field("csrf"))
            let choices = BallotChoices(["m1": .option(.agree), "e": .candidates(["c1"])]).canonicalJSON
            let cast = try await visitor.post(
                "/votes/\(foreign.id)/cast", [("csrf", csrf), ("person", String(person)), ("choices", choices), ("signature_typed", "甲")])
            #expect(cast.status == .seeOther, "\(cast.body)")
            #expect(try await estate.store.voting.progress(of: foreign).voted.heads == 1)
            #expect(try await visitor.get(try #require(cast.location)).status == .ok, "the receipt")
        }
    }
}
