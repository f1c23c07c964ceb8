/// A PostgreSQL type as the analysis sees it: the canonical name `format_type(oid, NULL)`
/// prints for the element type (`bigint`, `character varying`, `timestamp with time zone`,
/// an enum's name), its schema when it is not a built-in, and whether it is an array.
public struct SQLType: Sendable, Hashable, CustomStringConvertible {
    /// Canonical element type name, e.g. "bigint".
    public var name: String
    /// Schema of a user-defined type (enum, domain, composite); nil for built-ins (pg_catalog).
    public var schema: String?
    /// True for arrays (`bigint[]`); `name` is then the element type. PostgreSQL treats all
    /// array dimensions as one type, and so do we.
    public var isArray: Bool = false

    public var description: String {
        let qualified = schema.map { $0 == "public" ? name : "\($0).\(name)" } ?? name
        return isArray ? "\(qualified)[]" : qualified
    }

    /// The element type of an array, or the type itself.
    public var element: SQLType { SQLType(name: name, schema: schema, isArray: false) }

    /// The array type of this element type.
    public var array: SQLType { SQLType(name: name, schema: schema, isArray: true) }

    public var isBuiltin: Bool { schema == nil }

    // Built-in types, by canonical name.
    public static let bigint = SQLType(name: "bigint")
    public static let integer = SQLType(name: "integer")
    public static let smallint = SQLType(name: "smallint")
    public static let numeric = SQLType(name: "numeric")
    public static let real = SQLType(name: "real")
    public static let doublePrecision = SQLType(name: "double precision")
    public static let boolean = SQLType(name: "boolean")
    public static let text = SQLType(name: "text")
    public static let characterVarying = SQLType(name: "character varying")
    public static let character = SQLType(name: "character")
    public static let bytea = SQLType(name: "bytea")
    public static let uuid = SQLType(name: "uuid")
    public static let date = SQLType(name: "date")
    public static let timestamp = SQLType(name: "timestamp without time zone")
    public static let timestamptz = SQLType(name: "timestamp with time zone")
    public static let time = SQLType(name: "time without time zone")
    public static let timetz = SQLType(name: "time with time zone")
    public static let interval = SQLType(name: "interval")
    public static let json = SQLType(name: "json")
    public static let jsonb = SQLType(name: "jsonb")
    /// The type of a literal or parameter whose type nothing determines.
    public static let unknown = SQLType(name: "unknown")
    /// The pseudo-type of a `NULL` literal before context gives it one.
    public static let anyNull = SQLType(name: "unknown")
}

extension SQLType {
    /// Canonical names of PostgreSQL's built-in types, keyed by every spelling the grammar
    /// produces for them (`int8`, `bigserial`, `pg_catalog.int8`, `bigint` …). Serial types map
    /// to their integer type because that is what the column ends up as.
    public static let builtinAliases: [String: String] = [
        "int8": "bigint", "bigint": "bigint", "bigserial": "bigint", "serial8": "bigint",
        "int4": "integer", "int": "integer", "integer": "integer", "serial": "integer", "serial4": "integer",
        "int2": "smallint", "smallint": "smallint", "smallserial": "smallint", "serial2": "smallint",
        "float8": "double precision", "double precision": "double precision", "float": "double precision",
        "float4": "real", "real": "real",
        "numeric": "numeric", "decimal": "numeric",
        "bool": "boolean", "boolean": "boolean",
        "varchar": "character varying", "character varying": "character varying",
        "bpchar": "character", "character": "character",
        "text": "text", "name": "name", "citext": "citext",
        "bytea": "bytea", "uuid": "uuid",
        "date": "date",
        "timestamp": "timestamp without time zone", "timestamp without time zone": "timestamp without time zone",
        "timestamptz": "timestamp with time zone", "timestamp with time zone": "timestamp with time zone",
        "time": "time without time zone", "time without time zone": "time without time zone",
        "timetz": "time with time zone", "time with time zone": "time with time zone",
        "interval": "interval",
        "json": "json", "jsonb": "jsonb",
        "inet": "inet", "cidr": "cidr", "macaddr": "macaddr", "macaddr8": "macaddr8",
        "money": "money", "oid": "oid", "xml": "xml", "bit": "bit", "varbit": "bit varying",
        "bit varying": "bit varying", "tsvector": "tsvector", "tsquery": "tsquery",
        "int4range": "int4range", "int8range": "int8range", "numrange": "numrange",
        "tsrange": "tsrange", "tstzrange": "tstzrange", "daterange": "daterange",
        "point": "point", "line": "line", "lseg": "lseg", "box": "box", "path": "path",
        "polygon": "polygon", "circle": "circle", "void": "void", "record": "record",
        "regclass": "regclass", "anyelement": "anyelement", "anyarray": "anyarray",
    ]

    /// The built-in type a grammar spelling names, if any: `builtin("int8") == .bigint`. The
    /// spellings above first, then every type of PostgreSQL's catalog by `typname` or name.
    public static func builtin(_ spelling: String) -> SQLType? {
        let lowered = spelling.lowercased()
        if let alias = builtinAliases[lowered] { return SQLType(name: alias) }
        return BuiltinCatalog.postgres.type(named: lowered)
    }

    /// True for the serial pseudo-types, which imply a default (a sequence) and NOT NULL-free inserts.
    public static func isSerial(_ spelling: String) -> Bool {
        ["serial", "serial2", "serial4", "serial8", "smallserial", "bigserial"].contains(spelling.lowercased())
    }
}
