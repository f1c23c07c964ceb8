/// What can be told for certain about how many rows a plain SELECT yields. `one-returns-many`
/// and `limit-without-order-by` both stay quiet about a SELECT that yields at most one row: it
/// cannot return several, and its order cannot matter.
enum SingleRowSelect {
    /// True when the SELECT yields at most one row: no FROM, aggregates only (without GROUP BY
    /// or HAVING), or one table whose WHERE pins every column of a primary key or unique
    /// constraint with `=` to a parameter or constant (or an expression of them).
    static func yieldsAtMostOneRow(_ select: PG.SelectStmt, catalog: Catalog) -> Bool {
        guard select.op == .none, select.valuesLists.isEmpty else { return false }
        if select.fromClause.isEmpty { return true }
        if select.groupClause.isEmpty, select.havingClause == nil, SelectAnalyzer.isAggregateOnly(select.targetList) {
            return true
        }
        guard let table = singleTable(of: select, catalog: catalog) else { return false }
        return pinsUniqueKey(select.whereClause, of: table.table, referencedAs: table.names)
    }

    /// The FROM clause's only item when it is a table of the catalog (not a view, whose keys
    /// are unknown), with the names a column reference may qualify it by.
    static func singleTable(of select: PG.SelectStmt, catalog: Catalog) -> (table: Table, names: Set<String>)? {
        guard select.fromClause.count == 1, case .rangeVar(let relation) = select.fromClause[0],
            let name = relation.relname,
            let table = catalog.table(name, schema: relation.schemaname), !table.isView
        else { return nil }
        if let alias = relation.alias?.aliasname { return (table, [alias]) }
        return (table, [name])
    }

    /// True when the WHERE's AND-ed conditions include `column = value` for every column of one
    /// of the table's keys. A condition under OR or NOT pins nothing.
    static func pinsUniqueKey(_ condition: PG.Node?, of table: Table, referencedAs names: Set<String>) -> Bool {
        var pinned: Set<String> = []
        func collect(_ node: PG.Node) {
            switch node {
            case .boolExpr(let bool) where bool.boolop == .andExpr:
                bool.args.forEach(collect)
            case .aExpr(let comparison) where comparison.kind == .op && comparison.name.names == ["="]:
                guard let left = comparison.lexpr, let right = comparison.rexpr else { return }
                if let column = columnName(left, names: names), isValue(right) { pinned.insert(column) }
                if let column = columnName(right, names: names), isValue(left) { pinned.insert(column) }
            default:
                break
            }
        }
        if let condition { collect(condition) }
        return table.uniqueKeys.contains { key in key.allSatisfy(pinned.contains) }
    }

    /// `column`, `t.column` or `schema.t.column` of the one FROM item.
    private static func columnName(_ node: PG.Node, names: Set<String>) -> String? {
        guard case .columnRef(let reference) = node else { return nil }
        let parts = reference.fields.names
        guard parts.count == reference.fields.count, let column = parts.last, column != "*" else { return nil }
        switch parts.count {
        case 1: return column
        case 2, 3: return names.contains(parts[parts.count - 2]) ? column : nil
        default: return nil
        }
    }

    /// One value for the row being tested: parameters and constants, possibly cast or passed
    /// through functions and operators (`lower(@email::text)`), or a scalar subquery; no column
    /// of the row itself. (A subquery that reads the outer row could match several rows; it is
    /// taken as a value all the same, so the rule errs towards silence.) NULL pins nothing.
    private static func isValue(_ node: PG.Node) -> Bool {
        if CompareWithNullCheck.isNullConstant(node) { return false }
        func readsNoColumn(_ node: PG.Node) -> Bool {
            switch node {
            case .columnRef: false
            case .subLink: true
            default: node.children.allSatisfy(readsNoColumn)
            }
        }
        return readsNoColumn(node)
    }
}
