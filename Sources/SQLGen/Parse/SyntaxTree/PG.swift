/// PostgreSQL's raw parse tree, typed: one struct per node kind of libpg_query's node schema
/// (`PG.SelectStmt`, `PG.ColumnRef`, …), `PG.Node` where the grammar allows any kind, and one
/// Swift enum per C enum (`PG.JoinType`, `PG.SetOperation`, …). Names are PostgreSQL's own, so
/// its source and documentation read across.
///
/// ```swift
/// let statement = try PgQuery.parse("SELECT id FROM accounts")[0].node
/// if case .selectStmt(let select) = statement {
///     select.targetList.count        // 1
///     select.op == .none             // true: not a UNION
/// }
/// ```
///
/// The types are views over the JSON tree that libpg_query returns (`ParseNode`), generated
/// by `scripts/generate-syntax-tree.py` from `pg_query.proto` into `PG+Nodes.swift`,
/// `PG+Node.swift` and `PG+Enums.swift`; this folder's other files add conveniences by hand.
public enum PG {}

extension PG {
    /// A node struct of the tree: a typed view of one `ParseNode`.
    public protocol NodeView: Sendable, Hashable {
        /// The node's kind as libpg_query names it (`"SelectStmt"`).
        static var kindName: Swift.String { get }
        /// The JSON tree this node is a view of.
        var raw: ParseNode { get }
        init(_ raw: ParseNode)
    }
}

extension PG.NodeView {
    /// The UTF-8 offset of the node in the parsed text, when PostgreSQL recorded one.
    public var location: Swift.Int? { raw.location }
}

extension ParseValue {
    /// The nodes of a list field; an absent field is an empty list.
    static func nodes(_ value: ParseValue?) -> [ParseNode] {
        value?.list?.compactMap(\.node) ?? []
    }

    /// The integers of a list field; an absent field is an empty list.
    static func integers(_ value: ParseValue?) -> [Int] {
        value?.list?.compactMap(\.int) ?? []
    }
}
