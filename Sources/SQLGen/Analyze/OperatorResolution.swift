/// PostgreSQL's type rules the analysis needs: the numeric promotion order, implicit casts,
/// `select_common_type` (UNION/CASE/COALESCE) and the result types of the built-in operators.
enum OperatorResolution {
    /// smallint < integer < bigint < numeric < real < double precision: the order of implicit
    /// numeric casts, so the "larger" operand decides an arithmetic result (real mixed with
    /// another type gives double precision, see `arithmeticResult`).
    static func numericRank(_ type: SQLType) -> Int? {
        guard !type.isArray else { return nil }
        switch type.name {
        case "smallint": return 0
        case "integer": return 1
        case "bigint": return 2
        case "numeric": return 3
        case "real": return 4
        case "double precision": return 5
        default: return nil
        }
    }

    static func isNumeric(_ type: SQLType) -> Bool { numericRank(type) != nil }
    static func isInteger(_ type: SQLType) -> Bool { (numericRank(type) ?? 9) <= 2 }
    static func isString(_ type: SQLType) -> Bool { !type.isArray && type.category == "S" }

    /// Whether PostgreSQL casts `from` to `to` implicitly (pg_cast context 'i', plus the
    /// binary-coercible string types).
    static func implicitlyCasts(_ from: SQLType, to: SQLType) -> Bool {
        if from == to || from == .unknown { return true }
        if let lhs = numericRank(from), let rhs = numericRank(to) { return lhs <= rhs }
        if from.isArray || to.isArray { return false }
        switch (from.name, to.name) {
        case ("character varying", "text"), ("text", "character varying"), ("character", "text"),
            ("character", "character varying"), ("character varying", "character"), ("name", "text"),
            ("date", "timestamp without time zone"), ("date", "timestamp with time zone"),
            ("timestamp without time zone", "timestamp with time zone"),
            ("time without time zone", "time with time zone"), ("time without time zone", "interval"):
            return true
        default:
            return false
        }
    }

    /// `pg_type.typispreferred`.
    static func isPreferred(_ type: SQLType) -> Bool {
        guard !type.isArray else { return false }
        return ["double precision", "text", "timestamp with time zone", "interval", "boolean"].contains(type.name)
    }

    /// PostgreSQL's `select_common_type`: the type CASE, COALESCE, UNION, GREATEST … resolve their
    /// inputs to; all-unknown inputs resolve to text. Nil with the offending pair when the
    /// categories differ ("CASE types integer and text cannot be matched").
    static func commonType(_ types: [SQLType]) -> Result<SQLType, CommonTypeMismatch> {
        let known = types.filter { $0 != .unknown }
        guard var chosen = known.first else { return .success(.text) }
        for next in known.dropFirst() where next != chosen {
            if next.category != chosen.category || (chosen.category == "U" || chosen.category == "E" || chosen.isArray) {
                return .failure(CommonTypeMismatch(first: chosen, second: next))
            }
            if !isPreferred(chosen), implicitlyCasts(chosen, to: next), !implicitlyCasts(next, to: chosen) {
                chosen = next
            }
        }
        return .success(chosen)
    }

    struct CommonTypeMismatch: Error {
        var first: SQLType
        var second: SQLType
    }

    /// The type a `$n` (or unknown literal) takes when compared with a value of `type`:
    /// PostgreSQL has no `varchar = varchar` operator and resolves `varchar = unknown` through
    /// `text = text`, while every other type (bpchar, enums, arrays …) has its own operator.
    static func comparisonType(for type: SQLType) -> SQLType {
        if !type.isArray, type.name == "character varying" || type.name == "name" || type.name == "citext" {
            return type.name == "citext" ? type : .text
        }
        return type
    }

    /// Whether two known types can meet in a comparison operator.
    static func comparable(_ lhs: SQLType, _ rhs: SQLType) -> Bool {
        if lhs == rhs || lhs == .unknown || rhs == .unknown { return true }
        if lhs.isArray != rhs.isArray { return false }
        if lhs.category == rhs.category, "NSDB".contains(lhs.category) { return true }
        return implicitlyCasts(lhs, to: rhs) || implicitlyCasts(rhs, to: lhs)
    }

