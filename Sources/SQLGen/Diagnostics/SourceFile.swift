/// An input file's text and a table that turns UTF-8 byte offsets (the unit libpg_query
/// reports locations in) into 1-based line and column numbers.
public struct SourceFile: Sendable, Hashable {
    /// The path as it should appear in diagnostics (relative to the config file's folder).
    public let path: String
    public let text: String
    /// UTF-8 offset at which each line starts.
    private let lineStarts: [Int]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        self.lineStarts = starts
    }

    /// The location of a UTF-8 byte offset into `text`. Offsets past the end clamp to the end.
    public func location(ofUTF8Offset offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, text.utf8.count))
        // Last line start <= clamped.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        let utf8 = text.utf8
        let startIndex = utf8.index(utf8.startIndex, offsetBy: lineStart)
        let endIndex = utf8.index(utf8.startIndex, offsetBy: clamped)
        let column = text.unicodeScalars[startIndex..<endIndex].count + 1
        return SourceLocation(file: path, line: low + 1, column: column)
    }

    /// The 1-based line number of a UTF-8 offset.
    public func line(ofUTF8Offset offset: Int) -> Int {
        location(ofUTF8Offset: offset).line
    }
}
