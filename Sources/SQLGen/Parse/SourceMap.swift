/// Maps UTF-8 offsets in a statement's text (possibly rewritten, e.g. `sqlc.arg(id)` → `$1`)
/// back to locations in the file it came from, so every later stage can report
/// `file:line:col` in the user's own text.
public struct SourceMap: Sendable, Hashable {
    /// One run of text copied unchanged (or one replacement) from the original file.
    public struct Segment: Sendable, Hashable {
        /// Start of the run in the statement text.
        public var statementOffset: Int
        /// Start of the run in the original file.
        public var fileOffset: Int

    }

    public let file: SourceFile
    /// Sorted by `statementOffset`; the first starts at 0.
    public let segments: [Segment]

    public init(file: SourceFile, segments: [Segment]) {
        self.file = file
        self.segments = segments.isEmpty ? [Segment(statementOffset: 0, fileOffset: 0)] : segments
    }

    /// A statement copied verbatim from `file` starting at `fileOffset`.
    public init(file: SourceFile, statementStartsAt fileOffset: Int) {
        self.init(file: file, segments: [Segment(statementOffset: 0, fileOffset: fileOffset)])
    }

    /// The file location of a UTF-8 offset in the statement text.
    public func location(ofStatementOffset offset: Int) -> SourceLocation {
        file.location(ofUTF8Offset: fileOffset(ofStatementOffset: offset))
    }

    /// The UTF-8 offset in the file of a UTF-8 offset in the statement text.
    public func fileOffset(ofStatementOffset offset: Int) -> Int {
        var chosen = segments[0]
        for segment in segments where segment.statementOffset <= offset { chosen = segment }
        return chosen.fileOffset + (offset - chosen.statementOffset)
    }

    /// The location of a parse node, or of the statement's start when the node has none.
    public func location(of node: ParseNode?) -> SourceLocation {
        location(ofStatementOffset: node?.location ?? 0)
    }
}
