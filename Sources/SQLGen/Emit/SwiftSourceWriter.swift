/// Builds Swift source line by line with 4-space indentation, so the emitter reads as the code
/// it writes instead of as string concatenation.
struct SwiftSourceWriter {
    private(set) var text = ""
    private var level = 0
    static let maximumLineLength = 150

    var indentation: String { String(repeating: "    ", count: level) }

    /// Writes one line at the current indentation (an empty string writes an empty line).
    mutating func line(_ content: String) {
        text += content.isEmpty ? "\n" : indentation + content + "\n"
    }

    /// Writes lines that are already indented relative to the current level.
    mutating func lines(_ contents: [String]) {
        for content in contents { line(content) }
    }

    mutating func blankLine() {
        text += "\n"
    }

    /// `header {`, the body one level deeper, `}`.
    /// An empty body is written `header {}`, as swift-format does.
    mutating func block(_ header: String, _ body: (inout SwiftSourceWriter) -> Void) {
        let start = text.utf8.count
        line(header + " {")
        let bodyStart = text.utf8.count
        level += 1
        body(&self)
        level -= 1
        if text.utf8.count == bodyStart {
            text = String(decoding: text.utf8.prefix(start), as: UTF8.self)
            line(header + " {}")
        } else {
            line("}")
        }
    }

    /// `///` lines; blank comment lines become `///`.
    mutating func docComment(_ lines: [String]) {
        for content in lines {
            let trimmed = content.droppingTrailingSpaces
            line(trimmed.isEmpty ? "///" : "/// " + trimmed)
        }
    }

    /// A declaration or call with a parenthesised list, on one line when it fits within the line
    /// length, else one element per line (the layout swift-format produces):
    /// `prefix(a, b) suffix` or `prefix(\n    a,\n    b\n) suffix`.
    mutating func wrapped(_ prefix: String, _ elements: [String], _ suffix: String) {
        let single = prefix + "(" + elements.joined(separator: ", ") + ")" + suffix
        if indentation.count + single.count <= Self.maximumLineLength || elements.isEmpty {
            line(single)
            return
        }
        line(prefix + "(")
        level += 1
        for (index, element) in elements.enumerated() {
            line(element + (index == elements.count - 1 ? "" : ","))
        }
        level -= 1
        line(")" + suffix)
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
