import ArgumentParser
import Foundation
import Migrations

/// `migrate create [-ext sql] [-dir D] [-seq [-digits N] | -format F [-tz Z]] NAME`.
struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an empty up and down migration file.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("ext", withSingleDash: true), help: "The file extension, e.g. sql.")
    var ext: String?

    @Option(name: .customLong("dir", withSingleDash: true), help: "The folder to create the files in.")
    var dir: String = "."

    @Flag(name: .customLong("seq", withSingleDash: true), help: "Use the next sequential version (000002).")
    var seq = false

    @Option(name: .customLong("digits", withSingleDash: true), help: "Digits of a sequential version.")
    var digits: Int = 6

    @Option(
        name: .customLong("format", withSingleDash: true),
        help: "Go time layout of a timestamp version, or unix / unixNano.")
    var format: String?

    @Option(name: .customLong("tz", withSingleDash: true), help: "Time zone of a timestamp version.")
    var timeZone: String = "UTC"

    @Argument(help: "The migration's name, e.g. add_users.")
    var name: String

    func validate() throws {
        guard ext?.isEmpty == false else { throw ValidationError("-ext flag must be specified, e.g. -ext sql") }
        if seq && format != nil { throw ValidationError("-seq and -format are mutually exclusive") }
    }

    func run() throws {
        let versioning: MigrationFileCreator.Versioning
        if seq {
            versioning = .sequential(digits: digits)
        } else {
            guard let zone = TimeZone(identifier: timeZone) else {
                throw ValidationError("unknown time zone '\(timeZone)' for -tz")
            }
            versioning = .timestamp(format: format ?? "20060102150405", timeZone: zone)
        }
        let creator = MigrationFileCreator(directory: dir, fileExtension: ext ?? "sql", versioning: versioning)
        let created = try creator.create(name: name)
        Console.out(created.upPath)
        Console.out(created.downPath)
    }
}
