/// `compare-with-null`: `x = NULL`, `x <> NULL` and `x != NULL` yield NULL for every `x`, so a
/// WHERE or JOIN condition made of them never holds.
enum CompareWithNullCheck {
    static func findings(in query: VetQuery) -> [VetFinding] {
        query.allNodes.compactMap { node -> VetFinding? in
            guard case .aExpr(let comparison) = node, comparison.kind == .op,
                let left = comparison.lexpr, let right = comparison.rexpr,
                isNullConstant(left) || isNullConstant(right)
            else { return nil }
            // PostgreSQL's lexer already turns `!=` into `<>`.
            let message: String
            switch comparison.name.names {
            case ["="]:
                message =
                    "comparison with NULL using = is never true (it yields NULL); use IS NULL, or IS NOT DISTINCT FROM to match a value that may be NULL"
            case ["<>"]:
                message =
                    "comparison with NULL using <> is never true (it yields NULL); use IS NOT NULL, or IS DISTINCT FROM to compare with a value that may be NULL"
            default:
                return nil
            }
            return query.finding(.compareWithNull, message, at: VetQuery.start(of: node))
        }
    }

    /// `NULL`, also as `NULL::type`.
    static func isNullConstant(_ node: PG.Node) -> Bool {
        switch node {
        case .aConst(let constant): constant.isnull
        case .typeCast(let cast): cast.arg.map(isNullConstant) ?? false
        default: false
        }
    }
}
