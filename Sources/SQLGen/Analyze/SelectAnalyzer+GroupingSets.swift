/// GROUP BY with ROLLUP, CUBE and GROUPING SETS: every key is typed like a plain GROUP BY key,
/// and a column grouped in only some of the sets is NULL in the rows of the others.
///
/// ```sql
/// SELECT currency, owner, sum(balance) FROM accounts GROUP BY ROLLUP (currency, owner)
/// ```
/// returns `currency` and `owner` as optional: the subtotal rows have NULL there.
extension SelectAnalyzer {
    /// The grouping sets' keys, flattened (for typing them one by one).
    static func groupingKeys(_ groupClause: [PG.Node]) -> [PG.Node] {
        groupClause.flatMap { node -> [PG.Node] in
            if case .groupingSet(let set) = node { return groupingKeys(set.content) }
            // `GROUPING SETS ((a, b), ())`: a parenthesized set is a row of keys, not a row value.
            if case .rowExpr(let row) = node { return groupingKeys(row.args) }
            return [node]
        }
    }

    /// The columns a ROLLUP, CUBE or GROUPING SETS groups by, which some of its rows leave NULL.
    /// (A column in every set stays non-null in PostgreSQL; it is optional here, which is safe.)
    func columnsLeftNullByGroupingSets(_ groupClause: [PG.Node], in scope: Scope) -> [ResultColumn] {
        var columns: [ResultColumn] = []
        for case .groupingSet(let set) in groupClause where set.kind != .simple {
            for case .columnRef(let reference) in Self.groupingKeys(set.content) {
                if let column = try? scope.resolveColumn(reference.fields.names, at: reference.location) {
                    columns.append(column)
                }
            }
        }
        return columns
    }

    /// `columns` (one per target of `targetList`) with the grouping-set columns made optional.
    func applyingGroupingSets(
        to columns: [ResultColumn], targetList: [PG.Node], groupClause: [PG.Node], in scope: Scope
    ) -> [ResultColumn] {
        let nullable = columnsLeftNullByGroupingSets(groupClause, in: scope)
        // With a `*` in the list the targets no longer line up with the columns; the grouped
        // columns of such a query are not plain references.
        guard !nullable.isEmpty, columns.count == targetList.count else { return columns }
        var result = columns
        for (index, target) in targetList.enumerated() {
            guard case .resTarget(let resTarget) = target, case .columnRef(let reference) = resTarget.val,
                let column = try? scope.resolveColumn(reference.fields.names, at: reference.location),
                nullable.contains(where: { $0.name == column.name && $0.source == column.source })
            else { continue }
            result[index].isNullable = true
        }
        return result
    }
}
