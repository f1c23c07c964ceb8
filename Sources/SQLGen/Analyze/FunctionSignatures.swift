/// How a call of a built-in function resolves: what its untyped arguments become, its
/// result type and when the result can be NULL.
struct FunctionResolution: Sendable, Hashable {
    enum Nullability: Sendable, Hashable {
        /// NULL when any argument is NULL (PostgreSQL's STRICT functions).
        case strict
        /// Never NULL (`count`, `now()`, `concat`).
        case never
        /// Can be NULL whatever the arguments (aggregates over zero rows, `lag`).
        case always
    }

    /// The type each argument takes when it is an untyped `$n` (nil: nothing decides it).
    var argumentTypes: [SQLType?]
    var result: SQLType
    var nullability: Nullability
    var isAggregate = false
}

/// The table of built-in functions the analysis knows, with PostgreSQL 15's result types.
/// Functions missing here are reported as unknown (never typed as a guess).
enum FunctionSignatures {
    static let aggregates: Set<String> = [
        "count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every", "string_agg", "array_agg",
        "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "stddev", "stddev_pop", "stddev_samp",
        "variance", "var_pop", "var_samp", "percentile_cont", "percentile_disc", "mode",
    ]

    static func isAggregate(_ name: String) -> Bool { aggregates.contains(name) }

    /// Functions with several candidates that an untyped argument cannot choose between:
    /// PostgreSQL says "function sum(unknown) is not unique".
    static let ambiguousForUnknownArguments: Set<String> = [
        "sum", "avg", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "to_char", "age",
        "extract", "date_part", "date_trunc", "array_agg",
    ]

    /// Polymorphic functions (anyelement): an untyped argument leaves the type open and
    /// PostgreSQL says "could not determine polymorphic type because input has type unknown".
    static let polymorphic: Set<String> = [
        "to_json", "to_jsonb", "json_agg", "jsonb_agg", "lag", "lead", "first_value", "last_value", "nth_value",
        "array_append", "array_cat", "array_length", "cardinality", "unnest",
    ]

    /// The error PostgreSQL gives when `resolve` finds nothing for `name(arguments)`.
    static func failureMessage(_ displayName: String, _ name: String, _ arguments: [TypedExpression]) -> String {
        let shown = arguments.map(\.displayType).joined(separator: ", ")
        let hasUnknown = arguments.contains { $0.type == .unknown }
        if hasUnknown, polymorphic.contains(name) {
            return "could not determine polymorphic type because input has type unknown"
        }
        if hasUnknown, ambiguousForUnknownArguments.contains(name) {
            return "function \(displayName)(\(shown)) is not unique"
        }
        return "function \(displayName)(\(shown)) does not exist"
    }

