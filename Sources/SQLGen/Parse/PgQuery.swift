import CPgQuery
import Foundation

/// PostgreSQL's own parser (libpg_query), the only SQL grammar this tool uses.
public enum PgQuery {
    /// One top-level statement of a parsed text.
    public struct Statement: Sendable, Hashable {
        /// The statement's root node (`SelectStmt`, `CreateStmt`, …).
        public var node: PG.Node
        /// UTF-8 offset of the statement's first byte in the parsed text (leading whitespace
        /// and comments before it are included by PostgreSQL; see `trimmedStart`).
        public var location: Int
        /// UTF-8 length of the statement, without the terminating semicolon; 0 means "to the end".
        public var length: Int
    }

    /// A syntax error as PostgreSQL reports it.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        /// UTF-8 offset of the offending token in the parsed text, when PostgreSQL gave one.
        public var offset: Int?
        public var description: String { message }
    }

    /// PostgreSQL's major version whose grammar is linked in.
    public static let postgresVersion = PG_MAJORVERSION

    /// Parses a text of one or more statements into raw parse trees.
    public static func parse(_ text: String) throws(SyntaxError) -> [Statement] {
        let result = pg_query_parse(text)
        defer { pg_query_free_parse_result(result) }
        if let error = result.error { throw syntaxError(error.pointee, in: text) }
        guard let tree = result.parse_tree else { return [] }
        let root: ParseValue
        do {
            // Read in place: the tree of a large statement is many times its text.
            root = try JSONReader.parse(UnsafeBufferPointer(start: UnsafeRawPointer(tree).assumingMemoryBound(to: UInt8.self), count: strlen(tree)))
        } catch {
            throw SyntaxError(message: "could not read the parse tree: \(error)", offset: nil)
        }
        guard let top = root.node else { return [] }
        return PG.ParseResult(top).stmts.compactMap { raw in
            raw.stmt.map { Statement(node: $0, location: raw.stmtLocation, length: raw.stmtLen) }
        }
    }

    /// Splits a text into statements with PostgreSQL's parser and returns their UTF-8 ranges
    /// (without the terminating semicolons). Comments and `$$` bodies are handled as the server does.
    public static func split(_ text: String) throws(SyntaxError) -> [Range<Int>] {
        let result = pg_query_split_with_parser(text)
        defer { pg_query_free_split_result(result) }
        if let error = result.error { throw syntaxError(error.pointee, in: text) }
        var ranges: [Range<Int>] = []
        let total = text.utf8.count
        for index in 0..<Int(result.n_stmts) {
            guard let statement = result.stmts?[index]?.pointee else { continue }
            let start = Int(statement.stmt_location)
            let length = Int(statement.stmt_len)
            ranges.append(start..<(length == 0 ? total : start + length))
        }
        return ranges
    }

    /// libpg_query's error as a `SyntaxError` at a UTF-8 offset of `text`.
    private static func syntaxError(_ error: PgQueryError, in text: String) -> SyntaxError {
        let message = error.message.map { String(cString: $0) } ?? "syntax error"
        return SyntaxError(message: message, offset: utf8Offset(ofCursor: Int(error.cursorpos), in: text))
    }

    /// PostgreSQL reports error cursors as 1-based character positions (0: none), while
    /// parse-tree locations are UTF-8 byte offsets; this converts the former to the latter.
    static func utf8Offset(ofCursor cursor: Int, in text: String) -> Int? {
        guard cursor > 0 else { return nil }
        let scalars = text.unicodeScalars
        let index = scalars.index(scalars.startIndex, offsetBy: cursor - 1, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return text.utf8.distance(from: text.utf8.startIndex, to: index)
    }
}
