/// The schema as the migrations leave it: schemas, tables and views with their columns,
/// enum types and comments. Built by `CatalogBuilder` from DDL in file order; read by the
/// analysis and the emitter. Names are stored as PostgreSQL folds them (unquoted names in
/// lower case).
public struct Catalog: Sendable, Hashable {
    /// The schema whose objects generated Swift names leave unprefixed, and where unqualified
    /// names resolve when queries run (PostgreSQL's default `search_path`).
    public var defaultSchema: String = "public"
    /// The schemas unqualified names are looked up in, in order. The migrations' `SET
    /// search_path` changes it while they are applied; queries see the default again, as a new
    /// connection does.
    public var searchPath: [String] = ["public"]
    /// Schemas by name; "public" and "pg_catalog" always exist.
    public var schemas: [String: Schema] = ["public": Schema(name: "public")]
    /// Extensions created (`CREATE EXTENSION citext`), with the schema each lives in; their
    /// types, functions and operators come from `BuiltinCatalog`.
    public var extensions: [String: String] = [:]
    /// Domains by schema and name, resolved to their base type: a column or cast of a domain
    /// type has the base type, which is what PostgreSQL sends on the wire and describes.
    public var domains: [String: [String: SQLType]] = [:]
    /// Functions and procedures the schema creates (`CREATE FUNCTION`), by name.
    public var functions: [String: [BuiltinCatalog.Function]] = [:]

    public init() {}

    public struct Schema: Sendable, Hashable {
        public var name: String
        /// Tables and views by name, in creation order through `order`.
        public var tables: [String: Table] = [:]
        public var enums: [String: EnumType] = [:]
        /// Creation order of tables/views, so output follows the migrations.
        public var tableOrder: [String] = []
        public var enumOrder: [String] = []
        /// Composite types (`CREATE TYPE pair AS (a int, b text)`), as tables of their attributes.
        public var compositeTypes: [String: Table] = [:]
        /// Range types (`CREATE TYPE floatrange AS RANGE (subtype = float8)`) with their subtype.
        public var ranges: [String: RangeType] = [:]
        /// Sequences (`CREATE SEQUENCE`), which queries can read like a one-row table.
        public var sequences: Set<String> = []
        public var comment: String?

        public init(name: String) { self.name = name }
    }

    /// A table or view by optionally qualified name.
    public func table(_ name: String, schema: String? = nil) -> Table? {
        if let schema { return schemas[schema]?.tables[name] }
        return searchPath.lazy.compactMap { self.schemas[$0]?.tables[name] }.first
    }

    /// The schema an unqualified name resolves in: the first on the search path that has
    /// `contains(schema)`.
    public func schema(resolving contains: (Schema) -> Bool) -> String? {
        searchPath.first { schemas[$0].map(contains) ?? false }
    }

    /// A sequence as the relation `SELECT last_value FROM s` reads.
    public func sequence(_ name: String, schema: String? = nil) -> Table? {
        guard let schemaName = schema ?? self.schema(resolving: { $0.sequences.contains(name) }),
            schemas[schemaName]?.sequences.contains(name) == true
        else { return nil }
        return Table(
            schema: schemaName, name: name,
            columns: [
                Column(name: "last_value", type: .bigint, isNotNull: true),
                Column(name: "log_cnt", type: .bigint, isNotNull: true),
                Column(name: "is_called", type: .boolean, isNotNull: true),
            ])
    }

    /// A composite type's attributes by optionally qualified name.
    public func compositeType(_ name: String, schema: String? = nil) -> Table? {
        if let schema { return schemas[schema]?.compositeTypes[name] }
        return searchPath.lazy.compactMap { self.schemas[$0]?.compositeTypes[name] }.first
    }

    /// The user range types, each with its multirange, for the type-conversion rules.
    public var allRanges: [RangeType] { schemas.values.flatMap(\.ranges.values) }

    /// A domain's base type by optionally qualified name.
    public func domain(_ name: String, schema: String? = nil) -> SQLType? {
        if let schema { return domains[schema]?[name] }
        return searchPath.lazy.compactMap { self.domains[$0]?[name] }.first
    }

