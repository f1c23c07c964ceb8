import Foundation

/// A dotenv-style file such as `app.env`: `KEY=VALUE` lines.
///
/// - Blank lines and lines starting with `#` are ignored; an unquoted value ends at ` #`
///   (whitespace, then `#`), so `KEY=value # note` works as people expect.
/// - A value may be wrapped in double or single quotes, kept verbatim inside (no escapes); quote
///   a value that contains ` #` or starts with `#`, which would otherwise begin a comment.
/// - An optional `export ` prefix is accepted, so the same file can be `source`d by a shell.
/// - A key given twice takes its last value.
///
/// Errors give the line number, never the line, because values are often secrets.
public struct EnvFile: Sendable, Equatable {
    /// The values by key.
    public var values: [String: String]

    /// Parses the text of a file; `name` is used in error messages.
    ///
    /// - Throws: ``ConfigError`` such as `app.env:3: expected KEY=VALUE`.
    public init(parsing text: String, name: String = "app.env") throws(ConfigError) {
        var values: [String: String] = [:]
        // Swift treats "\r\n" as one Character, a newline, so files saved with Windows line
        // endings split the same way as Unix ones.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, rawLine) in lines.enumerated() {
            let location = "\(name):\(offset + 1)"
            var line = rawLine.drop(while: \.isWhitespace)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") {
                line = line.dropFirst("export ".count).drop(while: \.isWhitespace)
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigError("\(location): expected KEY=VALUE")
            }
            let key = String(line[..<equals].trimmingCharacters(in: .whitespaces))
            guard Self.isValidKey(key) else {
                throw ConfigError("\(location): invalid key (use letters, digits and underscores)")
            }
            values[key] = try Self.value(line[line.index(after: equals)...], at: location)
        }
        self.values = values
    }

    /// Reads and parses the file at `path`, or returns nil when there is no such file (the file is
    /// optional: a deployment may configure everything through the environment).
    ///
    /// - Throws: ``ConfigError`` when the file exists but cannot be read or parsed.
    public static func load(path: String) throws(ConfigError) -> EnvFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError("\(path): cannot be read as UTF-8 text")
        }
        return try EnvFile(parsing: text, name: path)
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`, what a shell accepts as a variable name.
    private static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || isASCIILetter(first) else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || ("0"..."9").contains($0) || isASCIILetter($0) }
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// The value after `=`: quoted, or unquoted up to an inline comment.
    private static func value(_ text: Substring, at location: String) throws(ConfigError) -> String {
        let text = text.drop(while: \.isWhitespace)
        if let quote = text.first, quote == "\"" || quote == "'" {
            let inner = text.dropFirst()
            guard let close = inner.firstIndex(of: quote) else {
                throw ConfigError("\(location): unterminated \(quote == "\"" ? "double" : "single") quote")
            }
            let after = inner[inner.index(after: close)...].drop(while: \.isWhitespace)
            guard after.isEmpty || after.hasPrefix("#") else {
                throw ConfigError("\(location): unexpected text after the closing quote")
            }
            return String(inner[..<close])
        }
        var end = text.endIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "#", index == text.startIndex || text[text.index(before: index)].isWhitespace {
                end = index
                break
            }
            index = text.index(after: index)
        }
        return String(text[..<end]).trimmingCharacters(in: .whitespaces)
    }
}
