import Foundation
import Yams

/// Reads `sqlc.yaml` / `sqlc.yml` / `sqlc.json` (version "2"; JSON is YAML, so one reader does both)
/// and validates every key, reporting all problems at once with their key paths.
public enum ConfigLoader {
    /// The file names looked for, in order, when `load` is given a folder.
    public static let fileNames = ["sqlc.yaml", "sqlc.yml", "sqlc.json"]

    /// Loads a config file, or the first of `fileNames` in a folder.
    public static func load(path: String) throws(ConfigError) -> Config {
        let filePath = try locate(path)
        let text: String
        do {
            text = try String(contentsOfFile: filePath, encoding: .utf8)
        } catch {
            throw ConfigError("\(filePath): cannot read the config file: \(error.localizedDescription)")
        }
        return try parse(text, path: filePath)
    }

    /// Parses config text; `path` is the file's path as diagnostics should print it.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> Config {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(yamlErrorMessage(error), at: yamlErrorLocation(error, path: path))
        } catch {
            throw ConfigError("invalid YAML: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
        }
        var reader = ConfigReader(file: path)
        let packages = reader.readRoot(root)
        // Notes (a Go option that Swift does without) do not stop the run; errors do.
        if reader.diagnostics.contains(where: { $0.severity != .note }) {
            throw ConfigError(diagnostics: reader.diagnostics)
        }
        let directory = (path as NSString).deletingLastPathComponent
        return Config(
            path: path, directory: directory.isEmpty ? "." : directory, packages: packages, notes: reader.diagnostics,
            vet: reader.vet)
    }

    private static func locate(_ path: String) throws(ConfigError) -> String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { return path }
        if exists {
            for name in fileNames {
                let candidate = path == "." ? name : (path as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let looked = fileNames.map { path == "." ? $0 : (path as NSString).appendingPathComponent($0) }
            throw ConfigError("no config file found; looked for \(looked.joined(separator: ", "))")
        }
        throw ConfigError("no config file found at \(path)")
    }

    private static func yamlErrorLocation(_ error: YamlError, path: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: path, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(_, let context):
            return SourceLocation(file: path, line: context.mark.line, column: context.mark.column)
        default:
            return SourceLocation(file: path, line: 1, column: 1)
        }
    }

    private static func yamlErrorMessage(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            if let context { return "invalid YAML: \(problem) (\(context.text))" }
            return "invalid YAML: \(problem)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "invalid YAML: duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", "))"
        default:
            return "invalid YAML: \(error)"
        }
    }
}
