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

extension QueryAnalysis {
    mutating func analyzeSelect(
        _ node: ParseNode, in outer: Scope, isTopLevel: Bool, outputTyping: OutputTyping = .text
    ) throws(AnalysisError) -> SelectResult {
        var scope = outer.pushing()
        if let with = node.node("withClause") {
            try addCommonTables(with, to: &scope, isTopLevel: isTopLevel)
        }
        let setOperation = node.enumCase("op") ?? "SETOP_NONE"
        var result: SelectResult
        if setOperation != "SETOP_NONE" {
            result = try analyzeSetOperation(node, setOperation, in: scope, isTopLevel: isTopLevel, outputTyping: outputTyping)
        } else if !node.list("valuesLists").isEmpty {
            result = try analyzeValues(node, in: scope)
        } else {
            result = try analyzeSimpleSelect(node, scope: &scope, isTopLevel: isTopLevel, outputTyping: outputTyping)
        }
        // ORDER BY of a set operation or VALUES sees only the output columns.
        if setOperation != "SETOP_NONE" || !node.list("valuesLists").isEmpty {
            for sort in node.list("sortClause") {
                guard let expression = sort.node("node") else { continue }
                try checkOutputReference(expression, columns: result.columns)
            }
        }
        if setOperation != "SETOP_NONE" || !node.list("valuesLists").isEmpty {
            try typeLimits(node, in: scope)
        }
        return result
    }

    /// WITH: each CTE is analyzed in order and sees the ones before it (and, for WITH
    /// RECURSIVE, itself through its non-recursive arm).
    mutating func addCommonTables(_ with: ParseNode, to scope: inout Scope, isTopLevel: Bool) throws(AnalysisError) {
        let isRecursive = with.bool("recursive")
        for cte in with.list("ctes") {
            guard let name = cte.string("ctename"), let body = cte.node("ctequery") else {
                throw AnalysisError.unsupported(cte)
            }
            if scope.current.commonTables[name] != nil {
                throw AnalysisError("WITH query name \"\(name)\" specified more than once", at: cte)
            }
            let aliases = cte.names("aliascolnames")
            func named(_ columns: [ResultColumn]) -> [ResultColumn] {
                var result = columns
                for (index, alias) in aliases.enumerated() where index < result.count { result[index].name = alias }
                return result
            }
            if isRecursive, body.enumCase("op") == "SETOP_UNION", let base = body.node("larg") {
                let seed = try analyzeStatement(base, in: scope, isTopLevel: false)
                scope.current.commonTables[name] = CommonTable(name: name, columns: named(seed.columns))
            }
            let shape = try analyzeStatement(body, in: scope, isTopLevel: false)
            if !shape.hasReturning {
                throw AnalysisError("WITH query \"\(name)\" does not have a RETURNING clause", at: cte)
            }
            if aliases.count > shape.columns.count {
                throw AnalysisError(
                    "WITH query \"\(name)\" has \(shape.columns.count) columns available but \(aliases.count) columns specified",
                    at: cte)
            }
            scope.current.commonTables[name] = CommonTable(name: name, columns: named(shape.columns))
        }
    }

