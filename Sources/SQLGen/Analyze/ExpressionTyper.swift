/// Expression typing: PostgreSQL's result type and nullability of every expression node, and
/// the parameter types the expression's contexts determine. Operators are in
/// `ExpressionTyper+Operators.swift`, function calls in `ExpressionTyper+Functions.swift`.
struct ExpressionTyper: AnalysisPass {
    let context: AnalysisContext

    func typed(_ node: PG.Node, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        switch node {
        case .columnRef(let reference):
            let fields = reference.fields.names
            if fields.last == "*" {
                // `count(t.*)`, `row_to_json(t.*)`: the whole row.
                guard fields.count >= 2, let item = scope.fromItem(fields[fields.count - 2], schema: fields.count == 3 ? fields[0] : nil)
                else { throw AnalysisError("row expansion via \"*\" is not supported here", at: reference.location) }
                let row = item.wholeRow
                return TypedExpression(type: row.type, isNullable: row.isNullable)
            }
            let column = try scope.resolveColumn(fields, at: reference.location)
            return TypedExpression(type: column.type, isNullable: column.isNullable, source: column.source, columnName: column.name)
        case .paramRef(let parameter):
            return typeParameter(parameter)
        case .aConst(let constant):
            return try typeConstant(constant)
        case .typeCast(let cast):
            guard let typeName = cast.typeName, let argument = cast.arg else { throw AnalysisError.unsupported(node) }
            let target = try context.resolveTypeName(typeName)
            if case .aArrayExpr(let array) = argument, array.elements.isEmpty, target.isArray {
                return .known(target, nullable: false)  // ARRAY[]::int[]
            }
            if case .rowExpr(let row) = argument, context.compositeTable(target) != nil {
                return try typedRow(row, as: target, in: scope)  // ROW($1, $2)::pair
            }
            var typed = try typed(argument, in: scope)
            try context.resolve(&typed, to: target)
            return TypedExpression(type: target, isNullable: typed.isNullable)
        case .collateClause(let collate):
            guard let argument = collate.arg else { throw AnalysisError.unsupported(node) }
            var typed = try typed(argument, in: scope)
            try context.resolve(&typed, to: .text)
            return typed
        case .aExpr(let expression):
            return try typeOperatorExpression(expression, in: scope)
        case .boolExpr(let expression):
            var nullable = false
            let keyword: String
            switch expression.boolop {
            case .andExpr: keyword = "AND"
            case .orExpr: keyword = "OR"
            case .notExpr: keyword = "NOT"
            }
            for argument in expression.args {
                let typed = try condition(argument, in: scope, context: keyword)
                nullable = nullable || typed.isNullable
            }
            return .known(.boolean, nullable: nullable)
        case .nullTest(let test):
            if let argument = test.arg { _ = try typed(argument, in: scope) }
            return .known(.boolean, nullable: false)
        case .booleanTest(let test):
            if let argument = test.arg { _ = try condition(argument, in: scope, context: "IS TRUE") }
            return .known(.boolean, nullable: false)
        case .funcCall(let call):
            return try typeFunctionCall(call, in: scope)
        case .sqlvalueFunction(let function):
            return try typeSQLValueFunction(function)
        case .caseExpr(let expression):
            return try typeCase(expression, in: scope)
        case .coalesceExpr(let expression):
            var arguments = try expression.args.map { argument throws(AnalysisError) in try typed(argument, in: scope) }
            let type = try resolveCommon(&arguments, context: "COALESCE", at: node, nullableParameters: true)
            return .known(type, nullable: arguments.allSatisfy(\.isNullable))
        case .minMaxExpr(let expression):
            var arguments = try expression.args.map { argument throws(AnalysisError) in try typed(argument, in: scope) }
            let type = try resolveCommon(&arguments, context: expression.op == .least ? "LEAST" : "GREATEST", at: node)
            return .known(type, nullable: arguments.allSatisfy(\.isNullable))
        case .subLink(let subLink):
            return try typeSubLink(subLink, in: scope)
        case .groupingFunc(let function):
            // GROUPING(a, b): a bit mask of which arguments the row's grouping set leaves out.
            for argument in function.args { _ = try typed(argument, in: scope) }
            return .known(.integer, nullable: false)
        case .aIndirection(let indirection):
            return try typeIndirection(indirection, in: scope)
        case .rowExpr(let row):
            // ROW(a, b) is an anonymous record, never NULL itself; its untyped parameters stay
            // untyped unless a cast or a column of a composite type gives them types.
            for argument in row.args { _ = try typed(argument, in: scope) }
            return .known(TypeCoercion.record, nullable: false)
        case .aArrayExpr(let array):
            var elements = try array.elements.map { element throws(AnalysisError) in try typed(element, in: scope) }
            guard !elements.isEmpty else { throw AnalysisError("cannot determine type of empty array", at: node) }
            let type = try resolveCommon(&elements, context: "ARRAY", at: node)
            return .known(type.array, nullable: false)
        default:
            throw AnalysisError.unsupported(node)
        }
    }

