/// Swift string literals for arbitrary text (the SQL of a statement).
public enum SwiftStringLiteral {
    /// A single-line literal: `"SELECT \"a\" FROM t"`. Escapes `\`, `"`, and control characters.
    public static func singleLine(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// The lines of a multi-line literal (`"""` … `"""`), each to be written at the same
    /// indentation as the closing delimiter. Text lines keep their own leading whitespace;
    /// `\` is escaped, and `"""` inside the text is broken up with an escape. Trailing
    /// whitespace on a line is written as an escape so editors and formatters cannot drop it.
    public static func multiLineBody(_ text: String) -> [String] {
        var lines: [String] = ["\"\"\""]
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var escaped = ""
            var quoteRun = 0
            for scalar in rawLine.unicodeScalars {
                switch scalar {
                case "\\": escaped += "\\\\"; quoteRun = 0
                case "\"":
                    quoteRun += 1
                    if quoteRun == 3 {
                        escaped += "\\\""
                        quoteRun = 0
                    } else {
                        escaped += "\""
                    }
                case "\r": escaped += "\\r"; quoteRun = 0
                case "\t": escaped += "\\t"; quoteRun = 0
                default:
                    quoteRun = 0
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        escaped += "\\u{\(String(scalar.value, radix: 16))}"
                    } else {
                        escaped.unicodeScalars.append(scalar)
                    }
                }
            }
            if escaped.hasSuffix(" ") {
                let trimmed = escaped.droppingTrailingSpaces
                let spaces = escaped.count - trimmed.count
                escaped = trimmed + String(repeating: " ", count: spaces - 1) + "\\u{20}"
            }
            lines.append(escaped)
        }
        lines.append("\"\"\"")
        return lines
    }

    /// Whether `text` needs the multi-line form.
    public static func needsMultiLine(_ text: String) -> Bool {
        // Bytes, not Foundation's substring search, which cost more than writing the literal.
        text.utf8.contains(UInt8(ascii: "\n"))
    }
}
