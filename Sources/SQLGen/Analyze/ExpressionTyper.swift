/// Expression typing: PostgreSQL's result type and nullability of every expression node,
/// and the parameter types the expression's contexts determine.
extension QueryAnalysis {
    mutating func typeExpression(_ node: ParseNode, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        switch node.kind {
        case "ColumnRef":
            let fields = node.names("fields")
            if fields.last == "*" {
                throw AnalysisError("row expansion via \"*\" is not supported here", at: node)
            }
            let column = try scope.resolveColumn(fields, at: node.location)
            return TypedExpression(type: column.type, isNullable: column.isNullable, source: column.source, columnName: column.name)
        case "ParamRef":
            let number = node.int("number")
            noteParameter(number, at: node.location)
            if let type = parameters.type(of: number) {
                var typed = TypedExpression(type: type, isNullable: parameters.isNullable(number))
                typed.parameterNumber = number
                typed.parameterLocation = node.location
                return typed
            }
            var typed = TypedExpression(type: .unknown, isNullable: false, unknownParameter: number)
            typed.parameterNumber = number
            typed.parameterLocation = node.location
            if let location = node.location { untypedOccurrences[location] = number }
            return typed
        case "A_Const":
            return try typeConstant(node)
        case "TypeCast":
            let target = try resolveTypeName(node.node("typeName") ?? node)
            guard let argument = node.node("arg") else { throw AnalysisError.unsupported(node) }
            if argument.kind == "A_ArrayExpr", argument.list("elements").isEmpty, target.isArray {
                return .known(target, nullable: false)  // ARRAY[]::int[]
            }
            var typed = try typeExpression(argument, in: scope)
            try resolve(&typed, to: target)
            return TypedExpression(type: target, isNullable: typed.isNullable)
        case "CollateClause":
            guard let argument = node.node("arg") else { throw AnalysisError.unsupported(node) }
            var typed = try typeExpression(argument, in: scope)
            try resolve(&typed, to: .text)
            return typed
        case "A_Expr":
            return try typeOperatorExpression(node, in: scope)
        case "BoolExpr":
            var nullable = false
            let keyword = ["AND_EXPR": "AND", "OR_EXPR": "OR", "NOT_EXPR": "NOT"][node.enumCase("boolop") ?? ""] ?? "AND"
            for argument in node.list("args") {
                let typed = try typeCondition(argument, in: scope, context: keyword)
                nullable = nullable || typed.isNullable
            }
            return .known(.boolean, nullable: nullable)
        case "NullTest":
            if let argument = node.node("arg") { _ = try typeExpression(argument, in: scope) }
            return .known(.boolean, nullable: false)
        case "BooleanTest":
            if let argument = node.node("arg") { _ = try typeCondition(argument, in: scope, context: "IS TRUE") }
            return .known(.boolean, nullable: false)
        case "FuncCall":
            return try typeFunctionCall(node, in: scope)
        case "SQLValueFunction":
            return try typeSQLValueFunction(node)
        case "CaseExpr":
            return try typeCase(node, in: scope)
        case "CoalesceExpr":
            var arguments: [TypedExpression] = []
            for argument in node.list("args") { arguments.append(try typeExpression(argument, in: scope)) }
            let type = try resolveCommon(&arguments, context: "COALESCE", at: node, nullableParameters: true)
            return .known(type, nullable: arguments.allSatisfy(\.isNullable))
        case "MinMaxExpr":
            var arguments: [TypedExpression] = []
            for argument in node.list("args") { arguments.append(try typeExpression(argument, in: scope)) }
            let context = node.enumCase("op") == "IS_LEAST" ? "LEAST" : "GREATEST"
            let type = try resolveCommon(&arguments, context: context, at: node)
            return .known(type, nullable: arguments.allSatisfy(\.isNullable))
        case "SubLink":
            return try typeSubLink(node, in: scope)
        case "A_ArrayExpr":
            var elements: [TypedExpression] = []
            for element in node.list("elements") { elements.append(try typeExpression(element, in: scope)) }
            guard !elements.isEmpty else { throw AnalysisError("cannot determine type of empty array", at: node) }
            let type = try resolveCommon(&elements, context: "ARRAY", at: node)
            return .known(type.array, nullable: false)
        default:
            throw AnalysisError.unsupported(node)
        }
    }

