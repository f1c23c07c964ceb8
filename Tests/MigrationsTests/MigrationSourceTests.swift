import Foundation
import Testing

@testable import Migrations

@Suite("MigrationSource")
struct MigrationSourceTests {
    @Test("loads the bank's six migrations with both files each")
    func bankMigrations() throws {
        let source = try MigrationSource(directory: Repository.bankMigrations)
        #expect(source.versions == [1, 2, 3, 4, 5, 6])
        #expect(
            source.migrations.map(\.title)
                == ["init_schema", "add_users", "add_sessions", "add_verify_emails", "add_role_to_users", "add_jobs"])
        #expect(source.migrations.allSatisfy { $0.up != nil && $0.down != nil })
        #expect(source.migration(version: 2)?.up?.fileName == "000002_add_users.up.sql")
        #expect(source.migrations.allSatisfy { $0.up?.runsInTransaction == true })
        #expect(source.latestVersion == 6)
    }

    @Test("a file:// source URL is accepted")
    func fileURL() throws {
        let source = try MigrationSource(directory: "file://" + Repository.bankMigrations)
        #expect(source.directory == Repository.bankMigrations)
        #expect(source.versions.count == 6)
    }

    @Test("a missing folder is an error naming it")
    func missingFolder() throws {
        let error = #expect(throws: MigrationError.self) {
            try MigrationSource(directory: "/definitely/not/here/db/migration")
        }
        #expect(error?.description == "migrations folder '/definitely/not/here/db/migration' does not exist")
    }

    @Test("a file instead of a folder is an error")
    func notAFolder() throws {
        let folder = try TemporaryFolder(files: ["x.txt": ""])
        defer { folder.remove() }
        #expect(throws: MigrationError.notADirectory(path: folder.path + "/x.txt")) {
            try MigrationSource(directory: folder.path + "/x.txt")
        }
    }

    @Test("two up files for one version are an error naming both")
    func duplicateVersions() throws {
        let folder = try TemporaryFolder(files: ["1_a.up.sql": "", "0001_b.up.sql": "", "1_a.down.sql": ""])
        defer { folder.remove() }
        let error = #expect(throws: MigrationError.self) { try MigrationSource(directory: folder.path) }
        #expect(error == .duplicateMigration(version: 1, direction: .up, files: ["0001_b.up.sql", "1_a.up.sql"]))
        #expect(error?.description == "duplicate up migration for version 1: '0001_b.up.sql' and '1_a.up.sql'")
    }

    @Test("down files are optional, up files too; other files are ignored")
    func optionalFiles() throws {
        let folder = try TemporaryFolder(files: [
            "000001_first.up.sql": "SELECT 1;",
            "000002_second.down.sql": "SELECT 2;",
            "000003_third.up.sql": "", "000003_third.down.sql": "-- only a comment",
            "README.md": "# notes", ".hidden.sql": "",
        ])
        defer { folder.remove() }
        let source = try MigrationSource(directory: folder.path)
        #expect(source.versions == [1, 2, 3])
        #expect(source.migration(version: 1)?.down == nil)
        #expect(source.migration(version: 2)?.up == nil)
        #expect(source.migration(version: 2)?.title == "second")
        #expect(source.migration(version: 3)?.up?.statements.isEmpty == true)
        #expect(source.migration(version: 3)?.down?.statements.isEmpty == true)
    }

    @Test(
        "badly named .sql files are errors",
        arguments: [
            ("seed.sql", "does not end in .up.sql or .down.sql"),
            ("init.up.sql", "does not start with a version number"),
            ("0001init.up.sql", "not followed by '_'"),
            ("99999999999999999999_huge.up.sql", "too large"),
        ])
    func badNames(name: String, reason: String) throws {
        let folder = try TemporaryFolder(files: [name: ""])
        defer { folder.remove() }
        let error = #expect(throws: MigrationError.self) { try MigrationSource(directory: folder.path) }
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix(name) == true)
    }

    @Test("an unterminated string is reported at load time with file:line:column")
    func unterminatedAtLoad() throws {
        let folder = try TemporaryFolder(files: ["000001_x.up.sql": "SELECT 1;\nSELECT $$never closed;\n"])
        defer { folder.remove() }
        let error = #expect(throws: MigrationError.self) { try MigrationSource(directory: folder.path) }
        #expect(error?.description == "000001_x.up.sql:2:8: unterminated dollar-quoted string $$")
    }

    @Test("planning: up, down, goto and step limits")
    func planning() throws {
        let source = try MigrationSource(directory: Repository.bankMigrations)
        #expect(try source.upSteps(from: nil).map(\.targetVersion) == [1, 2, 3, 4, 5, 6])
        #expect(try source.upSteps(from: 2, limit: 2).map(\.migration.version) == [3, 4])
        #expect(try source.upSteps(from: 6).isEmpty)
        #expect(try source.downSteps(from: 3).map(\.targetVersion) == [2, 1, nil])
        #expect(try source.downSteps(from: 3, limit: 1).map(\.migration.version) == [3])
        #expect(try source.downSteps(from: nil).isEmpty)
        #expect(try source.gotoSteps(from: nil, to: 2).map(\.migration.version) == [1, 2])
        #expect(try source.gotoSteps(from: 6, to: 2).map(\.migration.version) == [6, 5, 4, 3])
        #expect(try source.gotoSteps(from: 2, to: 2).isEmpty)
        #expect(throws: MigrationError.notEnoughMigrations(direction: .up, requested: 5, available: 4, current: 2)) {
            try source.upSteps(from: 2, limit: 5)
        }
        #expect(throws: MigrationError.unknownDatabaseVersion(version: 7, directory: source.directory)) {
            try source.upSteps(from: 7)
        }
        #expect(throws: MigrationError.versionNotFound(version: 9, directory: source.directory)) {
            try source.gotoSteps(from: 1, to: 9)
        }
    }
}

