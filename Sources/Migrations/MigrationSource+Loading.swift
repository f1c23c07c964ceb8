import Foundation

extension MigrationSource {
    /// What a migration file's name says.
    struct FileName: Sendable, Hashable {
        var version: Int64
        var title: String
        var direction: MigrationDirection
    }

    /// Loads every `{version}_{title}.up.sql` and `{version}_{title}.down.sql` file of a folder,
    /// reads them and splits them into statements, so that a broken file is reported before
    /// anything runs.
    ///
    /// Files not ending in `.sql` (a README, `.gitkeep`) and hidden files are ignored; a `.sql`
    /// file whose name does not parse is an error rather than silently skipped as golang-migrate
    /// does, because a misnamed migration that never runs is worse than a refusal. Either file of
    /// a version may be missing, as in golang-migrate.
    ///
    /// - Parameter directory: A folder path, or a golang-migrate source URL `file://path`.
    /// - Throws: ``MigrationError/missingDirectory(path:)``, ``MigrationError/notADirectory(path:)``,
    ///   ``MigrationError/invalidFileName(file:reason:)``,
    ///   ``MigrationError/duplicateMigration(version:direction:files:)``,
    ///   ``MigrationError/unreadableFile(path:reason:)``,
    ///   ``MigrationError/unterminatedSQL(file:line:column:construct:)``.
    public init(directory: String) throws(MigrationError) {
        let folder = directory.hasPrefix("file://") ? String(directory.dropFirst("file://".count)) : directory
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw .missingDirectory(path: folder)
        }
        guard isDirectory.boolValue else { throw .notADirectory(path: folder) }

        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw .unreadableFile(path: folder, reason: error.localizedDescription)
        }

        var titles: [Int64: String] = [:]
        var scripts: [Int64: [MigrationDirection: MigrationScript]] = [:]
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                let parsed = try Self.parseFileName(name)
            else { continue }
            if let existing = scripts[parsed.version]?[parsed.direction] {
                throw .duplicateMigration(
                    version: parsed.version, direction: parsed.direction, files: [existing.fileName, name])
            }
            let script = try MigrationScript(fileName: name, path: path, sql: try Self.read(path))
            scripts[parsed.version, default: [:]][parsed.direction] = script
            // The up file's title names the migration; a down-only version uses its own.
            if parsed.direction == .up || titles[parsed.version] == nil { titles[parsed.version] = parsed.title }
        }

        let migrations = scripts.map { version, files in
            Migration(version: version, title: titles[version] ?? "", up: files[.up], down: files[.down])
        }
        try self.init(directory: folder, migrations: migrations)
    }

    /// Parses `{version}_{title}.{up|down}.sql`.
    ///
    /// - Returns: `nil` for files that are not migrations (hidden, or not ending in `.sql`).
    static func parseFileName(_ name: String) throws(MigrationError) -> FileName? {
        guard !name.hasPrefix("."), name.lowercased().hasSuffix(".sql") else { return nil }
        let stem = name.dropLast(".sql".count)
        let direction: MigrationDirection
        let rest: Substring
        if stem.hasSuffix(".up") {
            direction = .up
            rest = stem.dropLast(".up".count)
        } else if stem.hasSuffix(".down") {
            direction = .down
            rest = stem.dropLast(".down".count)
        } else {
            throw .invalidFileName(file: name, reason: "the name does not end in .up.sql or .down.sql")
        }
        let digits = rest.prefix { ("0"..."9").contains($0) }
        guard !digits.isEmpty else {
            throw .invalidFileName(file: name, reason: "the name does not start with a version number")
        }
        guard rest.dropFirst(digits.count).first == "_" else {
            throw .invalidFileName(file: name, reason: "the version \(digits) is not followed by '_' and a title")
        }
        guard let version = Int64(digits) else {
            throw .invalidFileName(file: name, reason: "the version \(digits) is too large for a bigint")
        }
        return FileName(version: version, title: String(rest.dropFirst(digits.count + 1)), direction: direction)
    }

    private static func read(_ path: String) throws(MigrationError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "the file is not UTF-8 text")
        }
        // A byte-order mark would otherwise reach the server as part of the first statement.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
