import Foundation

@testable import Migrations

/// A folder under the system's temporary directory, removed by ``remove()``.
struct TemporaryFolder: Sendable {
    let path: String

    /// Creates an empty folder with a unique name.
    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("migrations-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Creates a folder holding `files` (name to contents).
    init(files: [String: String]) throws {
        try self.init()
        for (name, contents) in files { try write(name, contents) }
    }

    func write(_ name: String, _ contents: String) throws {
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path).appendingPathComponent(name))
    }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs `body` with a folder of `files` and a source loaded from it, removing the folder after.
    static func withSource<T>(
        _ files: [String: String], _ body: (MigrationSource, TemporaryFolder) async throws -> T
    ) async throws -> T {
        let folder = try TemporaryFolder(files: files)
        defer { folder.remove() }
        return try await body(try MigrationSource(directory: folder.path), folder)
    }
}

/// Paths inside the repository, found from this file's location.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // MigrationsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The bank's migrations, `db/migration`.
    static let bankMigrations = root.appendingPathComponent("db/migration").path
}
