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
}
