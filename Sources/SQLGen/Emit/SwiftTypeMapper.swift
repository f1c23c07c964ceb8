import Foundation

/// Maps PostgreSQL types to Swift types (docs/generated-code.md, "Type mapping") and applies the config's overrides.
/// Public so `describe --json` can report the `swiftType` of every parameter and column.
public struct SwiftTypeMapper: Sendable {
    public let options: SwiftOptions
    public let catalog: Catalog
    let names: TypeNames

    public init(options: SwiftOptions, catalog: Catalog) {
        self.options = options
        self.catalog = catalog
        self.names = TypeNames(options: options, catalog: catalog)
    }

    /// The Swift type spelled as generated code writes it (`Int64`, `String?`, `[UUID]`,
    /// `AccountStatus`), or nil when the type has no mapping and no override.
    /// `column` is the table column the value comes from or is assigned to (column overrides).
    public func swiftTypeName(for type: SQLType, isNullable: Bool, column: ColumnReference?) -> String? {
        swiftType(for: type, isNullable: isNullable, column: column)?.spelled
    }

    /// Same as `swiftTypeName` for a query parameter, with its inline type hint.
    public func swiftTypeName(for parameter: QueryParameter) -> String? {
        swiftType(for: parameter)?.spelled
    }

    /// Same as `swiftTypeName` for a result column, with its inline type hint.
    public func swiftTypeName(for column: ResultColumn) -> String? {
        swiftType(for: column)?.spelled
    }

    func swiftType(for parameter: QueryParameter) -> SwiftType? {
        if let hint = parameter.swiftTypeHint { return hintedType(hint, isNullable: parameter.isNullable) }
        return swiftType(for: parameter.type, isNullable: parameter.isNullable, column: parameter.column)
    }

    func swiftType(for column: ResultColumn) -> SwiftType? {
        if let hint = column.swiftTypeHint { return hintedType(hint, isNullable: column.isNullable) }
        return swiftType(for: column.type, isNullable: column.isNullable, column: column.source)
    }

    /// A type the query file names (`AS "note: Note"`): the user's own PostgresCodable type,
    /// bound with the data type it declares, like an override's.
    private func hintedType(_ name: String, isNullable: Bool) -> SwiftType {
        SwiftType(name: name, isOptional: isNullable, bindingDataType: "\(name).psqlType", encodeThrows: nil)
    }

    func swiftType(for type: SQLType, isNullable: Bool, column: ColumnReference?) -> SwiftType? {
        if let override = matchingOverride(for: type, isNullable: isNullable, column: column) {
            return override
        }
        guard var mapped = builtinMapping(for: type) else { return nil }
        if type.isArray, let column, let dimensions = declaredDimensions(of: column), dimensions > 1 {
            mapped = Self.multidimensional(mapped, dimensions: dimensions)
        }
        mapped.isOptional = isNullable
        return mapped
    }

    /// How many dimensions the table column was declared with (`integer[][]`: 2). PostgreSQL
    /// does not enforce them, but they are the column's documented shape, as `attndims` records.
    private func declaredDimensions(of column: ColumnReference) -> Int? {
        catalog.table(column.table, schema: column.schema)?.column(column.column)?.arrayDimensions
    }

    /// `[[Int32]]` for a one-dimensional mapping `[Int32]`: bound and decoded through one
    /// `PostgresArray` per dimension.
    private static func multidimensional(_ array: SwiftType, dimensions: Int) -> SwiftType {
        let element = array.textArray?.element ?? String(array.name.dropFirst().dropLast())
        return SwiftType(
            name: String(repeating: "[", count: dimensions) + element + String(repeating: "]", count: dimensions),
            isOptional: false, bindingDataType: array.bindingDataType, encodeThrows: true, supportType: array.supportType,
            textArray: SwiftType.TextArray(element: element, dimensions: dimensions, decodes: true))
    }

    // MARK: - Built-in mapping

