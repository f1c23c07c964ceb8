/// Typing of function calls: resolved against PostgreSQL's own overloads (`BuiltinCatalog`)
/// by its rules (`FunctionResolver`).
extension ExpressionTyper {
    /// A resolved call: the overload, the result and whether it can be NULL.
    struct TypedCall {
        var resolved: FunctionResolver.Resolved
        var isNullable: Bool
    }

    func typeFunctionCall(_ call: PG.FuncCall, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        let typedCall = try resolveCall(call, in: scope)
        return .known(typedCall.resolved.result, nullable: typedCall.isNullable)
    }

    /// Types the arguments of `call`, picks the overload PostgreSQL picks and gives untyped
    /// arguments the types it gives them.
    /// `inFrom`: the call is a table function, whose NULL arguments give no rows.
    /// `procedure`: the call is a CALL statement's, which only procedures take.
    func resolveCall(_ call: PG.FuncCall, in scope: Scope, inFrom: Bool = false, procedure: Bool = false)
        throws(AnalysisError) -> TypedCall
    {
        var names = call.funcname.names
        let displayName = names.joined(separator: ".")
        if names.first == "pg_catalog", names.count > 1 { names.removeFirst() }
        let name = names.last ?? ""
        if let over = call.over { try typeWindow(over, in: scope) }
        if let filter = call.aggFilter { _ = try condition(filter, in: scope, context: "FILTER") }
        var arguments: [TypedExpression] = []
        var argumentNames: [String?] = []
        for argument in call.args {
            if case .namedArgExpr(let named) = argument, let value = named.arg {
                arguments.append(try typed(value, in: scope))
                argumentNames.append(named.name)
            } else {
                arguments.append(try typed(argument, in: scope))
                argumentNames.append(nil)
            }
        }
        if call.aggWithinGroup {
            // Ordered-set aggregates take the direct arguments, then the sorted values.
            for case .sortBy(let sort) in call.aggOrder {
                if let expression = sort.node {
                    arguments.append(try typed(expression, in: scope))
                    argumentNames.append(nil)
                }
            }
        } else {
            try typeSortKeys(call.aggOrder, in: scope)
        }
        let isWindow = call.over != nil
        let withinGroup = call.aggWithinGroup
        let functions = context.builtins.functions[name] ?? []
        if call.aggStar, !functions.contains(where: \.isAggregate) {
            throw AnalysisError("\(displayName)(*) specified, but \(displayName) is not an aggregate function", at: call.location)
        }
        if !isWindow, !functions.isEmpty, functions.allSatisfy(\.isWindow) {
            throw AnalysisError("window function \(displayName) requires an OVER clause", at: call.location)
        }
        if isWindow, !functions.isEmpty, !functions.contains(where: { $0.isWindow || $0.isAggregate }) {
            throw AnalysisError(
                "OVER specified, but \(displayName) is not a window function nor an aggregate function", at: call.location)
        }
        if !call.aggStar, arguments.isEmpty, !functions.isEmpty, functions.allSatisfy({ $0.isAggregate || !$0.arguments.isEmpty }),
            functions.contains(where: { $0.isAggregate && $0.arguments.isEmpty })
        {
            throw AnalysisError(
                "\(displayName)(*) must be used to call a parameterless aggregate function", at: call.location)
        }
        let resolver = FunctionResolver(coercion: context.coercion)
        var request = FunctionResolver.Call(
            name: name, arguments: arguments.map(\.type), argumentNames: argumentNames, isVariadicCall: call.funcVariadic,
            isLiteralArgument: arguments.count == 1 && arguments[0].isUnknownLiteral)
        request.filter = { function in
            if function.isProcedure || procedure { return function.isProcedure && procedure }
            if function.isWindow { return isWindow }
            let orderedSet = function.aggregateKind == "o" || function.aggregateKind == "h"
            return orderedSet == withinGroup
        }
        let resolved: FunctionResolver.Resolved
        switch resolver.resolve(request) {
        case .success(let found): resolved = found
        case .failure(let failure):
            throw callError(failure, displayName, name, arguments, argumentNames, procedure: procedure, at: call.location)
        }
        for index in arguments.indices where arguments[index].isUnknown {
            let type = resolved.argumentTypes[index]
            // A parameter passed to a named function parameter takes its name (`days => $1`).
            let parameterName = argumentNames[index] ?? resolved.parameterName(at: index)
            if type != TypeCoercion.anyType { try context.resolve(&arguments[index], to: type, name: parameterName) }
        }
        var nullable = FunctionNullability.isNullable(resolved.function, arguments: arguments.map(\.isNullable))
        // A strict set-returning function in FROM returns no rows for NULL arguments.
        if inFrom, resolved.function.returnsSet { nullable = FunctionNullability.isNullable(resolved.function, arguments: []) }
        return TypedCall(resolved: resolved, isNullable: nullable)
    }

    /// PostgreSQL's message for a call no overload takes, with a did-you-mean for names.
    private func callError(
        _ failure: FunctionResolver.Failure, _ displayName: String, _ name: String, _ arguments: [TypedExpression],
        _ argumentNames: [String?], procedure: Bool, at location: Int?
    ) -> AnalysisError {
        let shown = zip(arguments, argumentNames).map { argument, name in
            name.map { "\($0) => \(argument.displayType)" } ?? argument.displayType
        }.joined(separator: ", ")
        switch failure {
        case .notUnique:
            return AnalysisError("function \(displayName)(\(shown)) is not unique", at: location)
        case .polymorphicUnknown:
            return AnalysisError("could not determine polymorphic type because input has type unknown", at: location)
        case .undeterminedResult(let type):
            return AnalysisError("could not determine polymorphic type \(type)", at: location)
        case .doesNotExist:
            let kind = procedure ? "procedure" : "function"
            var message = "\(kind) \(displayName)(\(shown)) does not exist"
            if context.builtins.functions[name] == nil {
                message += Suggestion.didYouMean(name, among: context.builtins.functions.keys.sorted())
            }
            return AnalysisError(message, at: location)
        }
    }

    /// The expressions of `ORDER BY` items (`SortBy` nodes) in a window or an aggregate call.
    func typeSortKeys(_ sortClause: [PG.Node], in scope: Scope) throws(AnalysisError) {
        for case .sortBy(let sort) in sortClause {
            if let expression = sort.node { _ = try typed(expression, in: scope) }
        }
    }
}
