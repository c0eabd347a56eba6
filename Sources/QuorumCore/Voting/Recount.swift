/// The input files of an independent recount, as bytes with the names to report them by.
public struct RecountFiles: Sendable {
    public var registry: (name: String, bytes: [UInt8])
    public var matters: (name: String, bytes: [UInt8])
    public var ballots: (name: String, bytes: [UInt8])
    public var deliveries: (name: String, bytes: [UInt8])?

    public init(
        registry: (name: String, bytes: [UInt8]), matters: (name: String, bytes: [UInt8]),
        ballots: (name: String, bytes: [UInt8]), deliveries: (name: String, bytes: [UInt8])? = nil
    ) {
        self.registry = registry
        self.matters = matters
        self.ballots = ballots
        self.deliveries = deliveries
    }
}

/// Recounts a vote from its exported files, as an auditor does (`quorum tally`).
public enum Recount {
    /// The tally, or every error of every file: each file is checked as far as the others
    /// allow, so one run lists everything to fix.
    public static func run(_ files: RecountFiles) throws -> TallyResult {
        do {
            return try check(files)
        } catch let failure as InputErrors {
            // File by file, line by line: the order a person fixes them in.
            let order = [files.registry.name, files.matters.name, files.ballots.name, files.deliveries?.name ?? ""]
            let sorted = failure.errors.enumerated().sorted { lhs, rhs in
                let left = (order.firstIndex(of: lhs.element.file) ?? 4, lhs.element.line ?? 0, lhs.offset)
                let right = (order.firstIndex(of: rhs.element.file) ?? 4, rhs.element.line ?? 0, rhs.offset)
                return left < right
            }
            throw InputErrors(sorted.map(\.element))
        }
    }

    private static func check(_ files: RecountFiles) throws -> TallyResult {
        var errors: [InputError] = []
        var register: Register?
        do { register = try Register.read(csv: files.registry.bytes, file: files.registry.name) } catch let failure as InputErrors {
            errors += failure.errors
        }
        var vote: VoteDefinition?
        do { vote = try VoteDefinition.read(json: files.matters.bytes, file: files.matters.name) } catch let failure as InputErrors {
            errors += failure.errors
        }
        let (rows, rowErrors) = BallotRowReader.read(csv: files.ballots.bytes, file: files.ballots.name)
        errors += rowErrors
        guard let register, let vote else { throw InputErrors(errors) }
        let electorate: Electorate
        do { electorate = try Electorate(register: register, vote: vote, file: files.matters.name) } catch let failure as InputErrors {
            throw InputErrors(errors + failure.errors)
        }
        var deliveries: Deliveries?
        if let file = files.deliveries {
            do {
                deliveries = try Deliveries.read(csv: file.bytes, register: register, electorate: electorate, file: file.name)
            } catch let failure as InputErrors {
                errors += failure.errors
            }
        }
        do {
            let result = try Tally.count(
                register: register, vote: vote, electorate: electorate, ballots: rows, deliveries: deliveries,
                ballotsFile: files.ballots.name, mattersFile: files.matters.name)
            guard errors.isEmpty else { throw InputErrors(errors) }
            return result
        } catch let failure as InputErrors {
            throw InputErrors(errors + failure.errors)
        }
    }
}
