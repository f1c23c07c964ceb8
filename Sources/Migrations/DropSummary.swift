/// What ``Migrator/drop()`` removed from the current schema.
public struct DropSummary: Sendable, Hashable {
    /// The schema that was emptied.
    public var schema: String
    /// Views and materialized views.
    public var views: [String]
    /// Tables (ordinary, partitioned and foreign), including the bookkeeping table.
    public var tables: [String]
    /// Sequences not owned by a dropped table's column.
    public var sequences: [String]
    /// Functions, procedures and aggregates, with their argument types.
    public var routines: [String]
    /// Enum, composite, range and domain types.
    public var types: [String]

    /// Creates a summary.
    public init(
        schema: String, views: [String] = [], tables: [String] = [], sequences: [String] = [],
        routines: [String] = [], types: [String] = []
    ) {
        self.schema = schema
        self.views = views
        self.tables = tables
        self.sequences = sequences
        self.routines = routines
        self.types = types
    }

    /// Whether nothing was there to drop.
    public var isEmpty: Bool {
        views.isEmpty && tables.isEmpty && sequences.isEmpty && routines.isEmpty && types.isEmpty
    }
}
