/// Window definitions (`OVER (…)`, `WINDOW w AS (…)`): partitions, ordering and the frame's
/// offsets (`ROWS BETWEEN $1 PRECEDING AND CURRENT ROW`), typed as PostgreSQL's
/// `transformFrameOffset` types them.
extension ExpressionTyper {
    /// `FRAMEOPTION_*` bits of `WindowDef.frameOptions` (PostgreSQL's parsenodes.h).
    private static let frameRange = 0x2
    private static let frameRows = 0x4

    func typeWindow(_ window: PG.WindowDef, in scope: Scope) throws(AnalysisError) {
        for partition in window.partitionClause { _ = try typed(partition, in: scope) }
        try typeSortKeys(window.orderClause, in: scope)
        for offset in [window.startOffset, window.endOffset].compactMap({ $0 }) {
            try typeFrameOffset(offset, of: window, in: scope)
        }
    }

    /// ROWS and GROUPS count rows, so their offsets are bigint; a RANGE offset is added to the
    /// ORDER BY value, so its type is one the sort type's btree `in_range` support accepts
    /// (`integer` for an integer key, `interval` for timestamps, `numeric` for numeric).
    private func typeFrameOffset(_ node: PG.Node, of window: PG.WindowDef, in scope: Scope) throws(AnalysisError) {
        var offset = try typed(node, in: scope)
        guard window.frameOptions & Self.frameRange != 0 else {
            try context.resolve(&offset, to: .bigint)
            guard context.coercion.castsImplicitly(offset.type, to: .bigint) else {
                let mode = window.frameOptions & Self.frameRows != 0 ? "ROWS" : "GROUPS"
                throw AnalysisError("argument of \(mode) must be type bigint, not type \(offset.type)", at: node)
            }
            return
        }
        guard window.orderClause.count == 1, case .sortBy(let sort) = window.orderClause[0], let key = sort.node else {
            if window.orderClause.isEmpty, window.refname != nil {
                throw AnalysisError.unsupported(
                    node, "RANGE offset over a named window's ORDER BY; write the ORDER BY in this window instead")
            }
            throw AnalysisError("RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column", at: node)
        }
        let keyType = try typed(key, in: scope).type
        let candidates = context.builtins.rangeOffsetTypes[keyType] ?? []
        let chosen: SQLType?
        if candidates.contains(offset.type) {
            chosen = offset.type
        } else if offset.isUnknown {
            chosen = candidates.contains(keyType) ? keyType : (candidates.count == 1 ? candidates[0] : nil)
        } else {
            let coercible = candidates.filter { context.coercion.castsImplicitly(offset.type, to: $0) }
            chosen = coercible.count == 1 ? coercible[0] : (coercible.contains(keyType) ? keyType : nil)
        }
        guard let chosen else {
            let offsetType = offset.isUnknown ? "" : " and offset type \(offset.type)"
            throw AnalysisError(
                "RANGE with offset PRECEDING/FOLLOWING is not supported for column type \(keyType)\(offsetType)", at: node)
        }
        try context.resolve(&offset, to: chosen)
    }
}
