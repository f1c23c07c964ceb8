/// One node of PostgreSQL's raw parse tree (`SelectStmt`, `ColumnRef`, `A_Expr`, …), read
/// through typed accessors. Field names are PostgreSQL's own (`targetList`, `fromClause`).
///
/// ```swift
/// let select = try PgQuery.parse("SELECT id FROM accounts").statements[0].node
/// select.kind                      // "SelectStmt"
/// select.list("targetList").count  // 1
/// ```
public struct ParseNode: Sendable, Hashable {
    /// The node tag without the `T_` prefix, or "" for a bare struct held by a typed field.
    public let kind: String
    public let fields: [String: ParseValue]

    public init(kind: String, fields: [String: ParseValue]) {
        self.kind = kind
        self.fields = fields
    }

    public subscript(field: String) -> ParseValue? { fields[field] }

    /// A child node, or nil when the field is absent.
    public func node(_ field: String) -> ParseNode? { fields[field]?.node }

    /// The nodes of a list field; an absent field is an empty list.
    public func list(_ field: String) -> [ParseNode] {
        fields[field]?.list?.compactMap(\.node) ?? []
    }

    /// A string field (e.g. `relname`), nil when absent.
    public func string(_ field: String) -> String? { fields[field]?.string }

    /// An integer field; absent means 0 in libpg_query's output.
    public func int(_ field: String) -> Int { fields[field]?.int ?? 0 }

    /// A boolean field; absent means false in libpg_query's output.
    public func bool(_ field: String) -> Bool { fields[field]?.bool ?? false }

    /// An enum field such as `"jointype": "JOIN_LEFT"`, nil when absent (the first case).
    public func enumCase(_ field: String) -> String? { fields[field]?.string }

    /// The UTF-8 byte offset of this node in the parsed text, when PostgreSQL recorded one.
    public var location: Int? {
        guard let value = fields["location"]?.int, value >= 0 else { return nil }
        return value
    }

    /// The text of a `String` node (`{"String": {"sval": "id"}}`), nil for other kinds.
    public var stringValue: String? {
        kind == "String" ? string("sval") : nil
    }

    /// The strings of a name list such as `ColumnRef.fields` or `FuncCall.funcname`;
    /// `A_Star` entries become "*".
    public func names(_ field: String) -> [String] {
        list(field).compactMap { element in
            element.kind == "A_Star" ? "*" : element.stringValue
        }
    }

    /// The nodes directly below this one, in no particular order.
    public var children: [ParseNode] {
        var result: [ParseNode] = []
        for value in fields.values {
            switch value {
            case .object: if let node = value.node { result.append(node) }
            case .list(let values): result += values.compactMap(\.node)
            default: break
            }
        }
        return result
    }

    /// Every node below this one (depth first, pre-order, fields in key order), this one excluded.
    public var descendants: [ParseNode] {
        var result: [ParseNode] = []
        Self.appendDescendants(of: fields, to: &result)
        return result
    }

    /// Only fields that hold an object or a list yield nodes, so only those are put in key order:
    /// most nodes have one such field or none, and sorting every node's keys was most of the walk.
    private static func appendDescendants(of fields: [String: ParseValue], to result: inout [ParseNode]) {
        var containers: [(key: String, value: ParseValue)] = []
        for field in fields {
            switch field.value {
            case .object, .list: containers.append(field)
            default: break
            }
        }
        if containers.count > 1 { containers.sort { $0.key < $1.key } }
        for field in containers { appendNodes(of: field.value, to: &result) }
    }

    private static func appendNodes(of value: ParseValue, to result: inout [ParseNode]) {
        switch value {
        case .object:
            if let node = value.node {
                result.append(node)
                appendDescendants(of: node.fields, to: &result)
            }
        case .list(let values):
            for value in values { appendNodes(of: value, to: &result) }
        default:
            break
        }
    }
}
