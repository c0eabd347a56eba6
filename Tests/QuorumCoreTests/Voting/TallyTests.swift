import Testing

@testable import QuorumCore

@Suite struct TallyTests {
    @Test func smallMixedGivesItsExpectedTallyByteForByte() throws {
        let result = try Fixtures.recount(registry: Fixtures.smallRegistry, matters: Fixtures.smallMatters, ballots: Fixtures.smallBallots)
        #expect(result.json.rendered() == Fixtures.smallTally)
    }

    // Elections.

    private let electionMatters = """
        { "vote": "选举", "matters": [ { "id": "e", "title": "选举业主委员会", "item": 3, "kind": "election", "seats": 2,
          "candidates": [ { "id": "c1", "name": "张" }, { "id": "c2", "name": "李" }, { "id": "c3", "name": "王" } ] } ] }
        """

    private func election(areas: [Int64], choices: [String?]) throws -> MatterResult {
        try Fixtures.recount(
            registry: Fixtures.csv(Fixtures.units(areas)), matters: electionMatters, ballots: Fixtures.ballots(choices, matter: "e")
        ).matters[0]
    }

    @Test func eachCandidateIsDecidedOnItsOwnAndTheWinnersRankedByHeadsThenArea() throws {
        // c1 passes with 3 of 5, c3 with 4 of 5; c2 fails with 2 of 5.
        let result = try election(
            areas: [10_000, 10_000, 10_000, 10_000, 10_000],
            choices: ["c1;c3", "c1;c3", "c1;c3", "c2;c3", "c2"])
        guard case .election(let candidates, let elected) = result.outcome else {
            Issue.record("not an election")
            return
        }
        #expect(candidates.map(\.votes.heads) == [3, 2, 4])
        #expect(candidates.map(\.passed) == [true, false, true], "c2: 2 of 5 heads")
        #expect(elected == ["c3", "c1"])
    }

    @Test func tiesOnHeadsAreBrokenByArea() throws {
        let result = try election(
            areas: [10_000, 10_000, 10_000, 10_001],
            choices: ["c1;c2;", "c1;c2", "c1;c3", "c2;c3"])
        guard case .election(_, let elected) = result.outcome else { return }
        #expect(elected == ["c2", "c1"], "both 3 heads; c2 has 0.01 m² more")
    }

    @Test func aBallotChoosingMoreThanTheSeatsIsSpoiledButTakesPart() throws {
        let result = try election(areas: [10_000, 10_000, 10_000], choices: ["c1;c2;c3", "c1", "废票"])
        #expect(result.participating.heads == 3)
        guard case .election(let candidates, let elected) = result.outcome else { return }
        #expect(candidates.map(\.votes.heads) == [1, 0, 0])
        #expect(elected.isEmpty, "1 of 3 is no majority")
    }

    @Test func choosingAmongPropertyCompaniesIsAOneSeatElection() throws {
        let matters = """
            { "vote": "选聘物业", "matters": [ { "id": "p", "title": "选聘物业服务企业", "item": 4, "kind": "election", "seats": 1,
              "candidates": [ { "id": "a", "name": "甲物业" }, { "id": "b", "name": "乙物业" } ] } ] }
            """
        let registry = Fixtures.csv(Fixtures.units([10_000, 10_000, 10_000]))
        let chosen = try Fixtures.recount(registry: registry, matters: matters, ballots: Fixtures.ballots(["a", "a", "b"], matter: "p"))
        guard case .election(_, let elected) = chosen.matters[0].outcome else { return }
        #expect(elected == ["a"])
        let none = try Fixtures.recount(registry: registry, matters: matters, ballots: Fixtures.ballots(["a", "b", "a;b"], matter: "p"))
        guard case .election(_, let nobody) = none.matters[0].outcome else { return }
        #expect(nobody.isEmpty, "no company passes, so nobody is chosen")
    }

    // Several ballots of one person.

