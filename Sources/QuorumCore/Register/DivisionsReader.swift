/// The columns of `divisions.csv` (docs/FILES.md): a city's districts, streets, communities
/// and estates, one path from the top down per row, loaded before any register exists
/// (issue 17, item 1).
public enum DivisionColumn: String, CSVColumn {
    case city, district, street, community, estate

    public var chinese: String { level.chinese }
    public var isRequired: Bool { false }
    public var level: DivisionLevel { DivisionLevel(rawValue: rawValue) ?? .estate }
}

/// A read `divisions.csv`: each row's path, with its line.
public enum DivisionsFile {
    /// The longest name a division may have.
    public static let maximumName = 100

    /// Reads the file: each row names at least one division; a level left empty is skipped
    /// (a street with no community between it and its estate). Throws every error of every
    /// bad row, or none at all.
    public static func read(csv bytes: some Sequence<UInt8>, file: String = "divisions.csv") throws(InputErrors) -> [(
        line: Int, steps: [EstatePath.Step]
    )] {
        var table = CSVTable<DivisionColumn>(file: file)
        var paths: [(line: Int, steps: [EstatePath.Step])] = []
        CSVParser.parse(
            bytes,
            record: { record in
                guard let header = table.header(for: record) else { return }
                let steps = DivisionColumn.allCases.compactMap { column -> EstatePath.Step? in
                    let name = header.value(column, in: record)
                    guard !name.isEmpty else { return nil }
                    if name.count > maximumName { table.fail(line: record.line, column: column, .fieldTooLong(limit: maximumName)) }
                    return EstatePath.Step(level: column.level, name: name)
                }
                if steps.isEmpty { table.fail(line: record.line, column: .estate, .missingField) }
                paths.append((record.line, steps))
            },
            problem: { table.report($0, line: $1) })
        table.finish()
        guard table.errors.isEmpty else { throw InputErrors(table.errors) }
        return paths
    }
}
