/// WHERE conditions that prove columns non-NULL. A row reaches the target list only when
/// every top-level AND conjunct of WHERE is true, and `x IS NOT NULL` or a (strict)
/// comparison `x = …` cannot be true when `x` is NULL. So
///
/// ```sql
/// SELECT p.name FROM owners o LEFT JOIN pets p ON p.owner_id = o.id WHERE p.id IS NOT NULL
/// ```
/// yields a non-optional `p.name`: `p.id` is declared NOT NULL, so the pets row exists and
/// every NOT NULL column of it is non-NULL again.
struct NullabilityNarrowing {
    let catalog: Catalog

    /// `level` with the columns that `condition` (a WHERE clause) proves non-NULL marked so.
    func narrow(_ level: ScopeLevel, by condition: PG.Node?) -> ScopeLevel {
        guard let condition else { return level }
        var level = level
        for conjunct in conjuncts(of: condition) {
            for columnRef in provenNonNullColumns(conjunct) {
                markNonNull(columnRef, in: &level)
            }
        }
        return level
    }

    private func conjuncts(of node: PG.Node) -> [PG.Node] {
        if case .boolExpr(let expression) = node, expression.boolop == .andExpr {
            return expression.args.flatMap(conjuncts)
        }
        return [node]
    }

    /// Column references that are non-NULL whenever `condition` is true.
    private func provenNonNullColumns(_ condition: PG.Node) -> [PG.ColumnRef] {
        switch condition {
        case .nullTest(let test):
            guard test.nulltesttype == .notNull, !test.argisrow, case .columnRef(let argument) = test.arg else {
                return []
            }
            return [argument]
        case .aExpr(let expression):
            guard expression.kind == .op, let op = expression.name.names.last,
                ExpressionTyper.comparisonOperators.contains(op)
            else { return [] }
            return [expression.lexpr, expression.rexpr].compactMap { side in
                if case .columnRef(let reference) = side { return reference }
                return nil
            }
        default:
            return []
        }
    }

    /// Marks the column a reference resolves to (in this level only) as non-NULL, and when it
    /// is a NOT NULL column of a catalog table, every NOT NULL column of that table's row.
    private func markNonNull(_ columnRef: PG.ColumnRef, in level: inout ScopeLevel) {
        let fields = columnRef.fields.names
        guard let name = fields.last, name != "*" else { return }
        var target: VisibleColumn?
        if fields.count == 1 {
            let matches = level.visible.filter { level.column($0).name == name }
            guard matches.count == 1 else { return }
            target = matches[0]
        } else if fields.count == 2 {
            guard let itemIndex = level.items.firstIndex(where: { $0.name == fields[0] }),
                let columnIndex = level.items[itemIndex].columns.firstIndex(where: { $0.name == name })
            else { return }
            target = .item(itemIndex, column: columnIndex)
        }
        switch target {
        case .item(let itemIndex, let columnIndex):
            level.items[itemIndex].columns[columnIndex].isNullable = false
            let column = level.items[itemIndex].columns[columnIndex]
            // Only a catalog table item is one row of one table (a subquery may join a table twice).
            guard level.items[itemIndex].isCatalogTable, let source = column.source, isDeclaredNotNull(source) else {
                return
            }
            // The row of that table exists: its declared NOT NULL columns are non-NULL.
            for index in level.items[itemIndex].columns.indices {
                if let other = level.items[itemIndex].columns[index].source, other.schema == source.schema,
                    other.table == source.table, isDeclaredNotNull(other)
                {
                    level.items[itemIndex].columns[index].isNullable = false
                }
            }
        case .merged(var column):
            guard let index = level.visible.firstIndex(of: .merged(column)) else { return }
            column.isNullable = false
            level.visible[index] = .merged(column)
        case nil:
            return
        }
    }

    private func isDeclaredNotNull(_ reference: ColumnReference) -> Bool {
        catalog.table(reference.table, schema: reference.schema)?.column(reference.column)?.isNotNull ?? false
    }
}
