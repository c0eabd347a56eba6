extension Choice {
    var index: Int { Choice.allCases.firstIndex(of: self)! }
}

/// Turns the choice text of one matter into a small integer mark: an option's index for a
/// resolution; for an election, the index of the (sorted) set of chosen candidates.
struct MarkReader {
    let matter: Matter
    private var candidateIndex: [String: Int32] = [:]
    private var setIndex: [[Int32]: Int32] = [:]
    /// For an election, the candidate set of each mark; nil marks a spoiled ballot (废票).
    private(set) var candidateSets: [[Int32]?] = []
    private var spoiledMark: Int32?
    /// Election marks already read, by their text: a large file repeats a few texts many times.
    private var known: [String: Int32] = [:]

    init(_ matter: Matter) {
        self.matter = matter
        if case .election(_, let candidates) = matter.kind {
            for (position, candidate) in candidates.enumerated() { candidateIndex[candidate.id] = Int32(position) }
        }
    }

    mutating func mark(_ text: String) -> Result<Int32, InputProblem> {
        guard case .election = matter.kind else { return read(text) }
        if let mark = known[text] { return .success(mark) }
        let result = read(text)
        if case .success(let mark) = result { known[text] = mark }
        return result
    }

    private mutating func read(_ text: String) -> Result<Int32, InputProblem> {
        switch matter.kind {
        case .resolution:
            guard let choice = Choice.parse(text) else { return .failure(.choiceNotForResolution(text)) }
            return .success(Int32(choice.index))
        case .election:
            if Choice.parse(text) == .invalid {
                if let spoiledMark { return .success(spoiledMark) }
                let mark = Int32(candidateSets.count)
                candidateSets.append(nil)
                spoiledMark = mark
                return .success(mark)
            }
            var chosen: [Int32] = []
            for part in text.split(whereSeparator: { $0 == ";" || $0 == "；" }) {
                let id = String(part).trimmed()
                if id.isEmpty { continue }
                guard let candidate = candidateIndex[id] else { return .failure(.unknownCandidate(id)) }
                if chosen.contains(candidate) { return .failure(.candidateChosenTwice(id)) }
                chosen.append(candidate)
            }
            chosen.sort()
            if let known = setIndex[chosen] { return .success(known) }
            let mark = Int32(candidateSets.count)
            candidateSets.append(chosen)
            setIndex[chosen] = mark
            return .success(mark)
        }
    }
}