    private struct Scalar {
        var name: String
        var dataType: String
        var arrayDataType: String?
        var encodeThrows: Bool
    }

    private static let scalars: [String: Scalar] = {
        let string = Scalar(name: "String", dataType: ".text", arrayDataType: ".textArray", encodeThrows: false)
        let date = Scalar(name: "Date", dataType: ".timestamptz", arrayDataType: ".timestamptzArray", encodeThrows: false)
        return [
            "smallint": Scalar(name: "Int16", dataType: ".int2", arrayDataType: ".int2Array", encodeThrows: false),
            "integer": Scalar(name: "Int32", dataType: ".int4", arrayDataType: ".int4Array", encodeThrows: false),
            "bigint": Scalar(name: "Int64", dataType: ".int8", arrayDataType: ".int8Array", encodeThrows: false),
            "real": Scalar(name: "Float", dataType: ".float4", arrayDataType: ".float4Array", encodeThrows: false),
            "double precision": Scalar(
                name: "Double", dataType: ".float8", arrayDataType: ".float8Array", encodeThrows: false),
            "numeric": Scalar(name: "Decimal", dataType: ".numeric", arrayDataType: nil, encodeThrows: true),
            "boolean": Scalar(name: "Bool", dataType: ".bool", arrayDataType: ".boolArray", encodeThrows: false),
            "text": string, "character varying": string, "character": string, "name": string, "citext": string,
            "bytea": Scalar(name: "Data", dataType: ".bytea", arrayDataType: nil, encodeThrows: true),
            "uuid": Scalar(name: "UUID", dataType: ".uuid", arrayDataType: ".uuidArray", encodeThrows: false),
            "timestamp with time zone": date, "timestamp without time zone": date, "date": date,
            "json": Scalar(name: "JSONValue", dataType: ".jsonb", arrayDataType: nil, encodeThrows: true),
            "jsonb": Scalar(name: "JSONValue", dataType: ".jsonb", arrayDataType: nil, encodeThrows: true),
            // Bound with the OID of the column's own type: one Swift type serves both of a pair.
            "inet": Scalar(name: "PostgresInet", dataType: "PostgresDataType(869)", arrayDataType: nil, encodeThrows: false),
            "cidr": Scalar(name: "PostgresInet", dataType: "PostgresDataType(650)", arrayDataType: nil, encodeThrows: false),
            "macaddr": Scalar(
                name: "PostgresMACAddress", dataType: "PostgresDataType(829)", arrayDataType: nil, encodeThrows: false),
            "macaddr8": Scalar(
                name: "PostgresMACAddress", dataType: "PostgresDataType(774)", arrayDataType: nil, encodeThrows: false),
            "bit": Scalar(name: "PostgresBitString", dataType: "PostgresDataType(1560)", arrayDataType: nil, encodeThrows: false),
            "bit varying": Scalar(
                name: "PostgresBitString", dataType: "PostgresDataType(1562)", arrayDataType: nil, encodeThrows: false),
            "interval": Scalar(
                name: "PostgresInterval", dataType: ".interval", arrayDataType: ".intervalArray", encodeThrows: false),
            "point": Scalar(name: "PostgresPoint", dataType: "PostgresDataType(600)", arrayDataType: nil, encodeThrows: false),
            "line": Scalar(name: "PostgresLine", dataType: "PostgresDataType(628)", arrayDataType: nil, encodeThrows: false),
            "lseg": Scalar(
                name: "PostgresLineSegment", dataType: "PostgresDataType(601)", arrayDataType: nil, encodeThrows: false),
            "box": Scalar(name: "PostgresBox", dataType: "PostgresDataType(603)", arrayDataType: nil, encodeThrows: false),
            "path": Scalar(name: "PostgresPath", dataType: "PostgresDataType(602)", arrayDataType: nil, encodeThrows: false),
            "polygon": Scalar(
                name: "PostgresPolygon", dataType: "PostgresDataType(604)", arrayDataType: nil, encodeThrows: false),
            "circle": Scalar(name: "PostgresCircle", dataType: "PostgresDataType(718)", arrayDataType: nil, encodeThrows: false),
            "money": Scalar(name: "PostgresMoney", dataType: "PostgresDataType(790)", arrayDataType: nil, encodeThrows: false),
            "xml": Scalar(name: "PostgresXML", dataType: "PostgresDataType(142)", arrayDataType: nil, encodeThrows: false),
            "time without time zone": Scalar(
                name: "PostgresTime", dataType: "PostgresDataType(1083)", arrayDataType: nil, encodeThrows: false),
            "time with time zone": Scalar(
                name: "PostgresTimeWithZone", dataType: "PostgresDataType(1266)", arrayDataType: nil, encodeThrows: false),
            "tsvector": Scalar(
                name: "PostgresTSVector", dataType: "PostgresDataType(3614)", arrayDataType: nil, encodeThrows: false),
            "tsquery": Scalar(
                name: "PostgresTSQuery", dataType: "PostgresDataType(3615)", arrayDataType: nil, encodeThrows: false),
            "pg_lsn": Scalar(name: "PostgresLSN", dataType: "PostgresDataType(3220)", arrayDataType: nil, encodeThrows: false),
            "jsonpath": Scalar(
                name: "PostgresJSONPath", dataType: "PostgresDataType(4072)", arrayDataType: nil, encodeThrows: false),
        ].merging(
            oidTypes.mapValues { oid in
                Scalar(name: "PostgresOID", dataType: "PostgresDataType(\(oid.type))", arrayDataType: nil, encodeThrows: false)
            }
        ) { first, _ in first }
    }()

