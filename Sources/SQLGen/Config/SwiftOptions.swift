/// The `gen.swift` block of a `sql[]` entry: everything the emitter needs to shape the Swift code.
/// Defaults are those of docs/configuration.md ("gen.swift options"), so `SwiftOptions(out: "Generated")` is a complete configuration.
public struct SwiftOptions: Sendable, Hashable {
    /// Access level of generated declarations.
    public enum AccessLevel: String, Sendable, Hashable, CaseIterable {
        case `public`
        case `internal`
    }

    /// Swift module the code is compiled into (used for the default logger label).
    public var module: String?
    /// Output folder, relative to the config file's folder.
    public var out: String
    public var accessLevel: AccessLevel = .public
    /// Emit a `Querier` protocol with every query method.
    public var emitInterface = true
    /// Emit a `MockQuerier` (closure per method plus recorded calls); implies the `Querier` protocol.
    public var emitMock = false
    /// Make models and row structs `Codable` with coding keys from column names.
    public var emitCodable = true
    /// Use table names as they are instead of singularising them.
    public var emitExactTableNames = false
    /// Up to this many parameters become labelled arguments; more become a `…Params` struct.
    public var queryParameterLimit = 4
    /// Column, table or enum name → Swift identifier.
    public var rename: [String: String] = [:]
    /// Type overrides; a `column` override beats a `db_type` override.
    public var overrides: [TypeOverride] = []
}

/// One `overrides` entry: a database type or a column mapped to a Swift type of the user's choice.
public struct TypeOverride: Sendable, Hashable {
    /// What the override applies to.
    public enum Target: Sendable, Hashable {
        /// A type name as written in the config: `uuid`, `pg_catalog.int8`, `public.my_enum`, `text[]`.
        case dbType(String)
        /// `table.col` or `schema.table.col`.
        case column(String)
    }

    public var target: Target
    /// The Swift type to use, e.g. `MyModule.Money`.
    public var swiftType: String
    /// A module the generated files must import for `swiftType`.
    public var importModule: String?
    /// `nil`: applies to the nullable and the non-null variant (nullable ones become `T?`);
    /// `true`: only to nullable columns/parameters (`swiftType` is used as written, `?` added when
    /// missing); `false`: only to non-null ones.
    public var nullable: Bool?
}
