import PropertyBased
import QuorumSynthetic
import Testing

@testable import QuorumCore

/// Properties that must hold for any register and any ballots, not only the ones we thought of.
@Suite struct PropertyTests {
    /// A random estate: each unit an area, a building (1-3), an owner (a small pool, so
    /// multi-unit owners and shared owners happen), maybe a co-owner, a use and a kind;
    /// and each owner's choice on one resolution and one election.
    struct Estate: Sendable, CustomStringConvertible {
        var units: [(area: Int64, building: Int, owner: Int, coOwner: Int?, use: UnitUse, developer: Bool)]
        var choices: [Int]  // per owner pool index: 0 none, 1 agree, 2 oppose, 3 abstain, 4 invalid
        var picks: [Int]  // per owner: bitmask of candidates c1..c3 (spoiled above 2 seats)

        var description: String { "\(units.count) units" }

        var register: Register {
            Register(
                units: units.enumerated().map { index, unit in
                    var owners = [
                        Owner(
                            name: "o\(unit.owner)", idNumber: unit.developer ? "DEV" : "ID\(unit.owner)", kind: unit.developer ? .developer : .person)
                    ]
                    if let co = unit.coOwner, co != unit.owner, !unit.developer {
                        owners.append(Owner(name: "o\(co)", idNumber: "ID\(co)"))
                    }
                    return Unit(
                        id: "U\(index)", building: "\(unit.building)", room: "\(index)", area: Area(centiSquareMetres: unit.area),
                        use: unit.use, owners: owners)
                })
        }

        static let matters = """
            { "vote": "随机", "matters": [ { "id": "m1", "title": "维修", "item": 5, "kind": "resolution" },
              { "id": "e", "title": "选举", "item": 3, "kind": "election", "seats": 2,
                "candidates": [ { "id": "c1", "name": "甲" }, { "id": "c2", "name": "乙" }, { "id": "c3", "name": "丙" } ] } ] }
            """

        /// Ballot rows: every voting unit of a person carries that person's choice; the
        /// choice of a person is the choice of the pool owner of their first unit.
        func ballotRows(register: Register) throws -> [String] {
            let electorate = try Electorate(register: register, vote: Fixtures.vote(Self.matters))
            var rows: [String] = []
            for person in electorate.persons {
                let owner = units[person.units[0]].owner % choices.count
                let choice = choices[owner]
                guard choice > 0 else { continue }
                let option = ["", "agree", "oppose", "abstain", "invalid"][choice]
                let chosen = (1...3).filter { picks[owner] & (1 << ($0 - 1)) != 0 }.map { "c\($0)" }.joined(separator: ";")
                for unit in person.units {
                    rows.append("U\(unit),m1,\(option),online,2024-01-20T10:00:00+08:00")
                    rows.append("U\(unit),e,\(chosen),paper,2024-01-21T10:00:00+08:00")
                }
            }
            return rows
        }

        func tally(shuffledBy seed: UInt64? = nil) throws -> TallyResult {
            let register = register
            var registryRows = Fixtures.csv(register).split(separator: "\n").map(String.init)
            let header = registryRows.removeFirst()
            var ballotRows = try ballotRows(register: register)
            if let seed {
                var generator = SplitMix(seed: seed)
                registryRows.shuffle(using: &generator)
                ballotRows.shuffle(using: &generator)
            }
            return try Fixtures.recount(
                registry: ([header] + registryRows).joined(separator: "\n"), matters: Self.matters,
                ballots: (["unit_id,matter,choice,channel,received_at"] + ballotRows).joined(separator: "\n"))
        }
    }

    /// Runs `body` over random estates, with a random seed and a random owner of the pool.
    static func forEstates(count: Int, _ body: (Estate, UInt64, Int) async throws -> Void) async {
        let estates = zip(
            zip(
                Gen.int64(in: 1...30_000), Gen.int(in: 1...3), Gen.int(in: 0...11), Gen.int(in: 0...40),
                Gen.int(in: 0...19), Gen.int(in: 0...14)
            ).array(of: 1...40),
            Gen.int(in: 0...4).array(of: 12...12),
            Gen.int(in: 0...7).array(of: 12...12)
        ).map { generated in
            let (units, choices, picks) = generated
            return Estate(
                units: units.map { area, building, owner, co, use, developer in
                    (area, building, owner, co < 12 ? co : nil, use == 0 ? .parking : (use == 1 ? .commercial : .residential), developer == 0)
                },
                choices: choices, picks: picks)
        }
        await propertyCheck(count: count, input: estates, Gen.uint64(), Gen.int(in: 0...11)) { estate, seed, owner in
            try await body(estate, seed, owner)
        }
    }

    @Test func theVerdictDoesNotDependOnRowOrder() async {
        await Self.forEstates(count: 60) { estate, seed, _ in
            // An estate whose only units are parking has no electorate: both orders refuse it.
            guard let plain = try? estate.tally() else { return }
            let shuffled = try? estate.tally(shuffledBy: seed)
            #expect(shuffled?.json.rendered() == plain.json.rendered())
        }
    }

    @Test func oneMoreAgreeingBallotNeverTurnsAPassIntoAFail() async {
        await Self.forEstates(count: 60) { estate, _, owner in
            guard estate.choices[owner] != 1, let before = try? estate.tally() else { return }
            var more = estate
            more.choices[owner] = 1
            guard let after = try? more.tally(),
                case .resolution(_, _, _, _, let passedBefore) = before.matters[0].outcome,
                case .resolution(_, _, _, _, let passedAfter) = after.matters[0].outcome
            else {
                Issue.record("the changed estate must still count")
                return
            }
            #expect(!passedBefore || passedAfter)
        }
    }

    @Test func areasAddUpExactlyAcrossAnySplitOfTheUnits() async {
        await Self.forEstates(count: 60) { estate, _, _ in
            let register = estate.register
            let voting = register.units.filter { $0.use != .parking }
            let whole = voting.reduce(Area.zero) { $0 + $1.area }
            guard let community = try? Electorate(register: register, vote: Fixtures.vote(Estate.matters)) else {
                #expect(voting.isEmpty)
                return
            }
            #expect(community.total.area == whole)
            #expect(community.persons.reduce(Area.zero) { $0 + $1.weight.area } == whole)
            // Each building alone: the areas of the parts add up to the whole.
            var sum = Area.zero
            for building in register.buildings {
                let vote = VoteDefinition(name: "v", scope: .buildings([building]), matters: [Matter(id: "m", title: "t")])
                if let part = try? Electorate(register: register, vote: vote) { sum += part.total.area }
            }
            #expect(sum == whole)
        }
    }

    @Test func theSameInputGivesTheSameBytes() async {
        await Self.forEstates(count: 20) { estate, _, _ in
            guard let first = try? estate.tally() else { return }
            #expect((try? estate.tally())?.json.rendered() == first.json.rendered())
        }
    }
}
