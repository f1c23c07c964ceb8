import Foundation

/// The generator's output folder. swift-sqlgen owns only the files there that start with its
/// header; it writes those, removes the stale ones and never touches anything else.
public struct OutputDirectory: Sendable {
    /// The first line of every generated file.
    public static let generatedHeader = GeneratedFile.header

    /// A difference between what is on disk and what would be generated.
    public enum Change: Sendable, Hashable {
        case create(path: String, contents: String)
        case update(path: String, old: String, new: String)
        /// A generated file that the current inputs no longer produce.
        case delete(path: String, old: String)

        public var path: String {
            switch self {
            case .create(let path, _), .update(let path, _, _), .delete(let path, _): return path
            }
        }
    }

    public struct Conflict: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String {
            "\(path) exists and was not written by swift-sqlgen (its first line is not \"\(OutputDirectory.generatedHeader)\"); move or delete it"
        }
    }

    /// The folder, as given in the config (relative to the config's folder) for messages.
    public var displayPath: String
    /// The folder on disk.
    public var url: URL

    public init(displayPath: String, url: URL) {
        self.displayPath = displayPath
        self.url = url
    }

    /// What would change if `files` were written. Throws when a file would overwrite one the
    /// generator does not own.
    public func changes(toWrite files: [GeneratedFile]) throws(Conflict) -> [Change] {
        let manager = FileManager.default
        var changes: [Change] = []
        var produced = Set<String>()
        for file in files.sorted(by: { $0.path < $1.path }) {
            produced.insert(file.path)
            let target = url.appendingPathComponent(file.path)
            guard let existing = try? String(contentsOf: target, encoding: .utf8) else {
                if manager.fileExists(atPath: target.path) { throw Conflict(path: join(file.path)) }
                changes.append(.create(path: file.path, contents: file.contents))
                continue
            }
            guard Self.isGenerated(existing) else { throw Conflict(path: join(file.path)) }
            if existing != file.contents {
                changes.append(.update(path: file.path, old: existing, new: file.contents))
            }
        }
        for path in ownedFiles() where !produced.contains(path) {
            let old = (try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)) ?? ""
            changes.append(.delete(path: path, old: old))
        }
        return changes
    }

    /// Applies changes (as computed by `changes(toWrite:)`).
    public func apply(_ changes: [Change]) throws {
        let manager = FileManager.default
        for change in changes {
            let target = url.appendingPathComponent(change.path)
            switch change {
            case .create(_, let contents), .update(_, _, let contents):
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: target, atomically: true, encoding: .utf8)
            case .delete:
                try manager.removeItem(at: target)
            }
        }
    }

    /// Paths (relative to the folder) of the files that carry the generated header.
    func ownedFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        var owned: [String] = []
        let base = url.standardizedFileURL.path + "/"
        for case let file as URL in enumerator where file.pathExtension == "swift" {
            guard let text = try? String(contentsOf: file, encoding: .utf8), Self.isGenerated(text) else { continue }
            let full = file.standardizedFileURL.path
            owned.append(full.hasPrefix(base) ? String(full.dropFirst(base.count)) : file.lastPathComponent)
        }
        return owned.sorted()
    }

    static func isGenerated(_ text: String) -> Bool {
        text.hasPrefix(generatedHeader)
    }

    private func join(_ path: String) -> String {
        displayPath.isEmpty ? path : "\(displayPath)/\(path)"
    }
}
