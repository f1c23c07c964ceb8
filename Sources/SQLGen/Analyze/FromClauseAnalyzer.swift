/// FROM clauses: tables, CTEs, subqueries, functions and joins become `FromItem`s of the
/// current scope level, with PostgreSQL's outer-join nullability applied to every column they
/// expose. Also the table an INSERT, UPDATE or DELETE writes.
struct FromClauseAnalyzer: AnalysisPass {
    let context: AnalysisContext

    /// Adds a FROM list (or USING list) to `scope.current`, its columns visible unqualified.
    func add(_ items: [PG.Node], to scope: inout Scope) throws(AnalysisError) {
        for item in items {
            let visible = try add(item, to: &scope)
            scope.current.visible += visible
        }
    }

    /// Adds one FROM-list entry to `scope.current` and returns the columns it makes visible
    /// without qualification, in `*` order.
    func add(_ node: PG.Node, to scope: inout Scope) throws(AnalysisError) -> [VisibleColumn] {
        switch node {
        case .rangeVar(let relation):
            return try addRelation(relation, to: &scope)
        case .rangeSubselect(let subselect):
            guard let subquery = subselect.subquery else { throw AnalysisError.unsupported(node) }
            guard let alias = subselect.alias?.aliasname else {
                let firstTarget: Int? =
                    if case .selectStmt(let select) = subquery { select.targetList.first?.location } else { nil }
                throw AnalysisError("subquery in FROM must have an alias", at: firstTarget ?? 0)
            }
            let subqueryScope = subselect.lateral ? scope : scope.forNonLateralSubquery
            let result = try selects.analyze(subquery, in: subqueryScope)
            let columns = try renamed(result.columns, by: subselect.alias, relation: alias, at: node)
            return try append(FromItem(name: alias, schema: nil, columns: columns, location: node.location), to: &scope)
        case .joinExpr(let join):
            return try addJoin(join, to: &scope)
        case .rangeFunction(let function):
            return try addFunction(function, to: &scope)
        default:
            throw AnalysisError.unsupported(node)
        }
    }

    /// A table's columns as an UPDATE/INSERT/DELETE target exposes them.
    func tableColumns(_ table: Table) -> [ResultColumn] {
        table.columns.map { column in
            ResultColumn(
                name: column.name, type: column.type, isNullable: !column.isNotNull,
                source: ColumnReference(schema: table.schema, table: table.name, column: column.name))
        }
    }

    /// The FROM item for the table an INSERT, UPDATE or DELETE writes (under its alias, if any).
    func targetItem(_ relation: PG.RangeVar, table: Table) -> FromItem {
        let alias = relation.alias?.aliasname
        return FromItem(
            name: alias ?? table.name, schema: alias == nil ? table.schema : nil, columns: tableColumns(table),
            location: relation.location, aliasedRelation: alias == nil ? nil : table.name,
            catalogRelation: RelationName(schema: table.schema, name: table.name),
            rowType: table.rowType)
    }

    /// Adds the table an UPDATE/DELETE writes as the first FROM item.
    func addTargetTable(_ relation: PG.RangeVar, to scope: inout Scope) throws(AnalysisError) -> Table {
        let table = try context.lookupTable(relation)
        let item = targetItem(relation, table: table)
        scope.current.items.append(item)
        scope.current.visible += item.columns.indices.map { .item(scope.current.items.count - 1, column: $0) }
        return table
    }

    private func addRelation(_ relation: PG.RangeVar, to scope: inout Scope) throws(AnalysisError) -> [VisibleColumn] {
        guard let relationName = relation.relname else { throw AnalysisError.unsupported(relation) }
        let alias = relation.alias
        let name = alias?.aliasname ?? relationName
        var item: FromItem
        if relation.schemaname == nil, let table = scope.commonTable(relationName) {
            guard table.hasReturning else {
                throw AnalysisError(
                    "WITH query \"\(relationName)\" does not have a RETURNING clause", at: relation.location)
            }
            item = FromItem(name: name, schema: nil, columns: table.columns, location: relation.location)
        } else {
            let table = try context.lookupTable(relation, extraCandidates: scope.allCommonTableNames)
            item = targetItem(relation, table: table)
        }
        item.columns = try renamed(item.columns, by: alias, relation: name, at: relation.asNode)
        return try append(item, to: &scope)
    }

