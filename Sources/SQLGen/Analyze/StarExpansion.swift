/// One `*` or `t.*` of the statement text and the explicit column list that replaces it, so
/// the SQL sent to PostgreSQL returns exactly the columns the generated code decodes, even
/// after a later migration adds columns.
struct StarEdit: Sendable, Hashable {
    /// UTF-8 range in the query's `sql`, from the ColumnRef's start through the `*`.
    var range: Range<Int>
    /// The columns the star stands for, each spelled as SQL must (`id`, `a."order"`).
    var columns: [String]
}

enum StarExpansion {
    /// The range a star ColumnRef starting at `location` covers in `sql` (through its `*`).
    static func starRange(in sql: String, from location: Int) -> Range<Int>? {
        let bytes = Array(sql.utf8)
        guard location >= 0, location < bytes.count else { return nil }
        var index = location
        while index < bytes.count, bytes[index] != UInt8(ascii: "*") { index += 1 }
        return index < bytes.count ? location..<(index + 1) : nil
    }

    /// `sql` with every edit applied; all other bytes are kept as written.
    static func apply(_ edits: [StarEdit], to sql: String) -> String {
        guard !edits.isEmpty else { return sql }
        let bytes = Array(sql.utf8)
        var result: [UInt8] = []
        var position = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
        where edit.range.lowerBound >= position && edit.range.upperBound <= bytes.count {
            result += bytes[position..<edit.range.lowerBound]
            appendColumns(edit.columns, to: &result)
            position = edit.range.upperBound
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Lines of the expanded SQL stay under this many bytes where the list can be wrapped.
    static let lineLimit = 100

    /// `a, b, c`, wrapped after a comma once the line would pass ``lineLimit``; continuation
    /// lines are indented four spaces past the line the star was on, so the generated SQL
    /// reads like a hand-written column list.
    private static func appendColumns(_ columns: [String], to result: inout [UInt8]) {
        let lineStart = (result.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        let indentation = result[lineStart...].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let continuation = Array(indentation) + Array("    ".utf8)
        var lineLength = result.count - lineStart
        for (index, column) in columns.enumerated() {
            let name = Array(column.utf8)
            if index > 0 {
                result.append(UInt8(ascii: ","))
                if lineLength + 2 + name.count > lineLimit {
                    result.append(UInt8(ascii: "\n"))
                    result += continuation
                    lineLength = continuation.count
                } else {
                    result.append(UInt8(ascii: " "))
                    lineLength += 2
                }
            }
            result += name
            lineLength += name.count
        }
    }

    /// An identifier as SQL must spell it: bare when PostgreSQL would fold it to itself and
    /// it is not a reserved word, else double-quoted.
    static func quoteIdentifier(_ name: String) -> String {
        // Plain names are ASCII, so bytes decide (a byte of any other character is 0x80 or above).
        func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        let isPlain =
            name.utf8.first.map { $0 == UInt8(ascii: "_") || isLowercase($0) } == true
            && name.utf8.allSatisfy { byte in
                byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || isLowercase(byte)
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            }
        if isPlain && !reservedWords.contains(name) { return name }
        return "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// PostgreSQL's reserved key words (and the type-function names that cannot be column labels).
    static let reservedWords: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both",
        "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
        "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
        "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
        "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
        "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
        "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
        "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user", "similar",
        "some", "symmetric", "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique",
        "user", "using", "variadic", "verbose", "when", "where", "window", "with",
    ]
}
