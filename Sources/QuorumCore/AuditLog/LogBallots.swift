/// The two columns by which an exported `ballots.csv` ties each counted ballot to its entry
/// in the audit log (docs/AUDIT-LOG.md): every row of one ballot carries them.
public enum BallotLogColumn: String, CSVColumn {
    /// The index of the ballot's entry in the log, as printed on the receipt.
    case logIndex = "log_index"
    /// The ballot's salt, 64 hex digits, as printed on the receipt.
    case salt

    public var chinese: String {
        switch self {
        case .logIndex: "日志序号"
        case .salt: "盐值"
        }
    }

    public var isRequired: Bool { true }
}

/// Whether the counted ballots and the log's ballot entries are the same set.
public enum LogBallots {
    /// Checks `ballots.csv` (FORMATS.md, plus `log_index` and `salt`) against the ballot
    /// entries a verifier collected: each ballot (the rows sharing a log index) must be a
    /// ballot entry of the vote that no conflict set aside, with the same channel and time,
    /// and its choices with its salt must give the entry's commitment; and every such
    /// entry of the vote must be among the ballots. `vote` defaults to the first ballot's.
    /// Returns the number of ballots matched.
    public static func check(
        csv bytes: [UInt8], file: String = "ballots.csv", log verifier: LogVerifier, vote: String? = nil
    ) -> Result<Int, LogProblem> {
        let (rows, errors) = BallotRowReader.read(csv: bytes, file: file)
        var table = CSVTable<BallotLogColumn>(file: file)
        var links: [Int: (index: String, salt: String)] = [:]
        CSVParser.parse(
            bytes,
            record: { record in
                guard let header = table.header(for: record) else { return }
                links[record.line] = (header.value(.logIndex, in: record), header.value(.salt, in: record))
            },
            problem: { table.report($0, line: $1) })
        table.finish()
        if let error = (errors + table.errors).min(by: { ($0.line ?? 0) < ($1.line ?? 0) }) {
            return .failure(LogProblem(.ballotRow(line: error.line ?? 1), .ballotsUnreadable(error.description)))
        }

        // One ballot per log index, its rows in file order.
        var order: [Int] = []
        var groups: [Int: (salt: String, rows: [BallotRow])] = [:]
        for row in rows {
            let link = links[row.line]!
            guard let index = Int(link.index), index >= 0 else {
                return .failure(LogProblem(.ballotRow(line: row.line), .ballotsUnreadable("log_index “\(link.index)”")))
            }
            if groups[index] == nil {
                order.append(index)
                groups[index] = (link.salt, [])
            }
            groups[index]!.rows.append(row)
        }

        let theVote = vote ?? order.first.flatMap { verifier.ballots[$0]?.vote }
        for index in order {
            let (salt, rows) = groups[index]!
            let line = rows[0].line
            func differs(_ field: String) -> Result<Int, LogProblem> {
                .failure(LogProblem(.ballotRow(line: line), .ballotDiffers(index: index, field: field)))
            }
            guard let logged = verifier.ballots[index] else {
                return .failure(LogProblem(.ballotRow(line: line), .noSuchBallot(index: index)))
            }
            if verifier.ignoredBallots.contains(index) {
                return .failure(LogProblem(.ballotRow(line: line), .setAside(index: index)))
            }
            if logged.vote != theVote { return differs("vote") }
            if rows.contains(where: { $0.channel != logged.ballot.channel }) { return differs("channel") }
            if rows.contains(where: { $0.receivedAt != logged.time }) { return differs("received_at") }
            guard let saltBytes = ByteText.bytes(hex: salt.lowercased(), count: BallotCommitment.saltLength),
                let choices = choices(of: rows), BallotCommitment.make(choices, salt: saltBytes) == logged.ballot.commitment
            else { return differs("choices") }
        }

        let counted = Set(order)
        let uncounted = verifier.ballots.filter { index, logged in
            logged.vote == theVote && !verifier.ignoredBallots.contains(index) && !counted.contains(index)
        }
        if let first = uncounted.keys.min() { return .failure(LogProblem(.entry(first), .uncounted)) }
        return .success(order.count)
    }

    /// A ballot's choices from its rows; nil if two units' rows disagree on a matter. An
    /// option (in English or Chinese) is a resolution's; anything else names candidates.
    static func choices(of rows: [BallotRow]) -> BallotChoices? {
        var marks: [String: BallotChoices.Mark] = [:]
        for row in rows {
            let mark: BallotChoices.Mark
            if let choice = Choice.parse(row.choice) {
                mark = .option(choice)
            } else {
                mark = .candidates(row.choice.split(separator: ";").map { String($0).trimmed() }.filter { !$0.isEmpty }.sorted())
            }
            if let earlier = marks[row.matterID], earlier != mark { return nil }
            marks[row.matterID] = mark
        }
        return BallotChoices(marks)
    }
}
