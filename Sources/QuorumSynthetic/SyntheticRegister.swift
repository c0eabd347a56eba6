/// Registers made up to measure and test with: deterministic, realistic in shape (buildings
/// of entrances and floors, co-owners, owners of several units, shops, parking), and with
/// ID and phone numbers that are unique across a whole synthetic city.
public struct SyntheticRegister: Sendable {
    /// Which estate of the city: numbers stay unique across estates.
    public var estate: Int
    public var units: Int

    public init(estate: Int, units: Int) {
        self.estate = estate
        self.units = units
    }

    public static let header = "unit_id,building,entrance,room,area,area_source,use,owner_name,owner_id,owner_kind,phone\n"

    /// Calls `write` with the header, then with the rows in order, in pieces of a few
    /// hundred rows, so that a file of any size can be written without holding it.
    public func write(_ write: (String) throws -> Void) rethrows {
        try write(Self.header)
        var piece = ""
        piece.reserveCapacity(64 * 1024)
        for unit in 0..<units {
            for row in rows(ofUnit: unit) { piece += row + "\n" }
            if piece.utf8.count > 60_000 {
                try write(piece)
                piece.removeAll(keepingCapacity: true)
            }
        }
        if !piece.isEmpty { try write(piece) }
    }

    /// The whole file as text (for small registers).
    public var text: String {
        var text = ""
        write { text += $0 }
        return text
    }

    /// How many rows (not counting the header) the file has.
    public var rowCount: Int {
        (0..<units).reduce(0) { $0 + rows(ofUnit: $1).count }
    }

    /// The rows of one unit: every tenth unit has two co-owners; every twentieth belongs to
    /// the owner of the unit before it; every twenty-fifth is a parking space.
    public func rows(ofUnit unit: Int) -> [String] {
        let perBuilding = 2 * 18 * 4  // 2 entrances, 18 floors, 4 flats a floor
        let building = unit / perBuilding + 1
        let inBuilding = unit % perBuilding
        let entrance = inBuilding / 72 + 1
        let floor = inBuilding % 72 / 4 + 1
        let room = floor * 100 + inBuilding % 4 + 1
        let parking = unit % 25 == 24
        let use = parking ? "parking" : (unit % 50 == 7 ? "commercial" : "residential")
        let area = parking ? 1250 : 5000 + (unit * 7919) % 9000  // 0.01 m²
        let areaText = "\(area / 100).\(area % 100 < 10 ? "0" : "")\(area % 100)"
        let unitID = "3702\(pad(estate, 6))GB\(pad(building, 5))F\(pad(unit, 8))"
        let place = parking ? "\(building),,B1-\(pad(unit % 1000, 3))" : "\(building),\(entrance),\(room)"
        let owner = unit % 20 == 19 ? unit - 1 : unit
        var rows = ["\(unitID),\(place),\(areaText),registered,\(use),\(name(owner, 0)),\(idNumber(owner, 0)),person,\(phone(owner, 0))"]
        if unit % 10 == 3 {
            rows.append("\(unitID),\(place),\(areaText),registered,\(use),\(name(owner, 1)),\(idNumber(owner, 1)),person,\(phone(owner, 1))")
        }
        return rows
    }

    /// The `co`-th owner of a unit: an 18-character ID, unique in the city.
    public func idNumber(_ unit: Int, _ co: Int) -> String {
        let serial = (estate * 100_000 + unit) * 2 + co
        return "37\(pad(serial, 15))\(serial % 11 == 10 ? "X" : String(serial % 11))"
    }

    public func phone(_ unit: Int, _ co: Int) -> String {
        "13\(pad((estate * 100_000 + unit) * 2 + co, 9))"
    }

    public func name(_ unit: Int, _ co: Int) -> String {
        let family = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
        let given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰"]
        let serial = (estate * 100_000 + unit) * 2 + co
        return family[serial % family.count] + given[serial / 10 % given.count] + given[serial / 7 % given.count]
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
