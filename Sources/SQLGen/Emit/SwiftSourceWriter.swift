/// Builds Swift source line by line with 4-space indentation, so the emitter reads as the code
/// it writes instead of as string concatenation.
struct SwiftSourceWriter {
    private(set) var text = ""
    private var level = 0 {
        didSet { indentation = String(repeating: "    ", count: level) }
    }
    static let maximumLineLength = 150

    /// The current level's leading spaces, kept with the level: every line needs them.
    private(set) var indentation = ""

    /// Writes one line at the current indentation (an empty string writes an empty line).
    mutating func line(_ content: String) {
        // Appended piece by piece: building `indentation + content` first made a string per line.
        if !content.isEmpty {
            text += indentation
            text += content
        }
        text += "\n"
    }

    /// Writes lines that are already indented relative to the current level.
    mutating func lines(_ contents: [String]) {
        for content in contents { line(content) }
    }

    mutating func blankLine() {
        text += "\n"
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
        if elements.isEmpty || fits(single) {
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
