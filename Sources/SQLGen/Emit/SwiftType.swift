/// A Swift type the emitter uses for a parameter or result column, with what binding it needs.
struct SwiftType: Sendable, Hashable {
    /// The non-optional type as written: `Int64`, `[String]`, `AccountStatus`, `MyModule.Money`.
    var name: String
    var isOptional: Bool
    /// The `PostgresDataType` expression for `bindingDataTypes`: `.int8`, `PostgresDataType(0)`.
    var bindingDataType: String
    /// Whether encoding can throw: `true`, `false`, or `nil` when unknown (an override's type).
    var encodeThrows: Bool?
    /// A module to import for an override's type.
    var importModule: String?
    /// The generated support type the type is or contains (`JSONValue`, `[PostgresInterval]`).
    var supportType: SupportType? = nil
    /// Set for arrays that go through `PostgresArray` (text-bound) rather than postgres-nio's own
    /// array coding.
    var textArray: TextArray? = nil

    /// How an array goes through `PostgresArray`: one wrapper per dimension.
    struct TextArray: Sendable, Hashable {
        /// The element's Swift type: `Decimal` for `[Decimal]` and `[[Decimal]]`.
        var element: String
        /// 1 for `[Decimal]`, 2 for `[[Decimal]]` …
        var dimensions: Int = 1
        /// Whether rows decode through `PostgresArray` too (postgres-nio cannot decode the array);
        /// otherwise only the binding wraps the value.
        var decodes: Bool
    }

    /// `Int64` or `Int64?`.
    var spelled: String { isOptional ? name + "?" : name }

    /// The value bound for `expression`: `PostgresArray(amounts)`, `notes.map(PostgresArray.init)`,
    /// `PostgresArray(grid.map(PostgresArray.init))`.
    func binding(of expression: String) -> String {
        guard let textArray else { return expression }
        let depth = textArray.dimensions
        guard isOptional else { return Self.wrap(expression, depth) }
        return depth == 1 ? "\(expression).map(PostgresArray.init)" : "\(expression).map { \(Self.wrap("$0", depth)) }"
    }

    /// `PostgresArray(value)`, nesting one wrapper per dimension.
    private static func wrap(_ value: String, _ depth: Int) -> String {
        switch depth {
        case 1: "PostgresArray(\(value))"
        case 2: "PostgresArray(\(value).map(PostgresArray.init))"
        default: "PostgresArray(\(value).map { \(wrap("$0", depth - 1)) })"
        }
    }

    /// The type a row decodes for a value of this type, optional or not.
    func decodedSpelling(optional: Bool) -> String {
        var decoded = name
        if let textArray, textArray.decodes {
            decoded =
                String(repeating: "PostgresArray<", count: textArray.dimensions) + textArray.element
                + String(repeating: ">", count: textArray.dimensions)
        }
        return decoded + (optional ? "?" : "")
    }

    /// The value from `expression`, a decoded value of `decodedSpelling(optional:)`.
    func value(fromDecoded expression: String, optional: Bool) -> String {
        guard let textArray, textArray.decodes else { return expression }
        return expression + (optional ? "?" : "") + Self.unwrapping(textArray.dimensions)
    }

    /// `.elements`, `.elements.map(\.elements)`, `.elements.map { $0.elements.map(\.elements) }` …
    private static func unwrapping(_ depth: Int) -> String {
        switch depth {
        case 1: ".elements"
        case 2: ".elements.map(\\.elements)"
        default: ".elements.map { $0\(unwrapping(depth - 1)) }"
        }
    }

    /// The generated support types the type needs.
    var supportTypes: [SupportType] {
        // Every array bound through `PostgresArray` needs it, whatever its element.
        (supportType.map { [$0] } ?? []) + (textArray == nil ? [] : [.array])
    }
}

/// A type the generated code needs that neither Swift nor PostgresNIO has; `Models.swift`
/// defines the ones the generated queries and models use.
enum SupportType: String, Sendable, Hashable, CaseIterable, Comparable {
    /// `json` and `jsonb` documents.
    case jsonValue = "JSONValue"
    /// `interval`: months, days and microseconds, as PostgreSQL keeps them.
    case interval = "PostgresInterval"
    /// `inet` and `cidr`.
    case inet = "PostgresInet"
    /// `macaddr` and `macaddr8`.
    case macAddress = "PostgresMACAddress"
    /// `bit` and `bit varying`.
    case bitString = "PostgresBitString"
    /// How a `Date` is written in text form (`:copyfrom` rows, range bounds).
    case timeKind = "PostgresTimeKind"
    /// The built-in range types, generic over the bound.
    case range = "PostgresRange"
    /// The built-in multirange types.
    case multirange = "PostgresMultirange"
    /// Arrays bound in text form: of enums (whose OIDs are per database) and of types postgres-nio
    /// has no array coding for (`numeric[]`, `bytea[]`, `inet[]` …).
    case array = "PostgresArray"
    /// `point`; the other geometric types are made of points or share its float8 text form.
    case point = "PostgresPoint"
    /// `line`.
    case line = "PostgresLine"
    /// `lseg`.
    case lineSegment = "PostgresLineSegment"
    /// `box`.
    case box = "PostgresBox"
    /// `path`.
    case path = "PostgresPath"
    /// `polygon`.
    case polygon = "PostgresPolygon"
    /// `circle`.
    case circle = "PostgresCircle"
    /// `money`, in minor units.
    case money = "PostgresMoney"
    /// `xml`.
    case xml = "PostgresXML"
    /// The weights `A` to `D` of `tsvector` positions and `tsquery` operands.
    case textSearchWeight = "PostgresTextSearchWeight"
    /// `tsvector`.
    case tsVector = "PostgresTSVector"
    /// `tsquery`.
    case tsQuery = "PostgresTSQuery"
    /// Values' text forms (`:copyfrom` rows, arrays bound as text).
    case textEncodable = "PostgresTextEncodable"
    /// Reading and writing composite values (`PostgresRecordFields`, `PostgresRecordLiteral`).
    case record = "PostgresRecordFields"
    /// `time`.
    case time = "PostgresTime"
    /// `timetz`.
    case timeWithZone = "PostgresTimeWithZone"
    /// `oid` and the `reg…` types.
    case oid = "PostgresOID"
    /// `pg_lsn`.
    case lsn = "PostgresLSN"
    /// `jsonpath`.
    case jsonPath = "PostgresJSONPath"

    /// The support types this one's source uses, which `Models.swift` must define with it.
    var requires: [SupportType] {
        switch self {
        case .range, .textEncodable: [.timeKind]
        case .array, .record: [.textEncodable]
        case .multirange: [.range, .timeKind]
        case .line, .lineSegment, .box, .path, .polygon, .circle: [.point]
        case .tsVector, .tsQuery: [.textSearchWeight]
        case .timeWithZone: [.time]
        default: []
        }
    }

    /// `types` and every support type they require, directly or not.
    static func closure(of types: Set<SupportType>) -> Set<SupportType> {
        var result = types
        var pending = Array(types)
        while let type = pending.popLast() {
            for required in type.requires where result.insert(required).inserted { pending.append(required) }
        }
        return result
    }

    /// Whether `:copyfrom` writes the type's `description`, which is PostgreSQL's text form.
    var copiesDescription: Bool {
        switch self {
        case .jsonValue, .interval, .textSearchWeight, .timeKind, .array, .textEncodable, .record: false
        default: true
        }
    }

    static func < (lhs: SupportType, rhs: SupportType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
