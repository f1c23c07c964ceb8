/// PostgreSQL's operator resolution (`oper_select_candidate`) over `pg_operator`: an exact
/// match, where an untyped operand of a binary operator first counts as the other operand's
/// type; then the candidate selection functions use.
///
/// ```swift
/// try resolver.resolve("->", left: .jsonb, right: .unknown).get().right  // text
/// ```
struct OperatorResolver {
    let coercion: TypeCoercion

    /// The chosen operator with its operand types (polymorphic ones resolved) and result.
    struct Resolved {
        var left: SQLType?
        var right: SQLType
        var result: SQLType
    }

    /// Resolves `left op right`, or the prefix operator `op right` when `left` is nil.
    func resolve(_ name: String, left: SQLType?, right: SQLType) -> Result<Resolved, FunctionResolver.Failure> {
        let candidates = (coercion.builtins.operators[name] ?? []).filter { ($0.left == nil) == (left == nil) }
        let actual = [left, right].compactMap { $0 }
        let declared = candidates.map { [$0.left, $0.right].compactMap { $0 } }
        var selection = CandidateSelection(coercion: coercion)
        switch selection.select(declared, actual: actual, assumingUnknownIsOther: left != nil) {
        case .failure(let failure): return .failure(failure)
        case .success(let index):
            let parameters = declared[index]
            guard let binding = PolymorphicBinding(declared: parameters, actual: actual, coercion: coercion) else {
                return .failure(.doesNotExist)
            }
            var operands: [SQLType] = []
            for (parameter, argument) in zip(parameters, actual) {
                guard let concrete = binding.concrete(parameter, coercion: coercion) else { return .failure(.polymorphicUnknown) }
                operands.append(TypeCoercion.isPolymorphic(parameter) && argument != .unknown ? argument : concrete)
            }
            guard let result = binding.concrete(candidates[index].result, coercion: coercion) else {
                return .failure(.polymorphicUnknown)
            }
            return .success(Resolved(left: left == nil ? nil : operands[0], right: operands[operands.count - 1], result: result))
        }
    }
}
