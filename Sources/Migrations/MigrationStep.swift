/// One planned move: run one migration's file in one direction, ending at `targetVersion`.
struct MigrationStep: Sendable, Hashable {
    /// The migration whose file runs.
    let migration: Migration
    /// Up runs the up file, down the down file.
    let direction: MigrationDirection
    /// The version recorded once the step is done; `nil` after the first migration's down.
    let targetVersion: Int64?

    /// The file to run; `nil` when the migration has none for this direction (only the version moves).
    var script: MigrationScript? { migration.script(direction) }
}