@Suite("MigrationFileCreator")
struct MigrationFileCreatorTests {
    @Test("-seq numbers from 1, then one past the highest version, zero-padded")
    func sequential() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let creator = MigrationFileCreator(directory: folder.path, fileExtension: "sql", versioning: .sequential(digits: 6))
        let first = try creator.create(name: "init_schema")
        #expect(first.version == "000001")
        #expect(first.upPath == folder.path + "/000001_init_schema.up.sql")
        try folder.write("000007_manual.up.sql", "")
        let next = try creator.create(name: "add_users")
        #expect(next.version == "000008")
        #expect(
            try folder.contents() == [
                "000001_init_schema.down.sql", "000001_init_schema.up.sql", "000007_manual.up.sql",
                "000008_add_users.down.sql", "000008_add_users.up.sql",
            ])
        #expect(try String(contentsOfFile: next.upPath, encoding: .utf8).isEmpty)
        // The new files load as a source.
        #expect(try MigrationSource(directory: folder.path).versions == [1, 7, 8])
    }

    @Test("-digits controls the width; a number that does not fit is an error")
    func digits() throws {
        let folder = try TemporaryFolder(files: ["99_last.up.sql": ""])
        defer { folder.remove() }
        let error = #expect(throws: MigrationError.self) {
            try MigrationFileCreator(directory: folder.path, fileExtension: ".sql", versioning: .sequential(digits: 2))
                .create(name: "x")
        }
        #expect(error == .sequenceOverflow(next: "100", digits: 2))
        let wide = try MigrationFileCreator(directory: folder.path, versioning: .sequential(digits: 4)).create(name: "x")
        #expect(wide.version == "0100")
    }

    @Test("the folder is created when missing")
    func createsFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let nested = folder.path + "/db/migration"
        try MigrationFileCreator(directory: nested, versioning: .sequential(digits: 6)).create(name: "init")
        #expect(FileManager.default.fileExists(atPath: nested + "/000001_init.down.sql"))
    }

    @Test("timestamp versions use golang-migrate's default layout in UTC, and refuse a taken version")
    func timestamps() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let date = Date(timeIntervalSince1970: 1_704_164_645)  // 2024-01-02 03:04:05 UTC
        let creator = MigrationFileCreator(directory: folder.path)
        let created = try creator.create(name: "add_index", now: date)
        #expect(created.version == "20240102030405")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/20240102030405_add_index.up.sql"))
        let error = #expect(throws: MigrationError.self) { try creator.create(name: "other", now: date) }
        #expect(
            error == .versionExists(version: "20240102030405", file: "20240102030405_add_index.down.sql")
                || error == .versionExists(version: "20240102030405", file: "20240102030405_add_index.up.sql"))
    }

    @Test("other layouts: unix seconds, custom Go layouts, and layouts that do not give digits")
    func layouts() throws {
        let date = Date(timeIntervalSince1970: 1_704_164_645.25)
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(try MigrationFileCreator.timestamp(date, format: "unix", timeZone: utc) == "1704164645")
        #expect(try MigrationFileCreator.timestamp(date, format: "unixNano", timeZone: utc) == "1704164645250000000")
        #expect(try MigrationFileCreator.timestamp(date, format: "200601021504", timeZone: utc) == "202401020304")
        #expect(try MigrationFileCreator.timestamp(date, format: "20060102150405.000", timeZone: utc) == "20240102030405250")
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(try MigrationFileCreator.timestamp(date, format: "2006010215", timeZone: tokyo) == "2024010212")
        #expect(throws: MigrationError.self) {
            try MigrationFileCreator.timestamp(date, format: "2006-01-02", timeZone: utc)
        }
    }

    @Test("names with path separators or empty names are refused")
    func badNames() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let creator = MigrationFileCreator(directory: folder.path, versioning: .sequential(digits: 6))
        #expect(throws: MigrationError.self) { try creator.create(name: "") }
        #expect(throws: MigrationError.self) { try creator.create(name: "../escape") }
        #expect(try folder.contents().isEmpty)
    }
}

@Suite("AdvisoryLockKey")
struct AdvisoryLockKeyTests {
    @Test("CRC-32/IEEE matches the standard check value")
    func crc() {
        #expect(AdvisoryLockKey.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(AdvisoryLockKey.crc32([]) == 0)
    }

    @Test("the key is golang-migrate's: crc32(schema NUL table NUL database) * 1486364155 mod 2^32")
    func golangMigrateKey() {
        let key = AdvisoryLockKey(database: "simple_bank", schema: "public", table: "schema_migrations")
        let name = Array("public\u{0}schema_migrations\u{0}simple_bank".utf8)
        let expected = AdvisoryLockKey.crc32(name).multipliedReportingOverflow(by: 1_486_364_155).partialValue
        #expect(key.value == Int64(expected))
        #expect(key.value >= 0 && key.value <= Int64(UInt32.max))
        #expect(key != AdvisoryLockKey(database: "other", schema: "public", table: "schema_migrations"))
    }
}
