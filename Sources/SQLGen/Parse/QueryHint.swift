import Foundation

/// An inline hint: what static analysis cannot know about one result column or parameter,
/// written in the query file. A column's hint is its alias, a parameter's a comment line above
/// the query:
///
/// ```sql
/// -- @param note?: String
/// -- name: AccountTotals :many
/// SELECT owner, sum(balance) AS "total!", max(note) AS "note: Note?"
/// FROM accounts WHERE note = @note GROUP BY owner;
/// ```
///
/// `name!` makes the value non-optional, `name?` optional, and `: Type` gives it a Swift type of
/// the user's (PostgresEncodable/PostgresDecodable), like an override in the config but for one
/// query; `Type?` also makes it optional. The SQL sent to PostgreSQL carries the plain alias.
public struct QueryHint: Sendable, Hashable {
    public enum Nullability: Sendable, Hashable {
        case nonNull
        case nullable
    }

    /// The column's output name or the parameter's name (`$2` for a positional one).
    public var name: String
    public var nullability: Nullability?
    /// The Swift type, without a trailing `?` (that sets `nullability`).
    public var swiftType: String?
    /// Where the hint is written: the alias or the `@param` comment.
    public var location: SourceLocation
    /// The hint as written (`total!`), for diagnostics.
    public var written: String

    /// Whether an alias is meant as a hint: it ends in `!` or `?`, or holds a `:`. Plain aliases
    /// are left alone.
    static func isHint(_ alias: String) -> Bool {
        alias.hasSuffix("!") || alias.hasSuffix("?") || alias.contains(":")
    }

    /// Reads `name`, `name!`, `name?`, `name: Type`, `name!: Type`, `name: Type?`; a message
    /// saying what is wrong otherwise.
    static func parse(_ text: String, at location: SourceLocation) -> Result<QueryHint, HintError> {
        var namePart = Substring(text)
        var typePart: Substring?
        if let colon = text.firstIndex(of: ":") {
            namePart = text[..<colon]
            typePart = text[text.index(after: colon)...]
        }
        var name = namePart.trimmingCharacters(in: .whitespaces)
        var nullability: Nullability?
        if name.hasSuffix("!") || name.hasSuffix("?") {
            nullability = name.hasSuffix("!") ? .nonNull : .nullable
            name.removeLast()
            name = name.trimmingCharacters(in: .whitespaces)
        }
        guard !name.isEmpty, !name.contains(where: { "!?".contains($0) }) else {
            return .failure(HintError("hint \"\(text)\" needs a name before its marker: \"name!\", \"name?\" or \"name: Type\""))
        }
        var swiftType: String?
        if let typePart {
            var type = typePart.trimmingCharacters(in: .whitespaces)
            if type.hasSuffix("?") {
                type.removeLast()
                if nullability == .nonNull {
                    return .failure(HintError("hint \"\(text)\" says both non-null (\"!\") and optional (\"?\"); keep one"))
                }
                nullability = .nullable
            }
            guard isSwiftTypeName(type) else {
                return .failure(
                    HintError("hint \"\(text)\": \"\(type)\" is not a Swift type name (write \"\(name): Type\", e.g. \"\(name): Decimal\")"))
            }
            swiftType = type
        }
        return .success(
            QueryHint(name: name, nullability: nullability, swiftType: swiftType, location: location, written: text))
    }

    /// A type as a user writes it in code: `Money`, `MyModule.Money`, `[Tag]`, `[String: Int]`,
    /// `Set<Tag>`. Only a shape check; the compiler has the last word.
    private static func isSwiftTypeName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "[" || first == "_" || first.properties.isAlphabetic else {
            return false
        }
        var depth = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "[", "<": depth += 1
            case "]", ">":
                depth -= 1
                if depth < 0 { return false }
            case ".", "_", ",", " ", ":", "?": continue
            default:
                if !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil) { return false }
            }
        }
        return depth == 0 && !text.hasSuffix(".")
    }

    /// `-- @param name!: Type`: the parameter hint a line comment holds, nil for other comments.
    static func parameterHint(in comment: SQLComment, file: SourceFile, fileOffset: Int) -> Result<QueryHint, HintError>? {
        guard comment.style == .line else { return nil }
        let line = comment.docLine
        guard line.hasPrefix("@param") else { return nil }
        let rest = line.dropFirst("@param".count)
        let location = file.location(ofUTF8Offset: fileOffset + comment.range.lowerBound)
        guard rest.first == " " || rest.first == "\t" else {
            return .failure(HintError("expected \"-- @param name: Type\", \"-- @param name?\" or \"-- @param name!\""))
        }
        return parse(rest.trimmingCharacters(in: .whitespaces), at: location)
    }

    /// A malformed hint.
    struct HintError: Error, Sendable, Hashable {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
