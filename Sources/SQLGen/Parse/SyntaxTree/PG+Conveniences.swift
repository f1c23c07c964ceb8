/// What the generated node types leave to hand-written code: reading name lists, locations of
/// any node, walking a subtree.
extension PG.Node {
    /// The UTF-8 offset of the node in the parsed text, when PostgreSQL recorded one.
    public var location: Swift.Int? { raw.location }

    /// The node kind as libpg_query names it (`"SelectStmt"`), for messages; "node" for `{}`.
    public var kindName: Swift.String { raw.kind.isEmpty ? "node" : raw.kind }

    /// The text of a `String` node, nil for other kinds.
    public var stringValue: Swift.String? {
        if case .string(let string) = self { return string.sval }
        return nil
    }

    /// The nodes directly below this one, in no particular order.
    public var children: [PG.Node] { raw.children.map(PG.Node.init) }

    /// Every node below this one (depth first, pre-order), this one excluded.
    public var descendants: [PG.Node] { raw.descendants.map(PG.Node.init) }

    /// The first location recorded in this node or below it: some nodes (`RangeFunction`,
    /// `JoinExpr`, …) carry none of their own.
    public var firstLocation: Swift.Int? {
        location ?? raw.descendants.lazy.compactMap(\.location).min()
    }
}

extension PG.NodeView {
    /// This node as a `PG.Node`, for code that takes any kind.
    public var asNode: PG.Node { PG.Node(raw) }
}

extension Array where Element == PG.Node {
    /// The strings of a name list such as `ColumnRef.fields` or `FuncCall.funcname`, with `*`
    /// for an `A_Star` entry.
    public var names: [Swift.String] {
        compactMap { element in
            if case .aStar = element { return "*" }
            return element.stringValue
        }
    }
}

extension PG.A_Const {
    /// The value of an integer constant (`LIMIT 1`, `ORDER BY 2`); nil for other constants.
    public var integerValue: Swift.Int? { ival.map(\.ival) }
}

extension SourceMap {
    /// The location of a parse node, or of the statement's start when the node has none.
    public func location(of node: PG.Node?) -> SourceLocation {
        location(ofStatementOffset: node?.location ?? 0)
    }

    /// The location of a parse node, or of the statement's start when the node has none.
    public func location(of node: (some PG.NodeView)?) -> SourceLocation {
        location(ofStatementOffset: node?.location ?? 0)
    }
}
