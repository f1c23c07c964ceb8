/// `limit-without-order-by`: LIMIT, OFFSET or FETCH FIRST in a SELECT without ORDER BY. Without
/// ORDER BY, PostgreSQL returns rows in whatever order the plan produces them, so which rows a
/// page holds can change from one run to the next. Quiet for a SELECT that yields at most one
/// row anyway (`WHERE id = $1 LIMIT 1`, `SELECT count(*) … LIMIT 1`) and inside EXISTS, where
/// only whether a row exists matters.
enum LimitWithoutOrderByCheck {
    static func findings(in query: VetQuery) -> [VetFinding] {
        let text = Array(query.written.sql.utf8)
        var findings: [VetFinding] = []
        for select in selects(in: query.statement) where select.sortClause.isEmpty {
            guard let offset = limitingClauseOffset(select),
                !SingleRowSelect.yieldsAtMostOneRow(select, catalog: query.catalog)
            else { continue }
            let keyword = keywordBefore(offset, in: text)
            let clause = keyword.map { String(decoding: text[$0], as: UTF8.self).uppercased() } ?? "LIMIT"
            findings.append(
                query.finding(
                    .limitWithoutOrderBy,
                    "\(clause) without ORDER BY picks arbitrary rows: PostgreSQL returns rows in no defined order; add an ORDER BY",
                    at: keyword?.lowerBound ?? offset))
        }
        return findings
    }

    /// The SELECTs of the tree, except those under EXISTS.
    private static func selects(in node: PG.Node) -> [PG.SelectStmt] {
        if case .subLink(let link) = node, link.subLinkType == .existsSublink { return [] }
        var found: [PG.SelectStmt] = []
        if case .selectStmt(let select) = node { found.append(select) }
        return found + node.children.flatMap(selects)
    }

    /// Where the first of LIMIT/FETCH's count and OFFSET's value starts. `LIMIT ALL` (a NULL
    /// count) limits nothing.
    private static func limitingClauseOffset(_ select: PG.SelectStmt) -> Int? {
        var offsets: [Int] = []
        if let count = select.limitCount, !CompareWithNullCheck.isNullConstant(count), let at = count.firstLocation {
            offsets.append(at)
        }
        if let skip = select.limitOffset, let at = skip.firstLocation { offsets.append(at) }
        return offsets.min()
    }

    /// The LIMIT, OFFSET or FETCH keyword in front of a clause's value, so the finding points
    /// at the clause and not at its number (`FETCH FIRST 5 ROWS ONLY` skips back over FIRST).
    private static func keywordBefore(_ offset: Int, in text: [UInt8]) -> Range<Int>? {
        var end = offset
        for _ in 0..<2 {
            while end > 0, SQLTrivia.isWhitespace(text[end - 1]) { end -= 1 }
            var start = end
            while start > 0, SQLTrivia.isIdentifierByte(text[start - 1]) { start -= 1 }
            switch String(decoding: text[start..<end], as: UTF8.self).lowercased() {
            case "limit", "offset", "fetch": return start..<end
            case "first", "next": end = start
            default: return nil
            }
        }
        return nil
    }
}
