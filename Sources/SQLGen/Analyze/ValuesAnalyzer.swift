/// `VALUES (…), (…)`: columns `column1…`, typed by the common type of each position.
struct ValuesAnalyzer: AnalysisPass {
    let context: AnalysisContext

    func analyze(_ select: PG.SelectStmt, in scope: Scope) throws(AnalysisError) -> SelectResult {
        var rows: [[TypedExpression]] = []
        for row in select.valuesLists {
            guard case .list(let list) = row else { throw AnalysisError.unsupported(row) }
            var typedRow: [TypedExpression] = []
            for item in list.items { typedRow.append(try expressions.typed(item, in: scope)) }
            if let first = rows.first, first.count != typedRow.count {
                throw AnalysisError("VALUES lists must all be the same length", at: list.items.first ?? row)
            }
            rows.append(typedRow)
        }
        var columns: [ResultColumn] = []
        for index in rows[0].indices {
            var values = rows.map { $0[index] }
            let type = try expressions.resolveCommon(&values, context: "VALUES", at: select.asNode)
            columns.append(ResultColumn(name: "column\(index + 1)", type: type, isNullable: values.contains(where: \.isNullable)))
        }
        return SelectResult(
            columns: columns, returnsExactlyOneRow: rows.count == 1, untypedParameters: columns.map { _ in nil })
    }
}
