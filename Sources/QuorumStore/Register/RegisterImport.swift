import Crypto
import Foundation
import QuorumCore
import SQLKit

/// How far an import has got, for a progress bar.
public struct ImportProgress: Sendable {
    public enum Phase: String, Sendable {
        case reading, checking, applying
    }

    public var phase: Phase
    public var bytesRead: Int64
    public var totalBytes: Int64
    /// Valid rows read so far.
    public var rows: Int
}

/// What an import did.
public struct RegisterImportResult: Sendable {
    public var estate: Division
    /// The revision the import made; nil when the file matched the current register, and
    /// nothing was changed.
    public var created: RegisterRevision?
    /// The current revision after the import (nil: the estate has no register yet).
    public var current: RegisterRevision?
    /// Some unit numbers of each kind of change (the first few, in order), for the summary.
    public var samples: ChangeSamples
}

public struct ChangeSamples: Sendable, Equatable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []
    public var ownersChanged: [String] = []

    public init(added: [String] = [], changed: [String] = [], removed: [String] = [], ownersChanged: [String] = []) {
        self.added = added
        self.changed = changed
        self.removed = removed
        self.ownersChanged = ownersChanged
    }
}

/// A register file that was refused: the database is as it was. Every error is counted;
/// the first `RegisterStore.listedErrorLimit` are kept, in line order, so that memory stays bounded
/// even for a file in the wrong encoding, where every row is bad.
public struct RegisterRejected: Error, Sendable {
    public var errors: [InputError]
    public var total: Int
}

extension RegisterStore {
    /// Rows per INSERT while staging on SQLite: 14 parameters a row stays under its 32,766
    /// a statement. (PostgreSQL stages with COPY.)
    static let stagingBatchRows = 1000
    /// How many errors a refused import lists.
    public static let listedErrorLimit = 10_000
    /// How many unit numbers of each kind of change the result names.
    public static let changeSampleSize = 10

    /// Imports an estate's `registry.csv` (FORMATS.md), creating the estate and the
    /// divisions above it if they are new.
    ///
    /// The file streams through the core reader into temporary staging tables on one
    /// connection, so memory stays constant whatever its size. Unit-level consistency is
    /// then checked with SQL over the staged rows, with the same errors and line numbers
    /// as `Register.read(csv:)`. A file with any error throws `RegisterRejected` and changes
    /// nothing. Otherwise the difference from the current register is applied in one
    /// transaction as a new revision; a file that matches the current register makes none.
    /// An Excel workbook is read as its first sheet (`Workbook`), its errors placed at their cells.
    public func importRegister(
        file original: String, named fileName: String? = nil, estate: EstatePath,
        progress: ((ImportProgress) -> Void)? = nil
    ) async throws -> RegisterImportResult {
        guard estate.namesAnEstate else { throw StoreError.estateNameMissing }
        let name = fileName ?? URL(fileURLWithPath: original).lastPathComponent
        let source: Workbook.CSVSource
        do { source = try Workbook.csv(of: original, file: name) } catch { throw RegisterRejected(errors: error.errors, total: error.errors.count) }
        defer { source.close() }
        let path = source.path
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        return try await withConnection { db in
            try await requireMigrated(db)
            let key = try await personalDataKey(on: db, creating: false)
            try await Staging.prepare(on: db)
            var staged = try await stage(handle, size: size, name: name, key: key, on: db, progress: progress)
            progress?(ImportProgress(phase: .checking, bytesRead: size, totalBytes: size, rows: staged.rows))
            try await Staging.checkUnits(file: name, errors: &staged.errors, on: db)
            guard staged.errors.total == 0 else {
                throw RegisterRejected(errors: source.place(staged.errors.listed, file: name), total: staged.errors.total)
            }
            // The log keeps the hash of the file as given, not of its sheet's CSV.
            if source.sheet != nil { staged.sha256 = try Self.sha256(ofFile: original) }
            progress?(ImportProgress(phase: .applying, bytesRead: size, totalBytes: size, rows: staged.rows))
            return try await applyStaged(estate: estate, file: name, sha256: staged.sha256, rows: staged.rows, on: db)
        }
    }

    private struct Staged {
        var rows = 0
        var sha256 = ""
        var errors = ErrorList(limit: RegisterStore.listedErrorLimit)
    }

    /// Reads the file in 1 MiB chunks through the core reader, writing valid rows to
    /// `import_rows`. Bad rows' errors are collected; reading never stops early.
    ///
    /// Each chunk's rows are written by a task of their own while the next chunk is parsed,
    /// so that the two cores share the work; at most one chunk is in flight, so memory
    /// stays bounded, and the connection never runs two statements at once.
    private func stage(
        _ handle: FileHandle, size: Int64, name: String, key: PersonalDataKey, on db: any SQLDatabase,
        progress: ((ImportProgress) -> Void)?
    ) async throws -> Staged {
        var staged = Staged()
        var parser = CSVParser()
        var reader = RegisterRowReader(file: name)
        var rows: [RegisterRow] = []
        var digest = SHA256()
        var bytesRead: Int64 = 0
        var writing: Task<Int, any Error>? = nil
        // Staging writes only temporary tables: a plain BEGIN takes no lock on the register.
        try await transaction(on: db, writing: false) {
            do {
                var done = false
                while !done {
                    let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
                    done = chunk.isEmpty
                    digest.update(data: chunk)
                    bytesRead += Int64(chunk.count)
                    let record = { (record: CSVRecord) in if let row = reader.read(record) { rows.append(row) } }
                    let problem = { (problem: CSVProblem, line: Int) in reader.report(problem, line: line) }
                    if done {
                        parser.finish(record: record, problem: problem)
                        reader.finish()
                    } else {
                        parser.feed(chunk, record: record, problem: problem)
                    }
                    staged.errors.add(reader.takeErrors())
                    if let writing { staged.rows += try await writing.value }
                    let batch = rows
                    rows.removeAll(keepingCapacity: true)
                    writing = Task { try await Staging.insert(batch, key: key, on: db) }
                    progress?(ImportProgress(phase: .reading, bytesRead: bytesRead, totalBytes: size, rows: staged.rows))
                }
                if let writing { staged.rows += try await writing.value }
            } catch {
                // The connection must be idle before the transaction is rolled back.
                _ = try? await writing?.value
                throw error
            }
            return .commit(())
        }
        staged.sha256 = hex(digest.finalize())
        return staged
    }
}

extension RegisterStore {
    /// The SHA-256 of a file, read in 1 MiB chunks.
    static func sha256(ofFile path: String) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var digest = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { digest.update(data: chunk) }
        return hex(digest.finalize())
    }
}

/// The first `limit` errors in line order, and how many there were in all.
struct ErrorList {
    let limit: Int
    private(set) var listed: [InputError] = []
    private(set) var total = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Adds errors from any source; the list stays in line order (stable within a line).
    mutating func add(_ errors: [InputError]) {
        total += errors.count
        if listed.count >= limit, let last = listed.last?.line,
            errors.allSatisfy({ ($0.line ?? 0) >= last })
        {
            return
        }
        let merged = (listed + errors).enumerated().sorted {
            (($0.element.line ?? 0), $0.offset) < (($1.element.line ?? 0), $1.offset)
        }
        listed = merged.prefix(limit).map(\.element)
    }

    /// Counts errors that are not listed.
    mutating func count(_ more: Int) {
        total += more
    }
}
