import Foundation

/// Creates the empty up and down files of a new migration, like `migrate create`.
///
/// ```swift
/// let creator = MigrationFileCreator(directory: "db/migration", versioning: .sequential(digits: 6))
/// let created = try creator.create(name: "add_users")  // 000002_add_users.up.sql / .down.sql
/// ```
public struct MigrationFileCreator: Sendable {
    /// How the new version is chosen.
    public enum Versioning: Sendable, Hashable {
        /// One more than the highest existing version, zero-padded to `digits` (`-seq -digits N`).
        case sequential(digits: Int)
        /// The current time in a Go time layout (golang-migrate's default `20060102150405`), or
        /// `unix` / `unixNano`; see ``MigrationFileCreator/timestamp(_:format:timeZone:)``.
        case timestamp(format: String, timeZone: TimeZone)

        /// golang-migrate's default: a UTC timestamp `yyyyMMddHHmmss`.
        public static let defaultTimestamp = Versioning.timestamp(
            format: "20060102150405", timeZone: TimeZone(identifier: "UTC") ?? .current)
    }

    /// What ``create(name:now:)`` wrote.
    public struct Created: Sendable, Hashable {
        /// The version as written in the file names, e.g. `000002`.
        public var version: String
        /// The up file's path.
        public var upPath: String
        /// The down file's path.
        public var downPath: String
    }

    /// The folder to write to; created when missing.
    public var directory: String
    /// The file extension without the dot (`sql`).
    public var fileExtension: String
    /// Sequential or timestamp versions.
    public var versioning: Versioning

    /// Creates a creator.
    public init(directory: String, fileExtension: String = "sql", versioning: Versioning = .defaultTimestamp) {
        self.directory = directory
        self.fileExtension = fileExtension.hasPrefix(".") ? String(fileExtension.dropFirst()) : fileExtension
        self.versioning = versioning
    }

    /// Writes `{version}_{name}.up.{ext}` and `{version}_{name}.down.{ext}`, both empty.
    ///
    /// - Parameters:
    ///   - name: The migration's title, e.g. `add_users`.
    ///   - now: The time used for timestamp versions.
    /// - Throws: ``MigrationError/invalidMigrationName(name:reason:)``,
    ///   ``MigrationError/versionExists(version:file:)``, ``MigrationError/sequenceOverflow(next:digits:)``,
    ///   ``MigrationError/invalidTimestampFormat(format:reason:)``, ``MigrationError/cannotWriteFile(path:reason:)``.
    @discardableResult
    public func create(name: String, now: Date = Date()) throws(MigrationError) -> Created {
        guard !name.isEmpty else { throw .invalidMigrationName(name: name, reason: "the name is empty") }
        guard !name.contains("/") && !name.contains("\\") else {
            throw .invalidMigrationName(name: name, reason: "the name contains a path separator")
        }
        guard !fileExtension.isEmpty else {
            throw .invalidArgument("the file extension is empty; pass -ext sql")
        }
        let existing = try existingFiles()
        let version: String
        switch versioning {
        case .sequential(let digits):
            guard digits >= 1 else { throw .invalidArgument("-digits must be at least 1, got \(digits)") }
            let highest = existing.compactMap { Self.leadingVersion(of: $0) }.max() ?? 0
            guard highest < Int64.max else { throw .sequenceOverflow(next: "\(highest)+1", digits: digits) }
            let next = String(highest + 1)
            guard next.count <= digits else { throw .sequenceOverflow(next: next, digits: digits) }
            version = String(repeating: "0", count: digits - next.count) + next
        case .timestamp(let format, let timeZone):
            version = try Self.timestamp(now, format: format, timeZone: timeZone)
        }
        // Compare numerically: 000002 and 2 are the same version to the migrator.
        if let number = Int64(version),
            let clash = existing.first(where: { Self.leadingVersion(of: $0) == number })
        {
            throw .versionExists(version: version, file: clash)
        }

        let upPath = path(for: "\(version)_\(name).up.\(fileExtension)")
        let downPath = path(for: "\(version)_\(name).down.\(fileExtension)")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWriteFile(path: directory, reason: error.localizedDescription)
        }
        try Self.createEmptyFile(upPath)
        try Self.createEmptyFile(downPath)
        return Created(version: version, upPath: upPath, downPath: downPath)
    }

    private func path(for fileName: String) -> String {
        directory.isEmpty ? fileName : (directory as NSString).appendingPathComponent(fileName)
    }

    /// The migration-looking files already in the folder (none when it does not exist yet).
    private func existingFiles() throws(MigrationError) -> [String] {
        guard FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)
                .filter { $0.hasSuffix(".\(fileExtension)") }
        } catch {
            throw .unreadableFile(path: directory, reason: error.localizedDescription)
        }
    }

    /// The version of `{digits}_…`, or `nil` when the name does not start that way.
    private static func leadingVersion(of fileName: String) -> Int64? {
        let digits = fileName.prefix { ("0"..."9").contains($0) }
        guard !digits.isEmpty, fileName.dropFirst(digits.count).first == "_" else { return nil }
        return Int64(digits)
    }

    /// Creates an empty file, refusing to overwrite one.
    private static func createEmptyFile(_ path: String) throws(MigrationError) {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw .cannotWriteFile(path: path, reason: "the file already exists")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data()) else {
            throw .cannotWriteFile(path: path, reason: "the file could not be created")
        }
    }
}
