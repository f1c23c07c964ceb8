/// What PostgreSQL itself defines: the types, casts, functions, aggregates, operators and
/// relations of `pg_catalog` and `information_schema`, plus the objects of the contrib
/// extensions a schema creates. Generated from a real PostgreSQL by
/// `scripts/generate-pg-catalog.py` (`BuiltinCatalog+Data.swift`) and parsed at first use.
///
/// ```swift
/// let builtins = BuiltinCatalog.postgres.adding(extensions: ["citext": "public"])
/// builtins.type(named: "citext")  // SQLType(name: "citext")
/// builtins.functions["substr"]?.count  // 4 overloads
/// ```
public struct BuiltinCatalog: Sendable {
    /// A type's properties that PostgreSQL's coercion rules consult (`pg_type`).
    public struct TypeInfo: Sendable, Hashable {
        public var type: SQLType
        /// `pg_type.typname`, the name the grammar's `pg_catalog.int8` uses.
        public var internalName: String
        /// `typcategory`: N numeric, S string, D date/time, P pseudo, A array, U user …
        public var category: Character
        public var isPreferred: Bool
        /// `typtype`: b base, p pseudo, r range, m multirange, d domain, e enum.
        public var kind: Character
        /// A range's subtype, a multirange's range, a domain's base type.
        public var related: SQLType?
        public var hasArray: Bool
    }

    /// One overload of a function, aggregate, window function or procedure (`pg_proc`).
    public struct Function: Sendable, Hashable {
        public var name: String
        /// `prokind`: f function, a aggregate, w window, p procedure.
        public var kind: Character
        /// Declared input types, `VARIADIC` parameter last (as its array type, or `"any"`).
        public var arguments: [SQLType]
        /// The element type of a VARIADIC parameter.
        public var variadic: SQLType?
        /// How many trailing parameters have defaults.
        public var defaults: Int
        /// Input parameter names (empty strings where unnamed); empty when none is named.
        public var argumentNames: [String]
        public var returnsSet: Bool
        public var result: SQLType
        public var isStrict: Bool
        /// OUT / INOUT / TABLE columns, for functions returning `record`.
        public var outputColumns: [OutputColumn]
        /// `aggkind` of aggregates: n normal, o ordered-set, h hypothetical-set.
        public var aggregateKind: Character?
        /// Direct (non-ordered) arguments of an ordered-set aggregate.
        public var directArguments: Int

        /// Created by the schema (`CREATE FUNCTION`) rather than PostgreSQL.
        public var isUserDefined = false

        public var isAggregate: Bool { kind == "a" }
        public var isWindow: Bool { kind == "w" }
        public var isProcedure: Bool { kind == "p" }
    }

    public struct OutputColumn: Sendable, Hashable {
        public var name: String
        public var type: SQLType
    }

    /// A prefix (`left` nil) or binary operator (`pg_operator`).
    public struct Operator: Sendable, Hashable {
        public var name: String
        public var left: SQLType?
        public var right: SQLType
        public var result: SQLType
    }

    struct CastKey: Sendable, Hashable {
        var source: SQLType
        var target: SQLType
    }

    /// Types by `SQLType` (element types; arrays are `isArray` of these).
    public private(set) var types: [SQLType: TypeInfo] = [:]
    /// Types by every name that finds them: `typname` and `format_type`'s name.
    public private(set) var typesByName: [String: SQLType] = [:]
    /// Multirange types by their range type.
    private(set) var multiranges: [SQLType: SQLType] = [:]
    /// `pg_cast.castcontext` (i implicit, a assignment, e explicit) by source and target.
    private(set) var casts: [CastKey: Character] = [:]
    public private(set) var functions: [String: [Function]] = [:]
    public private(set) var operators: [String: [Operator]] = [:]
    /// Relations of pg_catalog, information_schema and extensions, by schema and name.
    public private(set) var relations: [String: [String: Table]] = [:]
    /// The offset types `RANGE n PRECEDING` accepts for each window ORDER BY type (btree `in_range`).
    public private(set) var rangeOffsetTypes: [SQLType: [SQLType]] = [:]
    /// Extensions loaded, with the schema each lives in.
    public private(set) var extensions: [String: String] = [:]

    /// PostgreSQL's own catalog, without extensions.
    public static let postgres: BuiltinCatalog = {
        var catalog = BuiltinCatalog()
        catalog.load(builtinData, extensionSchema: nil)
        return catalog
    }()

