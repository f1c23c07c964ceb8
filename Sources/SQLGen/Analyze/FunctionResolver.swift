/// PostgreSQL's function resolution (`func_get_detail` and `func_select_candidate`), over the
/// overloads of `BuiltinCatalog`: named and defaulted arguments, VARIADIC, implicit casts,
/// preferred types, untyped arguments and polymorphic parameters.
///
/// ```swift
/// let call = FunctionResolver.Call(name: "substr", arguments: [.bytea, .integer])
/// try resolver.resolve(call).get().result  // bytea
/// ```
struct FunctionResolver {
    let coercion: TypeCoercion

    /// A call as written: argument types in call order, with the names of named arguments.
    struct Call {
        var name: String
        var arguments: [SQLType]
        /// The name of each argument written `name => value`; nil for positional ones.
        var argumentNames: [String?] = []
        /// The last argument was written `VARIADIC array`.
        var isVariadicCall = false
        /// The only argument is an untyped literal (`text('x')`), not a parameter.
        var isLiteralArgument = false
        /// Which kinds of `pg_proc` entries qualify.
        var filter: (BuiltinCatalog.Function) -> Bool = { $0.kind != "p" }
    }

    /// The chosen overload, with the type each argument takes (what an untyped `$n` becomes;
    /// `"any"` leaves it untyped) and the result type with polymorphic types resolved.
    struct Resolved {
        var function: BuiltinCatalog.Function
        var argumentTypes: [SQLType]
        var result: SQLType
        /// OUT columns with polymorphic types resolved.
        var outputColumns: [BuiltinCatalog.OutputColumn]

        /// The declared name of the parameter a positional argument fills, if it has one.
        func parameterName(at position: Int) -> String? {
            guard function.variadic == nil || position < function.arguments.count - 1,
                position < function.argumentNames.count, !function.argumentNames[position].isEmpty
            else { return nil }
            return function.argumentNames[position]
        }
    }

    enum Failure: Error, Equatable {
        case doesNotExist
        case notUnique
        case polymorphicUnknown
        /// The result type is polymorphic and none of the arguments decides it.
        case undeterminedResult(SQLType)
    }

    /// One overload as this call sees it: the declared type at each call position.
    private struct Candidate {
        var function: BuiltinCatalog.Function
        var declared: [SQLType]
    }

    func resolve(_ call: Call) -> Result<Resolved, Failure> {
        if let cast = functionStyleCast(call) { return .success(cast) }
        var candidates: [Candidate] = []
        for function in (coercion.builtins.functions[call.name] ?? []).filter(call.filter) {
            guard let candidate = candidate(function, for: call) else { continue }
            // An expanded VARIADIC form that repeats another overload's signature loses to it.
            if let index = candidates.firstIndex(where: { $0.declared == candidate.declared }) {
                if candidates[index].function.variadic != nil, function.variadic == nil { candidates[index] = candidate }
                continue
            }
            candidates.append(candidate)
        }
        var selection = CandidateSelection(coercion: coercion)
        switch selection.select(candidates.map(\.declared), actual: call.arguments) {
        case .success(let index): return finish(candidates[index], call)
        case .failure(let failure): return .failure(failure)
        }
    }

    /// `date('2024-01-01')`, `text($1)`: a one-argument call named after a type is a cast to
    /// it in PostgreSQL when the argument is an untyped literal, or an untyped parameter and the
    /// type is a string type (cast through its input function).
    private func functionStyleCast(_ call: Call) -> Resolved? {
        guard call.arguments == [.unknown], call.argumentNames == [nil], !call.isVariadicCall,
            let type = coercion.builtins.type(named: call.name), let info = coercion.builtins.info(type),
            info.kind != "p", call.isLiteralArgument || info.category == "S"
        else { return nil }
        let function = BuiltinCatalog.Function(
            name: call.name, kind: "f", arguments: [type], variadic: nil, defaults: 0, argumentNames: [],
            returnsSet: false, result: type, isStrict: true, outputColumns: [], aggregateKind: nil, directArguments: 0)
        return Resolved(function: function, argumentTypes: [type], result: type, outputColumns: [])
    }

    /// How an overload lines up with the call's arguments, or nil when it cannot take them.
    private func candidate(_ function: BuiltinCatalog.Function, for call: Call) -> Candidate? {
        let parameters = function.arguments
        let count = call.arguments.count
        if call.argumentNames.contains(where: { $0 != nil }) {
            // Positional arguments first, then named ones; every parameter left out has a default.
            guard count <= parameters.count, !call.isVariadicCall || function.variadic != nil else { return nil }
            var declared: [SQLType] = []
            var used = Set<Int>()
            for (position, name) in call.argumentNames.enumerated() {
                let index: Int
                if let name {
                    guard let found = function.argumentNames.firstIndex(of: name) else { return nil }
                    index = found
                } else {
                    index = position
                }
                guard index < parameters.count, used.insert(index).inserted else { return nil }
                declared.append(parameters[index])
            }
            let firstDefault = parameters.count - function.defaults
            guard (0..<parameters.count).allSatisfy({ used.contains($0) || $0 >= firstDefault }) else { return nil }
            return Candidate(function: function, declared: declared)
        }
        if let element = function.variadic, !call.isVariadicCall {
            guard count >= parameters.count else {
                return nil
            }
            let fixed = Array(parameters.dropLast())
            return Candidate(function: function, declared: fixed + Array(repeating: element, count: count - fixed.count))
        }
        if call.isVariadicCall, function.variadic == nil { return nil }
        if count == parameters.count { return Candidate(function: function, declared: parameters) }
        if count < parameters.count, count + function.defaults >= parameters.count {
            return Candidate(function: function, declared: Array(parameters.prefix(count)))
        }
        return nil
    }

    /// Resolves the chosen overload's polymorphic types.
    private func finish(_ candidate: Candidate, _ call: Call) -> Result<Resolved, Failure> {
        let function = candidate.function
        guard
            let binding = PolymorphicBinding(declared: candidate.declared, actual: call.arguments, coercion: coercion)
        else { return .failure(.doesNotExist) }
        var argumentTypes: [SQLType] = []
        for (declared, actual) in zip(candidate.declared, call.arguments) {
            if TypeCoercion.isPolymorphic(declared) {
                guard let concrete = binding.concrete(declared, coercion: coercion) else {
                    return .failure(.polymorphicUnknown)
                }
                argumentTypes.append(actual == .unknown ? concrete : actual)
            } else {
                argumentTypes.append(declared)
            }
        }
        guard let result = binding.concrete(function.result, coercion: coercion) else {
            return .failure(binding.hasUnknownOnly ? .polymorphicUnknown : .undeterminedResult(function.result))
        }
        var outputColumns: [BuiltinCatalog.OutputColumn] = []
        for column in function.outputColumns {
            guard let type = binding.concrete(column.type, coercion: coercion) else { return .failure(.polymorphicUnknown) }
            outputColumns.append(BuiltinCatalog.OutputColumn(name: column.name, type: type))
        }
        return .success(Resolved(function: function, argumentTypes: argumentTypes, result: result, outputColumns: outputColumns))
    }
}
