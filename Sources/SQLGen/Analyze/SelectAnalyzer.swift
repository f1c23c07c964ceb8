/// The result of a SELECT (or VALUES, or set operation) at any nesting level.
struct SelectResult: Sendable, Hashable {
    var columns: [ResultColumn]
    var returnsExactlyOneRow: Bool
    /// Per column, the untyped `$n` it still is (set-operation arms only), so the set
    /// operation can resolve it to the common type.
    var untypedParameters: [TypedExpression?]
}

/// How a SELECT's untyped output columns (`SELECT $1`, `SELECT 'x'`) get their types.
enum OutputTyping {
    /// PostgreSQL's default: unknown becomes text.
    case text
    /// Left open for the enclosing set operation to resolve.
    case open
    /// INSERT … SELECT: the target columns' types, by position.
    case targets([InsertTarget])
}

/// SELECT at any level: a plain SELECT here; set operations and VALUES in their own analyzers.
struct SelectAnalyzer: AnalysisPass {
    let context: AnalysisContext

    /// A subquery (in FROM, in an expression, of INSERT): it must be a SELECT.
    func analyze(_ node: PG.Node, in scope: Scope, outputTyping: OutputTyping = .text) throws(AnalysisError)
        -> SelectResult
    {
        guard case .selectStmt(let select) = node else { throw AnalysisError.unsupported(node) }
        return try analyze(select, in: scope, isTopLevel: false, outputTyping: outputTyping)
    }

    func analyze(
        _ select: PG.SelectStmt, in outer: Scope, isTopLevel: Bool, outputTyping: OutputTyping = .text
    ) throws(AnalysisError) -> SelectResult {
        var scope = try commonTables.level(with: select.withClause, in: outer, isTopLevel: isTopLevel)
        let isSetOperation = select.op != .none
        let isValues = !select.valuesLists.isEmpty
        var result: SelectResult
        if isSetOperation {
            result = try SetOperationAnalyzer(context: context).analyze(
                select, in: scope, isTopLevel: isTopLevel, outputTyping: outputTyping)
        } else if isValues {
            result = try ValuesAnalyzer(context: context).analyze(select, in: scope)
        } else {
            result = try analyzeSimpleSelect(select, scope: &scope, isTopLevel: isTopLevel, outputTyping: outputTyping)
        }
        if isSetOperation || isValues {
            // ORDER BY of a set operation or VALUES sees only the output columns.
            for case .sortBy(let sort) in select.sortClause {
                guard let expression = sort.node else { continue }
                try checkOutputReference(expression, columns: result.columns)
            }
            try typeLimits(select, in: scope)
        }
        return result
    }

    private func analyzeSimpleSelect(
        _ select: PG.SelectStmt, scope: inout Scope, isTopLevel: Bool, outputTyping: OutputTyping
    ) throws(AnalysisError) -> SelectResult {
        if select.intoClause != nil { throw AnalysisError.unsupported(select, "SELECT INTO") }
        try fromClause.add(select.fromClause, to: &scope)
        scope.current = NullabilityNarrowing(catalog: context.catalog).narrow(scope.current, by: select.whereClause)
        let targets = try targetList.typed(select.targetList, in: scope, expandStars: isTopLevel)
        let names = targets.map(\.name)
        // PostgreSQL's order: target list, WHERE, HAVING, windows, ORDER BY, GROUP BY,
        // DISTINCT, LIMIT, and only then are still-untyped output columns resolved.
        if let condition = select.whereClause { _ = try expressions.condition(condition, in: scope, context: "WHERE") }
        if let having = select.havingClause { _ = try expressions.condition(having, in: scope, context: "HAVING") }
        for case .windowDef(let window) in select.windowClause { try expressions.typeWindow(window, in: scope) }
        for case .sortBy(let sort) in select.sortClause {
            guard let expression = sort.node else { continue }
            try typeGroupingOrSort(expression, clause: "ORDER BY", outputNames: names, in: scope)
        }
        for group in Self.groupingKeys(select.groupClause) {
            try typeGroupingOrSort(group, clause: "GROUP BY", outputNames: names, in: scope)
        }
        for distinct in select.distinctClause where distinct != .empty {
            try typeGroupingOrSort(distinct, clause: "SELECT DISTINCT", outputNames: names, in: scope)
        }
        try typeLimits(select, in: scope)
        var columns: [ResultColumn] = []
        var untyped: [TypedExpression?] = []
        for var target in targets {
            switch outputTyping {
            case .text:
                try context.resolve(&target.expression, to: .text)
            case .open:
                break
            case .targets(let insertTargets):
                if columns.count < insertTargets.count {
                    let destination = insertTargets[columns.count]
                    try context.resolve(
                        &target.expression, to: destination.column.type, name: destination.column.name,
                        column: destination.reference, nullable: !destination.column.isNotNull)
                }
                try context.resolve(&target.expression, to: .text)
            }
            columns.append(
                ResultColumn(
                    name: target.name, type: target.expression.type, isNullable: target.expression.isNullable,
                    source: target.expression.source, embed: target.embed))
            untyped.append(target.expression.unknownParameter == nil ? nil : target.expression)
        }
        let grouped = applyingGroupingSets(
            to: columns, targetList: select.targetList, groupClause: select.groupClause, in: scope)
        columns = Self.embedsOptionalWhereGroupingNulls(before: columns, after: grouped)
        let exactlyOne =
            select.groupClause.isEmpty && select.havingClause == nil && Self.isAggregateOnly(select.targetList)
            && Self.limitsKeepOneRow(select)
        return SelectResult(columns: columns, returnsExactlyOneRow: exactlyOne, untypedParameters: untyped)
    }

