/// Splits a SQL script into single statements.
///
/// PostgresNIO sends every query through the extended protocol, which accepts exactly one
/// statement per round trip (a string with two fails with SQLSTATE 42601), so a migration file has
/// to be cut into statements on the client. This is a small lexer, not a parser: it knows just
/// enough of PostgreSQL's lexical rules to find the semicolons that end statements, following
/// psql's own splitting rules:
///
/// - `'…'` strings with `''` escapes, `E'…'` strings with backslash escapes,
///   `"…"` identifiers with `""` escapes,
/// - dollar-quoted bodies `$$…$$` and `$tag$…$tag$` (while `$1` stays a parameter),
/// - `--` line comments and nested `/* … */` block comments,
/// - semicolons inside parentheses (`CREATE RULE … DO ( …; … )`) and inside the
///   `BEGIN ATOMIC … END` body of `CREATE [OR REPLACE] FUNCTION|PROCEDURE` do not end a statement.
///
/// Empty statements (`;;`) and statements made only of comments are dropped.
public struct SQLSplitter {
    /// Where a token starts, to report statement and error locations.
    private struct Mark {
        var index: Int
        var line: Int
        var column: Int
    }

    private let scalars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1

    // The statement being scanned.
    private var start: Mark?
    private var end = 0
    private var leadingWords: [String] = []
    private var mentionsConcurrently = false
    private var parenDepth = 0
    private var beginDepth = 0

    private var statements: [SQLStatement] = []

    /// How many leading words a statement keeps for classification.
    private static let leadingWordLimit = 8

    private init(_ sql: String, file: String) {
        self.scalars = Array(sql.unicodeScalars)
        self.file = file
    }

    /// Splits `sql` into statements.
    ///
    /// - Parameters:
    ///   - sql: The script, e.g. a migration file's contents.
    ///   - file: The name reported in errors.
    /// - Throws: ``MigrationError/unterminatedSQL(file:line:column:construct:)`` when a string,
    ///   quoted identifier, dollar-quoted body or block comment is never closed.
    public static func split(_ sql: String, file: String = "<sql>") throws(MigrationError) -> [SQLStatement] {
        var splitter = SQLSplitter(sql, file: file)
        try splitter.scan()
        return splitter.statements
    }

    // MARK: - Scanning

    private mutating func scan() throws(MigrationError) {
        while let scalar = peek() {
            switch scalar {
            case "-" where peek(1) == "-":
                skipLineComment()
            case "/" where peek(1) == "*":
                try skipBlockComment()
            case "'":
                let mark = markToken()
                try skipQuoted(closing: "'", backslashEscapes: false, from: mark, construct: "quoted string")
            case "\"":
                let mark = markToken()
                try skipQuoted(closing: "\"", backslashEscapes: false, from: mark, construct: "quoted identifier")
            case "$":
                try scanDollar()
            case ";":
                if parenDepth == 0 && beginDepth == 0 {
                    finishStatement()
                    advance()
                } else {
                    _ = markToken()
                    advance()
                    end = index
                }
            case "(":
                _ = markToken()
                parenDepth += 1
                advance()
                end = index
            case ")":
                _ = markToken()
                parenDepth = max(0, parenDepth - 1)
                advance()
                end = index
            case _ where scalar.properties.isWhitespace:
                advance()
            case _ where Self.isIdentifierStart(scalar):
                try scanWord()
            case _ where Self.isDigit(scalar):
                _ = markToken()
                while let next = peek(), Self.isIdentifierPart(next) || next == "." { advance() }
                end = index
            default:
                _ = markToken()
                advance()
                end = index
            }
        }
        finishStatement()
    }

    /// A bare word: keyword or unquoted identifier, or the `E` of an `E'…'` string.
    private mutating func scanWord() throws(MigrationError) {
        let mark = markToken()
        var word = String.UnicodeScalarView()
        while let next = peek(), Self.isIdentifierPart(next) {
            word.append(next)
            advance()
        }
        if word.count == 1, word.first == "E" || word.first == "e", peek() == "'" {
            try skipQuoted(closing: "'", backslashEscapes: true, from: mark, construct: "escape string")
            return
        }
        end = index
        noteWord(String(word).lowercased())
    }