    private mutating func analyzeSimpleSelect(
        _ node: ParseNode, scope: inout Scope, isTopLevel: Bool, outputTyping: OutputTyping
    ) throws(AnalysisError) -> SelectResult {
        if node.node("intoClause") != nil { throw AnalysisError.unsupported(node, "SELECT INTO") }
        for item in node.list("fromClause") {
            let visible = try addFromItem(item, to: &scope)
            scope.current.visible += visible
        }
        scope.current = narrowNullability(of: scope.current, by: node.node("whereClause"))
        let targets = try typeTargetList(node.list("targetList"), in: scope, expandStars: isTopLevel)
        let names = targets.map(\.name)
        // PostgreSQL's order: target list, WHERE, HAVING, windows, ORDER BY, GROUP BY,
        // DISTINCT, LIMIT, and only then are still-untyped output columns resolved.
        if let condition = node.node("whereClause") { _ = try typeCondition(condition, in: scope, context: "WHERE") }
        if let having = node.node("havingClause") { _ = try typeCondition(having, in: scope, context: "HAVING") }
        for window in node.list("windowClause") {
            for partition in window.list("partitionClause") { _ = try typeExpression(partition, in: scope) }
            for sort in window.list("orderClause") {
                if let expression = sort.node("node") { _ = try typeExpression(expression, in: scope) }
            }
        }
        for sort in node.list("sortClause") {
            guard let expression = sort.node("node") else { continue }
            try typeGroupingOrSort(expression, clause: "ORDER BY", outputNames: names, in: scope)
        }
        for group in node.list("groupClause") {
            try typeGroupingOrSort(group, clause: "GROUP BY", outputNames: names, in: scope)
        }
        for distinct in node.list("distinctClause") where !distinct.kind.isEmpty {
            try typeGroupingOrSort(distinct, clause: "SELECT DISTINCT", outputNames: names, in: scope)
        }
        try typeLimits(node, in: scope)
        var columns: [ResultColumn] = []
        var untyped: [TypedExpression?] = []
        for var target in targets {
            switch outputTyping {
            case .text:
                try resolve(&target.expression, to: .text)
            case .open:
                break
            case .targets(let insertTargets):
                if columns.count < insertTargets.count {
                    let destination = insertTargets[columns.count]
                    try resolve(
                        &target.expression, to: destination.column.type, name: destination.column.name,
                        column: destination.reference, nullable: !destination.column.isNotNull)
                }
                try resolve(&target.expression, to: .text)
            }
            columns.append(
                ResultColumn(
                    name: target.name, type: target.expression.type, isNullable: target.expression.isNullable,
                    source: target.expression.source))
            untyped.append(target.expression.unknownParameter == nil ? nil : target.expression)
        }
        let exactlyOne =
            node.list("groupClause").isEmpty && node.node("havingClause") == nil
            && isAggregateOnly(node.list("targetList")) && limitsKeepOneRow(node)
        return SelectResult(columns: columns, returnsExactlyOneRow: exactlyOne, untypedParameters: untyped)
    }

    /// A typed target-list entry with its output name.
    struct TypedTarget {
        var name: String
        var expression: TypedExpression
    }

    /// Types a SELECT list or RETURNING list, expanding `*` and `t.*` into columns (and, at
    /// the top level, into the SQL text).
    mutating func typeTargetList(_ targets: [ParseNode], in scope: Scope, expandStars: Bool) throws(AnalysisError)
        -> [TypedTarget]
    {
        var result: [TypedTarget] = []
        let level = scope.current
        for target in targets {
            guard let value = target.node("val") else { throw AnalysisError.unsupported(target) }
            if value.kind == "ColumnRef", value.names("fields").last == "*" {
                let fields = value.names("fields")
                var expanded: [(qualifier: String?, column: ResultColumn)] = []
                if fields.count == 1 {
                    guard !level.items.isEmpty else {
                        throw AnalysisError("SELECT * with no tables specified is not valid", at: value)
                    }
                    let qualify = level.items.count > 1
                    expanded = level.visible.map { (qualify ? level.qualifier($0) : nil, level.column($0)) }
                } else {
                    let tableName = fields[fields.count - 2]
                    let schema = fields.count > 2 ? fields[fields.count - 3] : nil
                    guard let item = scope.fromItem(tableName, schema: schema) else {
                        throw scope.missingFromItem(tableName, at: value.location)
                    }
                    expanded = item.columns.map { (item.name, $0) }
                }
                if expandStars {
                    recordStarExpansion(value, columns: expanded.map { ($0.qualifier, $0.column.name) })
                }
                for entry in expanded {
                    result.append(
                        TypedTarget(
                            name: entry.column.name,
                            expression: TypedExpression(
                                type: entry.column.type, isNullable: entry.column.isNullable, source: entry.column.source)))
                }
                continue
            }
            let expression = try typeExpression(value, in: scope)
            result.append(TypedTarget(name: target.string("name") ?? OutputName.figure(value), expression: expression))
        }
        return result
    }

