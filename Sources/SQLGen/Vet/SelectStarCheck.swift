/// `select-star`: `*` or `t.*` in the query's own result (its SELECT list, each arm of a set
/// operation, or RETURNING). The generated SQL lists the columns the table has when the code is
/// generated, so a column a later migration adds is silently not read until the code is
/// regenerated, and a dropped one fails at run time. A `sqlc.embed(t)` is written as `t.*` too,
/// but it is a request for the table's model and is not reported.
enum SelectStarCheck {
    static func findings(in query: VetQuery) -> [VetFinding] {
        var findings: [VetFinding] = []
        for (targets, clause) in resultLists(of: query.statement) {
            for case .resTarget(let target) in targets {
                guard case .columnRef(let reference)? = target.val, reference.fields.names.last == "*",
                    !isEmbed(at: reference.location, in: query)
                else { continue }
                let star = reference.fields.names.joined(separator: ".")
                findings.append(
                    query.finding(
                        .selectStar,
                        "\(clause) \(star) is expanded to today's columns when the code is generated: a column a later "
                            + "migration adds is silently not read until you regenerate; list the columns",
                        at: reference.location))
            }
        }
        return findings
    }

    /// The lists whose entries become the query's result columns, with the clause's name.
    private static func resultLists(of statement: PG.Node) -> [(targets: [PG.Node], clause: String)] {
        switch statement {
        case .selectStmt(let select): selectLists(select)
        case .insertStmt(let insert): [(insert.returningList, "RETURNING")]
        case .updateStmt(let update): [(update.returningList, "RETURNING")]
        case .deleteStmt(let delete): [(delete.returningList, "RETURNING")]
        default: []
        }
    }

    private static func selectLists(_ select: PG.SelectStmt) -> [(targets: [PG.Node], clause: String)] {
        guard select.op == .none else {
            return (select.larg.map(selectLists) ?? []) + (select.rarg.map(selectLists) ?? [])
        }
        return [(select.targetList, "SELECT")]
    }

    /// True when the `t.*` at `offset` stands for a `sqlc.embed(t)`: the rewrite maps its text
    /// back to the macro in the file.
    private static func isEmbed(at offset: Int?, in query: VetQuery) -> Bool {
        guard let offset else { return false }
        let start = query.written.sourceMap.fileOffset(ofStatementOffset: offset)
        let file = query.written.sourceMap.file.text.utf8
        let macro = Array("sqlc.embed".utf8)
        guard start >= 0, start + macro.count <= file.count else { return false }
        let text = file[file.index(file.startIndex, offsetBy: start)...].prefix(macro.count)
        // ASCII letters compare without case; the other bytes of the macro have that bit set.
        return zip(text, macro).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }
}