    /// An expression used as a condition (WHERE, AND, CASE WHEN …): it must be boolean, and
    /// an untyped parameter becomes boolean.
    mutating func typeCondition(_ node: ParseNode, in scope: Scope, context: String) throws(AnalysisError)
        -> TypedExpression
    {
        var typed = try typeExpression(node, in: scope)
        try resolve(&typed, to: .boolean)
        if typed.type != .boolean {
            throw AnalysisError("argument of \(context) must be type boolean, not type \(typed.type)", at: node)
        }
        return typed
    }

    private func typeConstant(_ node: ParseNode) throws(AnalysisError) -> TypedExpression {
        if node.bool("isnull") {
            return TypedExpression(type: .unknown, isNullable: true, isUnknownLiteral: true)
        }
        if node.fields["ival"] != nil { return .known(.integer, nullable: false) }
        if let float = node.node("fval")?.string("fval") {
            // PostgreSQL's lexer turns integers that overflow int4 into "float" tokens.
            if float.allSatisfy(\.isNumber) { return .known(Int64(float) != nil ? .bigint : .numeric, nullable: false) }
            return .known(.numeric, nullable: false)
        }
        if node.fields["boolval"] != nil { return .known(.boolean, nullable: false) }
        if node.fields["sval"] != nil {
            return TypedExpression(type: .unknown, isNullable: false, isUnknownLiteral: true)
        }
        throw AnalysisError.unsupported(node, "constant")
    }

    private func typeSQLValueFunction(_ node: ParseNode) throws(AnalysisError) -> TypedExpression {
        switch node.enumCase("op") ?? "SVFOP_CURRENT_DATE" {
        case "SVFOP_CURRENT_DATE": return .known(.date, nullable: false)
        case "SVFOP_CURRENT_TIME", "SVFOP_CURRENT_TIME_N": return .known(.timetz, nullable: false)
        case "SVFOP_CURRENT_TIMESTAMP", "SVFOP_CURRENT_TIMESTAMP_N": return .known(.timestamptz, nullable: false)
        case "SVFOP_LOCALTIME", "SVFOP_LOCALTIME_N": return .known(.time, nullable: false)
        case "SVFOP_LOCALTIMESTAMP", "SVFOP_LOCALTIMESTAMP_N": return .known(.timestamp, nullable: false)
        case "SVFOP_CURRENT_ROLE", "SVFOP_CURRENT_USER", "SVFOP_USER", "SVFOP_SESSION_USER", "SVFOP_CURRENT_CATALOG",
            "SVFOP_CURRENT_SCHEMA":
            return .known(SQLType(name: "name"), nullable: false)
        default: throw AnalysisError.unsupported(node)
        }
    }

    /// PostgreSQL's UNION/CASE resolution over `expressions`, resolving untyped parameters
    /// and literals to the result. `nullableParameters` marks parameters as optional (COALESCE).
    mutating func resolveCommon(
        _ expressions: inout [TypedExpression], context: String, at node: ParseNode, nullableParameters: Bool = false
    ) throws(AnalysisError) -> SQLType {
        let type: SQLType
        switch OperatorResolution.commonType(expressions.map(\.type)) {
        case .success(let common): type = common
        case .failure(let mismatch):
            throw AnalysisError("\(context) types \(mismatch.first) and \(mismatch.second) cannot be matched", at: node)
        }
        // A parameter next to a column is named after it (`COALESCE(@x, full_name)`).
        let namingColumn = expressions.first { $0.source != nil }
        for index in expressions.indices where expressions[index].isUnknown || expressions[index].parameterNumber != nil {
            try resolve(
                &expressions[index], to: type, name: namingColumn?.columnName, column: namingColumn?.source,
                nullable: nullableParameters && expressions[index].parameterNumber != nil)
        }
        return type
    }

