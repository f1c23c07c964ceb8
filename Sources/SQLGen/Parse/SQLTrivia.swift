/// A comment in SQL text, found while skipping the whitespace and comments in front of a statement.
struct SQLComment: Sendable, Hashable {
    enum Style: Sendable, Hashable {
        /// `-- …` up to the end of the line.
        case line
        /// `/* … */`, possibly nested as PostgreSQL allows.
        case block
    }

    var style: Style
    /// UTF-8 range in the scanned text, markers included, line break excluded.
    var range: Range<Int>
    /// The text between the markers, as written.
    var body: String
    /// True when only spaces or tabs precede the comment on its line.
    var startsLine: Bool

    /// The comment as written, without trailing whitespace (how diagnostics quote it).
    var written: String {
        switch style {
        case .line: "--" + body.trimmingTrailingWhitespace
        case .block: "/*" + body + "*/"
        }
    }

    /// How a `swift-sqlgen vet` directive starts (`-- vet: ignore select-star`).
    static let vetMarker = "vet:"

    /// `-- vet: …`: an instruction to `swift-sqlgen vet`, which never becomes documentation.
    var isVetDirective: Bool { style == .line && docLine.hasPrefix(Self.vetMarker) }

    /// A line comment's text as a doc line: the marker and one leading space removed,
    /// trailing whitespace dropped.
    var docLine: String {
        var text = Substring(body)
        if text.first == " " { text = text.dropFirst() }
        return String(text).trimmingTrailingWhitespace
    }
}

/// Lexical helpers for the parts of SQL text that PostgreSQL's parser skips: whitespace and comments.
enum SQLTrivia {
    /// Skips whitespace and comments in `bytes[start..<end]`, returning the comments met and the
    /// offset of the first token (`end` when there is none).
    static func scanLeading(_ bytes: [UInt8], from start: Int, to end: Int) -> (comments: [SQLComment], tokenStart: Int) {
        var comments: [SQLComment] = []
        var index = start
        while index < end {
            let byte = bytes[index]
            if isWhitespace(byte) {
                index += 1
            } else if byte == UInt8(ascii: "-"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "-") {
                var stop = index + 2
                while stop < end, bytes[stop] != UInt8(ascii: "\n") { stop += 1 }
                let body = String(decoding: bytes[(index + 2)..<stop], as: UTF8.self)
                comments.append(SQLComment(style: .line, range: index..<stop, body: body, startsLine: startsLine(bytes, at: index)))
                index = stop
            } else if byte == UInt8(ascii: "/"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "*") {
                var depth = 1
                var stop = index + 2
                while stop < end, depth > 0 {
                    if bytes[stop] == UInt8(ascii: "*"), stop + 1 < end, bytes[stop + 1] == UInt8(ascii: "/") {
                        depth -= 1
                        stop += 2
                    } else if bytes[stop] == UInt8(ascii: "/"), stop + 1 < end, bytes[stop + 1] == UInt8(ascii: "*") {
                        depth += 1
                        stop += 2
                    } else {
                        stop += 1
                    }
                }
                let bodyEnd = depth == 0 ? stop - 2 : stop
                let body = String(decoding: bytes[(index + 2)..<max(index + 2, bodyEnd)], as: UTF8.self)
                comments.append(SQLComment(style: .block, range: index..<stop, body: body, startsLine: startsLine(bytes, at: index)))
                index = stop
            } else {
                return (comments, index)
            }
        }
        return (comments, end)
    }

    /// The offset just past the last non-whitespace byte of `bytes[start..<end]`.
    static func trimmedEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var stop = end
        while stop > start, isWhitespace(bytes[stop - 1]) { stop -= 1 }
        return stop
    }

    /// The `--` lines directly above `target` (an offset at the start of a comment or token):
    /// each on its own line, no blank line between them, nearest last in the returned order.
    /// `skip` leaves out lines (e.g. `-- @flag`) without ending the block; `-- vet:` directives
    /// are always left out.
    static func commentLinesDirectlyAbove(
        _ target: Int, among comments: [SQLComment], in bytes: [UInt8], skip: (SQLComment) -> Bool = { _ in false }
    ) -> [String] {
        var lines: [String] = []
        var next = target
        for comment in comments.reversed() where comment.range.upperBound <= target {
            guard comment.style == .line, comment.startsLine,
                newlineCount(bytes, from: comment.range.upperBound, to: next) == 1
            else { break }
            if !skip(comment) && !comment.isVetDirective { lines.append(comment.docLine) }
            next = comment.range.lowerBound
        }
        return lines.reversed()
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x0B
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
            || byte >= 0x80
    }

    private static func startsLine(_ bytes: [UInt8], at offset: Int) -> Bool {
        var index = offset
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == UInt8(ascii: "\n") { return true }
            if byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
            index -= 1
        }
        return true
    }

    /// Newlines in `bytes[start..<end]`, or -1 when something other than whitespace is there.
    private static func newlineCount(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var count = 0
        for index in start..<max(start, end) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                count += 1
            } else if !isWhitespace(byte) {
                return -1
            }
        }
        return count
    }
}

extension String {
    /// The string without trailing spaces, tabs and line breaks.
    var trimmingTrailingWhitespace: String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
