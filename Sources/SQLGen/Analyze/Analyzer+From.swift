/// FROM clauses: tables, CTEs, subqueries and joins become `FromItem`s of the current scope
/// level, with PostgreSQL's outer-join nullability applied to every column they expose.
extension QueryAnalysis {
    /// Adds one FROM-list entry to `scope.current` and returns the columns it makes visible
    /// without qualification, in `*` order.
    mutating func addFromItem(_ node: ParseNode, to scope: inout Scope) throws(AnalysisError) -> [VisibleColumn] {
        switch node.kind {
        case "RangeVar":
            return try addRelation(node, to: &scope)
        case "RangeSubselect":
            guard let subquery = node.node("subquery") else { throw AnalysisError.unsupported(node) }
            guard let alias = node.node("alias")?.string("aliasname") else {
                throw AnalysisError("subquery in FROM must have an alias", at: subquery.list("targetList").first?.location ?? 0)
            }
            let subqueryScope = node.bool("lateral") ? scope : scope.forNonLateralSubquery
            let result = try analyzeSelect(subquery, in: subqueryScope, isTopLevel: false)
            let columns = try renamed(result.columns, by: node.node("alias"), relation: alias, at: node)
            return try append(FromItem(name: alias, schema: nil, columns: columns, location: node.location), to: &scope)
        case "JoinExpr":
            return try addJoin(node, to: &scope)
        case "RangeFunction":
            return try addFunction(node, to: &scope)
        default:
            throw AnalysisError.unsupported(node)
        }
    }

    private mutating func addRelation(_ node: ParseNode, to scope: inout Scope) throws(AnalysisError) -> [VisibleColumn] {
        guard let relationName = node.string("relname") else { throw AnalysisError.unsupported(node) }
        let schema = node.string("schemaname")
        let alias = node.node("alias")
        let name = alias?.string("aliasname") ?? relationName
        var item: FromItem
        if schema == nil, let table = scope.commonTable(relationName) {
            item = FromItem(name: name, schema: nil, columns: table.columns, location: node.location)
        } else {
            let table = try lookupTable(node, extraCandidates: scope.allCommonTableNames)
            let columns = table.columns.map { column in
                ResultColumn(
                    name: column.name, type: column.type, isNullable: !column.isNotNull,
                    source: ColumnReference(schema: table.schema, table: table.name, column: column.name))
            }
            item = FromItem(name: name, schema: alias == nil ? table.schema : nil, columns: columns, location: node.location)
            if alias != nil { item.aliasedRelation = table.name }
            item.isCatalogTable = true
        }
        item.columns = try renamed(item.columns, by: alias, relation: name, at: node)
        return try append(item, to: &scope)
    }

    /// `FROM unnest($1::int[]) AS u(x)`, `generate_series(…)`: one set-returning function
    /// with a single output column (functions in FROM see earlier items, like LATERAL).
    private mutating func addFunction(_ node: ParseNode, to scope: inout Scope) throws(AnalysisError) -> [VisibleColumn] {
        let functions = node.list("functions")
        guard functions.count == 1, !node.bool("is_rowsfrom"), let items = functions.first?.list("items"),
            let call = items.first, call.kind == "FuncCall", items.dropFirst().allSatisfy({ $0.kind.isEmpty && $0.fields.isEmpty })
        else { throw AnalysisError.unsupported(node) }
        let functionName = call.names("funcname").last ?? ""
        guard ["unnest", "generate_series"].contains(functionName), call.list("args").count <= 3,
            !(functionName == "unnest" && call.list("args").count != 1)
        else { throw AnalysisError.unsupported(node, "function \(functionName) in FROM") }
        let typed = try typeFunctionCall(call, in: scope)
        let alias = node.node("alias")
        let name = alias?.string("aliasname") ?? functionName
        var columns = [
            ResultColumn(name: alias?.names("colnames").first ?? name, type: typed.type, isNullable: typed.isNullable)
        ]
        if node.bool("ordinality") {
            columns.append(ResultColumn(name: "ordinality", type: .bigint, isNullable: false))
        }
        columns = try renamed(columns, by: alias, relation: name, at: node)
        return try append(FromItem(name: name, schema: nil, columns: columns, location: call.location), to: &scope)
    }

    /// Applies `AS a(x, y)` column aliases.
    private func renamed(_ columns: [ResultColumn], by alias: ParseNode?, relation: String, at node: ParseNode)
        throws(AnalysisError) -> [ResultColumn]
    {
        let names = alias?.names("colnames") ?? []
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

    private mutating func addJoin(_ node: ParseNode, to scope: inout Scope) throws(AnalysisError) -> [VisibleColumn] {
        guard let leftNode = node.node("larg"), let rightNode = node.node("rarg") else {
            throw AnalysisError.unsupported(node)
        }
        if node.node("alias") != nil { throw AnalysisError.unsupported(node, "join alias") }
        let joinType = node.enumCase("jointype") ?? "JOIN_INNER"
        guard ["JOIN_INNER", "JOIN_LEFT", "JOIN_RIGHT", "JOIN_FULL"].contains(joinType) else {
            throw AnalysisError.unsupported(node, joinType)
        }
        let leftStart = scope.current.items.count
        var leftVisible = try addFromItem(leftNode, to: &scope)
        let rightStart = scope.current.items.count
        var rightVisible = try addFromItem(rightNode, to: &scope)
        let rightEnd = scope.current.items.count

        let beforeNulling = scope.current
        // The outer side's rows may be missing: its columns become nullable.
        if joinType == "JOIN_LEFT" || joinType == "JOIN_FULL" {
            makeNullable(items: rightStart..<rightEnd, visible: &rightVisible, in: &scope)
        }
        if joinType == "JOIN_RIGHT" || joinType == "JOIN_FULL" {
            makeNullable(items: leftStart..<rightStart, visible: &leftVisible, in: &scope)
        }

        let level = scope.current
        var usingNames = node.names("usingClause")
        if node.bool("isNatural") {
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
                        "column \"\(name)\" specified in USING clause does not exist in \(side.1) table", at: node)
                }
                throw AnalysisError("common column name \"\(name)\" appears more than once in \(side.1) table", at: node)
            }
            let left = level.column(leftMatches[0])
            let right = level.column(rightMatches[0])
            var column: ResultColumn
            switch joinType {
            case "JOIN_RIGHT": column = right
            case "JOIN_FULL":
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
        if let quals = node.node("quals") {
            _ = try typeCondition(quals, in: scope, context: "JOIN/ON")
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
