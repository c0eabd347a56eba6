/// The columns of `registry.csv` (FORMATS.md): one row per (unit, owner).
public enum RegisterColumn: String, CSVColumn {
    case unitID = "unit_id"
    case building
    case entrance
    case room
    case area
    case areaSource = "area_source"
    case use
    case ownerName = "owner_name"
    case ownerID = "owner_id"
    case ownerKind = "owner_kind"
    case phone

    public var chinese: String {
        switch self {
        case .unitID: "不动产单元号"
        case .building: "楼栋"
        case .entrance: "单元"
        case .room: "房号"
        case .area: "建筑面积"
        case .areaSource: "面积来源"
        case .use: "用途"
        case .ownerName: "业主姓名"
        case .ownerID: "证件号码"
        case .ownerKind: "业主类型"
        case .phone: "手机号"
        }
    }

    public var isRequired: Bool {
        switch self {
        case .unitID, .building, .room, .area, .ownerName, .ownerID: true
        case .entrance, .areaSource, .use, .ownerKind, .phone: false
        }
    }
}

/// One valid row of `registry.csv`: a unit and one of its owners.
public struct RegisterRow: Hashable, Sendable {
    public var line: Int
    public var unit: Unit
    public var owner: Owner {
        unit.owners[0]
    }
}

/// Checks the rows of a register file one at a time, so a file of any size can be checked
/// (and, in the store, imported) while it streams. Errors accumulate; nothing stops early.
public struct RegisterRowReader: Sendable {
    public private(set) var table: CSVTable<RegisterColumn>

    public init(file: String) {
        table = CSVTable(file: file)
    }

    public var errors: [InputError] { table.errors }

    /// Hands over the errors found so far and forgets them (see `CSVTable.takeErrors()`).
    public mutating func takeErrors() -> [InputError] {
        table.takeErrors()
    }

    /// Reads the next record: the first non-blank one is the header. Returns the row if it
    /// is valid; a bad row's errors go to `errors`.
    public mutating func read(_ record: CSVRecord) -> RegisterRow? {
        guard let header = table.header(for: record) else { return nil }
        let before = table.errors.count
        func required(_ column: RegisterColumn) -> String {
            let value = header.value(column, in: record)
            if value.isEmpty { table.fail(line: record.line, column: column, .missingField) }
            return value
        }
        func optional<Value: BilingualValue>(_ column: RegisterColumn, default fallback: Value) -> Value {
            let text = header.value(column, in: record)
            if text.isEmpty { return fallback }
            guard let value = Value.parse(text) else {
                table.fail(line: record.line, column: column, .unknownValue(text, allowed: Value.spellings))
                return fallback
            }
            return value
        }
        let unitID = required(.unitID)
        let building = required(.building)
        let room = required(.room)
        let areaText = required(.area)
        let ownerName = required(.ownerName)
        let ownerID = required(.ownerID)
        var area = Area.zero
        if !areaText.isEmpty {
            switch Area.parse(areaText) {
            case .success(let value): area = value
            case .failure(.notANumber): table.fail(line: record.line, column: .area, .notANumber(areaText))
            case .failure(.notPositive): table.fail(line: record.line, column: .area, .areaNotPositive(areaText))
            case .failure(.tooManyDecimals): table.fail(line: record.line, column: .area, .areaTooPrecise(areaText))
            }
        }
        let areaSource = optional(.areaSource, default: AreaSource.registered)
        let use = optional(.use, default: UnitUse.residential)
        let kind = optional(.ownerKind, default: OwnerKind.person)
        let entrance = header.value(.entrance, in: record)
        let phone = header.value(.phone, in: record)
        guard table.errors.count == before else { return nil }
        let owner = Owner(name: ownerName, idNumber: ownerID, kind: kind, phone: phone.isEmpty ? nil : phone)
        let unit = Unit(
            id: unitID, building: building, entrance: entrance.isEmpty ? nil : entrance, room: room, area: area,
            areaSource: areaSource, use: use, owners: [owner])
        return RegisterRow(line: record.line, unit: unit)
    }

    public mutating func report(_ problem: CSVProblem, line: Int) {
        table.report(problem, line: line)
    }

    public mutating func finish() {
        table.finish()
    }
}

/// Assembles valid rows into units, checking that every row of a unit agrees with its
/// first row on building, room, area and use, and that no owner is listed twice on a unit.
public struct RegisterBuilder: Sendable {
    public let file: String
    public private(set) var errors: [InputError] = []
    private var units: [Unit] = []
    private var firstLines: [Int] = []
    private var ownerLines: [[Int]] = []
    private var indexByID: [String: Int] = [:]

    public init(file: String) {
        self.file = file
    }

    public mutating func add(_ row: RegisterRow) {
        let candidate = row.unit
        guard let position = indexByID[candidate.id] else {
            indexByID[candidate.id] = units.count
            units.append(candidate)
            firstLines.append(row.line)
            ownerLines.append([row.line])
            return
        }
        let unit = units[position]
        let firstLine = firstLines[position]
        let checks: [(RegisterColumn, String, String)] = [
            (.building, unit.building, candidate.building),
            (.room, unit.room, candidate.room),
            (.area, unit.area.description, candidate.area.description),
            (.use, unit.use.chinese, candidate.use.chinese),
        ]
        var agrees = true
        for (column, first, found) in checks where first != found {
            agrees = false
            errors.append(
                InputError(
                    file: file, line: row.line, field: column.label,
                    problem: .unitDisagrees(firstLine: firstLine, first: first, found: found)))
        }
        if let duplicate = unit.owners.firstIndex(where: { $0.idNumber == row.owner.idNumber }) {
            agrees = false
            errors.append(
                InputError(
                    file: file, line: row.line, field: RegisterColumn.ownerID.label,
                    problem: .duplicateOwnerRow(firstLine: ownerLines[position][duplicate])))
        }
        guard agrees else { return }
        units[position].owners.append(row.owner)
        ownerLines[position].append(row.line)
    }

    public func finish() -> Register {
        Register(units: units)
    }
}

extension Register {
    /// Reads a whole `registry.csv`. Throws every error of every bad row, or none at all.
    public static func read(csv bytes: some Sequence<UInt8>, file: String = "registry.csv") throws -> Register {
        var reader = RegisterRowReader(file: file)
        var builder = RegisterBuilder(file: file)
        CSVParser.parse(
            bytes, record: { if let row = reader.read($0) { builder.add(row) } },
            problem: { reader.report($0, line: $1) })
        reader.finish()
        let errors = (reader.errors + builder.errors).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return builder.finish()
    }
}
