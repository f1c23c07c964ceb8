import ArgumentParser
import Foundation
import SQLGen

/// `swift-sqlgen`: typed Swift for PostgresNIO from plain SQL.
@main
struct SwiftSQLGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swift-sqlgen",
        abstract: "Generate typed Swift (PostgresNIO) from PostgreSQL migrations and annotated queries.",
        discussion: """
            Reads sqlc.yaml (sqlc's version 2 format with a `gen: swift:` block), parses the schema \
            and queries with PostgreSQL's own parser, infers every parameter and column type, and \
            writes Swift into each package's `out` folder.
            """,
        version: SQLGenVersion.current,
        subcommands: [
            Generate.self, Compile.self, Diff.self, Describe.self, Verify.self, Vet.self, Init.self, Version.self,
        ],
        defaultSubcommand: Generate.self
    )
}

/// Options every command that reads a configuration shares.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: [.customShort("f"), .customLong("file")],
        help: "The configuration file (default: sqlc.yaml, sqlc.yml or sqlc.json in the current folder).")
    var file: String?
}

/// The server `verify` and `vet`'s `db-prepare` rule create their scratch database on.
struct ServerOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: """
            The server to create the scratch database on (a postgresql:// URL; its database is only \
            connected to). Default: SQLGEN_VERIFY_DATABASE_URL, else libpq's defaults (PGHOST, PGPORT, PGUSER, …).
            """)
    var databaseURL = ProcessInfo.processInfo.environment["SQLGEN_VERIFY_DATABASE_URL"] ?? ""
}

/// Prints diagnostics to standard error, the way compilers do, and says whether any is an error.
func report(_ diagnostics: [Diagnostic]) -> Bool {
    for diagnostic in diagnostics.sortedForDisplay() {
        printToStandardError(diagnostic.description)
    }
    let errors = diagnostics.filter { $0.severity == .error }.count
    if errors > 0 {
        printToStandardError("\(errors) error\(errors == 1 ? "" : "s") generated; nothing was written.")
    }
    return errors > 0
}

func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Prints `message` to standard error and returns the exit status to throw after it.
func failure(_ message: String) -> ExitCode {
    printToStandardError(message)
    return .failure
}

extension ConfigOptions {
    /// Runs the pipeline on the configuration and prints its diagnostics; fails on any error.
    func compile() throws -> Pipeline.Result {
        let result = Pipeline.run(configPath: file)
        if report(result.diagnostics) { throw ExitCode.failure }
        return result
    }

    /// Compiles, then works out what writing each package's output would change on disk.
    func plannedChanges() throws -> [(output: OutputDirectory, changes: [OutputDirectory.Change])] {
        do {
            return try compile().packages.map { package in
                (package.output, try package.output.changes(toWrite: package.files))
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw failure("error: \(error)")
        }
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate Swift and write it to each package's `out` folder.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        // Only write once every package is known to be writable, so a run never half-applies.
        for (output, changes) in try options.plannedChanges() {
            do {
                try output.apply(changes)
            } catch {
                throw failure("error: could not write to \(output.displayPath): \(error.localizedDescription)")
            }
        }
    }
}

struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the schema and queries without writing anything.",
        discussion: "Prints the same diagnostics as generate and exits with status 1 when any is an error."
    )

    @OptionGroup var options: ConfigOptions

    func run() throws {
        _ = try options.compile()
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the generated code with what is on disk.",
        discussion: "Prints a unified diff and exits with status 1 when the committed code is stale (for CI)."
    )

    @OptionGroup var options: ConfigOptions

    func run() throws {
        var stale = false
        for (output, changes) in try options.plannedChanges() {
            for change in changes {
                stale = true
                let path = output.displayPath + "/" + change.path
                let diff: String?
                switch change {
                case .create(_, let contents):
                    diff = UnifiedDiff.make(old: "", new: contents, oldName: "/dev/null", newName: "b/\(path)")
                case .update(_, let old, let new):
                    diff = UnifiedDiff.make(old: old, new: new, oldName: "a/\(path)", newName: "b/\(path)")
                case .delete(_, let old):
                    diff = UnifiedDiff.make(old: old, new: "", oldName: "a/\(path)", newName: "/dev/null")
                }
                if let diff { print(diff, terminator: "") }
            }
        }
        if stale {
            throw failure("error: the generated code is stale; run `swift-sqlgen generate` (make sqlc) and commit the result")
        }
    }
}

struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the analysis: every query's parameters and columns with their types.")

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Print JSON (the only format for now).")
    var json = false

    func run() throws {
        let result = Pipeline.run(configPath: options.file)
        print(result.describeReport().json(), terminator: "")
        if report(result.diagnostics) { throw ExitCode.failure }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the analysis against PostgreSQL: prepare every query on a scratch database.",
        discussion: """
            Creates a scratch database on the server, applies the schema, prepares every query and \
            compares the parameter and column types PostgreSQL reports with the analysis. Each \
            disagreement is an error at the query; the scratch database is dropped afterwards, also \
            on failure or Ctrl-C.
            """
    )

    @OptionGroup var options: ConfigOptions
    @OptionGroup var server: ServerOptions

    func run() throws {
        // The analysis is checked even when generating would fail (a type without a Swift
        // mapping): those errors are reported, and the exit status still says so.
        let result = Pipeline.run(configPath: options.file)
        for diagnostic in result.diagnostics.sortedForDisplay() { printToStandardError(diagnostic.description) }
        var failed = result.hasErrors
        Verifier.dropScratchDatabasesOnInterrupt()
        for package in result.packages {
            let report = Verifier(serverURL: server.databaseURL).verify(package)
            for diagnostic in report.diagnostics.sortedForDisplay() { printToStandardError(diagnostic.description) }
            print("\(package.name): \(report.summary)")
            failed = failed || report.diagnostics.containsErrors
        }
        // The summaries count disagreements with PostgreSQL; say that the analysis' own errors
        // (printed first) fail the run too.
        let analysisErrors = result.diagnostics.filter { $0.severity == .error }.count
        if analysisErrors > 0 {
            print("and \(analysisErrors) error\(analysisErrors == 1 ? "" : "s") before verification (above), which fail verify too")
        }
        if failed { throw ExitCode.failure }
    }
}

struct Vet: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint the queries with built-in rules: UPDATE/DELETE without WHERE, SELECT *, = NULL, …",
        discussion: """
            Prints one line per finding, `file:line:col: error|warning: message [rule]`, then a summary. \
            Exits with status 1 when any finding or analysis problem is an error. Turn rules off with \
            `-- vet: ignore <rule>` above a query or `vet: disable: [...]` in the config; `db-prepare` \
            (enabled with `vet: enable: [db-prepare]`) prepares every query on a scratch database.
            """
    )

    @OptionGroup var options: ConfigOptions
    @OptionGroup var server: ServerOptions

    func run() throws {
        // The rules need the analysis; its own problems are printed and counted with the findings.
        let result = Pipeline.run(configPath: options.file)
        let vetter = Vetter(options: result.vetOptions, serverURL: server.databaseURL)
        if result.vetOptions.runs(.dbPrepare) { Verifier.dropScratchDatabasesOnInterrupt() }
        var diagnostics = result.diagnostics
        var queries = 0
        for package in result.packages {
            let report = vetter.vet(package)
            queries += report.queries
            diagnostics += report.diagnostics
        }
        for diagnostic in diagnostics.sortedForDisplay() { printToStandardError(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        printToStandardError(
            "vet: \(counted(queries, "query", "queries")), \(counted(errors, "error")), \(counted(warnings, "warning"))")
        if errors > 0 { throw ExitCode.failure }
    }

    private func counted(_ count: Int, _ one: String, _ many: String? = nil) -> String {
        "\(count) \(count == 1 ? one : many ?? one + "s")"
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a starter sqlc.yaml in the current folder.")

    func run() throws {
        let path = "sqlc.yaml"
        guard !FileManager.default.fileExists(atPath: path) else {
            throw failure("error: \(path) already exists")
        }
        try ConfigTemplate.starter.write(toFile: path, atomically: true, encoding: .utf8)
        print("wrote \(path)")
    }
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the version.")

    func run() {
        print("swift-sqlgen \(SQLGenVersion.current) (PostgreSQL \(PgQuery.postgresVersion) grammar)")
    }
}
