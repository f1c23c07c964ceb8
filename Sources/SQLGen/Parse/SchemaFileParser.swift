/// The Parse stage for schema (migration) files: keeps the "up" part, splits it into
/// statements and parses each with PostgreSQL's grammar.
///
/// Down sections of single-file migration tools are dropped (everything after a line such as
/// `-- +goose Down`, `-- +migrate Down`, `-- migrate:down` or
/// `---- create above / drop below ----`), and psql meta-commands (`\connect`, `\restrict` …)
/// are blanked so pg_dump output can serve as a schema.
public enum SchemaFileParser {
    /// Lines (lower-cased, leading whitespace removed) that start a migration's down section.
    static let downMarkers = ["-- +goose down", "-- +migrate down", "-- migrate:down", "---- create above / drop below ----"]

    public static func parse(_ file: SourceFile) -> (statements: [SchemaStatement], diagnostics: [Diagnostic]) {
        let bytes = upSection(of: Array(file.text.utf8))
        // Blanking keeps every offset valid for `file`.
        let text = String(decoding: bytes, as: UTF8.self)
        let ranges: [Range<Int>]
        do {
            ranges = try PgQuery.split(text)
        } catch {
            return ([], [.error(error.message, at: file.location(ofUTF8Offset: error.offset ?? 0))])
        }
        // Statements parse independently of each other: spread them over the cores.
        let parsed = ranges.concurrentMap { range in parseStatement(in: range, of: file, bytes: bytes) }
        let statements = parsed.compactMap(\.statement).flatMap { [$0] + typeStatements(insideDoBlock: $0) }
        return (statements, parsed.compactMap(\.diagnostic))
    }

    /// One statement of the up section, or the syntax error that stops it (nil, nil: only comments).
    private static func parseStatement(in range: Range<Int>, of file: SourceFile, bytes: [UInt8]) -> (
        statement: SchemaStatement?, diagnostic: Diagnostic?
    ) {
        let (comments, tokenStart) = SQLTrivia.scanLeading(bytes, from: range.lowerBound, to: range.upperBound)
        guard tokenStart < range.upperBound else { return (nil, nil) }
        let end = SQLTrivia.trimmedEnd(bytes, from: tokenStart, to: range.upperBound)
        let statementText = String(decoding: bytes[tokenStart..<end], as: UTF8.self)
        do {
            guard let parsed = try PgQuery.parse(statementText).first else { return (nil, nil) }
            let leading = SQLTrivia.commentLinesDirectlyAbove(tokenStart, among: comments, in: bytes) { comment in
                let line = comment.docLine.lowercased()
                return line.hasPrefix("+goose") || line.hasPrefix("+migrate") || line.hasPrefix("migrate:")
            }
            let statement = SchemaStatement(
                node: parsed.node, sourceMap: SourceMap(file: file, statementStartsAt: tokenStart), text: statementText,
                leadingComments: leading)
            return (statement, nil)
        } catch {
            return (nil, .error(error.message, at: file.location(ofUTF8Offset: tokenStart + (error.offset ?? 0))))
        }
    }

    /// The type DDL a `DO` block runs (`CREATE TYPE`, `CREATE DOMAIN`, `ALTER TYPE`), the
    /// common way to create a type only if it does not exist yet:
    ///
    /// ```sql
    /// DO $$ BEGIN
    ///     CREATE TYPE status AS ENUM ('active', 'closed');
    /// EXCEPTION WHEN duplicate_object THEN NULL;
    /// END $$;
    /// ```
    ///
    /// PL/pgSQL is not parsed, so statements in other forms inside the block stay unseen.
    static func typeStatements(insideDoBlock statement: SchemaStatement) -> [SchemaStatement] {
        guard case .doStmt(let block) = statement.node else { return [] }
        let body = block.args.lazy.compactMap { argument -> String? in
            guard case .defElem(let element) = argument, element.defname == "as", case .string(let text)? = element.arg
            else { return nil }
            return text.sval
        }.first
        guard let body, let bodyRange = statement.text.range(of: body) else { return [] }
        let bodyOffset = statement.text.utf8.distance(from: statement.text.startIndex, to: bodyRange.lowerBound)
        var found: [SchemaStatement] = []
        for match in body.matches(of: typeDDL) {
            let text = String(body[match.range])
            guard let parsed = try? PgQuery.parse(text), parsed.count == 1 else { continue }
            let offset = bodyOffset + body.utf8.distance(from: body.startIndex, to: match.range.lowerBound)
            let sourceMap = SourceMap(
                file: statement.sourceMap.file, statementStartsAt: statement.sourceMap.fileOffset(ofStatementOffset: offset))
            var inner = SchemaStatement(node: parsed[0].node, sourceMap: sourceMap, text: text)
            inner.isInsideDoBlock = true
            found.append(inner)
        }
        return found
    }

    /// `CREATE TYPE …;`, `CREATE DOMAIN …;`, `ALTER TYPE …;` in a PL/pgSQL body.
    nonisolated(unsafe) private static let typeDDL = /(?i)\b(create\s+(type|domain)|alter\s+type)\b[^;]*;/

    /// The bytes of the up section: the down section and psql meta-command lines are replaced
    /// by spaces (line breaks kept), so offsets and line numbers stay those of the file.
    static func upSection(of bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        var lineStart = 0
        var inDownSection = false
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var contentStart = lineStart
            while contentStart < lineEnd, bytes[contentStart] == 0x20 || bytes[contentStart] == 0x09 { contentStart += 1 }
            let line = String(decoding: bytes[contentStart..<lineEnd], as: UTF8.self).lowercased()
            if !inDownSection, downMarkers.contains(where: { line.hasPrefix($0) }) { inDownSection = true }
            if inDownSection || line.hasPrefix("\\") {
                for index in lineStart..<lineEnd where bytes[index] != UInt8(ascii: "\r") { result[index] = 0x20 }
            }
            lineStart = lineEnd + 1
        }
        return result
    }
}