    /// ORDER BY / GROUP BY / DISTINCT ON items: an output column position or name, else an
    /// expression over the FROM items. ORDER BY prefers output names, GROUP BY input columns
    /// (PostgreSQL's `findTargetlistEntrySQL92`).
    private mutating func typeGroupingOrSort(
        _ node: ParseNode, clause: String, outputNames: [String], in scope: Scope
    ) throws(AnalysisError) {
        if node.kind == "A_Const", node.fields["ival"] != nil {
            let position = node.node("ival")?.int("ival") ?? 0
            guard position >= 1, position <= outputNames.count else {
                throw AnalysisError("\(clause) position \(position) is not in select list", at: node)
            }
            return
        }
        if node.kind == "ColumnRef", case let fields = node.names("fields"), fields.count == 1,
            outputNames.contains(fields[0])
        {
            if clause == "ORDER BY" { return }
            if (try? scope.resolveColumn(fields, at: node.location)) == nil { return }
        }
        // An untyped sort/group key is sorted as text (PostgreSQL's addTargetToSortList).
        var typed = try typeExpression(node, in: scope)
        try resolve(&typed, to: .text)
    }

    /// ORDER BY of a set operation: only output column names and positions.
    private func checkOutputReference(_ node: ParseNode, columns: [ResultColumn]) throws(AnalysisError) {
        if node.kind == "A_Const" { return }
        if node.kind == "ColumnRef", case let fields = node.names("fields"), fields.count == 1 {
            if columns.contains(where: { $0.name == fields[0] }) { return }
            throw AnalysisError(
                "column \"\(fields[0])\" does not exist" + Suggestion.didYouMean(fields[0], among: columns.map(\.name)),
                at: node)
        }
        throw AnalysisError("invalid UNION/INTERSECT/EXCEPT ORDER BY clause", at: node)
    }

    /// LIMIT and OFFSET: bigint, and a parameter there is named `limit`/`offset`.
    private mutating func typeLimits(_ node: ParseNode, in scope: Scope) throws(AnalysisError) {
        for (field, name) in [("limitCount", "limit"), ("limitOffset", "offset")] {
            guard let limit = node.node(field) else { continue }
            var typed = try typeExpression(limit, in: scope)
            try resolve(&typed, to: .bigint, name: name)
            if !OperatorResolution.isInteger(typed.type), typed.type != .numeric, !typed.isUnknownLiteral {
                throw AnalysisError(
                    "argument of \(name.uppercased()) must be type bigint, not type \(typed.type)", at: limit)
            }
        }
    }

    /// True when LIMIT/OFFSET cannot remove the single row of an aggregate-only SELECT.
    private func limitsKeepOneRow(_ node: ParseNode) -> Bool {
        if let limit = node.node("limitCount") {
            let isNullConstant = limit.kind == "A_Const" && limit.bool("isnull")
            let isPositiveConstant = limit.kind == "A_Const" && (limit.node("ival")?.int("ival") ?? 0) >= 1
            if !(isNullConstant || isPositiveConstant) { return false }
        }
        if let offset = node.node("limitOffset") {
            let isZero = offset.kind == "A_Const" && offset.fields["ival"] != nil && offset.node("ival")?.int("ival") == 0
            if !isZero { return false }
        }
        return true
    }

