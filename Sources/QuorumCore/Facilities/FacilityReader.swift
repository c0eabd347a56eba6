/// The columns of `facilities.csv` (FORMATS.md): one row per facility.
public enum FacilityColumn: String, CSVColumn {
    case code, kind, name, building, entrance, location, maker, model, installed, certificate
    case inspectionDue = "inspection_due"
    case serviceCompany = "service_company"

    public var chinese: String {
        switch self {
        case .code: "设备编码"
        case .kind: "设备类型"
        case .name: "名称"
        case .building: "楼栋"
        case .entrance: "单元"
        case .location: "位置"
        case .maker: "生产厂家"
        case .model: "型号"
        case .installed: "安装日期"
        case .certificate: "使用登记证号"
        case .inspectionDue: "下次检验日期"
        case .serviceCompany: "维保单位"
        }
    }

    public var isRequired: Bool { self == .kind || self == .name }
}

extension Facility {
    /// Reads a whole `facilities.csv` for an estate whose register knows `places` and which
    /// has the facilities `existing`. Throws every error of every bad row (an unknown kind,
    /// building or entrance, a bad date, a code twice), or returns every row as a facility:
    /// a row with a code the estate has is that facility, updated; a row without a code is
    /// the existing facility of the same kind, building and name if there is one (so a file
    /// imported again changes nothing), else a new one with a code assigned
    /// (`FacilityCode.assign`) after every code the file gives is known.
    public static func read(
        csv bytes: some Sequence<UInt8>, file: String = "facilities.csv", places: EstatePlaces, existing: [Facility]
    ) throws -> [Facility] {
        var table = CSVTable<FacilityColumn>(file: file)
        var rows: [Facility] = []
        var lines: [String: Int] = [:]
        CSVParser.parse(
            bytes,
            record: { record in
                guard let header = table.header(for: record) else { return }
                let before = table.errors.count
                func value(_ column: FacilityColumn) -> String { header.value(column, in: record) }
                func fail(_ column: FacilityColumn, _ problem: InputProblem) { table.fail(line: record.line, column: column, problem) }
                let kindText = value(.kind)
                let kind = FacilityKind.parse(kindText)
                if kindText.isEmpty {
                    fail(.kind, .missingField)
                } else if kind == nil {
                    fail(.kind, .unknownValue(kindText, allowed: FacilityKind.spellings))
                }
                if value(.name).isEmpty { fail(.name, .missingField) }
                let (building, entrance) = (value(.building), value(.entrance))
                if !building.isEmpty && places.entrances[building] == nil { fail(.building, .unknownBuilding(building)) }
                // An entrance is checked in its building (an unknown building is its own error).
                if !entrance.isEmpty && (building.isEmpty || places.entrances[building].map { !$0.contains(entrance) } == true) {
                    fail(.entrance, .unknownEntrance(entrance, building: building))
                }
                for column in [FacilityColumn.installed, .inspectionDue] where !value(column).isEmpty && !FacilityDays.isDay(value(column)) {
                    fail(column, .invalidDate(value(column)))
                }
                let code = value(.code)
                if !code.isEmpty {
                    if let first = lines[code] { fail(.code, .duplicateID("\(code) (第 \(first) 行 / line \(first))")) }
                    lines[code] = lines[code] ?? record.line
                }
                guard table.errors.count == before, let kind else { return }
                rows.append(
                    Facility(
                        code: code, kind: kind, name: value(.name), building: building, entrance: entrance, location: value(.location),
                        maker: value(.maker), model: value(.model), installed: value(.installed), certificate: value(.certificate),
                        inspectionDue: value(.inspectionDue), serviceCompany: value(.serviceCompany)))
            },
            problem: { table.report($0, line: $1) })
        table.finish()
        guard table.errors.isEmpty else { throw InputErrors(table.errors.sorted { ($0.line ?? 0) < ($1.line ?? 0) }) }
        var taken = Set(existing.map(\.code)).union(lines.keys)
        for index in rows.indices where rows[index].code.isEmpty {
            let row = rows[index]
            let same = existing.first { $0.kind == row.kind && $0.building == row.building && $0.name == row.name }
            rows[index].code = same?.code ?? FacilityCode.assign(building: row.building, kind: row.kind, taken: taken)
            taken.insert(rows[index].code)
        }
        return rows
    }
}
