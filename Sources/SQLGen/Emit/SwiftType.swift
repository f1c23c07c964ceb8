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
    /// A type the value is wrapped in to be bound (`PostgresEnumArray(moods)`), when its own
    /// encoding cannot serve.
    var bindingWrapper: String? = nil

    /// `Int64` or `Int64?`.
    var spelled: String { isOptional ? name + "?" : name }
}

/// A type the generated code needs that neither Swift nor PostgresNIO has; `Models.swift`
/// defines the ones the generated queries and models use.
enum SupportType: String, Sendable, Hashable, CaseIterable, Comparable {
    /// `json` and `jsonb` documents.
    case jsonValue = "JSONValue"
    /// `interval`: months, days and microseconds, as PostgreSQL keeps them.
    case interval = "PostgresInterval"
    /// Arrays of enums, bound in text form.
    case enumArray = "PostgresEnumArray"
    /// `inet` and `cidr`.
    case inet = "PostgresInet"
    /// `macaddr` and `macaddr8`.
    case macAddress = "PostgresMACAddress"
    /// `bit` and `bit varying`.
    case bitString = "PostgresBitString"
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

    /// The support types this one's source uses, which `Models.swift` must define with it.
    var requires: [SupportType] {
        switch self {
        case .line, .lineSegment, .box, .path, .polygon, .circle: [.point]
        case .tsVector, .tsQuery: [.textSearchWeight]
        default: []
        }
    }

    /// Whether `:copyfrom` writes the type's `description`, which is PostgreSQL's text form.
    var copiesDescription: Bool {
        switch self {
        case .jsonValue, .interval, .enumArray, .textSearchWeight: false
        default: true
        }
    }

    static func < (lhs: SupportType, rhs: SupportType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
