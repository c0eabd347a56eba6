import ArgumentParser
import Foundation
import QuorumCore

/// Exit codes, after sysexits.h: what a script calling `quorum` can tell apart.
enum Exit {
    /// An input file has bad data; every error was printed.
    static let badData = ExitCode(65)
    /// An input file could not be read at all.
    static let noInput = ExitCode(66)
    /// The database cannot be opened, or refuses (not migrated, wrong secret).
    static let unavailable = ExitCode(69)
}

extension Exit {
    /// Every error on its line, then how many and what was not done (`zh`, `en`): the exit for bad data.
    static func refuse(_ failure: InputErrors, zh: String, en: String) -> ExitCode {
        let count = failure.errors.count
        Terminal.standardError(failure.description + "\n共 \(count) 处错误，\(zh)。/ \(count) error(s): \(en).")
        return badData
    }
}

enum Terminal {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Reads a whole file, or exits with a clear message naming it.
func readFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { throw unreadable(path) }
    return [UInt8](data)
}

/// Says why `path` cannot be read; the command then exits with `Exit.noInput`.
func unreadable(_ path: String) -> ExitCode {
    let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read 无法读取" : "does not exist 文件不存在"
    Terminal.standardError("\(path): \(reason)")
    return Exit.noInput
}
