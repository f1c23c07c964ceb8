/// A value in PostgreSQL's raw parse tree as libpg_query serialises it to JSON.
///
/// libpg_query leaves out fields that hold their default (false, 0, empty list, NULL),
/// so readers must treat a missing field as that default; `ParseNode`'s accessors do.
public enum ParseValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([ParseValue])
    case object([String: ParseValue])
}

extension ParseValue {
    /// The value as a node: `{"Kind": {fields}}` gives a node of that kind, and a bare
    /// struct such as a `RangeVar` held by a typed field gives a node of kind "".
    public var node: ParseNode? {
        guard case .object(let fields) = self else { return nil }
        if fields.count == 1, let (key, value) = fields.first, Self.startsWithUppercase(key),
            case .object(let inner) = value
        {
            return ParseNode(kind: key, fields: inner)
        }
        return ParseNode(kind: "", fields: fields)
    }

    /// `key.first?.isUppercase == true`, without Unicode's tables for the ASCII names
    /// libpg_query writes (this runs for every node read): two ASCII bytes never join into one
    /// character, except CR LF, which is not upper case either.
    private static func startsWithUppercase(_ key: String) -> Bool {
        var bytes = key.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        guard first < 0x80, (bytes.next() ?? 0) < 0x80 else { return key.first?.isUppercase == true }
        return first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
    }

    public var list: [ParseValue]? {
        if case .list(let values) = self { return values }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var int: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value): return Int(exactly: value)
        default: return nil
        }
    }

    public var double: Double? {
        switch self {
        case .double(let value): return value
        case .int(let value): return Double(value)
        default: return nil
        }
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}