    /// `ROW(x, y)` stored as, or cast to, a composite type: each field takes its attribute's type.
    func typedRow(_ row: PG.RowExpr, as composite: SQLType, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        guard let table = context.compositeTable(composite) else { throw AnalysisError.unsupported(row) }
        guard row.args.count == table.columns.count else {
            let detail = row.args.count < table.columns.count ? "too few" : "too many"
            throw AnalysisError("cannot cast type record to \(composite): input has \(detail) columns", at: row.asNode)
        }
        for (argument, attribute) in zip(row.args, table.columns) {
            var field = try typed(argument, in: scope)
            try context.resolve(&field, to: attribute.type, name: attribute.name)
            guard context.coercion.castsInAssignment(field.type, to: attribute.type) else {
                throw AnalysisError(
                    "cannot cast type \(field.type) to \(attribute.type) in column \"\(attribute.name)\"", at: argument)
            }
        }
        return .known(composite, nullable: false)
    }

    /// An expression used as a condition (WHERE, AND, CASE WHEN …): it must be boolean, and
    /// an untyped parameter becomes boolean.
    func condition(_ node: PG.Node, in scope: Scope, context clause: String) throws(AnalysisError) -> TypedExpression {
        var typed = try typed(node, in: scope)
        try context.resolve(&typed, to: .boolean)
        if typed.type != .boolean {
            throw AnalysisError("argument of \(clause) must be type boolean, not type \(typed.type)", at: node)
        }
        return typed
    }

    /// `$n`: its type once a context fixed it, else open for the context to decide.
    private func typeParameter(_ parameter: PG.ParamRef) -> TypedExpression {
        let number = parameter.number
        context.noteParameter(number, at: parameter.location)
        var typed: TypedExpression
        if let type = context.parameters.type(of: number) {
            typed = TypedExpression(type: type, isNullable: context.parameters.isNullable(number))
        } else {
            typed = TypedExpression(type: .unknown, isNullable: false, unknownParameter: number)
            if let location = parameter.location { context.untypedOccurrences[location] = number }
        }
        typed.parameterNumber = number
        typed.parameterLocation = parameter.location
        return typed
    }

    private func typeConstant(_ constant: PG.A_Const) throws(AnalysisError) -> TypedExpression {
        if constant.isnull {
            return TypedExpression(type: .unknown, isNullable: true, isUnknownLiteral: true)
        }
        if constant.ival != nil { return .known(.integer, nullable: false) }
        if let float = constant.fval?.fval {
            // PostgreSQL's lexer turns integers that overflow int4 into "float" tokens.
            if float.allSatisfy(\.isNumber) { return .known(Int64(float) != nil ? .bigint : .numeric, nullable: false) }
            return .known(.numeric, nullable: false)
        }
        if constant.boolval != nil { return .known(.boolean, nullable: false) }
        // B'0110' and X'1F' are bit strings (PostgreSQL's make_const: BITOID).
        if constant.bsval != nil { return .known(SQLType(name: "bit"), nullable: false) }
        if constant.sval != nil {
            return TypedExpression(type: .unknown, isNullable: false, isUnknownLiteral: true)
        }
        throw AnalysisError.unsupported(constant, "constant")
    }

    private func typeSQLValueFunction(_ function: PG.SQLValueFunction) throws(AnalysisError) -> TypedExpression {
        switch function.op {
        case .currentDate: return .known(.date, nullable: false)
        case .currentTime, .currentTimeN: return .known(.timetz, nullable: false)
        case .currentTimestamp, .currentTimestampN: return .known(.timestamptz, nullable: false)
        case .localtime, .localtimeN: return .known(.time, nullable: false)
        case .localtimestamp, .localtimestampN: return .known(.timestamp, nullable: false)
        case .currentRole, .currentUser, .user, .sessionUser, .currentCatalog, .currentSchema:
            return .known(SQLType(name: "name"), nullable: false)
        }
    }