    /// `oid` and the `reg…` types, which all hold an OID: their type's OID and their array type's.
    private static let oidTypes: [String: (type: Int, array: Int)] = [
        "oid": (26, 1028), "regproc": (24, 1008), "regprocedure": (2202, 2207), "regoper": (2203, 2208),
        "regoperator": (2204, 2209), "regclass": (2205, 2210), "regtype": (2206, 2211), "regconfig": (3734, 3735),
        "regdictionary": (3769, 3770), "regnamespace": (4089, 4090), "regrole": (4096, 4097),
        "regcollation": (4191, 4192),
    ]

    /// The array types of scalars postgres-nio has no array coding for, by element type: bound
    /// and decoded through `PostgresArray`.
    private static let wrappedArrayOIDs: [String: Int] = [
        "numeric": 1231, "bytea": 1001, "json": 199, "jsonb": 3807, "inet": 1041, "cidr": 651, "macaddr": 1040,
        "macaddr8": 775, "bit": 1561, "bit varying": 1563, "point": 1017, "line": 629, "lseg": 1018, "path": 1019,
        "polygon": 1027, "circle": 719, "money": 791, "xml": 143, "tsvector": 3643, "tsquery": 3645,
        "time without time zone": 1183, "time with time zone": 1270, "box": 1020, "pg_lsn": 3221, "jsonpath": 4073,
    ].merging(oidTypes.mapValues(\.array)) { first, _ in first }

    /// `[Element]`, bound as `PostgresArray(value)` with the array type's OID and decoded as
    /// `PostgresArray<Element>`.
    private static func wrappedArray(of element: String, oid: Int, supportType: SupportType?) -> SwiftType {
        SwiftType(
            name: "[\(element)]", isOptional: false, bindingDataType: "PostgresDataType(\(oid))", encodeThrows: true,
            supportType: supportType, textArray: SwiftType.TextArray(element: element, decodes: true))
    }

    /// The built-in range and multirange types: their bound's Swift type and their OID.
    private static let ranges: [String: (bound: String, oid: Int, isMultirange: Bool)] = [
        "int4range": ("Int32", 3904, false), "int8range": ("Int64", 3926, false), "numrange": ("Decimal", 3906, false),
        "tsrange": ("Date", 3908, false), "tstzrange": ("Date", 3910, false), "daterange": ("Date", 3912, false),
        "int4multirange": ("Int32", 4451, true), "int8multirange": ("Int64", 4536, true),
        "nummultirange": ("Decimal", 4532, true), "tsmultirange": ("Date", 4533, true),
        "tstzmultirange": ("Date", 4534, true), "datemultirange": ("Date", 4535, true),
    ]

