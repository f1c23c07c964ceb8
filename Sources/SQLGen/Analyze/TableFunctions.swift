/// Set-returning functions of PostgreSQL 15 that return named columns in FROM, with those
/// columns (their `OUT` parameters in `pg_proc`), and `unnest` of several arrays.
///
/// ```sql
/// SELECT e.key, e.value FROM events, jsonb_each(events.payload) AS e
/// ```
/// gives `key text` and `value jsonb`.
enum TableFunctions {
    /// A call's argument types (what an untyped `$n` becomes) and its result columns.
    struct Shape: Sendable, Hashable {
        var argumentTypes: [SQLType]
        var columns: [ResultColumn]
        /// Returns a plain type rather than named `OUT` columns: a table alias then names its column.
        var isScalar = false
    }

    /// The functions with named columns (and `unnest` of several arrays).
    static let names: Set<String> = [
        "jsonb_array_elements", "json_array_elements", "jsonb_array_elements_text", "json_array_elements_text",
        "jsonb_each", "json_each", "jsonb_each_text", "json_each_text", "jsonb_object_keys", "json_object_keys",
    ]

    /// Whether a call of `name` with that many arguments is one of these.
    static func handles(_ name: String, argumentCount: Int) -> Bool {
        name == "unnest" ? argumentCount >= 2 : names.contains(name)
    }

    /// The shape of `name(arguments)` in FROM; nil when it is not one of these functions, or
    /// PostgreSQL has no such overload.
    static func shape(_ name: String, _ arguments: [TypedExpression]) -> Shape? {
        let types = arguments.map(\.type)
        func accepts(_ type: SQLType) -> Bool { types.count == 1 && (types[0] == type || types[0] == .unknown) }
        func column(_ name: String, _ type: SQLType, nullable: Bool = false) -> ResultColumn {
            ResultColumn(name: name, type: type, isNullable: nullable)
        }
        switch name {
        case "jsonb_array_elements", "json_array_elements":
            let document: SQLType = name.hasPrefix("jsonb") ? .jsonb : .json
            guard accepts(document) else { return nil }
            // A JSON null element is the JSON value null, not SQL NULL.
            return Shape(argumentTypes: [document], columns: [column("value", document)])
        case "jsonb_array_elements_text", "json_array_elements_text":
            let document: SQLType = name.hasPrefix("jsonb") ? .jsonb : .json
            guard accepts(document) else { return nil }
            return Shape(argumentTypes: [document], columns: [column("value", .text, nullable: true)])
        case "jsonb_each", "json_each":
            let document: SQLType = name.hasPrefix("jsonb") ? .jsonb : .json
            guard accepts(document) else { return nil }
            return Shape(argumentTypes: [document], columns: [column("key", .text), column("value", document)])
        case "jsonb_each_text", "json_each_text":
            let document: SQLType = name.hasPrefix("jsonb") ? .jsonb : .json
            guard accepts(document) else { return nil }
            return Shape(argumentTypes: [document], columns: [column("key", .text), column("value", .text, nullable: true)])
        case "jsonb_object_keys", "json_object_keys":
            let document: SQLType = name.hasPrefix("jsonb") ? .jsonb : .json
            guard accepts(document) else { return nil }
            return Shape(argumentTypes: [document], columns: [column(name, .text)], isScalar: true)
        case "unnest" where arguments.count >= 2:
            // `unnest(a, b)` is `ROWS FROM (unnest(a), unnest(b))`: the shorter arrays are padded
            // with NULL, and every column is named unnest.
            guard types.allSatisfy(\.isArray) else { return nil }
            return Shape(argumentTypes: types, columns: types.map { column("unnest", $0.element, nullable: true) })
        default:
            return nil
        }
    }
}