    /// A target list made only of aggregates (and constants around them): one row, always.
    private func isAggregateOnly(_ targets: [ParseNode]) -> Bool {
        var sawAggregate = false
        func check(_ value: ParseValue) -> Bool {
            switch value {
            case .list(let values): return values.allSatisfy(check)
            case .object:
                guard let node = value.node else { return true }
                switch node.kind {
                case "ColumnRef": return false
                case "SubLink": return true
                case "FuncCall":
                    let name = node.names("funcname").last ?? ""
                    if FunctionSignatures.isAggregate(name), node.node("over") == nil {
                        sawAggregate = true
                        return true
                    }
                    if node.node("over") != nil { return false }
                    return node.fields.values.allSatisfy(check)
                default:
                    return node.fields.values.allSatisfy(check)
                }
            default: return true
            }
        }
        guard !targets.isEmpty else { return false }
        for target in targets {
            guard let value = target.node("val") else { return false }
            if !check(.object([value.kind: .object(value.fields)])) { return false }
        }
        return sawAggregate
    }

    private mutating func analyzeSetOperation(
        _ node: ParseNode, _ operation: String, in scope: Scope, isTopLevel: Bool, outputTyping: OutputTyping
    ) throws(AnalysisError) -> SelectResult {
        guard let leftNode = node.node("larg"), let rightNode = node.node("rarg") else {
            throw AnalysisError.unsupported(node)
        }
        let left = try analyzeSelect(leftNode, in: scope, isTopLevel: isTopLevel, outputTyping: .open)
        let right = try analyzeSelect(rightNode, in: scope, isTopLevel: isTopLevel, outputTyping: .open)
        let keyword = String(operation.dropFirst("SETOP_".count))
        guard left.columns.count == right.columns.count else {
            let location = rightNode.list("targetList").first?.location ?? node.location
            throw AnalysisError("each \(keyword) query must have the same number of columns", at: location)
        }
        // UNION rows come from either side; INTERSECT rows are on both sides (NULLs match);
        // EXCEPT rows come from the left.
        func nullable(_ left: Bool, _ right: Bool) -> Bool {
            switch operation {
            case "SETOP_INTERSECT": return left && right
            case "SETOP_EXCEPT": return left
            default: return left || right
            }
        }
        var columns: [ResultColumn] = []
        for index in left.columns.indices {
            let l = left.columns[index]
            let r = right.columns[index]
            let type: SQLType
            switch OperatorResolution.commonType([l.type, r.type]) {
            case .success(let common): type = common
            case .failure(let mismatch):
                throw AnalysisError(
                    "\(keyword) types \(mismatch.first) and \(mismatch.second) cannot be matched",
                    at: rightNode.list("targetList").dropFirst(index).first?.location ?? node.location)
            }
            // The arms' untyped parameters take the common type (all-untyped columns become
            // text right here, even inside INSERT or another set operation, as in PostgreSQL).
            for var parameter in [left.untypedParameters[index], right.untypedParameters[index]].compactMap({ $0 }) {
                try resolve(&parameter, to: type)
            }
            columns.append(
                ResultColumn(
                    name: l.name, type: type, isNullable: nullable(l.isNullable, r.isNullable),
                    source: l.source == r.source ? l.source : nil))
        }
        return SelectResult(
            columns: columns, returnsExactlyOneRow: false, untypedParameters: columns.map { _ in nil })
    }

    /// `VALUES (…), (…)`: columns `column1…`, typed by the common type of each position.
    private mutating func analyzeValues(_ node: ParseNode, in scope: Scope)
        throws(AnalysisError) -> SelectResult
    {
        var rows: [[TypedExpression]] = []
        for row in node.list("valuesLists") {
            var typedRow: [TypedExpression] = []
            for item in row.list("items") { typedRow.append(try typeExpression(item, in: scope)) }
            if let first = rows.first, first.count != typedRow.count {
                throw AnalysisError("VALUES lists must all be the same length", at: row.list("items").first ?? row)
            }
            rows.append(typedRow)
        }
        var columns: [ResultColumn] = []
        for index in rows[0].indices {
            var values = rows.map { $0[index] }
            let type = try resolveCommon(&values, context: "VALUES", at: node)
            columns.append(ResultColumn(name: "column\(index + 1)", type: type, isNullable: values.contains(where: \.isNullable)))
        }
        return SelectResult(
            columns: columns, returnsExactlyOneRow: rows.count == 1, untypedParameters: columns.map { _ in nil })
    }
}