    private mutating func typeCase(_ node: ParseNode, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        var subject: TypedExpression?
        if let argument = node.node("arg") { subject = try typeExpression(argument, in: scope) }
        var results: [TypedExpression] = []
        for clause in node.list("args") {
            guard let condition = clause.node("expr"), let result = clause.node("result") else {
                throw AnalysisError.unsupported(clause)
            }
            if var subjectValue = subject {
                var value = try typeExpression(condition, in: scope)
                try compare(&subjectValue, &value, operator: "=", at: clause)
                subject = subjectValue
            } else {
                _ = try typeCondition(condition, in: scope, context: "CASE/WHEN")
            }
            results.append(try typeExpression(result, in: scope))
        }
        let hasElse = node.node("defresult") != nil
        // PostgreSQL puts ELSE first when resolving the common type (it matters for
        // varchar vs text: the first of two mutually castable types wins).
        if let elseNode = node.node("defresult") { results.insert(try typeExpression(elseNode, in: scope), at: 0) }
        let type = try resolveCommon(&results, context: "CASE", at: node)
        return .known(type, nullable: !hasElse || results.contains(where: \.isNullable))
    }

    private mutating func typeSubLink(_ node: ParseNode, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        guard let subselect = node.node("subselect") else { throw AnalysisError.unsupported(node) }
        let kind = node.enumCase("subLinkType") ?? "EXISTS_SUBLINK"
        let result = try analyzeSelect(subselect, in: scope, isTopLevel: false)
        switch kind {
        case "EXISTS_SUBLINK":
            return .known(.boolean, nullable: false)
        case "EXPR_SUBLINK", "ARRAY_SUBLINK":
            guard result.columns.count == 1, let column = result.columns.first else {
                throw AnalysisError("subquery must return only one column", at: node)
            }
            if kind == "ARRAY_SUBLINK" { return .known(column.type.array, nullable: false) }
            // Zero rows give NULL, unless the subquery provably yields one row.
            return .known(column.type, nullable: column.isNullable || !result.returnsExactlyOneRow)
        case "ANY_SUBLINK", "ALL_SUBLINK":
            guard let test = node.node("testexpr") else { throw AnalysisError.unsupported(node) }
            let op = node.names("operName").last ?? "="
            if test.kind == "RowExpr" {
                // (a, b) IN (SELECT x, y …): field by field.
                let fields = test.list("args")
                guard fields.count == result.columns.count else {
                    throw AnalysisError(
                        fields.count < result.columns.count ? "subquery has too many columns" : "subquery has too few columns",
                        at: node)
                }
                var nullable = false
                for (field, column) in zip(fields, result.columns) {
                    var left = try typeExpression(field, in: scope)
                    var right = TypedExpression(type: column.type, isNullable: column.isNullable, source: column.source)
                    try compare(&left, &right, operator: op, at: node)
                    nullable = nullable || left.isNullable || right.isNullable
                }
                return .known(.boolean, nullable: nullable)
            }
            guard result.columns.count == 1, let column = result.columns.first else {
                throw AnalysisError("subquery has too many columns", at: node)
            }
            var left = try typeExpression(test, in: scope)
            var right = TypedExpression(type: column.type, isNullable: column.isNullable, source: column.source)
            try compare(&left, &right, operator: op, at: node)
            return .known(.boolean, nullable: left.isNullable || right.isNullable)
        default:
            throw AnalysisError.unsupported(node, kind)
        }
    }

    /// A comparison `left op right`: an untyped side takes the other side's type (varchar as
    /// text, the way PostgreSQL resolves `varchar = unknown`) and is named after its column.
    mutating func compare(
        _ left: inout TypedExpression, _ right: inout TypedExpression, operator op: String, at node: ParseNode
    ) throws(AnalysisError) {
        switch (left.isUnknown, right.isUnknown) {
        case (true, true):
            try resolve(&left, to: .text)
            try resolve(&right, to: .text)
        case (true, false):
            try resolve(
                &left, to: OperatorResolution.comparisonType(for: right.type), name: right.columnName, column: right.source)
        case (false, true):
            try resolve(
                &right, to: OperatorResolution.comparisonType(for: left.type), name: left.columnName, column: left.source)
        case (false, false):
            // Typed parameters still learn a name from the column they meet.
            if left.parameterNumber != nil {
                try resolve(&left, to: left.type, name: right.columnName, column: right.source)
            }
            if right.parameterNumber != nil {
                try resolve(&right, to: right.type, name: left.columnName, column: left.source)
            }
            guard OperatorResolution.comparable(left.type, right.type) else {
                throw AnalysisError("operator does not exist: \(left.type) \(op) \(right.type)", at: node)
            }
        }
    }
}
