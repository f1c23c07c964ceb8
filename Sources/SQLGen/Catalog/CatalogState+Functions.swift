/// The schema's own functions and procedures: `CREATE [OR REPLACE] FUNCTION | PROCEDURE` and
/// `DROP FUNCTION | PROCEDURE | ROUTINE`. Queries call them like built-ins; their bodies are
/// not analyzed (PostgreSQL checks them when they run).
extension CatalogState {
    mutating func createFunction(_ create: PG.CreateFunctionStmt, _ context: StatementContext) {
        guard let name = qualified(create.funcname.names) else { return }
        var arguments: [SQLType] = []
        var argumentNames: [String] = []
        var outputs: [BuiltinCatalog.OutputColumn] = []
        var defaults = 0
        var variadic: SQLType?
        var returnsTable = false
        for case .functionParameter(let parameter) in create.parameters {
            guard let typeName = parameter.argType, let type = resolveType(typeName, context) else { return }
            let parameterName = parameter.name ?? ""
            switch parameter.mode {
            case .out, .table:
                returnsTable = returnsTable || parameter.mode == .table
                outputs.append(BuiltinCatalog.OutputColumn(name: parameterName, type: type))
                // A procedure's OUT parameters are part of its call (PostgreSQL 14 and later).
                if create.isProcedure, parameter.mode == .out {
                    arguments.append(type)
                    argumentNames.append(parameterName)
                }
            case .in, .inout, .variadic, .default:
                arguments.append(type)
                argumentNames.append(parameterName)
                if parameter.defexpr != nil { defaults += 1 }
                if parameter.mode == .variadic { variadic = type.element }
                if parameter.mode == .inout { outputs.append(BuiltinCatalog.OutputColumn(name: parameterName, type: type)) }
            }
        }
        var result = SQLType(name: "void")
        var returnsSet = returnsTable
        if let returnType = create.returnType {
            guard let type = resolveType(returnType, context, allowingSetOf: true) else { return }
            result = type
            returnsSet = returnsSet || returnType.setof
        } else if outputs.count == 1, !create.isProcedure {
            result = outputs[0].type
        } else if !outputs.isEmpty {
            result = TypeCoercion.record
        }
        if outputs.count > 1 || returnsTable { result = TypeCoercion.record }
        var isStrict = false
        for case .defElem(let option) in create.options where option.defname == "strict" {
            if case .boolean(let value)? = option.arg { isStrict = value.boolval }
        }
        let function = BuiltinCatalog.Function(
            name: name.name, kind: create.isProcedure ? "p" : "f", arguments: arguments, variadic: variadic,
            defaults: defaults, argumentNames: argumentNames.contains(where: { !$0.isEmpty }) ? argumentNames : [],
            returnsSet: returnsSet, result: result, isStrict: isStrict, outputColumns: outputs, aggregateKind: nil,
            directArguments: 0, isUserDefined: true)
        var overloads = catalog.functions[name.name] ?? []
        if let index = overloads.firstIndex(where: { $0.arguments == arguments }) {
            guard create.replace else {
                let shown = arguments.map(\.description).joined(separator: ", ")
                error(
                    "function \"\(name.name)\" already exists with same argument types (\(shown))",
                    at: context.location(ofWord: name.name, after: 0))
                return
            }
            overloads[index] = function
        } else {
            overloads.append(function)
        }
        catalog.functions[name.name] = overloads
    }

    /// DROP FUNCTION f, f(int), … : the overloads with those argument types, or all of them.
    mutating func dropFunction(_ object: PG.Node, missingOK: Bool, _ context: StatementContext) {
        guard case .objectWithArgs(let signature) = object, let name = signature.objname.names.last else { return }
        let overloads = catalog.functions[name] ?? []
        var remaining = overloads
        if signature.argsUnspecified {
            remaining = []
        } else {
            var types: [SQLType] = []
            for case .typeName(let typeName) in signature.objargs {
                guard let type = resolveType(typeName, context) else { return }
                types.append(type)
            }
            remaining.removeAll { $0.arguments == types || inputArguments($0) == types }
        }
        if remaining.count == overloads.count, !missingOK {
            error("function \(name) does not exist", at: context.location(ofWord: name, after: 0))
            return
        }
        catalog.functions[name] = remaining.isEmpty ? nil : remaining
        // Views that call a function of that name go with it (overloads are not told apart).
        for view in catalog.allTables where view.dependsOn.contains(Self.functionDependency(name)) {
            removeTable(schema: view.schema, name: view.name)
        }
    }

    /// How `Table.dependsOn` records a function a view calls.
    static func functionDependency(_ name: String) -> String { "function \(name)" }

    /// A function's IN arguments (what DROP FUNCTION lists), without a procedure's OUT ones.
    private func inputArguments(_ function: BuiltinCatalog.Function) -> [SQLType] {
        guard function.isProcedure else { return function.arguments }
        let outputs = Set(function.outputColumns.map(\.name))
        return zip(function.arguments, function.argumentNames + Array(repeating: "", count: function.arguments.count))
            .filter { !outputs.contains($0.1) || $0.1.isEmpty }.map(\.0)
    }
}
