/// Array subscripts and slices: `tags[1]`, `tags[2:3]`, `(array_agg(x ORDER BY y))[1]`.
extension ExpressionTyper {
    func typeIndirection(_ indirection: PG.A_Indirection, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        guard let argument = indirection.arg else { throw AnalysisError.unsupported(indirection) }
        var result = try typed(argument, in: scope)
        for step in indirection.indirection {
            guard case .aIndices(let indices) = step else {
                // `(row).field` and `(row).*` need composite types, which the catalog lacks.
                throw AnalysisError("unsupported construct field selection", at: argument)
            }
            guard result.type.isArray else {
                throw AnalysisError(
                    "cannot subscript type \(result.type) because it does not support subscripting", at: argument)
            }
            // PostgreSQL coerces array subscripts to integer (`transformArraySubscripts`).
            for bound in [indices.lidx, indices.uidx].compactMap({ $0 }) {
                var index = try typed(bound, in: scope)
                try context.resolve(&index, to: .integer)
                guard context.coercion.castsImplicitly(index.type, to: .integer) || index.type == .bigint else {
                    throw AnalysisError("array subscript must have type integer", at: bound)
                }
            }
            // A subscript out of range, or of a NULL array, is NULL.
            result = .known(indices.isSlice ? result.type : result.type.element, nullable: true)
        }
        return result
    }
}
