/// The name PostgreSQL gives an unaliased result column (its `FigureColname`): a column
/// reference's column name, a function's name, a cast's argument name (else the type name),
/// `case`, `coalesce` … and `?column?` for anything else.
enum OutputName {
    static func figure(_ node: PG.Node) -> String {
        figureWithStrength(node)?.name ?? "?column?"
    }

    /// The name and how strongly it was chosen (2: from a column/function, 1: a fallback like a type name).
    private static func figureWithStrength(_ node: PG.Node) -> (name: String, strength: Int)? {
        switch node {
        case .columnRef(let reference):
            guard let last = reference.fields.names.last, last != "*" else { return nil }
            return (last, 2)
        case .aIndirection(let indirection):
            if let last = indirection.indirection.last?.stringValue { return (last, 2) }
            return indirection.arg.flatMap(figureWithStrength)
        case .funcCall(let call):
            return call.funcname.names.last.map { ($0, 2) }
        case .aExpr(let expression):
            return expression.kind == .nullif ? ("nullif", 2) : nil
        case .typeCast(let cast):
            if let inner = cast.arg.flatMap(figureWithStrength), inner.strength > 1 { return inner }
            return cast.typeName?.names.names.last.map { ($0, 1) }
        case .collateClause(let collate):
            return collate.arg.flatMap(figureWithStrength)
        case .subLink(let subLink):
            switch subLink.subLinkType {
            case .existsSublink: return ("exists", 2)
            case .arraySublink: return ("array", 2)
            case .exprSublink:
                guard case .selectStmt(let select) = subLink.subselect, case .resTarget(let first) = select.targetList.first
                else { return nil }
                if let name = first.name { return (name, 2) }
                return first.val.flatMap(figureWithStrength)
            default: return nil
            }
        case .caseExpr(let expression):
            // Named after its ELSE result when that has a name of its own.
            if let inner = expression.defresult.flatMap(figureWithStrength), inner.strength > 1 { return inner }
            return ("case", 1)
        case .aArrayExpr:
            return ("array", 2)
        case .rowExpr:
            return ("row", 2)
        case .coalesceExpr:
            return ("coalesce", 2)
        case .minMaxExpr(let expression):
            return (expression.op == .least ? "least" : "greatest", 2)
        case .sqlvalueFunction(let function):
            let op = String(function.op.rawValue.dropFirst("SVFOP_".count))
            let name = op.hasSuffix("_N") ? String(op.dropLast(2)) : op
            return (name.lowercased(), 2)
        default:
            return nil
        }
    }
}