    @Test func theFirstBallotReceivedCountsAndTheConflictIsReported() throws {
        let ballots = """
            unit_id,matter,choice,channel,received_at
            U1,m1,oppose,online,2024-01-21T10:00:00+08:00
            U1,m1,agree,paper,2024-01-20T09:00:00+08:00
            U2,m1,agree,online,2024-01-20T10:00:00+08:00

            """
        let result = try Fixtures.recount(
            registry: Fixtures.csv(Fixtures.units([10_000, 10_000])), matters: Fixtures.resolutionMatters(), ballots: ballots)
        guard case .resolution(let agree, let oppose, _, _, _) = result.matters[0].outcome else { return }
        #expect(agree.heads == 2 && oppose.heads == 0)
        #expect(
            result.conflicts == [
                BallotConflict(countedLine: 3, countedChannel: .paper, countedAt: Timestamp.parse("2024-01-20T01:00:00Z")!, ignoredLines: [2])
            ])
    }

    @Test func aMultiUnitPersonsRowsMustAgree() {
        let registry = "unit_id,building,room,area,owner_name,owner_id\nA,1,101,50,甲,X1\nB,1,102,50,甲,X1\n"
        let ballots = """
            unit_id,matter,choice,channel,received_at
            A,m1,agree,online,2024-01-20T10:00:00+08:00
            B,m1,oppose,online,2024-01-20T10:00:00+08:00

            """
        let errors = Fixtures.recountErrors(registry: registry, matters: Fixtures.resolutionMatters(), ballots: ballots)
        #expect(
            errors == [
                InputError(
                    file: "ballots.csv", line: 3, field: "choice (表决意见)", problem: .personDisagrees(firstLine: 2, first: "agree", found: "oppose"))
            ])
    }

    @Test func aMultiUnitPersonCountsOnceWithAllTheirArea() throws {
        let registry = "unit_id,building,room,area,owner_name,owner_id\nA,1,101,50,甲,X1\nB,1,102,70,甲,X1\nC,1,103,100,乙,X2\n"
        let ballots = "unit_id,matter,choice,channel,received_at\nA,m1,agree,online,2024-01-20T10:00:00+08:00\n"
        let result = try Fixtures.recount(registry: registry, matters: Fixtures.resolutionMatters(), ballots: ballots)
        #expect(result.matters[0].participating == Weight(area: Area(centiSquareMetres: 12_000), heads: 1))
    }

    @Test func everyBadBallotRowIsListed() {
        let registry = """
            unit_id,building,room,area,use,owner_name,owner_id
            U1,1,101,100,residential,甲,X1
            U2,2,201,100,residential,乙,X2
            P1,1,B1,10,parking,丙,X3
            U3,1,102,100,residential,丁,X4

            """
        let matters = """
            { "vote": "v", "scope": { "buildings": ["1"] }, "matters": [
              { "id": "m1", "title": "t", "item": 9, "kind": "resolution" },
              { "id": "e", "title": "选举", "item": 3, "kind": "election", "seats": 1, "candidates": [ { "id": "c1", "name": "张" } ] } ] }
            """
        let ballots = """
            unit_id,matter,choice,channel,received_at
            U9,m1,agree,online,2024-01-20T10:00:00+08:00
            U2,m1,agree,online,2024-01-20T10:00:00+08:00
            P1,m1,agree,online,2024-01-20T10:00:00+08:00
            U1,m9,agree,online,2024-01-20T10:00:00+08:00
            U1,m1,maybe,online,2024-01-20T10:00:00+08:00
            U1,e,c7,online,2024-01-20T10:00:00+08:00
            U1,e,c1;c1,online,2024-01-20T10:00:00+08:00
            U1,m1,agree,email,yesterday
            U3,m1,agree,online,2024-01-20T10:00:00+08:00
            U3,m1,agree,online,2024-01-20T10:00:00+08:00
            U1,m1,agree,online,2024-01-20T10:00:00+08:00
            U1,m1,oppose,paper,2024-01-20T10:00:00+08:00

            """
        let errors = Fixtures.recountErrors(registry: registry, matters: matters, ballots: ballots)
        #expect(errors.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 9, 9, 11, 13])
        #expect(
            errors.map(\.problem) == [
                .unknownUnit("U9"), .unitOutOfScope("U2", building: "2"), .unitCarriesNoVote("P1"), .unknownMatter("m9"),
                .choiceNotForResolution("maybe"), .unknownCandidate("c7"), .candidateChosenTwice("c1"),
                .unknownValue("email", allowed: Channel.spellings), .invalidTime("yesterday"), .duplicateBallotRow(firstLine: 10),
                .simultaneousBallots(firstLine: 12),
            ])
    }

    @Test func registerMattersAndBallotErrorsAreAllReportedTogether() {
        let errors = Fixtures.recountErrors(
            registry: "unit_id,building,room,area,owner_name,owner_id\nU1,1,101,0,甲,X1\n",
            matters: "{ \"vote\": \"v\", \"matters\": [ { \"id\": \"m1\", \"item\": 12 } ] }",
            ballots: "unit_id,matter,choice,channel,received_at\nU1,m1,agree,online,never\n")
        #expect(errors.map(\.file) == ["registry.csv", "matters.json", "ballots.csv"])
    }

    @Test func mattersFileErrorsNameTheirPath() {
        let matters = """
            { "vote": "v", "matters": [ { "id": "m1", "item": 0 }, { "id": "m1", "kind": "poll" },
              { "id": "e", "kind": "election", "seats": 0, "candidates": [] }, { "id": "x", "item": "five" } ] }
            """
        #expect(throws: InputErrors.self) { try Fixtures.vote(matters) }
        do {
            _ = try Fixtures.vote(matters)
        } catch let failure as InputErrors {
            #expect(failure.errors.map(\.field) == ["matters[3].item"], "a type error is reported first, by path")
        } catch {}
        do {
            _ = try Fixtures.vote(
                """
                { "vote": "v", "matters": [ { "id": "m1", "item": 0 }, { "id": "m1", "kind": "poll" },
                  { "id": "e", "kind": "election", "seats": 0, "candidates": [] } ] }
                """)
        } catch let failure as InputErrors {
            #expect(failure.errors.map(\.field) == ["matters[0].item", "matters[1].id", "matters[1].kind", "matters[2].seats"])
        } catch {}
    }

    /// FORMATS.md: `scope` lists buildings or units; an unknown key (a typo such as
    /// `"building"`) is an error, never read as the whole estate; both at once is an error.
    @Test func theScopeIsBuildingsOrUnitsAndNothingElse() throws {
        let matters = #"[ { "id": "m1", "title": "t", "item": 5 } ]"#
        let units = try Fixtures.vote(#"{ "vote": "v", "scope": { "units": ["U1", "U3"] }, "matters": \#(matters) }"#)
        #expect(units.scope == .units(["U1", "U3"]))
        #expect(try VoteDefinition.read(json: Array(units.mattersJSON.utf8)) == units, "matters.json writes the units back")
        for (scope, fields) in [
            (#"{ "building": ["1"] }"#, ["scope.building"]), (#"{ "buildings": ["1"], "units": ["U1"] }"#, ["scope"]),
            (#"{ "units": [] }"#, ["scope.units"]),
        ] {
            #expect {
                try Fixtures.vote(#"{ "vote": "v", "scope": \#(scope), "matters": \#(matters) }"#)
            } throws: { error in
                (error as? InputErrors)?.errors.map(\.field) == fields
            }
        }
    }

    @Test func aBallotOfAUnitOutsideAScopeOfUnitsIsRefused() {
        let registry = """
            unit_id,building,room,area,use,owner_name,owner_id
            U1,1,101,100,residential,甲,X1
            U2,1,201,100,residential,乙,X2

            """
        let matters = #"{ "vote": "v", "scope": { "units": ["U1"] }, "matters": [ { "id": "m1", "title": "t", "item": 5 } ] }"#
        let ballots = "unit_id,matter,choice,channel,received_at\nU2,m1,agree,online,2024-01-20T10:00:00+08:00\n"
        let errors = Fixtures.recountErrors(registry: registry, matters: matters, ballots: ballots)
        #expect(errors.map(\.problem) == [.unitOutOfScope("U2", building: "1")])
    }

    // Silent majority (沉默从众), RULES.md §4.

    private let silentMatters = Fixtures.resolutionMatters(settings: "\"settings\": { \"silent_majority\": true },")

    @Test func silentMajorityIsOffByDefault() throws {
        let result = try Fixtures.recount(
            registry: Fixtures.csv(Fixtures.units([10_000, 10_000, 10_000])), matters: Fixtures.resolutionMatters(),
            ballots: Fixtures.ballots(["agree", nil, nil]), deliveries: "unit_id\nU2\nU3\n")
        #expect(result.matters[0].participating.heads == 1)
        #expect(result.matters[0].silent == nil)
    }

    @Test func silentOwnersWithRecordedDeliveryJoinTheMajority() throws {
        // U1, U2 agree, U3 opposes; U4 and U5 were delivered and cast nothing; U6 was not delivered.
        let result = try Fixtures.recount(
            registry: Fixtures.csv(Fixtures.units([10_000, 10_000, 10_000, 10_000, 10_000, 10_000])), matters: silentMatters,
            ballots: Fixtures.ballots(["agree", "agree", "oppose", nil, nil, nil]), deliveries: "unit_id\nU4\nU5\nU1\n")
        let matter = result.matters[0]
        #expect(matter.silent == Weight(area: Area(centiSquareMetres: 20_000), heads: 2))
        #expect(matter.participating.heads == 5)
        guard case .resolution(let agree, let oppose, _, _, let passed) = matter.outcome else { return }
        #expect(agree.heads == 4 && oppose.heads == 1 && passed)
    }

    @Test func silentOwnersJoinNoOptionWithoutAMajorityByBoth() throws {
        let result = try Fixtures.recount(
            registry: Fixtures.csv(Fixtures.units([30_000, 10_000, 10_000, 10_000])), matters: silentMatters,
            ballots: Fixtures.ballots(["agree", "oppose", "oppose", nil]), deliveries: "unit_id\nU4\n")
        guard case .resolution(let agree, let oppose, _, _, _) = result.matters[0].outcome else { return }
        #expect(agree.heads == 1 && oppose.heads == 2, "agree holds the area, oppose the heads: the silent join neither")
        #expect(result.matters[0].participating.heads == 4)
    }

    @Test func silentMajorityWithoutDeliveryRecordsIsRefused() {
        let errors = Fixtures.recountErrors(
            registry: Fixtures.csv(Fixtures.units([10_000])), matters: silentMatters, ballots: Fixtures.ballots(["agree"]))
        #expect(errors.map(\.problem) == [.silentMajorityNeedsDeliveries])
    }
}
