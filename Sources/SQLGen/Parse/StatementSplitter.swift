/// A lexical statement splitter, used only when PostgreSQL's parser cannot split a query file
/// because of a syntax error: it lets every statement be parsed (and its error reported) on
/// its own, instead of stopping at the file's first error.
///
/// It knows what can hide a `;`: string literals (`'…'`, `E'…'`), quoted identifiers,
/// dollar-quoted bodies, comments and parentheses. Ranges follow `PgQuery.split`'s convention:
/// each starts right after the previous `;` (leading comments included) and excludes the `;`.
enum StatementSplitter {
    static func split(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        var depth = 0
        func at(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let escapes = byte == UInt8(ascii: "'") && index > 0 && (bytes[index - 1] | 0x20) == UInt8(ascii: "e")
                index += 1
                while index < bytes.count {
                    if escapes, bytes[index] == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if bytes[index] == byte {
                        if at(index + 1) == byte {
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
            case UInt8(ascii: "-") where at(index + 1) == UInt8(ascii: "-"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where at(index + 1) == UInt8(ascii: "*"):
                let (_, after) = SQLTrivia.scanLeading(bytes, from: index, to: bytes.count)
                index = max(index + 1, after) - 1
            case UInt8(ascii: "$"):
                // `$tag$ … $tag$` (not `$1`, and not `a$b` inside an identifier).
                guard index == 0 || !SQLTrivia.isIdentifierByte(bytes[index - 1]) else { break }
                var tagEnd = index + 1
                while tagEnd < bytes.count, bytes[tagEnd] != UInt8(ascii: "$"), SQLTrivia.isIdentifierByte(bytes[tagEnd]) {
                    tagEnd += 1
                }
                guard at(tagEnd) == UInt8(ascii: "$"), !(index + 1 < tagEnd && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1]))
                else { break }
                let tag = Array(bytes[index...tagEnd])
                var search = tagEnd + 1
                var closed = bytes.count - 1
                while search + tag.count <= bytes.count {
                    if bytes[search..<search + tag.count].elementsEqual(tag) {
                        closed = search + tag.count - 1
                        break
                    }
                    search += 1
                }
                index = closed
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                depth = max(0, depth - 1)
            case UInt8(ascii: ";") where depth == 0:
                ranges.append(start..<index)
                start = index + 1
            default:
                break
            }
            index += 1
        }
        ranges.append(start..<bytes.count)
        // Like PostgreSQL, drop pieces that hold no statement (only whitespace and comments).
        return ranges.filter { SQLTrivia.scanLeading(bytes, from: $0.lowerBound, to: $0.upperBound).tokenStart < $0.upperBound }
    }
}