    /// A grouping set that leaves out an embedded table's columns makes them NULL in its rows:
    /// the embed is then optional.
    private static func embedsOptionalWhereGroupingNulls(before: [ResultColumn], after: [ResultColumn]) -> [ResultColumn] {
        var nulled: Set<String> = []
        for (old, new) in zip(before, after) where new.isNullable && !old.isNullable {
            if let embed = new.embed { nulled.insert(embed.name) }
        }
        guard !nulled.isEmpty else { return after }
        return after.map { column in
            var column = column
            if let name = column.embed?.name, nulled.contains(name) { column.embed?.isOptional = true }
            return column
        }
    }

    /// ORDER BY / GROUP BY / DISTINCT ON items: an output column position or name, else an
    /// expression over the FROM items. ORDER BY prefers output names, GROUP BY input columns
    /// (PostgreSQL's `findTargetlistEntrySQL92`).
    private func typeGroupingOrSort(
        _ node: PG.Node, clause: String, outputNames: [String], in scope: Scope
    ) throws(AnalysisError) {
        if case .aConst(let constant) = node, let position = constant.integerValue {
            guard position >= 1, position <= outputNames.count else {
                throw AnalysisError("\(clause) position \(position) is not in select list", at: node)
            }
            return
        }
        if case .columnRef(let reference) = node, case let fields = reference.fields.names, fields.count == 1,
            outputNames.contains(fields[0])
        {
            if clause == "ORDER BY" { return }
            if (try? scope.resolveColumn(fields, at: reference.location)) == nil { return }
        }
        // An untyped sort/group key is sorted as text (PostgreSQL's addTargetToSortList).
        var typed = try expressions.typed(node, in: scope)
        try context.resolve(&typed, to: .text)
    }

    /// ORDER BY of a set operation: only output column names and positions.
    private func checkOutputReference(_ node: PG.Node, columns: [ResultColumn]) throws(AnalysisError) {
        if case .aConst = node { return }
        if case .columnRef(let reference) = node, case let fields = reference.fields.names, fields.count == 1 {
            if columns.contains(where: { $0.name == fields[0] }) { return }
            throw AnalysisError(
                "column \"\(fields[0])\" does not exist" + Suggestion.didYouMean(fields[0], among: columns.map(\.name)),
                at: node)
        }
        throw AnalysisError("invalid UNION/INTERSECT/EXCEPT ORDER BY clause", at: node)
    }

    /// LIMIT and OFFSET: bigint, and a parameter there is named `limit`/`offset`.
    private func typeLimits(_ select: PG.SelectStmt, in scope: Scope) throws(AnalysisError) {
        for (clause, name) in [(select.limitCount, "limit"), (select.limitOffset, "offset")] {
            guard let limit = clause else { continue }
            var typed = try expressions.typed(limit, in: scope)
            try context.resolve(&typed, to: .bigint, name: name)
            if !context.coercion.isInteger(typed.type), typed.type != .numeric, !typed.isUnknownLiteral {
                throw AnalysisError(
                    "argument of \(name.uppercased()) must be type bigint, not type \(typed.type)", at: limit)
            }
        }
    }

    /// True when LIMIT/OFFSET cannot remove the single row of an aggregate-only SELECT.
    private static func limitsKeepOneRow(_ select: PG.SelectStmt) -> Bool {
        if let limit = select.limitCount {
            guard case .aConst(let constant) = limit, constant.isnull || (constant.integerValue ?? 0) >= 1 else {
                return false
            }
        }
        if let offset = select.limitOffset {
            guard case .aConst(let constant) = offset, constant.integerValue == 0 else { return false }
        }
        return true
    }

    /// A target list made only of aggregates (and constants around them): one row, always.
    static func isAggregateOnly(_ targets: [PG.Node]) -> Bool {
        var sawAggregate = false
        func check(_ node: PG.Node) -> Bool {
            switch node {
            case .columnRef: return false
            case .subLink: return true
            case .funcCall(let call):
                if call.over != nil { return false }
                let overloads = BuiltinCatalog.postgres.functions[call.funcname.names.last ?? ""] ?? []
                if overloads.contains(where: \.isAggregate) {
                    sawAggregate = true
                    return true
                }
                return node.children.allSatisfy(check)
            default:
                return node.children.allSatisfy(check)
            }
        }
        guard !targets.isEmpty else { return false }
        for target in targets {
            guard case .resTarget(let resTarget) = target, let value = resTarget.val, check(value) else { return false }
        }
        return sawAggregate
    }
}
