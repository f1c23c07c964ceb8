/// `update-without-where`, `delete-without-where`: an UPDATE or DELETE without WHERE changes or
/// removes every row of its table, also when it is a data-modifying CTE.
enum MissingWhereCheck {
    static func findings(in query: VetQuery) -> [VetFinding] {
        query.allNodes.compactMap { node -> VetFinding? in
            let rule: VetRule
            let table: PG.RangeVar?
            let statement: String
            switch node {
            case .updateStmt(let update) where update.whereClause == nil:
                (rule, table, statement) = (.updateWithoutWhere, update.relation, "UPDATE of")
            case .deleteStmt(let delete) where delete.whereClause == nil:
                (rule, table, statement) = (.deleteWithoutWhere, delete.relation, "DELETE from")
            default:
                return nil
            }
            let effect = rule == .updateWithoutWhere ? "changes every row" : "removes every row"
            return query.finding(
                rule, "\(statement) \"\(table?.relname ?? "the table")\" has no WHERE clause: it \(effect) of the table",
                at: table?.location)
        }
    }
}
