import Foundation

/// A schema or query file a config names: its path relative to the config file's folder (as
/// diagnostics and the generated `// source:` header print it) and where to read it.
public struct InputFile: Sendable, Hashable {
    /// Relative to the config file's folder, `/`-separated, e.g. `db/query/account.sql`.
    public var path: String
    /// The path to open (the config folder joined with `path`).
    public var fileSystemPath: String

    /// The file's text as a `SourceFile` named by `path`.
    public func read() throws(ConfigError) -> SourceFile {
        do {
            return SourceFile(path: path, text: try String(contentsOfFile: fileSystemPath, encoding: .utf8))
        } catch {
            throw ConfigError("\(path): cannot read the file: \(error.localizedDescription)")
        }
    }
}

extension Config {
    /// The schema files of a `sql[]` entry in the order they apply: each listed path in turn;
    /// a directory gives its `.sql` files one level deep, a glob its matches, each sorted by name;
    /// `*.down.sql` files from directories and globs are skipped (golang-migrate layout).
    public func resolvedSchemaFiles(for package: SQLPackage) throws(ConfigError) -> [InputFile] {
        try InputFileResolver(directory: directory, configPath: path).resolve(
            package.schema, keyPath: "sql[\(package.index)].schema", location: package.schemaLocation, isSchema: true)
    }

    /// The query files of a `sql[]` entry, resolved like the schema (down files are not special).
    public func resolvedQueryFiles(for package: SQLPackage) throws(ConfigError) -> [InputFile] {
        try InputFileResolver(directory: directory, configPath: path).resolve(
            package.queries, keyPath: "sql[\(package.index)].queries", location: package.queriesLocation,
            isSchema: false)
    }
}

/// Expands the paths, directories and globs of `schema`/`queries` against the config folder.
struct InputFileResolver {
    let directory: String
    let configPath: String

    func resolve(_ entries: [String], keyPath: String, location: SourceLocation?, isSchema: Bool) throws(ConfigError)
        -> [InputFile]
    {
        var result: [InputFile] = []
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            let matches = expand(entry, isSchema: isSchema)
            if matches.isEmpty {
                diagnostics.append(
                    .error("\(keyPath): \"\(entry)\" matches no files", at: location ?? SourceLocation(file: configPath, line: 1, column: 1)))
            }
            for relative in matches where seen.insert(relative).inserted {
                result.append(InputFile(path: relative, fileSystemPath: fileSystemPath(relative)))
            }
        }
        if !diagnostics.isEmpty { throw ConfigError(diagnostics: diagnostics) }
        return result
    }

    /// Relative (normalised) paths of the files an entry names, sorted.
    func expand(_ entry: String, isSchema: Bool) -> [String] {
        let normalized = Self.normalize(entry)
        if normalized.contains(where: { $0 == "*" || $0 == "?" }) {
            return globMatches(normalized).flatMap { filesIn(match: $0, isSchema: isSchema) }.sorted()
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: fileSystemPath(normalized), isDirectory: &isDirectory) else {
            return []
        }
        if isDirectory.boolValue { return sqlFiles(inDirectory: normalized, isSchema: isSchema) }
        return [normalized]
    }

    private func filesIn(match: String, isSchema: Bool) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: fileSystemPath(match), isDirectory: &isDirectory) else { return [] }
        if isDirectory.boolValue { return sqlFiles(inDirectory: match, isSchema: isSchema) }
        if isSchema && match.hasSuffix(".down.sql") { return [] }
        return [match]
    }

    private func sqlFiles(inDirectory relative: String, isSchema: Bool) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fileSystemPath(relative))) ?? []
        return names.filter { name in
            guard !name.hasPrefix("."), name.hasSuffix(".sql") else { return false }
            if isSchema && name.hasSuffix(".down.sql") { return false }
            var isDirectory: ObjCBool = false
            let path = fileSystemPath(Self.join(relative, name))
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        .sorted()
        .map { Self.join(relative, $0) }
    }

    /// Paths matching a glob whose components may contain `*` and `?` (never crossing `/`);
    /// hidden entries match only a pattern that starts with a dot.
    private func globMatches(_ pattern: String) -> [String] {
        let isAbsolute = pattern.hasPrefix("/")
        var current: [String] = [isAbsolute ? "/" : ""]
        for component in pattern.split(separator: "/").map(String.init) {
            var next: [String] = []
            for base in current {
                if component.contains(where: { $0 == "*" || $0 == "?" }) {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: fileSystemPath(base.isEmpty ? "." : base))) ?? []
                    for name in names.sorted() where Self.glob(component, matches: name) {
                        if name.hasPrefix(".") && !component.hasPrefix(".") { continue }
                        next.append(Self.join(base, name))
                    }
                } else {
                    let candidate = Self.join(base, component)
                    if FileManager.default.fileExists(atPath: fileSystemPath(candidate)) { next.append(candidate) }
                }
            }
            current = next
        }
        return current.filter { !$0.isEmpty && $0 != "/" }
    }

    static func glob(_ pattern: String, matches name: String) -> Bool {
        let p = Array(pattern)
        let n = Array(name)
        var memo: [Int: Bool] = [:]
        func match(_ i: Int, _ j: Int) -> Bool {
            let key = i * (n.count + 1) + j
            if let known = memo[key] { return known }
            let result: Bool
            if i == p.count {
                result = j == n.count
            } else if p[i] == "*" {
                result = match(i + 1, j) || (j < n.count && match(i, j + 1))
            } else if j < n.count && (p[i] == "?" || p[i] == n[j]) {
                result = match(i + 1, j + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }

    private func fileSystemPath(_ relative: String) -> String {
        if relative.hasPrefix("/") || directory == "." || directory.isEmpty { return relative.isEmpty ? "." : relative }
        return relative.isEmpty ? directory : "\(directory)/\(relative)"
    }

    private static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty { return name }
        return base.hasSuffix("/") ? base + name : "\(base)/\(name)"
    }

    /// Drops `.` components, empty components and trailing slashes; resolves `a/..`.
    static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [String] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append("..") }
            default: parts.append(String(part))
            }
        }
        let joined = parts.joined(separator: "/")
        return isAbsolute ? "/" + joined : joined
    }
}
