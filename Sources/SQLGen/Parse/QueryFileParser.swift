/// The Parse stage for query files: splits a file into annotated statements, rewrites their
/// parameter macros and parses the result with PostgreSQL's grammar.
///
/// ```sql
/// -- Accounts of one owner.
/// -- name: ListAccounts :many
/// SELECT * FROM accounts WHERE owner = @owner LIMIT sqlc.arg(page_size);
/// ```
public enum QueryFileParser {
    /// Parses every query of `file`. A query with a problem (including a name used earlier in
    /// the file) is left out and explained by a diagnostic; the others are still returned.
    public static func parse(_ file: SourceFile) -> (queries: [ParsedQuery], diagnostics: [Diagnostic]) {
        let bytes = Array(file.text.utf8)
        var queries: [ParsedQuery] = []
        var diagnostics: [Diagnostic] = []
        let ranges: [Range<Int>]
        var splitError: PgQuery.SyntaxError?
        do {
            ranges = try PgQuery.split(file.text)
        } catch {
            // PostgreSQL stops at the first syntax error; split lexically instead so that every
            // statement is parsed alone and all errors (and all good queries) are reported.
            ranges = StatementSplitter.split(bytes)
            splitError = error
        }
        for range in ranges {
            let (comments, tokenStart) = SQLTrivia.scanLeading(bytes, from: range.lowerBound, to: range.upperBound)
            let annotations = comments.filter { QueryAnnotation.words(of: $0) != nil }
            guard tokenStart < range.upperBound else {
                diagnostics += annotations.map { unattachedAnnotation($0, in: file) }
                continue
            }
            guard let annotation = annotations.last else {
                // sqlc skips such statements (a file may hold setup SQL beside its queries).
                diagnostics.append(
                    Diagnostic(
                        .note, "statement has no \"-- name: Name :command\" annotation; skipped",
                        at: file.location(ofUTF8Offset: tokenStart)))
                continue
            }
            diagnostics += annotations.dropLast().map { unattachedAnnotation($0, in: file) }
            let end = SQLTrivia.trimmedEnd(bytes, from: tokenStart, to: range.upperBound)
            let (query, problems) = parseQuery(
                file: file, bytes: bytes, annotation: annotation, comments: comments, statement: tokenStart..<end)
            diagnostics += problems
            if let query { queries.append(query) }
        }
        // Annotations after the last statement name nothing.
        var tail = ranges.last?.upperBound ?? 0
        if tail < bytes.count, bytes[tail] == UInt8(ascii: ";") { tail += 1 }
        if tail < bytes.count {
            let (comments, _) = SQLTrivia.scanLeading(bytes, from: tail, to: bytes.count)
            diagnostics += comments.filter { QueryAnnotation.words(of: $0) != nil }.map { unattachedAnnotation($0, in: file) }
        }
        // The error that stopped PostgreSQL's split, when no statement has it: it is outside
        // every statement (`SELECT 1; /* unterminated`).
        if let splitError, !diagnostics.containsErrors {
            diagnostics.append(.error(splitError.message, at: file.location(ofUTF8Offset: splitError.offset ?? bytes.count)))
        }
        // A duplicate is reported here and left out, so a later check across all files
        // (`duplicateNameDiagnostics`) does not report it a second time.
        let duplicates = duplicateNameDiagnostics(queries)
        diagnostics += duplicates
        let duplicateLocations = Set(duplicates.compactMap(\.location))
        queries.removeAll { duplicateLocations.contains($0.annotationLocation) }
        return (queries, diagnostics)
    }