    /// PostgreSQL's UNION/CASE resolution over `expressions`, resolving untyped parameters
    /// and literals to the result. `nullableParameters` marks parameters as optional (COALESCE).
    func resolveCommon(
        _ expressions: inout [TypedExpression], context clause: String, at node: PG.Node, nullableParameters: Bool = false
    ) throws(AnalysisError) -> SQLType {
        let type: SQLType
        switch context.coercion.commonType(expressions.map(\.type)) {
        case .success(let common): type = common
        case .failure(let mismatch):
            throw AnalysisError("\(clause) types \(mismatch.first) and \(mismatch.second) cannot be matched", at: node)
        }
        // A parameter next to a column is named after it (`COALESCE(@x, full_name)`).
        let namingColumn = expressions.first { $0.source != nil }
        for index in expressions.indices where expressions[index].isUnknown || expressions[index].parameterNumber != nil {
            try context.resolve(
                &expressions[index], to: type, name: namingColumn?.columnName, column: namingColumn?.source,
                nullable: nullableParameters && expressions[index].parameterNumber != nil)
        }
        return type
    }

    private func typeCase(_ expression: PG.CaseExpr, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        var subject: TypedExpression?
        if let argument = expression.arg { subject = try typed(argument, in: scope) }
        var results: [TypedExpression] = []
        for clause in expression.args {
            guard case .caseWhen(let when) = clause, let test = when.expr, let result = when.result else {
                throw AnalysisError.unsupported(clause)
            }
            if var subjectValue = subject {
                var value = try typed(test, in: scope)
                try compare(&subjectValue, &value, operator: "=", at: clause)
                subject = subjectValue
            } else {
                _ = try condition(test, in: scope, context: "CASE/WHEN")
            }
            results.append(try typed(result, in: scope))
        }
        // PostgreSQL puts ELSE first when resolving the common type (it matters for
        // varchar vs text: the first of two mutually castable types wins).
        if let elseNode = expression.defresult { results.insert(try typed(elseNode, in: scope), at: 0) }
        let type = try resolveCommon(&results, context: "CASE", at: expression.asNode)
        return .known(type, nullable: expression.defresult == nil || results.contains(where: \.isNullable))
    }

    private func typeSubLink(_ subLink: PG.SubLink, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        guard let subselect = subLink.subselect else { throw AnalysisError.unsupported(subLink) }
        let result = try selects.analyze(subselect, in: scope)
        switch subLink.subLinkType {
        case .existsSublink:
            return .known(.boolean, nullable: false)
        case .exprSublink, .arraySublink:
            guard result.columns.count == 1, let column = result.columns.first else {
                throw AnalysisError("subquery must return only one column", at: subLink.location)
            }
            if subLink.subLinkType == .arraySublink { return .known(column.type.array, nullable: false) }
            // Zero rows give NULL, unless the subquery provably yields one row.
            return .known(column.type, nullable: column.isNullable || !result.returnsExactlyOneRow)
        case .anySublink, .allSublink:
            guard let test = subLink.testexpr else { throw AnalysisError.unsupported(subLink) }
            let op = subLink.operName.names.last ?? "="
            let at = subLink.asNode
            if case .rowExpr(let row) = test {
                // (a, b) IN (SELECT x, y …): field by field.
                let fields = row.args
                guard fields.count == result.columns.count else {
                    throw AnalysisError(
                        fields.count < result.columns.count ? "subquery has too many columns" : "subquery has too few columns",
                        at: subLink.location)
                }
                var nullable = false
                for (field, column) in zip(fields, result.columns) {
                    var left = try typed(field, in: scope)
                    var right = TypedExpression(type: column.type, isNullable: column.isNullable, source: column.source)
                    try compare(&left, &right, operator: op, at: at)
                    nullable = nullable || left.isNullable || right.isNullable
                }
                return .known(.boolean, nullable: nullable)
            }
            guard result.columns.count == 1, let column = result.columns.first else {
                throw AnalysisError("subquery has too many columns", at: subLink.location)
            }
            var left = try typed(test, in: scope)
            var right = TypedExpression(type: column.type, isNullable: column.isNullable, source: column.source)
            try compare(&left, &right, operator: op, at: at)
            return .known(.boolean, nullable: left.isNullable || right.isNullable)
        default:
            throw AnalysisError.unsupported(subLink, subLink.subLinkType.rawValue)
        }
    }
}
