/// Typing of function calls against `FunctionSignatures`.
extension QueryAnalysis {
    mutating func typeFunctionCall(_ node: ParseNode, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        var names = node.names("funcname")
        let displayName = names.joined(separator: ".")
        if names.first == "pg_catalog", names.count > 1 { names.removeFirst() }
        let name = names.joined(separator: ".")
        let isWindow = node.node("over") != nil
        if let over = node.node("over") {
            for partition in over.list("partitionClause") { _ = try typeExpression(partition, in: scope) }
            for sort in over.list("orderClause") {
                if let expression = sort.node("node") { _ = try typeExpression(expression, in: scope) }
            }
        }
        if let filter = node.node("agg_filter") { _ = try typeCondition(filter, in: scope, context: "FILTER") }
        for sort in node.list("agg_order") {
            if let expression = sort.node("node") { _ = try typeExpression(expression, in: scope) }
        }
        if node.bool("agg_star") {
            guard name == "count" else { throw AnalysisError("\(name)(*) specified, but \(name) is not an aggregate function", at: node) }
            return .known(.bigint, nullable: false)
        }
        if node.bool("func_variadic") { throw AnalysisError.unsupported(node, "VARIADIC call") }
        let argumentNodes = node.list("args")
        var arguments: [TypedExpression] = []
        for argument in argumentNodes { arguments.append(try typeExpression(argument, in: scope)) }
        guard let resolution = FunctionSignatures.resolve(name, arguments, isWindow: isWindow) else {
            throw AnalysisError(FunctionSignatures.failureMessage(displayName, name, arguments), at: node)
        }
        for index in arguments.indices where index < resolution.argumentTypes.count {
            if arguments[index].isUnknown, let type = resolution.argumentTypes[index] {
                try resolve(&arguments[index], to: type)
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
}