    /// `duplicate query name "X" (first declared at file:line:col)` for every query whose name an
    /// earlier one already uses. Works across files: pass the queries of all files, in order.
    public static func duplicateNameDiagnostics(_ queries: [ParsedQuery]) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for query in queries {
            if let earlier = first[query.name] {
                diagnostics.append(
                    .error("duplicate query name \"\(query.name)\" (first declared at \(earlier))", at: query.annotationLocation))
            } else {
                first[query.name] = query.annotationLocation
            }
        }
        return diagnostics
    }

    /// `@limit` and `sqlc.arg(limit)` fail to parse because `limit` is a reserved word; say how
    /// to write such a parameter name.
    static func reservedWordHint(_ bytes: [UInt8], at offset: Int) -> String {
        var end = offset
        while end < bytes.count, SQLTrivia.isIdentifierByte(bytes[end]) { end += 1 }
        guard end > offset else { return "" }
        let word = String(decoding: bytes[offset..<end], as: UTF8.self)
        let before = String(decoding: bytes[max(0, offset - 9)..<offset], as: UTF8.self).lowercased()
        guard offset > 0, bytes[offset - 1] == UInt8(ascii: "@") || before.hasSuffix("arg(") || before.hasSuffix("slice(") else {
            return ""
        }
        return " (\"\(word)\" is a reserved word; name the parameter with a string: sqlc.arg('\(word)'))"
    }

    private static func unattachedAnnotation(_ comment: SQLComment, in file: SourceFile) -> Diagnostic {
        .error("annotation \"\(comment.written)\" is not followed by a statement", at: file.location(ofUTF8Offset: comment.range.lowerBound))
    }

    /// One annotated statement: annotation, doc comment, macros, final parse.
    private static func parseQuery(
        file: SourceFile, bytes: [UInt8], annotation comment: SQLComment, comments: [SQLComment], statement: Range<Int>
    ) -> (ParsedQuery?, [Diagnostic]) {
        let annotationLocation = file.location(ofUTF8Offset: comment.range.lowerBound)
        let annotation: QueryAnnotation
        switch QueryAnnotation.parse(comment) {
        case .success(let parsed): annotation = parsed
        case .failure(let error): return (nil, [.error(error.message, at: annotationLocation)])
        }
        let docComment = SQLTrivia.commentLinesDirectlyAbove(comment.range.lowerBound, among: comments, in: bytes) {
            $0.docLine.hasPrefix("@")
        }
        var parameterHints: [QueryHint] = []
        var hintDiagnostics: [Diagnostic] = []
        for comment in comments {
            switch QueryHint.parameterHint(in: comment, file: file, fileOffset: 0) {
            case .success(let hint)?: parameterHints.append(hint)
            case .failure(let error)?:
                hintDiagnostics.append(.error(error.message, at: file.location(ofUTF8Offset: comment.range.lowerBound)))
            case nil: break
            }
        }
        guard hintDiagnostics.isEmpty else { return (nil, hintDiagnostics) }
        let text = String(decoding: bytes[statement], as: UTF8.self)
        let original: PG.Node
        do {
            guard let first = try PgQuery.parse(text).first else { return (nil, []) }
            original = first.node
        } catch {
            let offset = error.offset ?? 0
            let message = error.message + reservedWordHint(bytes, at: statement.lowerBound + offset)
            return (nil, [.error(message, at: file.location(ofUTF8Offset: statement.lowerBound + offset))])
        }
        let rewriter = MacroRewriter(file: file, text: text, fileOffset: statement.lowerBound)
        let (rewritten, diagnostics) = rewriter.rewrite(tree: original)
        guard let rewritten else { return (nil, diagnostics) }
        let tree: PG.Node
        do {
            // Most queries have no macro: their text, and so their tree, is unchanged.
            if rewritten.sql == text {
                tree = original
            } else {
                guard let first = try PgQuery.parse(rewritten.sql).first else { return (nil, diagnostics) }
                tree = first.node
            }
        } catch {
            let at = rewritten.sourceMap.location(ofStatementOffset: error.offset ?? 0)
            return (nil, diagnostics + [.error(error.message, at: at)])
        }
        let query = ParsedQuery(
            name: annotation.name, command: annotation.command, docComment: docComment, sql: rewritten.sql, statement: tree,
            namedParameters: rewritten.namedParameters, embeds: rewritten.embeds, columnHints: rewritten.columnHints,
            parameterHints: parameterHints, sourceMap: rewritten.sourceMap, annotationLocation: annotationLocation)
        let warnings = annotation.warning.map { [Diagnostic.warning($0, at: annotationLocation)] } ?? []
        return (query, warnings + diagnostics)
    }
}
