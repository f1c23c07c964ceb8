/// One version of the schema: its up file and, optionally, its down file.
///
/// golang-migrate lets either file be missing; a missing file moves the version without running
/// any SQL, and so does this library.
public struct Migration: Sendable, Hashable {
    /// The version: the leading digits of the file names (`000001` is 1).
    public let version: Int64

    /// The title: what follows the version and `_` (`init_schema`).
    public let title: String

    /// The `.up.sql` file.
    public let up: MigrationScript?

    /// The `.down.sql` file.
    public let down: MigrationScript?

    /// Creates a migration.
    public init(version: Int64, title: String, up: MigrationScript?, down: MigrationScript?) {
        self.version = version
        self.title = title
        self.up = up
        self.down = down
    }

    /// The file for one direction.
    public func script(_ direction: MigrationDirection) -> MigrationScript? {
        switch direction {
        case .up: up
        case .down: down
        }
    }
}
