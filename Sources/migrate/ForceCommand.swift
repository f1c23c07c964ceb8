import ArgumentParser
import Migrations

/// `migrate … force V`: set the version without running migrations, clearing the dirty flag.
struct ForceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "force",
        abstract: "Set the version to V and clear the dirty flag, running no migration (-1: no version).")

    @OptionGroup var global: GlobalOptions

    // Collected raw: ArgumentParser would read `-1` as an unknown option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The version to record; -1 for none.", valueName: "V"))
    var values: [String] = []

    func run() async throws {
        guard values.count == 1, let version = Int64(values[0]) else {
            let given = values.isEmpty ? "nothing" : values.joined(separator: " ")
            throw ValidationError("force takes one version number (or -1 for no version), got \(given)")
        }
        let migrator = try global.makeMigrator()
        try await migrator.force(version)
        if global.verbose {
            Console.out(version == -1 ? "Forced no version" : "Forced version \(version)")
        }
    }
}