    /// Result type of a binary arithmetic operator (`+ - * / %`) on known types, nil when
    /// PostgreSQL has no such operator.
    static func arithmeticResult(_ op: String, _ lhs: SQLType, _ rhs: SQLType) -> SQLType? {
        if let l = numericRank(lhs), let r = numericRank(rhs) {
            // real meets anything but real as double precision: PostgreSQL casts both sides to
            // the preferred float8 rather than the integer/numeric side to float4.
            if (lhs == .real) != (rhs == .real) { return op == "%" ? nil : .doublePrecision }
            let result = l >= r ? lhs : rhs
            if op == "%", !(isInteger(result) || result == .numeric) { return nil }
            return result
        }
        guard !lhs.isArray, !rhs.isArray else { return nil }
        let timestampTypes = ["timestamp with time zone", "timestamp without time zone"]
        switch (op, lhs.name, rhs.name) {
        case ("+", let l, "interval") where timestampTypes.contains(l): return lhs
        case ("-", let l, "interval") where timestampTypes.contains(l): return lhs
        case ("+", "interval", let r) where timestampTypes.contains(r): return rhs
        case ("-", let l, let r) where timestampTypes.contains(l) && l == r: return .interval
        case ("-", "timestamp with time zone", "timestamp without time zone"),
            ("-", "timestamp without time zone", "timestamp with time zone"),
            ("-", "date", "timestamp with time zone"), ("-", "timestamp with time zone", "date"):
            return .interval
        case ("+", "date", "interval"), ("-", "date", "interval"), ("+", "interval", "date"):
            return .timestamp
        case ("+", "date", "time without time zone"), ("+", "time without time zone", "date"):
            return .timestamp
        case ("-", "date", "date"): return .integer
        case ("+", "interval", "interval"), ("-", "interval", "interval"): return .interval
        case ("+", "time without time zone", "interval"), ("-", "time without time zone", "interval"):
            return .time
        case ("-", "time without time zone", "time without time zone"): return .interval
        default: break
        }
        if lhs.name == "date", ["+", "-"].contains(op), isInteger(rhs) { return .date }
        if rhs.name == "date", op == "+", isInteger(lhs) { return .date }
        if lhs.name == "interval", ["*", "/"].contains(op), isNumeric(rhs) { return .interval }
        if rhs.name == "interval", op == "*", isNumeric(lhs) { return .interval }
        return nil
    }

    /// The type an unknown operand of an arithmetic operator takes next to a known one, as
    /// PostgreSQL's operator resolution picks it (`balance + $1` → bigint, `now() + $1` → interval).
    static func arithmeticUnknownOperandType(_ op: String, known: SQLType, knownIsLeft: Bool) -> SQLType? {
        if isNumeric(known) { return known }
        guard !known.isArray else { return nil }
        switch known.name {
        case "timestamp with time zone", "timestamp without time zone":
            if op == "+" { return .interval }
            // `ts - unknown` is ambiguous in PostgreSQL between interval and timestamp; the
            // timestamp operator is preferred (same type as the known side).
            if op == "-" { return known }
            return nil
        case "date":
            // `date ± unknown` matches date ± integer, date ± interval and more: PostgreSQL
            // reports "operator is not unique".
            return nil
        case "interval":
            if op == "+" || op == "-" { return .interval }
            if op == "*" || op == "/" { return .doublePrecision }
            return nil
        default:
            return nil
        }
    }

    /// The type an assignment (INSERT value, SET) can store into `target`, PostgreSQL's
    /// assignment casts: numeric ↔ numeric, string ↔ string, date/time among themselves, and
    /// any type into a string column (I/O conversion).
    static func assignable(_ from: SQLType, to target: SQLType) -> Bool {
        if from == target || from == .unknown { return true }
        if from.isArray || target.isArray { return from.isArray == target.isArray && assignable(from.element, to: target.element) }
        if isNumeric(from) && isNumeric(target) { return true }
        if target.category == "S" { return true }
        if from.category == "D" && target.category == "D" {
            return !(from.name.hasPrefix("time ") || target.name.hasPrefix("time ")) || from.name.hasPrefix("time ") == target.name.hasPrefix("time ")
        }
        return implicitlyCasts(from, to: target)
    }
}
