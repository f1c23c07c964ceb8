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
    /// True when the type is (or contains) the generated `JSONValue`.
    var usesJSONValue: Bool = false

    /// `Int64` or `Int64?`.
    var spelled: String { isOptional ? name + "?" : name }
}
