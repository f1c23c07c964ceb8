/// One node of PostgreSQL's raw parse tree as libpg_query's JSON holds it: its kind and its
/// fields by JSON name. Only the generated `PG` types (`Parse/SyntaxTree/`) read the fields;
/// everything else reads those typed views (`PG.SelectStmt.targetList`, …).
public struct ParseNode: Sendable, Hashable {
    /// The node tag without the `T_` prefix, or "" for a bare struct held by a typed field.
    public let kind: String
    public let fields: [String: ParseValue]

    public init(kind: String, fields: [String: ParseValue]) {
        self.kind = kind
        self.fields = fields
    }

    /// The UTF-8 byte offset of this node in the parsed text, when PostgreSQL recorded one.
    public var location: Int? {
        guard let value = fields["location"]?.int, value >= 0 else { return nil }
        return value
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