    /// An enum type by optionally qualified name.
    public func enumType(_ name: String, schema: String? = nil) -> EnumType? {
        if let schema { return schemas[schema]?.enums[name] }
        return searchPath.lazy.compactMap { self.schemas[$0]?.enums[name] }.first
    }

    /// All tables and views in a stable order: schemas by name, then creation order.
    public var allTables: [Table] {
        schemas.keys.sorted().flatMap { key -> [Table] in
            let schema = schemas[key]!
            return schema.tableOrder.compactMap { schema.tables[$0] }
        }
    }

    /// All composite types (`CREATE TYPE … AS (…)`) in a stable order: schemas, then names.
    public var allCompositeTypes: [Table] {
        schemas.keys.sorted().flatMap { key in
            schemas[key]!.compositeTypes.keys.sorted().compactMap { schemas[key]!.compositeTypes[$0] }
        }
    }

    /// All enum types in a stable order: schemas by name, then creation order.
    public var allEnums: [EnumType] {
        schemas.keys.sorted().flatMap { key -> [EnumType] in
            let schema = schemas[key]!
            return schema.enumOrder.compactMap { schema.enums[$0] }
        }
    }
}

/// A table or a view.
public struct Table: Sendable, Hashable {
    public var schema: String
    public var name: String
    public var columns: [Column]
    public var isView: Bool = false
    /// From `COMMENT ON TABLE`, or the SQL comment right above `CREATE TABLE`.
    public var comment: String?
    /// What this relation goes with when it is dropped: relations (`schema.name`) a view reads,
    /// the parent of a partition or of an inheriting table, and (`function name`) the schema's
    /// functions a view calls.
    public var dependsOn: Set<String> = []
    /// For views: the column names the defining query mentions (`*` for all), so dropping one
    /// of them with CASCADE drops the view.
    public var readsColumns: Set<String> = []
    /// Column sets no two rows share a value of: the primary key, each UNIQUE constraint and
    /// each unique index on plain columns without a predicate, in creation order. A query whose
    /// WHERE fixes every column of one of them reads at most one row (what `vet` checks).
    public var uniqueKeys: [[String]] = []

    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The table's composite row type (`SELECT t FROM accounts t`, `NULL::accounts`).
    public var rowType: SQLType { SQLType(name: name, schema: schema == "pg_catalog" ? nil : schema) }
}

/// A `CREATE TYPE … AS RANGE` type and the multirange type PostgreSQL creates with it.
public struct RangeType: Sendable, Hashable {
    public var type: SQLType
    public var subtype: SQLType
    public var multirange: SQLType
}

/// A column of a table or view.
public struct Column: Sendable, Hashable {
    public var name: String
    public var type: SQLType
    /// NOT NULL, or part of the primary key.
    public var isNotNull: Bool
    /// Has a DEFAULT, is serial, or is an identity column: an INSERT may leave it out.
    public var hasDefault = false
    /// From `COMMENT ON COLUMN`, or the SQL comment right above the column definition.
    public var comment: String?
    /// Set for columns PostgreSQL computes itself, which statements may only set to DEFAULT.
    public var computedBy: Computation? = nil
    /// The domain (`schema.name`) the column was declared with; its type is the domain's base type.
    public var domain: String? = nil
    /// The dimensions an array column was declared with (`integer[][]`: 2), as `attndims`
    /// records them; 0 for other columns. PostgreSQL does not enforce them.
    public var arrayDimensions = 0

    /// How PostgreSQL fills a column that statements may not write.
    public enum Computation: Sendable, Hashable {
        /// `GENERATED ALWAYS AS (…) STORED`.
        case generatedExpression
        /// `GENERATED ALWAYS AS IDENTITY`: INSERT may write it only with OVERRIDING SYSTEM VALUE.
        case identityAlways
    }
}

/// A `CREATE TYPE … AS ENUM` type.
public struct EnumType: Sendable, Hashable {
    public var schema: String
    public var name: String
    /// Labels in declaration order (`ALTER TYPE … ADD VALUE` respects BEFORE/AFTER).
    public var values: [String]
    public var comment: String?

    /// This enum as a column or parameter type.
    public var sqlType: SQLType { SQLType(name: name, schema: schema) }
}
