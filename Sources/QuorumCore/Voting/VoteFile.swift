/// The files of a vote (FORMATS.md) as organisers download them, and when (issue 13): what
/// names units or owners is sealed until the vote is counted, and each download of it is
/// logged with who made it.
public enum VoteFile: String, CaseIterable, Sendable {
    case registry = "registry.csv"
    case matters = "matters.json"
    case ballots = "ballots.csv"
    case deliveries = "deliveries.csv"
    case tally = "tally.json"
    case log = "log.jsonl"
    /// The register, the ballots and the deliveries as the sheets of one Excel workbook.
    case workbook = "export.xlsx"

    /// Names units or owners (their choices, their deliveries, the masked register).
    public var isPersonal: Bool { [.registry, .ballots, .deliveries, .workbook].contains(self) }

    /// Whether it may be downloaded in `phase`: a personal file only once the vote is counted,
    /// so nobody reads how flats voted while the vote is still open.
    public func isAvailable(in phase: VotePhase) -> Bool {
        !isPersonal || phase == .counted || phase == .preliminary || phase == .final
    }
}