    /// A function in FROM (functions in FROM see earlier items, like LATERAL): a function
    /// returning a scalar (`unnest($1::int[]) AS u(x)`, `generate_series(…)`), named OUT
    /// columns (`jsonb_each(doc)`), or a record described by a column definition list
    /// (`jsonb_to_record(doc) AS r(id int, name text)`); `ROWS FROM (f(…), g(…))` and
    /// `unnest(a, b)` put several side by side, padding the shorter ones with NULL.
    private func addFunction(_ function: PG.RangeFunction, to scope: inout Scope) throws(AnalysisError) -> [VisibleColumn] {
        // Each entry of `functions` is a two-item list: the call and its column definitions.
        var calls: [(call: PG.FuncCall, definitions: [PG.Node])] = []
        for case .list(let entry) in function.functions {
            guard case .funcCall(let call) = entry.items.first else { throw AnalysisError.unsupported(function) }
            var definitions: [PG.Node] = []
            if case .list(let list)? = entry.items.dropFirst().first { definitions = list.items }
            calls.append((call, definitions))
        }
        guard let first = calls.first else { throw AnalysisError.unsupported(function) }
        if calls.count == 1 { calls[0].definitions += function.coldeflist }
        let functionName = first.call.funcname.names.last ?? ""
        let alias = function.alias
        let name = alias?.aliasname ?? functionName
        var columns: [ResultColumn] = []
        if calls.count == 1, functionName == "unnest", first.call.args.count > 1, first.definitions.isEmpty {
            // `unnest(a, b)` is `ROWS FROM (unnest(a), unnest(b))`, every column named unnest.
            for argument in first.call.args {
                var typed = try expressions.typed(argument, in: scope)
                if typed.isUnknown {
                    throw AnalysisError("could not determine polymorphic type because input has type unknown", at: first.call.location)
                }
                guard typed.type.isArray else {
                    throw AnalysisError("function unnest(\(typed.displayType)) does not exist", at: first.call.location)
                }
                try context.resolve(&typed, to: typed.type)
                columns.append(ResultColumn(name: "unnest", type: typed.type.element, isNullable: true))
            }
        } else {
            for (call, definitions) in calls {
                var produced = try functionColumns(call, definitions: definitions, scalarName: name, in: scope)
                if calls.count > 1 {
                    for index in produced.indices { produced[index].isNullable = true }
                }
                columns += produced
            }
        }
        // A function of one value is that value as a whole row (`FROM jsonb_array_elements(…) AS e`).
        let rowType = calls.count == 1 && columns.count == 1 && !function.ordinality ? columns[0].type : TypeCoercion.record
        if function.ordinality {
            columns.append(ResultColumn(name: "ordinality", type: .bigint, isNullable: false))
        }
        columns = try renamed(columns, by: alias, relation: name, at: function.asNode)
        var item = FromItem(name: name, schema: nil, columns: columns, location: first.call.location)
        item.rowType = rowType
        return try append(item, to: &scope)
    }

    /// The columns one table function call gives.
    private func functionColumns(_ call: PG.FuncCall, definitions: [PG.Node], scalarName: String, in scope: Scope)
        throws(AnalysisError) -> [ResultColumn]
    {
        let typedCall = try expressions.resolveCall(call, in: scope, inFrom: true)
        let resolved = typedCall.resolved
        if !definitions.isEmpty {
            guard resolved.result == TypeCoercion.record, resolved.outputColumns.isEmpty else {
                throw AnalysisError(
                    "a column definition list is only allowed for functions returning \"record\"", at: call.location)
            }
            var columns: [ResultColumn] = []
            for case .columnDef(let definition) in definitions {
                guard let typeName = definition.typeName else { throw AnalysisError.unsupported(definition) }
                let type = try context.resolveTypeName(typeName)
                columns.append(ResultColumn(name: definition.colname ?? "?column?", type: type, isNullable: true))
            }
            return columns
        }
        if !resolved.outputColumns.isEmpty {
            let nonNull = FunctionNullability.nonNullOutputColumns[resolved.function.name] ?? []
            return resolved.outputColumns.map { column in
                ResultColumn(name: column.name, type: column.type, isNullable: !nonNull.contains(column.name))
            }
        }
        if resolved.result == TypeCoercion.record {
            throw AnalysisError("a column definition list is required for functions returning \"record\"", at: call.location)
        }
        if let table = context.compositeTable(resolved.result) {
            // `jsonb_populate_recordset(NULL::orders, …)`: the columns of the table's row type.
            return table.columns.map { ResultColumn(name: $0.name, type: $0.type, isNullable: true) }
        }
        return [ResultColumn(name: scalarName, type: resolved.result, isNullable: typedCall.isNullable)]
    }

