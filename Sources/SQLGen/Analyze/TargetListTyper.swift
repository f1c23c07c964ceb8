/// A SELECT list or a RETURNING list: each entry typed and named as PostgreSQL names it, with
/// `*` and `t.*` expanded into columns (and, at the top level, into the SQL text).
struct TargetListTyper: AnalysisPass {
    let context: AnalysisContext

    /// A typed target-list entry with its output name.
    struct TypedTarget {
        var name: String
        var expression: TypedExpression
        /// The `sqlc.embed(t)` the entry comes from.
        var embed: ResultEmbed? = nil
    }

    func typed(_ targets: [PG.Node], in scope: Scope, expandStars: Bool) throws(AnalysisError) -> [TypedTarget] {
        var result: [TypedTarget] = []
        for target in targets {
            guard case .resTarget(let resTarget) = target, let value = resTarget.val else {
                throw AnalysisError.unsupported(target)
            }
            if case .columnRef(let reference) = value, case let fields = reference.fields.names, fields.last == "*" {
                let expanded = try starColumns(fields, at: reference.location, in: scope)
                var embed: ResultEmbed?
                if expandStars {
                    context.recordStarExpansion(
                        at: reference.location, columns: expanded.map { ($0.qualifier, $0.column.name) })
                    if context.query.embeds.contains(where: { $0.offset == reference.location }) {
                        embed = try self.embed(fields, at: reference.location, in: scope)
                    }
                }
                for entry in expanded {
                    result.append(
                        TypedTarget(
                            name: entry.column.name,
                            expression: TypedExpression(
                                type: entry.column.type, isNullable: entry.column.isNullable, source: entry.column.source),
                            embed: embed))
                }
                continue
            }
            let expression = try expressions.typed(value, in: scope)
            result.append(TypedTarget(name: resTarget.name ?? OutputName.figure(value), expression: expression))
        }
        return result
    }

    /// The columns `*` (every visible column) or `t.*` (one FROM item's) stands for, with the
    /// qualifier the expanded SQL writes.
    private func starColumns(_ fields: [String], at location: Int?, in scope: Scope) throws(AnalysisError)
        -> [(qualifier: String?, column: ResultColumn)]
    {
        let level = scope.current
        if fields.count == 1 {
            guard !level.items.isEmpty else {
                throw AnalysisError("SELECT * with no tables specified is not valid", at: location)
            }
            let qualify = level.items.count > 1
            return level.visible.map { (qualify ? level.qualifier($0) : nil, level.column($0)) }
        }
        let tableName = fields[fields.count - 2]
        let schema = fields.count > 2 ? fields[fields.count - 3] : nil
        guard let item = scope.fromItem(tableName, schema: schema) else {
            throw scope.missingFromItem(tableName, at: location)
        }
        return item.columns.map { (item.name, $0) }
    }

    /// What `sqlc.embed(t)` (rewritten to `t.*`) groups: one catalog table's or view's row,
    /// optional when an outer join may null-extend it and nothing rules that out. That is the
    /// case when a column the table declares NOT NULL came out nullable (narrowing by WHERE
    /// clears them all at once), or, for a table without NOT NULL columns, when it is on the
    /// nullable side of an outer join.
    private func embed(_ fields: [String], at location: Int?, in scope: Scope) throws(AnalysisError) -> ResultEmbed {
        let name = fields[fields.count - 2]
        guard let item = scope.fromItem(name, schema: nil), let relation = item.catalogRelation,
            let table = context.catalog.table(relation.name, schema: relation.schema)
        else {
            throw AnalysisError(
                "sqlc.embed(\(name)) needs a table or view of the schema; \"\(name)\" is a subquery, CTE or function "
                    + "(select its columns instead)",
                at: location)
        }
        let declaredNotNull = zip(table.columns, item.columns).filter { $0.0.isNotNull }
        let isOptional =
            declaredNotNull.isEmpty ? item.isNullExtended : declaredNotNull.contains { $0.1.isNullable }
        return ResultEmbed(name: name, relation: relation, isOptional: isOptional)
    }

    /// The result columns of an INSERT/UPDATE/DELETE's RETURNING list (empty without one);
    /// untyped literals become text.
    func returning(_ list: [PG.Node], in scope: Scope, expandStars: Bool) throws(AnalysisError) -> [ResultColumn] {
        var columns: [ResultColumn] = []
        for target in try typed(list, in: scope, expandStars: expandStars) {
            var expression = target.expression
            try context.resolve(&expression, to: .text)
            columns.append(
                ResultColumn(
                    name: target.name, type: expression.type, isNullable: expression.isNullable,
                    source: expression.source))
        }
        return columns
    }
}