    private func builtinMapping(for type: SQLType) -> SwiftType? {
        if !type.isBuiltin {
            // A user-defined enum. An enum without labels cannot be a Swift enum with a raw type, so
            // it has no mapping.
            if let composite = catalog.compositeType(type.name, schema: type.schema) {
                return compositeMapping(composite, isArray: type.isArray)
            }
            if let table = catalog.table(type.name, schema: type.schema) {
                return rowValueMapping(table, isArray: type.isArray)
            }
            guard let enumType = catalog.enumType(type.name, schema: type.schema), !enumType.values.isEmpty
            else { return nil }
            let name = names.enumName(enumType)
            if type.isArray {
                // A binary array names its element type's OID, which an enum has only per database:
                // enum arrays are bound as text and typed by PostgreSQL from the statement.
                return SwiftType(
                    name: "[\(name)]", isOptional: false, bindingDataType: "PostgresDataType(0)", encodeThrows: true,
                    textArray: SwiftType.TextArray(element: name, decodes: false))
            }
            return SwiftType(name: name, isOptional: false, bindingDataType: "PostgresDataType(0)", encodeThrows: true)
        }
        if let range = Self.ranges[type.name] {
            let support: SupportType = range.isMultirange ? .multirange : .range
            if type.isArray {
                // Arrays of multiranges have no mapping.
                guard !range.isMultirange else { return nil }
                return Self.wrappedArray(of: "\(support.rawValue)<\(range.bound)>", oid: range.oid + 1, supportType: support)
            }
            return SwiftType(
                name: "\(support.rawValue)<\(range.bound)>", isOptional: false, bindingDataType: "PostgresDataType(\(range.oid))",
                encodeThrows: false, supportType: support)
        }
        // citext is an extension type; it lives in a schema only when the catalog says so.
        guard let scalar = Self.scalars[type.name] else { return nil }
        let supportType = SupportType(rawValue: scalar.name)
        if type.isArray {
            guard let arrayDataType = scalar.arrayDataType else {
                guard let oid = Self.wrappedArrayOIDs[type.name] else { return nil }
                return Self.wrappedArray(of: scalar.name, oid: oid, supportType: supportType)
            }
            return SwiftType(
                name: "[\(scalar.name)]", isOptional: false, bindingDataType: arrayDataType,
                encodeThrows: scalar.encodeThrows, supportType: supportType)
        }
        return SwiftType(
            name: scalar.name, isOptional: false, bindingDataType: scalar.dataType, encodeThrows: scalar.encodeThrows,
            supportType: supportType)
    }

    /// A composite type's generated struct, when every field has a mapping. Bound in text form
    /// (the type's OID is per database, so the statement types it); arrays of it are bound through
    /// `PostgresArray` and decoded by postgres-nio, since the struct is `PostgresArrayDecodable`.
    private func compositeMapping(_ composite: Table, isArray: Bool) -> SwiftType? {
        guard composite.columns.allSatisfy({ swiftType(for: $0.type, isNullable: true, column: nil) != nil }) else {
            return nil
        }
        let name = names.compositeName(composite)
        if isArray {
            return SwiftType(
                name: "[\(name)]", isOptional: false, bindingDataType: "PostgresDataType(0)", encodeThrows: true,
                textArray: SwiftType.TextArray(element: name, decodes: false))
        }
        return SwiftType(
            name: name, isOptional: false, bindingDataType: "PostgresDataType(0)", encodeThrows: true, supportType: .record)
    }

