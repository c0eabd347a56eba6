@testable import QuorumCore

/// Small inputs written out in full, so every test reads as the files a user would have.
enum Fixtures {
    /// The figures of shared/domain/vectors/small-mixed: 甲 owns U1 and U2; the developer's
    /// U3 and U4 are one person; 乙 and 丙 co-own U5; 丁 owns U6; P1 is parking.
    static let smallRegistry = """
        unit_id,building,room,area,use,owner_name,owner_id,owner_kind
        U1,1,101,100.00,residential,甲,110101199001010011,person
        U2,1,102,100.00,residential,甲,110101199001010011,person
        U3,1,201,50.00,residential,某某置业,91310000MA1FL00000,developer
        U4,1,202,50.00,residential,某某置业,91310000MA1FL00000,developer
        U5,1,301,100.00,residential,乙,110101199202020022,person
        U5,1,301,100.00,residential,丙,110101199303030033,person
        U6,1,302,100.00,residential,丁,110101199404040044,person
        P1,1,B1-01,10.00,parking,戊,110101199505050055,person

        """

    static let smallMatters = """
        {
          "vote": "boundary example",
          "settings": { "silent_majority": false, "parking_votes": false },
          "matters": [
            { "id": "m1", "title": "使用维修资金维修屋面", "item": 5, "kind": "resolution" },
            { "id": "m2", "title": "改建地面停车场", "item": 7, "kind": "resolution" }
          ]
        }
        """

    static let smallBallots = """
        unit_id,matter,choice,channel,received_at
        U1,m1,同意,online,2024-01-20T10:00:00+08:00
        U2,m1,同意,online,2024-01-20T10:00:00+08:00
        U1,m2,同意,online,2024-01-20T10:00:00+08:00
        U2,m2,同意,online,2024-01-20T10:00:00+08:00
        U5,m1,反对,paper,2024-01-21T09:30:00+08:00
        U5,m2,同意,paper,2024-01-21T09:30:00+08:00
        U6,m1,agree,online,2024-01-22T20:15:00+08:00
        U6,m2,abstain,online,2024-01-22T20:15:00+08:00

        """

    /// The expected tally.json of small-mixed, byte for byte.
    static let smallTally = """
        {
         "vote": "boundary example",
         "totals": {
          "area": "500.00",
          "heads": 4
         },
         "matters": [
          {
           "id": "m1",
           "item": 5,
           "threshold": "ordinary",
           "participating": {
            "area": "400.00",
            "heads": 3
           },
           "participation_met": true,
           "agree": {
            "area": "300.00",
            "heads": 2
           },
           "oppose": {
            "area": "100.00",
            "heads": 1
           },
           "abstain": {
            "area": "0.00",
            "heads": 0
           },
           "invalid": {
            "area": "0.00",
            "heads": 0
           },
           "passed": true
          },
          {
           "id": "m2",
           "item": 7,
           "threshold": "special",
           "participating": {
            "area": "400.00",
            "heads": 3
           },
           "participation_met": true,
           "agree": {
            "area": "300.00",
            "heads": 2
           },
           "oppose": {
            "area": "0.00",
            "heads": 0
           },
           "abstain": {
            "area": "100.00",
            "heads": 1
           },
           "invalid": {
            "area": "0.00",
            "heads": 0
           },
           "passed": false
          }
         ]
        }

        """

    static func register(_ csv: String) throws -> Register {
        try Register.read(csv: Array(csv.utf8))
    }

    static func vote(_ json: String) throws -> VoteDefinition {
        try VoteDefinition.read(json: Array(json.utf8))
    }

    static func recount(registry: String, matters: String, ballots: String, deliveries: String? = nil) throws -> TallyResult {
        try Recount.run(
            RecountFiles(
                registry: ("registry.csv", Array(registry.utf8)), matters: ("matters.json", Array(matters.utf8)),
                ballots: ("ballots.csv", Array(ballots.utf8)), deliveries: deliveries.map { ("deliveries.csv", Array($0.utf8)) }))
    }

    /// The errors a recount reports, or none.
    static func recountErrors(registry: String, matters: String, ballots: String, deliveries: String? = nil) -> [InputError] {
        do {
            _ = try recount(registry: registry, matters: matters, ballots: ballots, deliveries: deliveries)
            return []
        } catch let failure as InputErrors {
            return failure.errors
        } catch {
            return [InputError(file: "?", problem: .invalidJSON("unexpected \(error)"))]
        }
    }

    /// A register of single-owner residential units in building 1: areas in 0.01 m².
    static func units(_ areas: [Int64]) -> Register {
        Register(
            units: areas.enumerated().map { index, area in
                Unit(
                    id: "U\(index + 1)", building: "1", room: "\(101 + index)", area: Area(centiSquareMetres: area),
                    owners: [Owner(name: "业主\(index + 1)", idNumber: "ID\(index + 1)")])
            })
    }

    /// ballots.csv rows giving unit `U<i+1>` the choice `choices[i]` on matter m1 (nil: no ballot).
    static func ballots(_ choices: [String?], matter: String = "m1") -> String {
        var text = "unit_id,matter,choice,channel,received_at\n"
        for (index, choice) in choices.enumerated() {
            guard let choice else { continue }
            text += "U\(index + 1),\(matter),\(choice),online,2024-01-20T10:00:00+08:00\n"
        }
        return text
    }

    /// registry.csv text of a register built in code.
    static func csv(_ register: Register) -> String {
        var text = "unit_id,building,entrance,room,area,area_source,use,owner_name,owner_id,owner_kind,phone\n"
        for unit in register.units {
            for owner in unit.owners {
                text += "\(unit.id),\(unit.building),\(unit.entrance ?? ""),\(unit.room),\(unit.area),\(unit.areaSource.rawValue),"
                text += "\(unit.use.rawValue),\(owner.name),\(owner.idNumber),\(owner.kind.rawValue),\(owner.phone ?? "")\n"
            }
        }
        return text
    }

    static func resolutionMatters(item: Int = 9, settings: String = "") -> String {
        """
        { "vote": "v", \(settings) "matters": [ { "id": "m1", "title": "t", "item": \(item), "kind": "resolution" } ] }
        """
    }
}
