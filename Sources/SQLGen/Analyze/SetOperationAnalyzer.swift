/// UNION, INTERSECT and EXCEPT: both arms analyzed, each column typed as PostgreSQL's
/// `select_common_type` resolves the arms' types, nullability as the operation keeps rows.
struct SetOperationAnalyzer: AnalysisPass {
    let context: AnalysisContext

    func analyze(
        _ select: PG.SelectStmt, in scope: Scope, isTopLevel: Bool, outputTyping: OutputTyping
    ) throws(AnalysisError) -> SelectResult {
        guard let leftSelect = select.larg, let rightSelect = select.rarg else { throw AnalysisError.unsupported(select) }
        let left = try selects.analyze(leftSelect, in: scope, isTopLevel: isTopLevel, outputTyping: .open)
        let right = try selects.analyze(rightSelect, in: scope, isTopLevel: isTopLevel, outputTyping: .open)
        let keyword = String(select.op.rawValue.dropFirst("SETOP_".count))
        let rightTargets = rightSelect.targetList
        guard left.columns.count == right.columns.count else {
            let location = rightTargets.first?.location ?? select.location
            throw AnalysisError("each \(keyword) query must have the same number of columns", at: location)
        }
        // UNION rows come from either side; INTERSECT rows are on both sides (NULLs match);
        // EXCEPT rows come from the left.
        func nullable(_ left: Bool, _ right: Bool) -> Bool {
            switch select.op {
            case .intersect: return left && right
            case .except: return left
            default: return left || right
            }
        }
        var columns: [ResultColumn] = []
        for index in left.columns.indices {
            let l = left.columns[index]
            let r = right.columns[index]
            let type: SQLType
            switch context.coercion.commonType([l.type, r.type]) {
            case .success(let common): type = common
            case .failure(let mismatch):
                throw AnalysisError(
                    "\(keyword) types \(mismatch.first) and \(mismatch.second) cannot be matched",
                    at: rightTargets.dropFirst(index).first?.location ?? select.location)
            }
            // The arms' untyped parameters take the common type (all-untyped columns become
            // text right here, even inside INSERT or another set operation, as in PostgreSQL).
            for var parameter in [left.untypedParameters[index], right.untypedParameters[index]].compactMap({ $0 }) {
                try context.resolve(&parameter, to: type)
            }
            columns.append(
                ResultColumn(
                    name: l.name, type: type, isNullable: nullable(l.isNullable, r.isNullable),
                    source: l.source == r.source ? l.source : nil))
        }
        return SelectResult(columns: columns, returnsExactlyOneRow: false, untypedParameters: columns.map { _ in nil })
    }
}
