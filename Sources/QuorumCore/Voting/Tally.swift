/// Counts the ballots of a vote. Everything here is integer arithmetic over the electorate.
public enum Tally {
    /// Counts `rows` (the checked rows of ballots.csv). Every row is resolved against the
    /// register, the vote's scope and its matters first; any bad row fails the whole count.
    public static func count(
        register: Register, vote: VoteDefinition, electorate: Electorate, ballots rows: [BallotRow],
        deliveries: Deliveries? = nil, ballotsFile: String = "ballots.csv", mattersFile: String = "matters.json"
    ) throws -> TallyResult {
        var errors: [InputError] = []
        func fail(_ row: BallotRow, _ column: BallotColumn, _ problem: InputProblem) {
            errors.append(InputError(file: ballotsFile, line: row.line, field: column.label, problem: problem))
        }
        if vote.settings.silentMajority && deliveries == nil {
            errors.append(InputError(file: mattersFile, field: "settings.silent_majority", problem: .silentMajorityNeedsDeliveries))
        }
        var matterIndex: [String: Int] = [:]
        for (index, matter) in vote.matters.enumerated() { matterIndex[matter.id] = index }
        var marks = vote.matters.map(MarkReader.init)

        // 1. Resolve every row: its unit, voting person, matter and mark.
        var resolved: [ResolvedRow] = []
        resolved.reserveCapacity(rows.count)
        for (rowIndex, row) in rows.enumerated() {
            guard let unit = register.index(of: row.unitID) else {
                fail(row, .unitID, .unknownUnit(row.unitID))
                continue
            }
            guard let person = electorate.person(ofUnit: unit) else {
                let excluded = register.units[unit]
                switch electorate.exclusion(of: excluded) {
                case .outOfScope: fail(row, .unitID, .unitOutOfScope(row.unitID, building: excluded.building))
                case .parking: fail(row, .unitID, .unitCarriesNoVote(row.unitID))
                }
                continue
            }
            guard let matter = matterIndex[row.matterID] else {
                fail(row, .matter, .unknownMatter(row.matterID))
                continue
            }
            switch marks[matter].mark(row.choice) {
            case .success(let mark):
                resolved.append(
                    ResolvedRow(
                        row: Int32(rowIndex), unit: Int32(unit), person: Int32(person), matter: Int32(matter), mark: mark,
                        channel: row.channel, at: row.receivedAt.millisecondsSinceEpoch))
            case .failure(let problem):
                fail(row, .choice, problem)
            }
        }

        // 2. Each person's counted ballot is the first received. A ballot is the rows
        //    of one person with one channel and one receipt time.
        let personCount = electorate.persons.count
        var firstAt = [Int64](repeating: .max, count: personCount)
        for entry in resolved where entry.at < firstAt[Int(entry.person)] {
            firstAt[Int(entry.person)] = entry.at
        }
        var countedRow = [Int32](repeating: -1, count: personCount)  // first row of the counted ballot
        var countedChannel = [Channel](repeating: .online, count: personCount)
        var ignored: [Int: [Int]] = [:]  // person -> first line of each ignored ballot
        var ignoredKeys = Set<BallotKey>()
        for entry in resolved {
            let person = Int(entry.person)
            if entry.at != firstAt[person] {
                if ignoredKeys.insert(BallotKey(person: entry.person, channel: entry.channel, at: entry.at)).inserted {
                    ignored[person, default: []].append(rows[Int(entry.row)].line)
                }
                continue
            }
            if countedRow[person] < 0 {
                countedRow[person] = entry.row
                countedChannel[person] = entry.channel
            } else if countedChannel[person] != entry.channel {
                fail(rows[Int(entry.row)], .receivedAt, .simultaneousBallots(firstLine: rows[Int(countedRow[person])].line))
            }
        }

        // 3. Record the counted ballot's mark per matter; all its rows must agree.
        var markOf = [[Int32]](repeating: [Int32](repeating: -1, count: personCount), count: vote.matters.count)
        var markRow = [[Int32]](repeating: [Int32](repeating: -1, count: personCount), count: vote.matters.count)
        var seenUnitMatter = [[Int32]](repeating: [Int32](repeating: -1, count: register.units.count), count: vote.matters.count)
        for entry in resolved {
            let person = Int(entry.person)
            let matter = Int(entry.matter)
            guard entry.at == firstAt[person], entry.channel == countedChannel[person] else { continue }
            let earlier = seenUnitMatter[matter][Int(entry.unit)]
            if earlier >= 0 {
                fail(rows[Int(entry.row)], .unitID, .duplicateBallotRow(firstLine: rows[Int(earlier)].line))
                continue
            }
            seenUnitMatter[matter][Int(entry.unit)] = entry.row
            if markOf[matter][person] < 0 {
                markOf[matter][person] = entry.mark
                markRow[matter][person] = entry.row
            } else if markOf[matter][person] != entry.mark {
                let first = rows[Int(markRow[matter][person])]
                let row = rows[Int(entry.row)]
                fail(row, .choice, .personDisagrees(firstLine: first.line, first: first.choice, found: row.choice))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors.sorted { ($0.line ?? 0) < ($1.line ?? 0) }) }

        // 4. Silent owners: delivered, and no ballot at all.
        var silent = Weight.zero
        var silentPersons: [Int] = []
        if vote.settings.silentMajority, let deliveries {
            for person in deliveries.persons.sorted() where countedRow[person] < 0 {
                silent += electorate.persons[person].weight
                silentPersons.append(person)
            }
        }

        // 5. Count.
        let weights = electorate.persons.map(\.weight)
        var results: [MatterResult] = []
        for (index, matter) in vote.matters.enumerated() {
            let marksOfMatter = markOf[index]
            var cast = Weight.zero
            for person in 0..<personCount where marksOfMatter[person] >= 0 { cast += weights[person] }
            let silentHere = vote.settings.silentMajority ? silent : nil
            let participating = cast + (silentHere ?? .zero)
            let participationMet = Art278.participationMet(participating: participating, total: electorate.total)
            /// Participation met, and `agreeing` clears the matter's threshold.
            func passes(_ agreeing: Votes) -> Bool {
                participationMet && Art278.approved(agreeing: agreeing, participating: participating, threshold: matter.threshold)
            }
            let outcome: MatterResult.Outcome
            switch matter.kind {
            case .resolution:
                var options = [Votes](repeating: .zero, count: Choice.allCases.count)
                for person in 0..<personCount where marksOfMatter[person] >= 0 {
                    options[Int(marksOfMatter[person])] += weights[person]
                }
                if let silentHere, let majority = options.firstIndex(where: { Art278.holdsMajority($0, of: cast) }) {
                    options[majority] += silentHere
                }
                outcome = .resolution(
                    agree: options[Choice.agree.index], oppose: options[Choice.oppose.index], abstain: options[Choice.abstain.index],
                    invalid: options[Choice.invalid.index], passed: passes(options[Choice.agree.index]))
            case .election(let seats, let candidates):
                var votes = [Votes](repeating: .zero, count: candidates.count)
                let sets = marks[index].candidateSets
                for person in 0..<personCount where marksOfMatter[person] >= 0 {
                    let chosen = sets[Int(marksOfMatter[person])]
                    // A spoiled ballot, or one choosing more than the seats, takes part but chooses nobody.
                    guard let chosen, chosen.count <= seats else { continue }
                    for candidate in chosen { votes[Int(candidate)] += weights[person] }
                }
                if let silentHere {
                    for candidate in votes.indices where Art278.holdsMajority(votes[candidate], of: cast) {
                        votes[candidate] += silentHere
                    }
                }
                let results = candidates.enumerated().map { position, candidate in
                    CandidateResult(id: candidate.id, votes: votes[position], passed: passes(votes[position]))
                }
                outcome = .election(candidates: results, elected: elect(results, seats: seats))
            }
            results.append(
                MatterResult(
                    id: matter.id, item: matter.item, threshold: matter.threshold, participating: participating,
                    silent: silentHere, participationMet: participationMet, outcome: outcome))
        }

        let conflicts = ignored.keys.sorted().map { person in
            let counted = rows[Int(countedRow[person])]
            return BallotConflict(
                countedLine: counted.line, countedChannel: counted.channel, countedAt: counted.receivedAt,
                ignoredLines: ignored[person]!.sorted())
        }.sorted { $0.countedLine < $1.countedLine }
        return TallyResult(vote: vote.name, totals: electorate.total, matters: results, conflicts: conflicts)
    }

    /// The passing candidates, most heads first, then most area (Hangzhou practice), then
    /// the order of the notice; at most `seats` of them.
    static func elect(_ candidates: [CandidateResult], seats: Int) -> [String] {
        let ranked = candidates.enumerated().filter { $0.element.passed }.sorted { lhs, rhs in
            if lhs.element.votes.heads != rhs.element.votes.heads { return lhs.element.votes.heads > rhs.element.votes.heads }
            if lhs.element.votes.area != rhs.element.votes.area { return lhs.element.votes.area > rhs.element.votes.area }
            return lhs.offset < rhs.offset
        }
        return ranked.prefix(seats).map(\.element.id)
    }
}

/// A ballot row reduced to the integers the count needs.
private struct ResolvedRow {
    var row: Int32
    var unit: Int32
    var person: Int32
    var matter: Int32
    var mark: Int32
    var channel: Channel
    var at: Int64
}

private struct BallotKey: Hashable {
    var person: Int32
    var channel: Channel
    var at: Int64
}
