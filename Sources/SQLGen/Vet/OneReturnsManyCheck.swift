/// `one-returns-many`: a `:one` query that can find several rows. The generated method returns
/// the first and drops the rest, so the caller silently gets an arbitrary one. Conservative: it
/// only speaks about a plain SELECT from one table, without GROUP BY or DISTINCT, that is not
/// aggregate-only, has no `LIMIT 1` and whose WHERE does not pin a primary key or unique column.
enum OneReturnsManyCheck {
    static func findings(in query: VetQuery) -> [VetFinding] {
        guard query.analyzed.command.itemCommand == .one, !query.analyzed.returnsExactlyOneRow,
            case .selectStmt(let select) = query.statement, select.op == .none,
            select.groupClause.isEmpty, select.distinctClause.isEmpty, !limitsToOneRow(select),
            let (table, _) = SingleRowSelect.singleTable(of: select, catalog: query.catalog),
            !SingleRowSelect.yieldsAtMostOneRow(select, catalog: query.catalog)
        else { return [] }
        let keys =
            table.uniqueKeys.isEmpty ? "it has no primary key or unique constraint" : "its WHERE does not pin a primary key or unique column with ="
        return [
            query.finding(
                .oneReturnsMany,
                ":one query can return several rows of \"\(table.name)\" (\(keys)); the method returns only the first. "
                    + "Add LIMIT 1 with an ORDER BY, pin a key, or use :many",
                at: (select.whereClause ?? select.fromClause.first).flatMap(VetQuery.start))
        ]
    }

    /// `LIMIT 1` or `FETCH FIRST ROW ONLY` (not WITH TIES, which may return more).
    private static func limitsToOneRow(_ select: PG.SelectStmt) -> Bool {
        guard select.limitOption != .withTies, case .aConst(let count)? = select.limitCount,
            let value = count.integerValue
        else { return false }
        return value <= 1
    }
}
