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
            location: relation.location, aliasedRelation: alias == nil ? nil : table.name, isCatalogTable: true)
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
            item = FromItem(name: name, schema: nil, columns: table.columns, location: relation.location)
        } else {
            let table = try context.lookupTable(relation, extraCandidates: scope.allCommonTableNames)
            item = targetItem(relation, table: table)
        }
        item.columns = try renamed(item.columns, by: alias, relation: name, at: relation.asNode)
        return try append(item, to: &scope)
    }

    /// A function in FROM (functions in FROM see earlier items, like LATERAL): one
    /// set-returning function with a single output column (`unnest($1::int[]) AS u(x)`,
    /// `generate_series(…)`), or one of `TableFunctions` with named columns (`jsonb_each(doc)`).
    private func addFunction(_ function: PG.RangeFunction, to scope: inout Scope) throws(AnalysisError) -> [VisibleColumn] {
        // Each entry of `functions` is a two-item list: the call and its column definitions.
        guard function.functions.count == 1, !function.isRowsfrom, function.coldeflist.isEmpty,
            case .list(let entry) = function.functions[0], case .funcCall(let call) = entry.items.first,
            entry.items.dropFirst().allSatisfy({ $0 == .empty })
        else { throw AnalysisError.unsupported(function) }
        let functionName = call.funcname.names.last ?? ""
        let alias = function.alias
        let name = alias?.aliasname ?? functionName
        var columns: [ResultColumn]
        if let shape = try tableFunctionShape(call, named: functionName, in: scope) {
            columns = shape.columns
            if shape.isScalar, let alias = alias?.aliasname { columns[0].name = alias }
        } else {
            guard ["unnest", "generate_series"].contains(functionName), call.args.count <= 3,
                !(functionName == "unnest" && call.args.count != 1)
            else { throw AnalysisError.unsupported(function, "function \(functionName) in FROM") }
            let typed = try expressions.typeFunctionCall(call, in: scope)
            columns = [ResultColumn(name: alias?.colnames.names.first ?? name, type: typed.type, isNullable: typed.isNullable)]
        }
        if function.ordinality {
            columns.append(ResultColumn(name: "ordinality", type: .bigint, isNullable: false))
        }
        columns = try renamed(columns, by: alias, relation: name, at: function.asNode)
        return try append(FromItem(name: name, schema: nil, columns: columns, location: call.location), to: &scope)
    }

    /// The shape of a call of one of `TableFunctions`, its untyped arguments resolved; nil for
    /// other functions.
    private func tableFunctionShape(_ call: PG.FuncCall, named name: String, in scope: Scope) throws(AnalysisError)
        -> TableFunctions.Shape?
    {
        guard TableFunctions.handles(name, argumentCount: call.args.count) else { return nil }
        var arguments: [TypedExpression] = []
        for argument in call.args { arguments.append(try expressions.typed(argument, in: scope)) }
        guard let shape = TableFunctions.shape(name, arguments) else {
            let message = FunctionSignatures.failureMessage(call.funcname.names.joined(separator: "."), name, arguments)
            throw AnalysisError(message, at: call.location)
        }
        for index in arguments.indices where arguments[index].isUnknown {
            try context.resolve(&arguments[index], to: shape.argumentTypes[index])
        }
        return shape
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
                let type = (try? OperatorResolution.commonType([left.type, right.type]).get()) ?? left.type
                column = ResultColumn(name: name, type: type, isNullable: left.isNullable && right.isNullable)
            default: column = left
            }
            // The merged column has the two sides' common type (integer USING bigint is bigint).
            if let common = try? OperatorResolution.commonType([left.type, right.type]).get(), common != column.type {
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
