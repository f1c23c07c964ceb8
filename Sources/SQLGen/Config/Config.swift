import Foundation

/// A loaded `sqlc.yaml` (version "2", or sqlc's version "1"): where it is and its query sets
/// with the Swift options.
public struct Config: Sendable, Hashable {
    /// The config file's path as it was given (or found) — used in diagnostics.
    public var path: String
    /// The folder the config file is in; input paths and `out` are relative to it.
    public var directory: String
    public var packages: [SQLPackage]
    /// What reading the file noted without failing (Go-only options that Swift does without).
    public var notes: [Diagnostic] = []
    /// The top-level `vet:` section: which `swift-sqlgen vet` rules run.
    public var vet = VetOptions()
}

/// One `sql[]` entry: a schema, the queries against it and how to generate Swift for them.
public struct SQLPackage: Sendable, Hashable {
    /// Position in `sql[]`, for diagnostics (`sql[0].schema`).
    public var index: Int
    public var name: String?
    /// Always "postgresql" (the only supported engine).
    public var engine: String = "postgresql"
    /// Paths, directories and globs as written, in order.
    public var schema: [String]
    public var queries: [String]
    public var swift: SwiftOptions
    /// Where `schema` and `queries` are written in the config file, for "matches no files" errors.
    public var schemaLocation: SourceLocation?
    public var queriesLocation: SourceLocation?

    /// A label for messages: the entry's `name`, else the Swift module, else `sql[i]`.
    public var displayName: String { name ?? swift.module ?? "sql[\(index)]" }
}
