/// Builds Swift source line by line with 4-space indentation, so the emitter reads as the code
/// it writes instead of as string concatenation.
struct SwiftSourceWriter {
    /// The text so far, as UTF-8: appending bytes costs a fraction of appending to a `String`, and
    /// the writer appends a few pieces for every line of every generated file.
    private var bytes: [UInt8] = []
    private var level = 0 {
        didSet { indentation = String(repeating: "    ", count: level) }
    }
    /// The configuration's `lineLength` is 150, and swift-format reports a line of 150 characters.
    static let maximumLineLength = 149

    /// The current level's leading spaces, kept with the level: every line needs them.
    private(set) var indentation = ""

    /// The text written.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Writes one line at the current indentation (an empty string writes an empty line).
    mutating func line(_ content: String) {
        line(content, "")
    }

    /// Writes the line `head + tail` without making that string first.
    private mutating func line(_ head: String, _ tail: String) {
        if !head.isEmpty || !tail.isEmpty {
            bytes.append(contentsOf: indentation.utf8)
            bytes.append(contentsOf: head.utf8)
            bytes.append(contentsOf: tail.utf8)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Writes lines that are already indented relative to the current level.
    mutating func lines(_ contents: [String]) {
        for content in contents { line(content) }
    }

    /// Writes a block of source text (a support type's, kept as a raw string), line by line at
    /// the current indentation.
    mutating func lines(of text: String) {
        lines(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    mutating func blankLine() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Whether `line` fits within the line length at the current indentation. The length is in
    /// characters; a line's UTF-8 size is never less, so most lines are decided without counting.
    func fits(_ line: String) -> Bool {
        let room = Self.maximumLineLength - indentation.utf8.count
        return line.utf8.count <= room || line.count <= room
    }

    /// `header {`, the body one level deeper, `}`.
    /// An empty body is written `header {}`, as swift-format does.
    mutating func block(_ header: String, _ body: (inout SwiftSourceWriter) -> Void) {
        let start = bytes.count
        line(header, " {")
        let bodyStart = bytes.count
        level += 1
        body(&self)
        level -= 1
        if bytes.count == bodyStart {
            bytes.removeSubrange(start...)
            line(header, " {}")
        } else {
            line("}")
        }
    }

    /// `///` lines; blank comment lines become `///`.
    mutating func docComment(_ lines: [String]) {
        for content in lines {
            let trimmed = content.droppingTrailingSpaces
            line(trimmed.isEmpty ? "///" : "/// ", trimmed)
        }
    }

    /// A declaration or call with a parenthesised list, on one line when it fits within the line
    /// length, else one element per line (the layout swift-format produces):
    /// `prefix(a, b) suffix` or `prefix(\n    a,\n    b\n) suffix`.
    mutating func wrapped(_ prefix: String, _ elements: [String], _ suffix: String) {
        if elements.isEmpty || fitsOnOneLine(prefix, elements, suffix) {
            bytes.append(contentsOf: indentation.utf8)
            bytes.append(contentsOf: prefix.utf8)
            bytes.append(UInt8(ascii: "("))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(contentsOf: ", ".utf8) }
                bytes.append(contentsOf: element.utf8)
            }
            bytes.append(UInt8(ascii: ")"))
            bytes.append(contentsOf: suffix.utf8)
            bytes.append(UInt8(ascii: "\n"))
            return
        }
        line(prefix, "(")
        level += 1
        for (index, element) in elements.enumerated() {
            line(element, index == elements.count - 1 ? "" : ",")
        }
        level -= 1
        line(")", suffix)
    }

    /// Whether `prefix(elements…)suffix` fits, measured in UTF-8 first (see `fits`).
    private func fitsOnOneLine(_ prefix: String, _ elements: [String], _ suffix: String) -> Bool {
        let separators = 2 * (elements.count - 1)
        let size = elements.reduce(prefix.utf8.count + 1 + separators + 1 + suffix.utf8.count) { $0 + $1.utf8.count }
        if size <= Self.maximumLineLength - indentation.utf8.count { return true }
        return fits(prefix + "(" + elements.joined(separator: ", ") + ")" + suffix)
    }

    /// `if conditions {` `then` `} else {` `else` `}`, the conditions joined by `separator`
    /// (`","` or `"||"`) on one line when it fits, else filling lines as swift-format does: a
    /// comma ends a line, an operator starts the next, and the brace gets a line of its own.
    mutating func ifElse(
        _ conditions: [String], separator: String, then: (inout SwiftSourceWriter) -> Void,
        else otherwise: (inout SwiftSourceWriter) -> Void
    ) {
        let joiner = separator == "," ? ", " : " \(separator) "
        let single = "if " + conditions.joined(separator: joiner)
        if fits(single + " {") {
            line(single, " {")
        } else {
            var current = "if " + (conditions.first ?? "")
            var isFirstLine = true
            func flush(_ tail: String) {
                if isFirstLine { line(current, tail) } else { indented { $0.line(current, tail) } }
                isFirstLine = false
            }
            for condition in conditions.dropFirst() {
                let continuation = isFirstLine ? "" : "    "
                if separator == "," {
                    if fits(continuation + current + ", " + condition + ",") {
                        current += ", " + condition
                    } else {
                        flush(",")
                        current = condition
                    }
                } else if fits(continuation + current + joiner + condition) {
                    current += joiner + condition
                } else {
                    flush("")
                    current = separator + " " + condition
                }
            }
            flush("")
            line("{")
        }
        indented(then)
        line("} else {")
        indented(otherwise)
        line("}")
    }

    /// A declaration laid out by `wrapped`, then `{`, the body one level deeper, and `}`.
    mutating func wrappedBlock(
        _ prefix: String, _ elements: [String], _ suffix: String, _ body: (inout SwiftSourceWriter) -> Void
    ) {
        wrapped(prefix, elements, suffix + " {")
        indented(body)
        line("}")
    }

    /// `struct Name: A, B {`, or, when that is too long, the conformances on a line of their
    /// own and the brace on the next, as swift-format lays them out.
    mutating func typeBlock(_ declaration: String, conformances: [String], _ body: (inout SwiftSourceWriter) -> Void) {
        let list = conformances.joined(separator: ", ")
        guard !fits(declaration + ": " + list + " {") else { return block(declaration + ": " + list, body) }
        line(declaration, ":")
        indented { writer in writer.line(list) }
        line("{")
        indented(body)
        line("}")
    }

    /// `let columns = try row.decode((A, B).self)`: on one line when it fits, else the tuple on a
    /// line of its own, else its types filling lines inside the parentheses.
    mutating func tupleDecode(_ prefix: String, types: [String]) {
        let tuple = "(" + types.joined(separator: ", ") + ").self"
        if fits("    " + tuple) {
            wrapped(prefix, [tuple], "")
            return
        }
        line(prefix, "(")
        indented { writer in
            writer.line("(")
            writer.indented { writer in writer.fill(types) }
            writer.line(").self")
        }
        line(")")
    }

    /// `items` joined by `, `, as many on a line as fit, each full line ending in a comma.
    mutating func fill(_ items: [String]) {
        var current = ""
        for item in items {
            if current.isEmpty {
                current = item
            } else if fits(current + ", " + item + ",") {
                current += ", " + item
            } else {
                line(current, ",")
                current = item
            }
        }
        if !current.isEmpty { line(current) }
    }

    /// Indents by one level for `body`.
    mutating func indented(_ body: (inout SwiftSourceWriter) -> Void) {
        level += 1
        body(&self)
        level -= 1
    }
}

extension String {
    var droppingTrailingSpaces: String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
