import Foundation
import Testing

@testable import SQLGen

@Suite struct InputFileResolverTests {
    /// A config folder with a golang-migrate layout, queries, hidden and non-SQL files.
    func makeProject() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in [
            "db/migration/000002_add_users.up.sql", "db/migration/000002_add_users.down.sql",
            "db/migration/000001_init_schema.up.sql", "db/migration/000001_init_schema.down.sql",
            "db/migration/.hidden.sql", "db/migration/README.md", "db/migration/nested/deep.sql",
            "db/query/user.sql", "db/query/account.sql", "db/query/notes.txt", "extra/b.sql", "extra/a.sql",
        ] {
            try folder.write(name, "-- \(name)\n")
        }
        return folder
    }

    func config(in folder: TemporaryFolder, schema: [String], queries: [String]) -> (Config, SQLPackage) {
        let package = SQLPackage(index: 0, name: nil, schema: schema, queries: queries, swift: SwiftOptions(out: "out"))
        return (Config(path: "\(folder.path)/sqlc.yaml", directory: folder.path, packages: [package]), package)
    }

    @Test func directoryGivesSQLFilesOneLevelDeepSkippingDownFiles() throws {
        let folder = try makeProject()
        let (config, package) = config(in: folder, schema: ["db/migration"], queries: ["./db/query/"])
        #expect(
            try config.resolvedSchemaFiles(for: package).map(\.path) == [
                "db/migration/000001_init_schema.up.sql", "db/migration/000002_add_users.up.sql",
            ])
        #expect(try config.resolvedQueryFiles(for: package).map(\.path) == ["db/query/account.sql", "db/query/user.sql"])
    }

    @Test func globsAndListsKeepListOrderAndSortEachEntry() throws {
        let folder = try makeProject()
        let (config, package) = config(
            in: folder, schema: ["extra/*.sql", "db/migration/*.sql", "extra/a.sql"],
            queries: ["db/query/u*.sql", "db/q?ery/account.sql"])
        #expect(
            try config.resolvedSchemaFiles(for: package).map(\.path) == [
                "extra/a.sql", "extra/b.sql", "db/migration/000001_init_schema.up.sql",
                "db/migration/000002_add_users.up.sql",
            ])
        #expect(try config.resolvedQueryFiles(for: package).map(\.path) == ["db/query/user.sql", "db/query/account.sql"])
    }

    @Test func explicitFilesAndReading() throws {
        let folder = try makeProject()
        let (config, package) = config(in: folder, schema: ["db/migration/000001_init_schema.up.sql"], queries: ["db/query/user.sql"])
        let files = try config.resolvedQueryFiles(for: package)
        #expect(files == [InputFile(path: "db/query/user.sql", fileSystemPath: "\(folder.path)/db/query/user.sql")])
        let source = try files[0].read()
        #expect(source.path == "db/query/user.sql")
        #expect(source.text == "-- db/query/user.sql\n")
    }

    @Test func pathsThatMatchNothingAreErrorsNamingKeyAndPath() throws {
        let folder = try makeProject()
        var (config, package) = config(in: folder, schema: ["db/nope", "db/migration/*.psql"], queries: ["missing.sql"])
        package.schemaLocation = SourceLocation(file: "sqlc.yaml", line: 4, column: 13)
        do {
            _ = try config.resolvedSchemaFiles(for: package)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "sqlc.yaml:4:13: error: sql[0].schema: \"db/nope\" matches no files",
                    "sqlc.yaml:4:13: error: sql[0].schema: \"db/migration/*.psql\" matches no files",
                ])
        }
        #expect(throws: ConfigError.self) { try config.resolvedQueryFiles(for: package) }
    }

    @Test func globMatching() {
        #expect(InputFileResolver.glob("*.sql", matches: "a.sql"))
        #expect(InputFileResolver.glob("a?c", matches: "abc"))
        #expect(!InputFileResolver.glob("*.sql", matches: "a.sql.bak"))
        #expect(InputFileResolver.glob("*", matches: ""))
        #expect(InputFileResolver.normalize("./db//query/../query/") == "db/query")
    }
}
