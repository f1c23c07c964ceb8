/// Subscripts and slices (`tags[1]`, `tags[2:3]`, `data['key']`, `(array_agg(x ORDER BY y))[1]`)
/// and field selection from a row (`(t).balance`), read in expressions or assigned to in
/// `SET tags[1] = …`.
extension ExpressionTyper {
    func typeIndirection(_ indirection: PG.A_Indirection, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        guard let argument = indirection.arg else { throw AnalysisError.unsupported(indirection) }
        var result = try typed(argument, in: scope)
        for step in indirection.indirection {
            let (type, canBeNull) = try indirectionStep(step, of: result.type, at: argument, in: scope)
            result = .known(type, nullable: result.isNullable || canBeNull)
        }
        return result
    }

    /// The type one subscript or field step yields from a value of type `container`, after
    /// typing the subscripts; `canBeNull` when the step can yield NULL from a non-null value.
    func indirectionStep(_ step: PG.Node, of container: SQLType, at argument: PG.Node, in scope: Scope)
        throws(AnalysisError) -> (type: SQLType, canBeNull: Bool)
    {
        if case .string(let field) = step, let fieldName = field.sval {
            // `(row).field` of a table's row type.
            guard let table = context.compositeTable(container) else {
                throw AnalysisError(
                    "column notation .\(fieldName) applied to type \(container), which is not a composite type",
                    at: argument)
            }
            guard let column = table.column(fieldName) else {
                throw AnalysisError("column \"\(fieldName)\" not found in data type \(container)", at: argument)
            }
            return (column.type, !column.isNotNull)
        }
        guard case .aIndices(let indices) = step else {
            throw AnalysisError("unsupported construct (row).*", at: argument)
        }
        let bounds = [indices.lidx, indices.uidx].compactMap { $0 }
        if container.isArray {
            // PostgreSQL coerces array subscripts to integer (`transformArraySubscripts`).
            for bound in bounds {
                var index = try typed(bound, in: scope)
                try context.resolve(&index, to: .integer)
                guard context.coercion.castsImplicitly(index.type, to: .integer) || index.type == .bigint else {
                    throw AnalysisError("array subscript must have type integer", at: bound)
                }
            }
            // A subscript out of range, or of a NULL array, is NULL.
            return (indices.isSlice ? container : container.element, true)
        }
        if container == .jsonb || container.name == "hstore" {
            if indices.isSlice {
                throw AnalysisError("\(container) subscript does not support slices", at: indices.lidx ?? argument)
            }
            // jsonb takes integer or text subscripts (an untyped one is text); hstore text.
            let accepted: [SQLType] = container == .jsonb ? [.integer, .text] : [.text]
            for bound in bounds {
                var index = try typed(bound, in: scope)
                if index.isUnknown { try context.resolve(&index, to: .text) }
                guard accepted.contains(where: { context.coercion.castsImplicitly(index.type, to: $0) }) else {
                    throw AnalysisError("subscript type \(index.type) is not supported", at: bound)
                }
            }
            return (container == .jsonb ? .jsonb : .text, true)
        }
        throw AnalysisError(
            "cannot subscript type \(container) because it does not support subscripting", at: argument)
    }
}
