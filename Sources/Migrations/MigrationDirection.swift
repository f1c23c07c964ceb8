/// Which way a migration file moves the schema.
public enum MigrationDirection: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `{version}_{title}.up.sql`: moves the schema forward to the file's version.
    case up
    /// `{version}_{title}.down.sql`: undoes the file's version.
    case down

    /// `u` or `d`, as golang-migrate prints them (`1/u init_schema`).
    public var shortName: String {
        switch self {
        case .up: "u"
        case .down: "d"
        }
    }

    public var description: String { rawValue }
}
