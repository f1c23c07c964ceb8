/// Swift names for catalog objects: model structs for tables and views, enums, their fields and
/// cases. One place, so models, queries and the type mapper always agree.
struct TypeNames: Sendable {
    let options: SwiftOptions
    let defaultSchema: String
    /// `Naming.lowerCamelCase` of every column name in the catalog, worked out once: the same
    /// few names come back for every model, parameter and result column (tens of thousands of
    /// times in a large project).
    private let columnFieldNames: [String: String]

    init(options: SwiftOptions, catalog: Catalog) {
        self.options = options
        self.defaultSchema = catalog.defaultSchema
        var columnFieldNames: [String: String] = [:]
        for table in catalog.allTables {
            for column in table.columns where columnFieldNames[column.name] == nil {
                columnFieldNames[column.name] = Naming.lowerCamelCase(column.name)
            }
        }
        self.columnFieldNames = columnFieldNames
    }

    /// Names generated code, Swift or Foundation already use; a table or enum whose name would
    /// collide gets a suffix so it cannot shadow them. Every name starting with `Postgres` counts
    /// as taken too (see `isTaken`), which covers the support types and all of PostgresNIO.
    static let takenTypeNames: Set<String> = [
        "Queries", "DBTX", "DBTXRunner", "Querier", "QuerierForwarding", "LoggingQuerier", "MockQuerier",
        "MockQuerierError", "NoRowsError", "CopyFromUnavailableError", "JSONValue",
        "Data", "Date", "UUID", "Decimal", "URL",
        "String", "Int", "Int16", "Int32", "Int64", "Float", "Double", "Bool", "Array", "Dictionary", "Set",
        "Optional", "Result", "Error", "Never", "Void", "Logger", "Character", "Codable", "Sendable", "Hashable",
        "Any", "Self", "Type", "Protocol",
    ]

    /// Whether a model or enum may not take `name`: generated support types are all called
    /// `Postgres…`, as are PostgresNIO's own, so the prefix is reserved as a whole.
    static func isTaken(_ name: String) -> Bool {
        takenTypeNames.contains(name) || name.hasPrefix("Postgres")
    }

    /// `accounts` → `Account`; `audit.log_entries` → `AuditLogEntry`; renamed when `rename` says so.
    func modelName(_ table: Table) -> String {
        if let renamed = options.rename["\(table.schema).\(table.name)"] ?? options.rename[table.name] {
            return renamed
        }
        let base = options.emitExactTableNames ? table.name : Inflection.singularize(table.name)
        return avoidingTaken(schemaPrefix(table.schema) + Naming.upperCamelCase(base), suffix: "Model")
    }

    /// A composite type's struct: `postal_address` → `PostalAddress` (not singularized: a type
    /// names one value), or the `rename` entry.
    func compositeName(_ composite: Table) -> String {
        if let renamed = options.rename["\(composite.schema).\(composite.name)"] ?? options.rename[composite.name] {
            return renamed
        }
        return avoidingTaken(schemaPrefix(composite.schema) + Naming.upperCamelCase(composite.name), suffix: "Type")
    }

    /// `account_status` → `AccountStatus`.
    func enumName(_ enumType: EnumType) -> String {
        if let renamed = options.rename["\(enumType.schema).\(enumType.name)"] ?? options.rename[enumType.name] {
            return renamed
        }
        return avoidingTaken(schemaPrefix(enumType.schema) + Naming.upperCamelCase(enumType.name), suffix: "Enum")
    }

    /// A column's field name, unescaped: `account_id` → `accountID`, or the `rename` entry.
    func fieldName(_ column: String) -> String {
        options.rename[column] ?? columnFieldNames[column] ?? Naming.lowerCamelCase(column)
    }

    private func schemaPrefix(_ schema: String) -> String {
        schema == defaultSchema ? "" : Naming.upperCamelCase(schema)
    }

    private func avoidingTaken(_ name: String, suffix: String) -> String {
        Self.isTaken(name) ? name + suffix : name
    }

    /// `case` names for enum labels, unescaped, unique: `in-progress` → `inProgress`, `USD` → `usd`.
    static func caseNames(_ labels: [String]) -> [String] {
        var used: Set<String> = []
        return labels.map { label in
            var name = Naming.words(label).isEmpty ? "empty" : Naming.lowerCamelCase(label)
            name = uniqued(name, in: &used)
            return name
        }
    }

    /// `name`, or `name2`, `name3` … if taken; records the result.
    static func uniqued(_ name: String, in used: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(name)\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
