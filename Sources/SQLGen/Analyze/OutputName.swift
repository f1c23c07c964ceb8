/// The name PostgreSQL gives an unaliased result column (its `FigureColname`): a column
/// reference's column name, a function's name, a cast's argument name (else the type name),
/// `case`, `coalesce` … and `?column?` for anything else.
enum OutputName {
    static func figure(_ node: ParseNode) -> String {
        figureWithStrength(node)?.name ?? "?column?"
    }

    /// The name and how strongly it was chosen (2: from a column/function, 1: a fallback like a type name).
    private static func figureWithStrength(_ node: ParseNode) -> (name: String, strength: Int)? {
        switch node.kind {
        case "ColumnRef":
            guard let last = node.names("fields").last, last != "*" else { return nil }
            return (last, 2)
        case "A_Indirection":
            if let last = node.list("indirection").last?.stringValue { return (last, 2) }
            return node.node("arg").flatMap(figureWithStrength)
        case "FuncCall":
            return node.names("funcname").last.map { ($0, 2) }
        case "A_Expr":
            if node.enumCase("kind") == "AEXPR_NULLIF" { return ("nullif", 2) }
            return nil
        case "TypeCast":
            if let inner = node.node("arg").flatMap(figureWithStrength), inner.strength > 1 { return inner }
            return node.node("typeName")?.names("names").last.map { ($0, 1) }
        case "CollateClause":
            return node.node("arg").flatMap(figureWithStrength)
        case "SubLink":
            switch node.enumCase("subLinkType") ?? "EXISTS_SUBLINK" {
            case "EXISTS_SUBLINK": return ("exists", 2)
            case "ARRAY_SUBLINK": return ("array", 2)
            case "EXPR_SUBLINK":
                if let first = node.node("subselect")?.list("targetList").first {
                    if let name = first.string("name") { return (name, 2) }
                    return first.node("val").flatMap(figureWithStrength)
                }
                return nil
            default: return nil
            }
        case "CaseExpr":
            // Named after its ELSE result when that has a name of its own.
            if let inner = node.node("defresult").flatMap(figureWithStrength), inner.strength > 1 { return inner }
            return ("case", 1)
        case "A_ArrayExpr":
            return ("array", 2)
        case "RowExpr":
            return ("row", 2)
        case "CoalesceExpr":
            return ("coalesce", 2)
        case "MinMaxExpr":
            return (node.enumCase("op") == "IS_LEAST" ? "least" : "greatest", 2)
        case "SQLValueFunction":
            let op = String((node.enumCase("op") ?? "SVFOP_CURRENT_DATE").dropFirst("SVFOP_".count))
            let name = op.hasSuffix("_N") ? String(op.dropLast(2)) : op
            return (name.lowercased(), 2)
        default:
            return nil
        }
    }
}