    /// `$1` is a parameter, `$tag$` opens a dollar-quoted body that ends at the same tag.
    private mutating func scanDollar() throws(MigrationError) {
        let mark = markToken()
        if let next = peek(1), Self.isDigit(next) {
            advance()
            while let digit = peek(), Self.isDigit(digit) { advance() }
            end = index
            return
        }
        var length = 1
        while let next = peek(length), Self.isIdentifierPart(next), next != "$" { length += 1 }
        guard peek(length) == "$" else {
            // A lone `$` (an operator character in some extensions); not a quote.
            advance()
            end = index
            return
        }
        let tag = Array(scalars[index...(index + length)])
        for _ in tag { advance() }
        while index < scalars.count {
            if scalars[index] == "$", scalars[index...].starts(with: tag) {
                for _ in tag { advance() }
                end = index
                return
            }
            advance()
        }
        let name = String(String.UnicodeScalarView(tag))
        throw .unterminatedSQL(
            file: file, line: mark.line, column: mark.column, construct: "dollar-quoted string \(name)")
    }

    /// Skips a quoted token whose opening quote is at the current position.
    private mutating func skipQuoted(
        closing: Unicode.Scalar, backslashEscapes: Bool, from mark: Mark, construct: String
    ) throws(MigrationError) {
        advance()  // the opening quote
        while let scalar = peek() {
            if backslashEscapes && scalar == "\\" {
                advance()
                if peek() != nil { advance() }
                continue
            }
            advance()
            if scalar == closing {
                // A doubled quote is an escaped quote, not the end.
                if peek() == closing {
                    advance()
                    continue
                }
                end = index
                return
            }
        }
        throw .unterminatedSQL(file: file, line: mark.line, column: mark.column, construct: construct)
    }

    private mutating func skipLineComment() {
        while let scalar = peek(), scalar != "\n" { advance() }
    }

    /// Block comments nest in PostgreSQL, unlike in C.
    private mutating func skipBlockComment() throws(MigrationError) {
        let mark = Mark(index: index, line: line, column: column)
        advance()
        advance()
        var depth = 1
        while let scalar = peek() {
            if scalar == "/" && peek(1) == "*" {
                depth += 1
                advance()
            } else if scalar == "*" && peek(1) == "/" {
                depth -= 1
                advance()
                if depth == 0 {
                    advance()
                    return
                }
            }
            advance()
        }
        throw .unterminatedSQL(file: file, line: mark.line, column: mark.column, construct: "block comment")
    }

    // MARK: - Statement bookkeeping

    /// Records the start of a significant token, opening a statement if none is open.
    private mutating func markToken() -> Mark {
        let mark = Mark(index: index, line: line, column: column)
        if start == nil { start = mark }
        return mark
    }

    /// Tracks the words that decide whether a semicolon ends the statement, as psql does:
    /// only in `CREATE [OR REPLACE] FUNCTION|PROCEDURE`, and only outside parentheses, does
    /// `BEGIN` (of `BEGIN ATOMIC`) open a block that `END` closes; `CASE` inside such a block
    /// also ends with `END`.
    private mutating func noteWord(_ word: String) {
        if leadingWords.count < Self.leadingWordLimit { leadingWords.append(word) }
        if word == "concurrently" { mentionsConcurrently = true }
        guard isRoutineDefinition, parenDepth == 0 else { return }
        switch word {
        case "begin":
            beginDepth += 1
        case "case" where beginDepth >= 1:
            beginDepth += 1
        case "end" where beginDepth > 0:
            beginDepth -= 1
        default:
            break
        }
    }

    private var isRoutineDefinition: Bool {
        let words = leadingWords
        guard words.count >= 2, words[0] == "create" else { return false }
        if words[1] == "function" || words[1] == "procedure" { return true }
        return words.count >= 4 && words[1] == "or" && words[2] == "replace"
            && (words[3] == "function" || words[3] == "procedure")
    }

    private mutating func finishStatement() {
        if let start {
            let text = String(String.UnicodeScalarView(scalars[start.index..<end]))
            statements.append(
                SQLStatement(
                    text: text,
                    line: start.line,
                    column: start.column,
                    leadingWords: leadingWords,
                    mentionsConcurrently: mentionsConcurrently
                ))
        }
        start = nil
        end = index
        leadingWords = []
        mentionsConcurrently = false
        parenDepth = 0
        beginDepth = 0
    }

    // MARK: - Characters

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let position = index + offset
        return position < scalars.count ? scalars[position] : nil
    }

    private mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    /// PostgreSQL identifiers start with a letter, `_` or any non-ASCII character.
    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || !scalar.isASCII
    }

    /// After the first character identifiers may also contain digits and `$`.
    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar) || scalar == "$"
    }
}
