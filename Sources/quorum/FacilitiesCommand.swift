import ArgumentParser
import Foundation
import QuorumCore
import QuorumStore

/// `quorum facilities …`: the estate's facilities and equipment (设施设备).
struct FacilitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilities",
        abstract: "Manage an estate's facilities and equipment (设施设备).",
        subcommands: [FacilitiesImportCommand.self]
    )
}

/// `quorum facilities import FILE --estate NAME`: load an estate's facilities.csv.
struct FacilitiesImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an estate's facilities.csv (导入设施设备).",
        discussion: """
            The file is checked whole against the estate's register before anything changes: with \
            any bad row, every error (line, column, reason) is printed on standard error, the \
            database is left as it was, and the exit code is 65. A row whose code the estate has \
            updates that facility; codes are assigned to rows without one. Importing the same file \
            again changes nothing.
            """
    )

    @Argument(help: "The facilities file (facilities.csv, FORMATS.md).")
    var file: String

    @Option(help: "The estate (小区) the facilities belong to; its register must be imported.")
    var estate: String

    @Option(help: "The street (街道) the estate is under, when its name is not unique.")
    var street: String?

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard let bytes = FileManager.default.contents(atPath: file) else { throw unreadable(file) }
        let path = EstatePath(street: street, estate: estate)
        try await options.withStore { store in
            guard let found = try await store.register.findEstate(path) else { throw StoreError.estateNotFound(path.description) }
            let name = URL(fileURLWithPath: file).lastPathComponent
            do {
                let result = try await store.facilities.importFacilities(Array(bytes), file: name, estate: found.id, actor: "system")
                Terminal.standardOutput(
                    "\(path): 新增 \(result.added)，更新 \(result.updated)，未变 \(result.unchanged) / "
                        + "\(result.added) added, \(result.updated) updated, \(result.unchanged) unchanged\n")
            } catch let rejected as InputErrors {
                throw Exit.refuse(rejected, zh: "设施设备未导入，数据库未改动", en: "nothing was imported")
            }
        }
    }
}