    /// A table's or view's row as one value (`SELECT a FROM accounts a`, `array_agg(e)`): its
    /// model, which then also reads and writes PostgreSQL's record forms as a composite's struct
    /// does. Only when every column maps to a built-in type (an override's type has no text form
    /// to write the record with).
    private func rowValueMapping(_ table: Table, isArray: Bool) -> SwiftType? {
        let mapsEveryColumn = table.columns.allSatisfy { column in
            let reference = ColumnReference(schema: table.schema, table: table.name, column: column.name)
            return swiftType(for: column.type, isNullable: !column.isNotNull, column: reference)?.encodeThrows != nil
        }
        guard mapsEveryColumn, !table.columns.isEmpty else { return nil }
        let name = names.modelName(table)
        if isArray {
            return SwiftType(
                name: "[\(name)]", isOptional: false, bindingDataType: "PostgresDataType(0)", encodeThrows: true,
                supportType: .record, textArray: SwiftType.TextArray(element: name, decodes: false))
        }
        return SwiftType(
            name: name, isOptional: false, bindingDataType: "PostgresDataType(0)", encodeThrows: true, supportType: .record)
    }

    // MARK: - Overrides

    private func matchingOverride(for type: SQLType, isNullable: Bool, column: ColumnReference?) -> SwiftType? {
        let applicable = options.overrides.filter { override in
            guard let nullable = override.nullable else { return true }
            return nullable == isNullable
        }
        if let column {
            for override in applicable {
                guard case .column(let spec) = override.target, matches(columnSpec: spec, column) else { continue }
                return overrideType(override, isNullable: isNullable, wrapInArray: false)
            }
        }
        for override in applicable {
            guard case .dbType(let spec) = override.target, let target = Self.parseDBType(spec, catalog: catalog) else {
                continue
            }
            if target == type { return overrideType(override, isNullable: isNullable, wrapInArray: false) }
            if !target.isArray && type.isArray && target == type.element {
                return overrideType(override, isNullable: isNullable, wrapInArray: true)
            }
        }
        return nil
    }

    private func overrideType(_ override: TypeOverride, isNullable: Bool, wrapInArray: Bool) -> SwiftType {
        var name = override.swiftType.trimmingCharacters(in: .whitespaces)
        // `nullable: true` overrides may spell the optional themselves (`Money?`).
        if name.hasSuffix("?") { name.removeLast() }
        if wrapInArray { name = "[\(name)]" }
        let dataType = wrapInArray ? "Array<\(name.dropFirst().dropLast())>.psqlType" : "\(name).psqlType"
        return SwiftType(
            name: name, isOptional: isNullable, bindingDataType: dataType, encodeThrows: nil,
            importModule: override.importModule)
    }

    private func matches(columnSpec: String, _ column: ColumnReference) -> Bool {
        let parts = columnSpec.split(separator: ".").map { String($0) }
        switch parts.count {
        case 2: return column.schema == catalog.defaultSchema && parts[0] == column.table && parts[1] == column.column
        case 3: return parts[0] == column.schema && parts[1] == column.table && parts[2] == column.column
        default: return false
        }
    }

    /// `uuid`, `pg_catalog.int8`, `public.my_enum`, `text[]` → the type they name.
    static func parseDBType(_ spec: String, catalog: Catalog) -> SQLType? {
        var text = spec.trimmingCharacters(in: .whitespaces)
        var isArray = false
        if text.hasSuffix("[]") {
            isArray = true
            text.removeLast(2)
        }
        if text.hasPrefix("pg_catalog.") { text.removeFirst("pg_catalog.".count) }
        if let builtin = SQLType.builtin(text) {
            return SQLType(name: builtin.name, isArray: isArray)
        }
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2 { return SQLType(name: parts[1], schema: parts[0], isArray: isArray) }
        // An unqualified user type lives in the default schema; a name the catalog does not
        // know is taken as a built-in we have no alias for.
        if catalog.enumType(text) != nil { return SQLType(name: text, schema: catalog.defaultSchema, isArray: isArray) }
        return SQLType(name: text, isArray: isArray)
    }
}
