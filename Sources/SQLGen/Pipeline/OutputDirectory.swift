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

    /// What would change if `files` were written. Throws when a file would overwrite one the
    /// generator does not own.
    public func changes(toWrite files: [GeneratedFile]) throws(Conflict) -> [Change] {
        // Every owned file is read once, here; the comparisons below need no more file system calls
        // except an existence check for a path that is not owned (a conflict, or a new file).
        let owned = ownedFileContents()
        let folderExists = !owned.isEmpty || FileManager.default.fileExists(atPath: url.path)
        var changes: [Change] = []
        var produced = Set<String>()
        for file in files.sorted(by: { $0.path < $1.path }) {
            produced.insert(file.path)
            guard let existing = owned[file.path] else {
                // Not owned: a file without the header, or one that is not UTF-8 text.
                if folderExists && FileManager.default.fileExists(atPath: url.appendingPathComponent(file.path).path) {
                    throw Conflict(path: join(file.path))
                }
                changes.append(.create(path: file.path, contents: file.contents))
                continue
            }
            if existing != file.contents {
                changes.append(.update(path: file.path, old: existing, new: file.contents))
            }
        }
        for (path, old) in owned.sorted(by: { $0.key < $1.key }) where !produced.contains(path) {
            changes.append(.delete(path: path, old: old))
        }
        return changes
    }

    /// Applies changes (as computed by `changes(toWrite:)`). Each file is replaced in one step, so
    /// none is ever left half-written. The files are written in parallel (they are independent);
    /// when some cannot be, the others are still written and the first failure is thrown.
    public func apply(_ changes: [Change]) throws {
        let folders = Set(
            changes.compactMap { change -> String? in
                if case .delete = change { return nil }
                return url.appendingPathComponent(change.path).deletingLastPathComponent().path
            })
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let failures = changes.concurrentMap { change -> (any Error)? in
            let target = url.appendingPathComponent(change.path)
            do {
                switch change {
                case .create(_, let contents), .update(_, _, let contents):
                    try TextFile.replace(target.path, with: contents)
                case .delete:
                    try FileManager.default.removeItem(at: target)
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// The text of every `.swift` file below the folder that carries the generated header, by
    /// path relative to the folder. The files are read in parallel.
    private func ownedFileContents() -> [String: String] {
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [:] }
        let candidates = enumerator.compactMap { ($0 as? URL).flatMap { $0.pathExtension == "swift" ? $0 : nil } }
        let texts = candidates.concurrentMap { file in TextFile.contents(ofFile: file.path) }
        var owned: [String: String] = [:]
        let base = url.standardizedFileURL.path + "/"
        for (file, text) in zip(candidates, texts) {
            guard let text, Self.isGenerated(text) else { continue }
            let full = file.standardizedFileURL.path
            owned[full.hasPrefix(base) ? String(full.dropFirst(base.count)) : file.lastPathComponent] = text
        }
        return owned
    }

    static func isGenerated(_ text: String) -> Bool {
        text.hasPrefix(generatedHeader)
    }

    private func join(_ path: String) -> String {
        displayPath.isEmpty ? path : "\(displayPath)/\(path)"
    }
}
