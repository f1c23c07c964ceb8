import Foundation

@testable import SQLGen

/// A project in a temporary folder (schema, one query file, a config with an optional `vet:`
/// section) and what `vet` reports on it.
struct VetProject {
    /// Keys of every kind the rules read: a primary key, a UNIQUE column, a composite UNIQUE
    /// added by ALTER TABLE, a unique index, a partial unique index (not a key) and a table
    /// without any key.
    static let schema = """
        CREATE TABLE users (
            username varchar PRIMARY KEY,
            email varchar UNIQUE NOT NULL
        );

        CREATE TABLE accounts (
            id bigserial PRIMARY KEY,
            owner varchar NOT NULL,
            balance bigint NOT NULL,
            currency varchar NOT NULL
        );
        ALTER TABLE accounts ADD CONSTRAINT owner_currency_key UNIQUE (owner, currency);

        CREATE TABLE tags (name text NOT NULL, note text);
        CREATE UNIQUE INDEX tags_name ON tags (name);

        CREATE TABLE events (kind text NOT NULL, payload text);
        CREATE UNIQUE INDEX ON events (kind) WHERE payload IS NULL;
        """

    let folder: TemporaryFolder
    let result: Pipeline.Result

    init(queries: String, vet: String = "") throws {
        folder = try TemporaryFolder()
        try folder.write("schema.sql", Self.schema)
        try folder.write("query.sql", queries)
        try folder.write("sqlc.yaml", Self.config(vet: vet))
        result = Pipeline.run(configPath: folder.path + "/sqlc.yaml")
    }

    /// A config for `schema.sql` and `query.sql`; `vet` is YAML for the top level, ending in a
    /// line break when not empty.
    static func config(vet: String) -> String {
        """
        version: "2"
        \(vet)sql:
          - engine: postgresql
            schema: schema.sql
            queries: query.sql
            gen:
              swift:
                out: out
        """
    }

    /// The analysis' own errors and warnings (a project for a rule must have none).
    var pipelineProblems: [String] {
        result.diagnostics.filter { $0.severity != .note }.map(\.description)
    }

    func vet(serverURL: String = "") -> Vetter.Report {
        let vetter = Vetter(options: result.vetOptions, serverURL: serverURL)
        var report = Vetter.Report()
        for package in result.packages {
            let one = vetter.vet(package)
            report.queries += one.queries
            report.diagnostics += one.diagnostics
            report.scratchDatabase = one.scratchDatabase ?? report.scratchDatabase
        }
        return report
    }

    /// Each finding as `line:col severity rule`, the part every rule test pins down exactly.
    func findings(serverURL: String = "") -> [String] {
        vet(serverURL: serverURL).diagnostics.map(Self.summary)
    }

    static func summary(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location.map { "\($0.line):\($0.column)" } ?? "-"
        let rule = diagnostic.message.hasSuffix("]") ? diagnostic.message.split(separator: "[").last.map { "[\($0)" } ?? "" : ""
        return "\(location) \(diagnostic.severity.rawValue) \(rule)".trimmingCharacters(in: .whitespaces)
    }
}