    /// Applies `AS a(x, y)` column aliases.
    private func renamed(_ columns: [ResultColumn], by alias: PG.Alias?, relation: String, at node: PG.Node)
        throws(AnalysisError) -> [ResultColumn]
    {
        let names = alias?.colnames.names ?? []
        guard !names.isEmpty else { return columns }
        guard names.count <= columns.count else {
            throw AnalysisError(
                "table \"\(relation)\" has \(columns.count) columns available but \(names.count) columns specified", at: node)
        }
        var result = columns
        for (index, name) in names.enumerated() { result[index].name = name }
        return result
    }

    private func append(_ item: FromItem, to scope: inout Scope) throws(AnalysisError) -> [VisibleColumn] {
        if scope.current.items.contains(where: { $0.name == item.name && $0.schema == item.schema }) {
            throw AnalysisError("table name \"\(item.name)\" specified more than once", at: item.location)
        }
        var level = scope.current
        let index = level.items.count
        level.items.append(item)
        scope.current = level
        return item.columns.indices.map { VisibleColumn.item(index, column: $0) }
    }

    private func addJoin(_ join: PG.JoinExpr, to scope: inout Scope) throws(AnalysisError) -> [VisibleColumn] {
        guard let leftNode = join.larg, let rightNode = join.rarg else { throw AnalysisError.unsupported(join) }
        if join.alias != nil { throw AnalysisError.unsupported(join, "join alias") }
        let joinType = join.jointype
        guard [.inner, .left, .right, .full].contains(joinType) else {
            throw AnalysisError.unsupported(join, joinType.rawValue)
        }
        let leftStart = scope.current.items.count
        var leftVisible = try add(leftNode, to: &scope)
        let rightStart = scope.current.items.count
        var rightVisible = try add(rightNode, to: &scope)
        let rightEnd = scope.current.items.count

        let beforeNulling = scope.current
        // The outer side's rows may be missing: its columns become nullable.
        if joinType == .left || joinType == .full {
            makeNullable(items: rightStart..<rightEnd, visible: &rightVisible, in: &scope)
        }
        if joinType == .right || joinType == .full {
            makeNullable(items: leftStart..<rightStart, visible: &leftVisible, in: &scope)
        }

        let level = scope.current
        var usingNames = join.usingClause.names
        if join.isNatural {
            let rightNames = Set(rightVisible.map { level.column($0).name })
            usingNames = leftVisible.map { level.column($0).name }.filter { rightNames.contains($0) }
        }
        var merged: [VisibleColumn] = []
        for name in usingNames {
            let leftMatches = leftVisible.filter { level.column($0).name == name }
            let rightMatches = rightVisible.filter { level.column($0).name == name }
            guard leftMatches.count == 1, rightMatches.count == 1 else {
                let side = leftMatches.count != 1 ? (leftMatches, "left") : (rightMatches, "right")
                if side.0.isEmpty {
                    throw AnalysisError(
                        "column \"\(name)\" specified in USING clause does not exist in \(side.1) table", at: join.location)
                }
                throw AnalysisError(
                    "common column name \"\(name)\" appears more than once in \(side.1) table", at: join.location)
            }
            let left = level.column(leftMatches[0])
            let right = level.column(rightMatches[0])
            var column: ResultColumn
            switch joinType {
            case .right: column = right
            case .full:
                // COALESCE(left, right): NULL only when both sides' values are (as declared,
                // before this join's own outer-join nulling).
                let left = beforeNulling.column(leftMatches[0])
                let right = beforeNulling.column(rightMatches[0])
                let type = (try? context.coercion.commonType([left.type, right.type]).get()) ?? left.type
                column = ResultColumn(name: name, type: type, isNullable: left.isNullable && right.isNullable)
            default: column = left
            }
            // The merged column has the two sides' common type (integer USING bigint is bigint).
            if let common = try? context.coercion.commonType([left.type, right.type]).get(), common != column.type {
                column.type = common
                column.source = nil
            }
            merged.append(.merged(column))
            leftVisible.removeAll { $0 == leftMatches[0] }
            rightVisible.removeAll { $0 == rightMatches[0] }
        }
        if let quals = join.quals {
            _ = try expressions.condition(quals, in: scope, context: "JOIN/ON")
        }
        return merged + leftVisible + rightVisible
    }

    private func makeNullable(items: Range<Int>, visible: inout [VisibleColumn], in scope: inout Scope) {
        var level = scope.current
        for index in items {
            level.items[index].isNullExtended = true
            for column in level.items[index].columns.indices { level.items[index].columns[column].isNullable = true }
        }
        scope.current = level
        visible = visible.map { entry in
            if case .merged(var column) = entry {
                column.isNullable = true
                return .merged(column)
            }
            return entry
        }
    }
}
