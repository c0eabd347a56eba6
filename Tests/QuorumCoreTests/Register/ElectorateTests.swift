import Testing

@testable import QuorumCore

@Suite struct ElectorateTests {
    private func electorate(_ csv: String, scope: String = "", parking: Bool = false) throws -> Electorate {
        let matters = """
            { "vote": "v", "settings": { "parking_votes": \(parking) }, \(scope)
              "matters": [ { "id": "m1", "title": "t", "item": 9, "kind": "resolution" } ] }
            """
        return try Electorate(register: Fixtures.register(csv), vote: Fixtures.vote(matters))
    }

    private let header = "unit_id,building,room,area,use,owner_name,owner_id,owner_kind\n"

    @Test func smallMixedHasFourPersonsAndFiveHundredSquareMetres() throws {
        let voters = try electorate(Fixtures.smallRegistry)
        #expect(voters.total == Weight(area: Area(centiSquareMetres: 50_000), heads: 4))
        #expect(voters.persons.map(\.weight.area.centiSquareMetres) == [20_000, 10_000, 10_000, 10_000])
        #expect(voters.persons.map(\.isDeveloper) == [false, true, false, false])
    }

    @Test func oneOwnerOfSeveralUnitsIsOnePersonWithTheSumOfTheAreas() throws {
        let voters = try electorate(header + "A,1,101,80.25,residential,甲,X1,person\nB,2,201,19.75,commercial,甲,X1,person\n")
        #expect(voters.persons.count == 1)
        #expect(voters.total == Weight(area: Area(centiSquareMetres: 10_000), heads: 1))
    }

    @Test func unitsAreGroupedByTheExactSetOfOwnerIDs() throws {
        // A+B co-own two units (one person, in either row order); A alone is another person.
        let csv =
            header + "U1,1,101,10,residential,甲,A,person\nU1,1,101,10,residential,乙,B,person\n"
            + "U2,1,102,20,residential,乙,B,person\nU2,1,102,20,residential,甲,A,person\n" + "U3,1,103,40,residential,甲,A,person\n"
        let voters = try electorate(csv)
        #expect(voters.persons.map(\.units) == [[0, 1], [2]])
        #expect(voters.persons.map(\.weight.area.centiSquareMetres) == [3000, 4000])
    }

    @Test func allDeveloperUnitsAreOnePersonWhateverTheDeveloper() throws {
        let csv =
            header + "U1,1,101,10,residential,甲置业,D1,developer\nU2,2,101,10,residential,乙置业,D2,developer\n"
            + "U3,1,102,10,residential,丙,P1,person\n"
        let voters = try electorate(csv)
        #expect(voters.total.heads == 2)
        #expect(voters.persons[0].isDeveloper && voters.persons[0].units == [0, 1])
    }

    @Test func parkingVotesOnlyWhenTheVoteCountsIt() throws {
        let csv = header + "U1,1,101,100,residential,甲,X1,person\nP1,1,B1,12.5,parking,乙,X2,person\nP2,1,B2,12.5,parking,甲,X1,person\n"
        #expect(try electorate(csv).total == Weight(area: Area(centiSquareMetres: 10_000), heads: 1))
        #expect(try electorate(csv, parking: true).total == Weight(area: Area(centiSquareMetres: 12_500), heads: 2))
    }

    @Test func theScopeIsAppliedFirst() throws {
        // 甲 owns flats in buildings 7 and 8; a vote about building 7 weighs only the flat there.
        let csv =
            header + "A,7号楼,101,90,residential,甲,X1,person\nB,8号楼,101,60,residential,甲,X1,person\n"
            + "C,8号楼,102,70,residential,乙,X2,person\n"
        let voters = try electorate(csv, scope: "\"scope\": { \"buildings\": [\"7\"] },")
        #expect(voters.total == Weight(area: Area(centiSquareMetres: 9000), heads: 1))
        #expect(voters.person(ofUnit: 1) == nil)
        #expect(voters.exclusion(of: Unit(id: "B", building: "8号楼", room: "101", area: .zero, owners: [])) == .outOfScope)
    }

    @Test func aScopeNamingAnUnknownBuildingIsAnError() {
        #expect(throws: InputErrors.self) {
            try electorate(header + "A,1,101,90,residential,甲,X1,person\n", scope: "\"scope\": { \"buildings\": [\"9\"] },")
        }
    }

    @Test func aScopeOfUnitsWeighsOnlyTheUnitsThatShareTheCost() throws {
        // One entrance's lift (RULES.md §7): 甲's flat there counts, 甲's other flat does not; 乙 is not in it.
        let csv =
            header + "A,7号楼,101,90,residential,甲,X1,person\nB,7号楼,201,60,residential,甲,X1,person\n"
            + "C,7号楼,102,70,residential,乙,X2,person\nD,7号楼,202,50,residential,丙,X3,person\n"
        let voters = try electorate(csv, scope: "\"scope\": { \"units\": [\"A\", \"D\"] },")
        #expect(voters.total == Weight(area: Area(centiSquareMetres: 14_000), heads: 2))
        #expect(voters.person(ofUnit: 1) == nil && voters.person(ofUnit: 2) == nil)
        #expect(voters.exclusion(of: Unit(id: "C", building: "7号楼", room: "102", area: .zero, owners: [])) == .outOfScope)
        #expect(voters.exclusion(of: Unit(id: "P", building: "7号楼", room: "B1", area: .zero, owners: [])) == .outOfScope)
    }

    @Test func aScopeOfUnitsNamesEachUnknownOrRepeatedUnit() {
        let csv = header + "A,1,101,90,residential,甲,X1,person\n"
        #expect {
            try electorate(csv, scope: "\"scope\": { \"units\": [\"A\", \"Z\", \"A\"] },")
        } throws: { error in
            (error as? InputErrors)?.errors.map { "\($0.field ?? "") \($0.problem)" } == [
                "scope.units[1] \(InputProblem.unknownUnit("Z"))", "scope.units[2] \(InputProblem.duplicateID("A"))",
            ]
        }
    }

    @Test func aScopeWithNoVotingUnitIsAnError() {
        #expect(throws: InputErrors.self) {
            try electorate(header + "P,1,B1,12,parking,甲,X1,person\n")
        }
    }
}
