/// Swift string literals for arbitrary text (the SQL of a statement).
///
/// Built byte by byte: only ASCII bytes are ever escaped, and the bytes of other characters
/// (all 0x80 and above) are copied as they are. Appending one Unicode scalar at a time cost more
/// than the rest of a statement's code.
public enum SwiftStringLiteral {
    /// A single-line literal: `"SELECT \"a\" FROM t"`. Escapes `\`, `"`, and control characters.
    public static func singleLine(_ text: String) -> String {
        var literal: [UInt8] = []
        literal.reserveCapacity(text.utf8.count + 2)
        literal.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): append(#"\\"#, to: &literal)
            case UInt8(ascii: "\""): append(#"\""#, to: &literal)
            case UInt8(ascii: "\n"): append(#"\n"#, to: &literal)
            case UInt8(ascii: "\r"): append(#"\r"#, to: &literal)
            case UInt8(ascii: "\t"): append(#"\t"#, to: &literal)
            case 0: append(#"\0"#, to: &literal)
            default: appendEscapingControl(byte, to: &literal)
            }
        }
        literal.append(UInt8(ascii: "\""))
        return String(decoding: literal, as: UTF8.self)
    }

    /// The lines of a multi-line literal (`"""` … `"""`), each to be written at the same
    /// indentation as the closing delimiter. Text lines keep their own leading whitespace;
    /// `\` is escaped, and `"""` inside the text is broken up with an escape. Trailing
    /// whitespace on a line is written as an escape so editors and formatters cannot drop it.
    public static func multiLineBody(_ text: String) -> [String] {
        var lines: [String] = ["\"\"\""]
        let bytes = Array(text.utf8)
        var line: [UInt8] = []
        var quoteRun = 0
        func endLine() {
            lines.append(escapingTrailingSpace(line))
            line.removeAll(keepingCapacity: true)
            quoteRun = 0
        }
        for (index, byte) in bytes.enumerated() {
            // Lines are split at line-break characters: CR LF is one character, so its LF stays
            // in the line (and is escaped below).
            if byte == UInt8(ascii: "\n"), index == 0 || bytes[index - 1] != UInt8(ascii: "\r") {
                endLine()
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                append(#"\\"#, to: &line)
                quoteRun = 0
            case UInt8(ascii: "\""):
                quoteRun += 1
                if quoteRun == 3 {
                    append(#"\""#, to: &line)
                    quoteRun = 0
                } else {
                    line.append(byte)
                }
            case UInt8(ascii: "\r"):
                append(#"\r"#, to: &line)
                quoteRun = 0
            case UInt8(ascii: "\t"):
                append(#"\t"#, to: &line)
                quoteRun = 0
            default:
                quoteRun = 0
                appendEscapingControl(byte, to: &line)
            }
        }
        endLine()
        lines.append("\"\"\"")
        return lines
    }

    /// Whether `text` needs the multi-line form.
    public static func needsMultiLine(_ text: String) -> Bool {
        // Bytes, not Foundation's substring search, which cost more than writing the literal.
        text.utf8.contains(UInt8(ascii: "\n"))
    }

    /// An escaped line, its last trailing space written `\u{20}`.
    private static func escapingTrailingSpace(_ line: [UInt8]) -> String {
        guard line.last == UInt8(ascii: " ") else { return String(decoding: line, as: UTF8.self) }
        let beforeSpaces = line.lastIndex { $0 != UInt8(ascii: " ") }
        if let beforeSpaces, line[beforeSpaces] >= 0x80 {
            // A character before the spaces may take the first space into itself (a prepended
            // concatenation mark): count spaces as characters, as a reader of the text would.
            let text = String(decoding: line, as: UTF8.self)
            guard text.hasSuffix(" ") else { return text }
            let trimmed = text.droppingTrailingSpaces
            let spaces = text.count - trimmed.count
            return trimmed + String(repeating: " ", count: spaces - 1) + "\\u{20}"
        }
        return String(decoding: line.dropLast(), as: UTF8.self) + "\\u{20}"
    }

    private static func append(_ escape: StaticString, to bytes: inout [UInt8]) {
        escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// The byte, or `\u{…}` for an ASCII control character (other than those with a short escape).
    private static func appendEscapingControl(_ byte: UInt8, to bytes: inout [UInt8]) {
        guard byte < 0x20 || byte == 0x7F else {
            bytes.append(byte)
            return
        }
        bytes.append(contentsOf: "\\u{\(String(byte, radix: 16))}".utf8)
    }
}
