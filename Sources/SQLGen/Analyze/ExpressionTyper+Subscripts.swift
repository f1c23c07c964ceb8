/// Array subscripts and slices (`tags[1]`, `tags[2:3]`, `(array_agg(x ORDER BY y))[1]`) and
/// field selection from a row (`(t).balance`).
extension ExpressionTyper {
    func typeIndirection(_ indirection: PG.A_Indirection, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        guard let argument = indirection.arg else { throw AnalysisError.unsupported(indirection) }
        var result = try typed(argument, in: scope)
        for step in indirection.indirection {
            if case .string(let field) = step, let fieldName = field.sval {
                // `(row).field` of a table's row type.
                guard let table = context.compositeTable(result.type) else {
                    throw AnalysisError("column notation .\(fieldName) applied to type \(result.type), which is not a composite type", at: argument)
                }
                guard let column = table.column(fieldName) else {
                    throw AnalysisError("column \"\(fieldName)\" not found in data type \(result.type)", at: argument)
                }
                result = .known(column.type, nullable: result.isNullable || !column.isNotNull)
                continue
            }
            guard case .aIndices(let indices) = step else {
                throw AnalysisError("unsupported construct (row).*", at: argument)
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