    /// The names of the extensions the data describes.
    public static var availableExtensions: [String] { extensionData.keys.sorted() }

    private static let cache = LockedValue<[[String: String]: BuiltinCatalog]>([:])

    /// This catalog plus the objects of `extensions` (name → schema), and of the extensions
    /// they require (in the same schema). Unknown extension names are ignored: their objects
    /// stay unknown. Results are cached, since every analysis of a schema asks for the same.
    public func adding(extensions wanted: [String: String]) -> BuiltinCatalog {
        let missing = wanted.filter { extensions[$0.key] == nil && Self.extensionData[$0.key] != nil }
        if missing.isEmpty { return self }
        let key = extensions.merging(missing) { old, _ in old }
        if let cached = Self.cache.withLock({ $0[key] }) { return cached }
        var catalog = self
        for (name, schema) in missing.sorted(by: { $0.key < $1.key }) { catalog.loadExtension(name, schema: schema) }
        Self.cache.withLock { $0[key] = catalog }
        return catalog
    }

    /// This catalog plus what a schema adds: the extensions it creates, its own functions and
    /// its range types.
    public func adding(objectsOf catalog: Catalog) -> BuiltinCatalog {
        adding(extensions: catalog.extensions).adding(functions: catalog.functions).adding(ranges: catalog.allRanges)
    }

    /// This catalog plus user range types, each with its multirange and its constructors
    /// (`floatrange(1.0, 2.0)`, `floatrange(1.0, 2.0, '[]')`), as PostgreSQL creates them.
    public func adding(ranges: [RangeType]) -> BuiltinCatalog {
        guard !ranges.isEmpty else { return self }
        var catalog = self
        for range in ranges {
            catalog.types[range.type] = TypeInfo(
                type: range.type, internalName: range.type.name, category: "R", isPreferred: false, kind: "r",
                related: range.subtype, hasArray: true)
            catalog.types[range.multirange] = TypeInfo(
                type: range.multirange, internalName: range.multirange.name, category: "R", isPreferred: false,
                kind: "m", related: range.type, hasArray: true)
            catalog.multiranges[range.type] = range.multirange
            for arguments in [[range.subtype, range.subtype], [range.subtype, range.subtype, .text]] {
                catalog.functions[range.type.name, default: []].append(
                    Function(
                        name: range.type.name, kind: "f", arguments: arguments, variadic: nil, defaults: 0,
                        argumentNames: [], returnsSet: false, result: range.type, isStrict: false, outputColumns: [],
                        aggregateKind: nil, directArguments: 0, isUserDefined: true))
            }
        }
        return catalog
    }

    /// This catalog plus the schema's own functions (`CREATE FUNCTION`).
    public func adding(functions userFunctions: [String: [Function]]) -> BuiltinCatalog {
        guard !userFunctions.isEmpty else { return self }
        var catalog = self
        for (name, overloads) in userFunctions { catalog.functions[name, default: []] += overloads }
        return catalog
    }

    private mutating func loadExtension(_ name: String, schema: String) {
        guard extensions[name] == nil, let data = Self.extensionData[name] else { return }
        extensions[name] = schema
        load(data, extensionSchema: schema)
    }

    // MARK: Lookups

    /// The properties of an element type (nil for arrays, user enums and unknown types).
    public func info(_ type: SQLType) -> TypeInfo? { type.isArray ? nil : types[type] }

    /// The multirange type of a range type (`int4range` → `int4multirange`).
    public func multirange(of range: SQLType) -> SQLType? { multiranges[range] }

    /// The built-in or extension type a name written in SQL finds (`int8`, `bigint`, `citext`).
    public func type(named name: String) -> SQLType? { typesByName[name] }

    /// `pg_cast.castcontext` for `source` → `target`, if PostgreSQL has such a cast.
    func castContext(from source: SQLType, to target: SQLType) -> Character? {
        casts[CastKey(source: source, target: target)]
    }

    // MARK: Parsing

