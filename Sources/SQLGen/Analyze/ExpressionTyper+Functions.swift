/// Typing of function calls against `FunctionSignatures`.
extension ExpressionTyper {
    func typeFunctionCall(_ call: PG.FuncCall, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        var names = call.funcname.names
        let displayName = names.joined(separator: ".")
        if names.first == "pg_catalog", names.count > 1 { names.removeFirst() }
        let name = names.joined(separator: ".")
        if let over = call.over {
            for partition in over.partitionClause { _ = try typed(partition, in: scope) }
            try typeSortKeys(over.orderClause, in: scope)
        }
        if let filter = call.aggFilter { _ = try condition(filter, in: scope, context: "FILTER") }
        if call.aggWithinGroup { return try typeOrderedSetAggregate(call, named: name, in: scope) }
        try typeSortKeys(call.aggOrder, in: scope)
        if call.aggStar {
            guard name == "count" else {
                throw AnalysisError("\(name)(*) specified, but \(name) is not an aggregate function", at: call.location)
            }
            return .known(.bigint, nullable: false)
        }
        if call.funcVariadic { throw AnalysisError.unsupported(call, "VARIADIC call") }
        var arguments: [TypedExpression] = []
        for argument in call.args { arguments.append(try typed(argument, in: scope)) }
        guard let resolution = FunctionSignatures.resolve(name, arguments, isWindow: call.over != nil) else {
            throw AnalysisError(FunctionSignatures.failureMessage(displayName, name, arguments), at: call.location)
        }
        for index in arguments.indices where index < resolution.argumentTypes.count {
            if arguments[index].isUnknown, let type = resolution.argumentTypes[index] {
                try context.resolve(&arguments[index], to: type)
            }
        }
        let nullable: Bool
        switch resolution.nullability {
        case .never: nullable = false
        case .always: nullable = true
        case .strict: nullable = arguments.contains(where: \.isNullable)
        }
        return .known(resolution.result, nullable: nullable)
    }

    /// The expressions of `ORDER BY` items (`SortBy` nodes) in a window or an aggregate call.
    func typeSortKeys(_ sortClause: [PG.Node], in scope: Scope) throws(AnalysisError) {
        for case .sortBy(let sort) in sortClause {
            if let expression = sort.node { _ = try typed(expression, in: scope) }
        }
    }

    /// `percentile_cont(0.9) WITHIN GROUP (ORDER BY x)`, `percentile_disc`, `mode()`: the
    /// ordered-set aggregates. The fraction is `double precision` (or an array of them, for
    /// several percentiles at once); the result follows the sorted value's type, and is NULL
    /// over no rows.
    func typeOrderedSetAggregate(_ call: PG.FuncCall, named name: String, in scope: Scope) throws(AnalysisError)
        -> TypedExpression
    {
        var fractions: [TypedExpression] = []
        for argument in call.args { fractions.append(try typed(argument, in: scope)) }
        var sorted: [TypedExpression] = []
        for case .sortBy(let sort) in call.aggOrder {
            if let expression = sort.node { sorted.append(try typed(expression, in: scope)) }
        }
        let shown = (fractions + sorted).map(\.displayType).joined(separator: ", ")
        let missing = AnalysisError("function \(name)(\(shown)) does not exist", at: call.location)
        guard sorted.count == 1 else { throw missing }
        var value = sorted[0]
        switch name {
        case "mode":
            guard fractions.isEmpty, !value.isUnknown else { throw missing }
            return .known(value.type, nullable: true)
        case "percentile_cont", "percentile_disc":
            guard fractions.count == 1 else { throw missing }
            // One fraction or an array of them: an untyped one could be either.
            if fractions[0].isUnknown {
                throw AnalysisError("function \(name)(\(shown)) is not unique", at: call.location)
            }
            let several = fractions[0].type.isArray
            let fraction: SQLType = several ? SQLType.doublePrecision.array : .doublePrecision
            try context.resolve(&fractions[0], to: fraction)
            guard OperatorResolution.implicitlyCasts(several ? fractions[0].type.element : fractions[0].type, to: .doublePrecision)
            else { throw missing }
            let result: SQLType
            if name == "percentile_disc" {
                guard !value.isUnknown else { throw missing }
                result = value.type
            } else {
                // Interpolation exists for double precision (numbers cast to it) and interval.
                if value.isUnknown { try context.resolve(&value, to: .doublePrecision) }
                if value.type == .interval {
                    result = .interval
                } else if OperatorResolution.isNumeric(value.type) {
                    result = .doublePrecision
                } else {
                    throw missing
                }
            }
            return .known(several ? result.array : result, nullable: true)
        default:
            throw AnalysisError.unsupported(call, "ordered-set aggregate \(name)")
        }
    }
}