    /// Resolves `name(args)`; nil when PostgreSQL would report "function … does not exist".
    static func resolve(_ name: String, _ args: [TypedExpression], isWindow: Bool) -> FunctionResolution? {
        let types = args.map(\.type)
        let count = args.count
        func unknown(_ index: Int) -> Bool { types[index] == .unknown }
        func isString(_ index: Int) -> Bool { unknown(index) || OperatorResolution.isString(types[index]) }
        func isInteger(_ index: Int) -> Bool { unknown(index) || OperatorResolution.isInteger(types[index]) }
        func isNumeric(_ index: Int) -> Bool { unknown(index) || OperatorResolution.isNumeric(types[index]) }
        func isTimestamp(_ index: Int) -> Bool {
            unknown(index) || (!types[index].isArray && types[index].category == "D")
        }
        func all(_ type: SQLType?) -> [SQLType?] { Array(repeating: type, count: count) }
        func textFunction(_ shape: [SQLType], result: SQLType = .text, nullability: FunctionResolution.Nullability = .strict)
            -> FunctionResolution?
        {
            guard count == shape.count else { return nil }
            for (index, expected) in shape.enumerated() {
                let ok = expected == .text ? isString(index) : (expected == .integer ? isInteger(index) : true)
                if !ok { return nil }
            }
            return FunctionResolution(argumentTypes: shape, result: result, nullability: nullability)
        }
        func aggregate(_ result: SQLType, arguments: [SQLType?]? = nil, nullability: FunctionResolution.Nullability = .always)
            -> FunctionResolution
        {
            FunctionResolution(argumentTypes: arguments ?? all(nil), result: result, nullability: nullability, isAggregate: true)
        }

        switch name {
        // Aggregates: NULL over zero rows, except count.
        case "count":
            guard count == 1 else { return nil }
            return aggregate(.bigint, nullability: .never)
        case "sum":
            guard count == 1, !unknown(0) else { return nil }
            switch types[0] {
            case .smallint, .integer: return aggregate(.bigint)
            case .bigint, .numeric: return aggregate(.numeric)
            case .real, .doublePrecision, .interval, SQLType(name: "money"): return aggregate(types[0])
            default: return nil
            }
        case "avg":
            guard count == 1, !unknown(0) else { return nil }
            switch types[0] {
            case .smallint, .integer, .bigint, .numeric: return aggregate(.numeric)
            case .real, .doublePrecision: return aggregate(.doublePrecision)
            case .interval: return aggregate(.interval)
            default: return nil
            }
        case "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp":
            guard count == 1, !unknown(0), let rank = OperatorResolution.numericRank(types[0]) else { return nil }
            return aggregate(rank >= 4 ? .doublePrecision : .numeric)
        case "min", "max":
            guard count == 1 else { return nil }
            // There is no max(varchar): it resolves to max(text), and so does max(unknown).
            let type = unknown(0) || types[0] == .characterVarying ? SQLType.text : types[0]
            return aggregate(type, arguments: [.text])
        case "bool_and", "bool_or", "every":
            guard count == 1, unknown(0) || types[0] == .boolean else { return nil }
            return aggregate(.boolean, arguments: [.boolean])
        case "string_agg":
            guard count == 2 else { return nil }
            if types[0] == .bytea { return aggregate(.bytea, arguments: [.bytea, .bytea]) }
            guard isString(0), isString(1) else { return nil }
            return aggregate(.text, arguments: [.text, .text])
        case "array_agg":
            guard count == 1, !unknown(0) else { return nil }
            return aggregate(types[0].array)
        // Arguments of type "any"/anyelement: an untyped `$n` stays undetermined there.
        case "json_agg", "jsonb_agg":
            guard count == 1, !unknown(0) else { return nil }
            return aggregate(name == "json_agg" ? .json : .jsonb)
        case "json_object_agg":
            return aggregate(.json)
        case "jsonb_object_agg":
            return aggregate(.jsonb)

        // Window functions.
        case "row_number", "rank", "dense_rank":
            guard isWindow, count == 0 else { return nil }
            return FunctionResolution(argumentTypes: [], result: .bigint, nullability: .never)
        case "percent_rank", "cume_dist":
            guard isWindow, count == 0 else { return nil }
            return FunctionResolution(argumentTypes: [], result: .doublePrecision, nullability: .never)
        case "ntile":
            guard isWindow, count == 1, isInteger(0) else { return nil }
            return FunctionResolution(argumentTypes: [.integer], result: .integer, nullability: .always)
        case "lag", "lead", "first_value", "last_value", "nth_value":
            guard isWindow, count >= 1, !unknown(0) else { return nil }
            var arguments: [SQLType?] = [nil]
            if count > 1 { arguments.append(.integer) }
            if count > 2 { arguments.append(types[0]) }
            return FunctionResolution(
                argumentTypes: arguments, result: unknown(0) ? .text : types[0], nullability: .always)

        // Date and time.
        case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp":
            guard count == 0 else { return nil }
            return FunctionResolution(argumentTypes: [], result: .timestamptz, nullability: .never)
        case "date_part":
            guard count == 2, isString(0), !unknown(1), isTimestamp(1) || types[1] == .interval else { return nil }
            return FunctionResolution(argumentTypes: [.text, nil], result: .doublePrecision, nullability: .strict)
        case "extract":
            guard count == 2, isString(0), !unknown(1), isTimestamp(1) || types[1] == .interval else { return nil }
            return FunctionResolution(argumentTypes: [.text, nil], result: .numeric, nullability: .strict)
        case "date_trunc":
            guard count == 2 || count == 3, isString(0) else { return nil }
            let result: SQLType
            switch types[1] {
            case .timestamp: result = .timestamp
            case .interval: result = .interval
            case .timestamptz, .date: result = .timestamptz
            default: return nil
            }
            return FunctionResolution(
                argumentTypes: [.text, result] + (count == 3 ? [.text] : []), result: result, nullability: .strict)
        case "age":
            guard count == 1 || count == 2, (0..<count).allSatisfy({ !unknown($0) && isTimestamp($0) }) else { return nil }
            return FunctionResolution(argumentTypes: all(.timestamptz), result: .interval, nullability: .strict)
        case "to_char":
            guard count == 2, !unknown(0), isString(1) else { return nil }
            return FunctionResolution(argumentTypes: [nil, .text], result: .text, nullability: .strict)
        case "to_timestamp":
            if count == 1, isNumeric(0) {
                return FunctionResolution(argumentTypes: [.doublePrecision], result: .timestamptz, nullability: .strict)
            }
            return textFunction([.text, .text], result: .timestamptz)
        case "to_date": return textFunction([.text, .text], result: .date)
        case "make_date":
            guard count == 3, (0..<3).allSatisfy(isInteger) else { return nil }
            return FunctionResolution(argumentTypes: all(.integer), result: .date, nullability: .strict)
        case "make_interval":
            guard count <= 7, (0..<count).allSatisfy(isNumeric) else { return nil }
            var arguments: [SQLType?] = all(.integer)
            if count == 7 { arguments[6] = .doublePrecision }
            return FunctionResolution(argumentTypes: arguments, result: .interval, nullability: .strict)
        case "to_number": return textFunction([.text, .text], result: .numeric)

        // Strings.
        case "lower", "upper", "initcap", "md5", "reverse", "quote_ident", "quote_literal":
            return textFunction([.text])
        case "btrim", "ltrim", "rtrim", "trim":
            return count == 1 ? textFunction([.text]) : textFunction([.text, .text])
        case "length", "char_length", "character_length", "octet_length", "bit_length":
            if count == 1, types[0] == .bytea {
                return FunctionResolution(argumentTypes: [.bytea], result: .integer, nullability: .strict)
            }
            return textFunction([.text], result: .integer)
        case "position", "strpos": return textFunction([.text, .text], result: .integer)
        case "substring", "substr":
            // substring(text, int, int) and the regex form substring(text, text, text): untyped
            // positions prefer the string category unless a known argument picks the integer form.
            let positions = Array(1..<max(count, 1))
            let integerForm = name == "substr" || positions.contains { !unknown($0) && OperatorResolution.isInteger(types[$0]) }
            let shape: SQLType = integerForm ? .integer : .text
            return count == 2 ? textFunction([.text, shape]) : textFunction([.text, shape, shape])
        case "replace", "translate": return textFunction([.text, .text, .text])
        case "split_part": return textFunction([.text, .text, .integer])
        case "left", "right", "repeat": return textFunction([.text, .integer])
        case "lpad", "rpad":
            return count == 2 ? textFunction([.text, .integer]) : textFunction([.text, .integer, .text])
        case "regexp_replace":
            return count == 3 ? textFunction([.text, .text, .text]) : textFunction([.text, .text, .text, .text])
        case "like_escape", "similar_to_escape":
            return count == 1 ? textFunction([.text]) : textFunction([.text, .text])
        case "concat":
            // concat(VARIADIC "any"): NULLs are skipped, untyped `$n` stay undetermined.
            return FunctionResolution(argumentTypes: all(nil), result: .text, nullability: .never)
        case "concat_ws", "format":
            guard count >= 1, isString(0) else { return nil }
            return FunctionResolution(
                argumentTypes: [.text] + Array(repeating: nil, count: count - 1), result: .text,
                nullability: name == "format" ? .strict : .always)

        // Numbers.
        case "abs":
            // abs(unknown) picks the preferred numeric type, double precision.
            guard count == 1, isNumeric(0) else { return nil }
            return FunctionResolution(
                argumentTypes: [.doublePrecision], result: unknown(0) ? .doublePrecision : types[0], nullability: .strict)
        case "ceil", "ceiling", "floor", "round", "trunc", "sqrt", "exp", "ln", "sign":
            if count == 2, name == "round" || name == "trunc", isNumeric(0), isInteger(1) {
                return FunctionResolution(argumentTypes: [.numeric, .integer], result: .numeric, nullability: .strict)
            }
            guard count == 1, isNumeric(0) else { return nil }
            let result: SQLType = types[0] == .numeric ? .numeric : .doublePrecision
            return FunctionResolution(argumentTypes: [.doublePrecision], result: result, nullability: .strict)
        case "power", "pow":
            guard count == 2, isNumeric(0), isNumeric(1) else { return nil }
            let result: SQLType = types.contains(.numeric) ? .numeric : .doublePrecision
            return FunctionResolution(argumentTypes: all(.doublePrecision), result: result, nullability: .strict)
        case "mod":
            guard count == 2, isNumeric(0), isNumeric(1) else { return nil }
            let known = types.filter { $0 != .unknown }
            let result =
                known.max { (OperatorResolution.numericRank($0) ?? 0) < (OperatorResolution.numericRank($1) ?? 0) }
                ?? .integer
            guard OperatorResolution.isInteger(result) || result == .numeric else { return nil }
            return FunctionResolution(argumentTypes: all(result), result: result, nullability: .strict)
        case "random":
            guard count == 0 else { return nil }
            return FunctionResolution(argumentTypes: [], result: .doublePrecision, nullability: .never)

        case "starts_with": return textFunction([.text, .text], result: .boolean)
        case "string_to_array":
            return count == 2 ? textFunction([.text, .text], result: SQLType.text.array) : nil
        case "regexp_match":
            return count == 2 ? textFunction([.text, .text], result: SQLType.text.array, nullability: .always) : nil
        case "array_to_string":
            guard count == 2 || count == 3, types[0].isArray, (1..<count).allSatisfy(isString) else { return nil }
            return FunctionResolution(
                argumentTypes: [nil] + Array(repeating: .text, count: count - 1), result: .text, nullability: .strict)
        case "encode":
            guard count == 2, unknown(0) || types[0] == .bytea, isString(1) else { return nil }
            return FunctionResolution(argumentTypes: [.bytea, .text], result: .text, nullability: .strict)
        case "decode":
            return textFunction([.text, .text], result: .bytea)
        case "sha256", "sha512":
            guard count == 1, unknown(0) || types[0] == .bytea else { return nil }
            return FunctionResolution(argumentTypes: [.bytea], result: .bytea, nullability: .strict)
        case "current_setting":
            return count == 1 ? textFunction([.text], result: .text, nullability: .always) : nil

        // Advisory locks (void results suit :exec queries).
        case "pg_advisory_xact_lock", "pg_advisory_lock", "pg_try_advisory_xact_lock", "pg_try_advisory_lock",
            "pg_advisory_unlock":
            guard count == 1, isInteger(0) else { return nil }
            let result = name.contains("try") || name.hasSuffix("unlock") ? SQLType.boolean : SQLType(name: "void")
            return FunctionResolution(argumentTypes: [.bigint], result: result, nullability: .never)

        // Identifiers and sequences.
        case "gen_random_uuid", "uuid_generate_v4":
            guard count == 0 else { return nil }
            return FunctionResolution(argumentTypes: [], result: .uuid, nullability: .never)
        case "nextval", "currval":
            return textFunction([.text], result: .bigint, nullability: .never)

        // JSON.
        case "json_build_object", "json_build_array":
            return FunctionResolution(argumentTypes: all(nil), result: .json, nullability: .never)
        case "jsonb_build_object", "jsonb_build_array":
            return FunctionResolution(argumentTypes: all(nil), result: .jsonb, nullability: .never)
        case "to_json", "row_to_json", "array_to_json":
            guard count == 1, !unknown(0) else { return nil }
            return FunctionResolution(argumentTypes: [nil], result: .json, nullability: .strict)
        case "to_jsonb":
            guard count == 1, !unknown(0) else { return nil }
            return FunctionResolution(argumentTypes: [nil], result: .jsonb, nullability: .strict)
        case "jsonb_typeof", "json_typeof":
            let type: SQLType = name.hasPrefix("jsonb") ? .jsonb : .json
            guard count == 1, unknown(0) || types[0] == type else { return nil }
            return FunctionResolution(argumentTypes: [type], result: .text, nullability: .strict)
        case "jsonb_set":
            guard count == 3 || count == 4, unknown(0) || types[0] == .jsonb else { return nil }
            return FunctionResolution(
                argumentTypes: [.jsonb, SQLType.text.array, .jsonb, .boolean].prefix(count).map { $0 }, result: .jsonb,
                nullability: .strict)
        case "jsonb_strip_nulls":
            guard count == 1, unknown(0) || types[0] == .jsonb else { return nil }
            return FunctionResolution(argumentTypes: [.jsonb], result: .jsonb, nullability: .strict)
        case "json_array_length", "jsonb_array_length":
            guard count == 1 else { return nil }
            let type: SQLType = name.hasPrefix("jsonb") ? .jsonb : .json
            guard unknown(0) || types[0] == type else { return nil }
            return FunctionResolution(argumentTypes: [type], result: .integer, nullability: .strict)

        // Arrays.
        case "array_length":
            guard count == 2, types[0].isArray, isInteger(1) else { return nil }
            return FunctionResolution(argumentTypes: [nil, .integer], result: .integer, nullability: .always)
        case "cardinality":
            guard count == 1, types[0].isArray else { return nil }
            return FunctionResolution(argumentTypes: [nil], result: .integer, nullability: .strict)
        case "array_append":
            guard count == 2, types[0].isArray else { return nil }
            return FunctionResolution(argumentTypes: [nil, types[0].element], result: types[0], nullability: .never)
        case "array_position":
            guard count == 2, types[0].isArray else { return nil }
            return FunctionResolution(argumentTypes: [nil, types[0].element], result: .integer, nullability: .always)
        case "array_remove":
            guard count == 2, types[0].isArray else { return nil }
            return FunctionResolution(argumentTypes: [nil, types[0].element], result: types[0], nullability: .strict)
        case "array_cat":
            guard count == 2, types[0].isArray else { return nil }
            return FunctionResolution(argumentTypes: [nil, types[0]], result: types[0], nullability: .never)
        case "generate_series":
            guard count == 2 || count == 3, !unknown(0) || !unknown(1) else { return nil }
            let known = unknown(0) ? types[1] : types[0]
            if OperatorResolution.isNumeric(known), (0..<count).allSatisfy(isNumeric) {
                let widest =
                    types.filter { $0 != .unknown }.max {
                        (OperatorResolution.numericRank($0) ?? 0) < (OperatorResolution.numericRank($1) ?? 0)
                    } ?? .integer
                let result: SQLType = OperatorResolution.isInteger(widest) ? widest : .numeric
                return FunctionResolution(argumentTypes: all(result), result: result, nullability: .never)
            }
            if known == .timestamptz || known == .timestamp, count == 3 {
                return FunctionResolution(argumentTypes: [known, known, .interval], result: known, nullability: .never)
            }
            return nil
        case "unnest":
            guard count == 1, types[0].isArray else { return nil }
            return FunctionResolution(argumentTypes: [nil], result: types[0].element, nullability: .always)
        default:
            return nil
        }
    }
}