    private mutating func load(_ data: String, extensionSchema: String?) {
        var requires: [String] = []
        // Split on bytes: splitting ~4,000 lines by Character dominated the generator's start-up.
        for line in data.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map {
                String(Substring($0))
            }
            guard let tag = fields.first else { continue }
            // Domains (information_schema's `sql_identifier`, earthdistance's `earth`) stand for
            // their base type wherever queries meet them, as PostgreSQL's describe reports them.
            func type(_ text: String) -> SQLType { reducingDomain(Self.parseType(text, extensionSchema: extensionSchema)) }
            switch tag {
            case "E" where fields.count >= 3:
                requires = fields[2].split(separator: ",").map(String.init)
            case "T" where fields.count >= 8:
                let parsed = Self.parseType(fields[1], extensionSchema: extensionSchema)
                let info = TypeInfo(
                    type: parsed, internalName: fields[2], category: fields[3].first ?? "U", isPreferred: fields[4] == "t",
                    kind: fields[5].first ?? "b", related: fields[6].isEmpty ? nil : type(fields[6]),
                    hasArray: fields[7] == "t")
                types[parsed] = info
                if info.kind == "m", let range = info.related { multiranges[range] = parsed }
                if parsed.schema == nil {
                    let named = info.kind == "d" ? (info.related ?? parsed) : parsed
                    typesByName[fields[2]] = named
                    typesByName[parsed.name] = named
                }
            case "C" where fields.count >= 4:
                casts[CastKey(source: type(fields[1]), target: type(fields[2]))] = fields[3].first ?? "e"
            case "F" where fields.count >= 13:
                let function = Function(
                    name: fields[1], kind: fields[2].first ?? "f",
                    arguments: fields[3].isEmpty ? [] : fields[3].split(separator: ",").map { type(String($0)) },
                    variadic: fields[4].isEmpty ? nil : type(fields[4]), defaults: Int(fields[5]) ?? 0,
                    argumentNames: fields[6].isEmpty ? [] : fields[6].split(separator: ",", omittingEmptySubsequences: false).map(String.init),
                    returnsSet: fields[7] == "t", result: type(fields[8]), isStrict: fields[9] == "t",
                    outputColumns: fields[10].isEmpty
                        ? []
                        : fields[10].split(separator: ",").map { column in
                            let parts = column.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                            return OutputColumn(name: String(parts[0]), type: type(String(parts.last ?? "")))
                        },
                    aggregateKind: fields[11].first, directArguments: Int(fields[12]) ?? 0, isUserDefined: false)
                functions[function.name, default: []].append(function)
            case "O" where fields.count >= 5:
                let op = Operator(
                    name: fields[1], left: fields[2].isEmpty ? nil : type(fields[2]), right: type(fields[3]),
                    result: type(fields[4]))
                operators[op.name, default: []].append(op)
            case "W" where fields.count >= 3:
                rangeOffsetTypes[type(fields[1]), default: []].append(type(fields[2]))
            case "R" where fields.count >= 5:
                let schema = fields[1] == "@" ? (extensionSchema ?? "public") : fields[1]
                let columns = fields[4].split(separator: ",").map { column -> Column in
                    let parts = column.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                    let columnType = type(parts.dropFirst().dropLast().joined(separator: ":"))
                    return Column(name: parts[0], type: columnType, isNotNull: parts.last == "true")
                }
                relations[schema, default: [:]][fields[2]] = Table(
                    schema: schema, name: fields[2], columns: columns, isView: fields[3] == "v" || fields[3] == "m")
            default:
                continue
            }
        }
        for required in requires { loadExtension(required, schema: extensionSchema ?? "public") }
    }

    /// Domains (information_schema's `sql_identifier` …) as their base type, as queries see them.
    private func reducingDomain(_ type: SQLType) -> SQLType {
        guard let info = types[type.element], info.kind == "d", let base = info.related else { return type }
        return type.isArray ? base.array : base
    }

    /// `bigint`, `integer[]`, `@citext`, `information_schema.sql_identifier`. Extension types
    /// are named without their schema, like built-in types: queries name them unqualified, and
    /// `format_type` prints them so while their schema is on the search path.
    static func parseType(_ text: String, extensionSchema: String?) -> SQLType {
        var name = Substring(text)
        var isArray = false
        if name.hasSuffix("[]") {
            isArray = true
            name = name.dropLast(2)
        }
        var schema: String?
        if name.hasPrefix("@") {
            name = name.dropFirst()
        } else if name.hasPrefix("information_schema.") {
            schema = "information_schema"
            name = name.dropFirst("information_schema.".count)
        }
        return SQLType(name: String(name), schema: schema, isArray: isArray)
    }
}
