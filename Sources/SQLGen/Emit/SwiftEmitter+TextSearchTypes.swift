extension SwiftEmitter {
    /// `PostgresTSVector` (`tsvector`) and `PostgresTSQuery` (`tsquery`), with the
    /// `PostgresTextSearchWeight` both use, which PostgresNIO has no Swift types for. Both are
    /// bound in binary; their `description` is PostgreSQL's text form, which `:copyfrom` writes.
    func writeTextSearchSupportType(_ type: SupportType, to writer: inout SwiftSourceWriter) {
        switch type {
        case .tsVector: writeSupportSource(Self.tsVectorSource, to: &writer)
        case .tsQuery: writeSupportSource(Self.tsQuerySource, to: &writer)
        default: writeSupportSource(Self.textSearchWeightSource, to: &writer)
        }
    }

    // swift-format-ignore
    private static func textSearchWeightSource(access: String, codable: String) -> String {
        #"""
        /// A text-search weight: `A` (the highest) to `D` (the default, which PostgreSQL does not
        /// print after a `tsvector` position).
        \#(access)enum PostgresTextSearchWeight: String, Sendable, Hashable, CaseIterable\#(codable) {
            case a = "A"
            case b = "B"
            case c = "C"
            case d = "D"

            /// The weight in a `tsvector` position's top two bits: 3 for `A` down to 0 for `D`.
            var positionBits: UInt16 {
                switch self {
                case .a: 3
                case .b: 2
                case .c: 1
                case .d: 0
                }
            }

            /// The weight's bit in a `tsquery` operand's weight mask: 8 for `A` down to 1 for `D`.
            var queryBit: UInt8 { UInt8(1) << UInt8(positionBits) }

            /// `'it''s'`: a lexeme as PostgreSQL prints it, quoted, with `'` and `\` doubled.
            static func quoted(_ lexeme: String) -> String {
                var text = "'"
                for character in lexeme {
                    if character == "'" || character == "\\" { text.append(character) }
                    text.append(character)
                }
                return text + "'"
            }

            /// Reads a NUL-terminated UTF-8 lexeme; nil without the NUL or with invalid UTF-8.
            static func readLexeme(from buffer: inout ByteBuffer) -> String? {
                let view = buffer.readableBytesView
                guard let length = view.firstIndex(of: 0).map({ view.distance(from: view.startIndex, to: $0) }),
                    let bytes = buffer.readBytes(length: length), let text = String(bytes: bytes, encoding: .utf8)
                else { return nil }
                buffer.moveReaderIndex(forwardBy: 1)
                return text
            }
        }
        """#
    }

    // swift-format-ignore
    private static func tsVectorSource(access: String, codable: String) -> String {
        #"""
        /// A `tsvector`: lexemes, each with the positions (and their weights) it occurs at.
        /// `description` is PostgreSQL's text form (`'cat':2,4B 'it''s':1A 'rat'`).
        \#(access)struct PostgresTSVector: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            /// Where a lexeme occurs: a position from 1 to 16383, and the weight it has there.
            \#(access)struct Position: Sendable, Hashable\#(codable) {
                \#(access)var position: UInt16
                \#(access)var weight: PostgresTextSearchWeight

                \#(access)init(_ position: UInt16, weight: PostgresTextSearchWeight = .d) {
                    self.position = position
                    self.weight = weight
                }
            }

            /// A lexeme and its positions (none when the vector was made without them).
            \#(access)struct Lexeme: Sendable, Hashable\#(codable) {
                \#(access)var text: String
                \#(access)var positions: [Position]

                \#(access)init(_ text: String, positions: [Position] = []) {
                    self.text = text
                    self.positions = positions
                }
            }

            /// The lexemes as PostgreSQL keeps them: sorted by their UTF-8 bytes, each once, with
            /// their positions in order.
            \#(access)private(set) var lexemes: [Lexeme]

            /// The vector PostgreSQL makes of these lexemes: sorted, a lexeme given twice merged, a
            /// position given twice kept once with its highest weight, positions above 16383 made
            /// 16383, and at most 256 positions a lexeme.
            \#(access)init(_ lexemes: [Lexeme]) {
                var positions: [[UInt8]: [Position]] = [:]
                for lexeme in lexemes { positions[Array(lexeme.text.utf8), default: []] += lexeme.positions }
                self.lexemes = positions.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { bytes in
                    var unique: [Position] = []
                    for position in (positions[bytes] ?? []).sorted(by: { $0.position < $1.position }) {
                        let clamped = Position(min(position.position, 16383), weight: position.weight)
                        if let last = unique.last, last.position == clamped.position {
                            if clamped.weight.positionBits > last.weight.positionBits { unique[unique.count - 1] = clamped }
                        } else if unique.count < 256 {
                            unique.append(clamped)
                        }
                    }
                    return Lexeme(String(decoding: bytes, as: UTF8.self), positions: unique)
                }
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(3614) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the lexeme count (int32), then each lexeme NUL-terminated,
            /// its position count (uint16) and its positions (uint16: the weight in the top two
            /// bits, the position in the other fourteen).
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeInteger(Int32(truncatingIfNeeded: lexemes.count))
                for lexeme in lexemes {
                    buffer.writeString(lexeme.text)
                    buffer.writeInteger(UInt8(0))
                    buffer.writeInteger(UInt16(truncatingIfNeeded: lexeme.positions.count))
                    for position in lexeme.positions {
                        buffer.writeInteger(position.weight.positionBits << 14 | position.position & 0x3fff)
                    }
                }
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(3614), format == .binary, let count = buffer.readInteger(as: Int32.self), count >= 0
                else { throw PostgresDecodingError.Code.typeMismatch }
                var lexemes: [Lexeme] = []
                for _ in 0..<count {
                    guard let text = PostgresTextSearchWeight.readLexeme(from: &buffer),
                        let positionCount = buffer.readInteger(as: UInt16.self), buffer.readableBytes >= Int(positionCount) * 2
                    else { throw PostgresDecodingError.Code.typeMismatch }
                    let positions = (0..<positionCount).compactMap { _ in buffer.readInteger(as: UInt16.self) }.map { bits in
                        Position(bits & 0x3fff, weight: PostgresTextSearchWeight.allCases.first { $0.positionBits == bits >> 14 } ?? .d)
                    }
                    lexemes.append(Lexeme(text, positions: positions))
                }
                guard buffer.readableBytes == 0 else { throw PostgresDecodingError.Code.typeMismatch }
                self.init(lexemes)
            }

            \#(access)var description: String {
                lexemes.map { lexeme in
                    let positions = lexeme.positions.map { "\($0.position)" + ($0.weight == .d ? "" : $0.weight.rawValue) }
                    return PostgresTextSearchWeight.quoted(lexeme.text) + (positions.isEmpty ? "" : ":" + positions.joined(separator: ","))
                }
                .joined(separator: " ")
            }
        }
        """#
    }

    // swift-format-ignore
    private static func tsQuerySource(access: String, codable: String) -> String {
        #"""
        /// A `tsquery`: lexemes combined with `!`, `&`, `|` and the phrase operators `<->` and `<N>`.
        /// `description` is PostgreSQL's text form (`'fat' & ( 'rat':AB | 'cat':* )`).
        \#(access)struct PostgresTSQuery: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            /// A lexeme or an operator and its operands.
            \#(access)indirect enum Node: Sendable, Hashable\#(codable) {
                /// `'cat'`; with weights, `'cat':AB` matches only positions of those weights; a prefix,
                /// `'cat':*`, matches every lexeme that starts with it.
                case lexeme(String, weights: Set<PostgresTextSearchWeight> = [], isPrefix: Bool = false)
                /// `!operand`.
                case not(Node)
                /// `left & right`.
                case and(Node, Node)
                /// `left | right`.
                case or(Node, Node)
                /// `left <-> right` (distance 1) or `left <N> right`: right occurs N positions after left.
                case phrase(Node, Node, distance: Int16 = 1)
            }

            /// The query; nil for the empty query (`''`), which matches nothing. PostgreSQL sends the
            /// empty query but rejects it as a binary parameter ("operand not found"): bind nil, or
            /// its text form through `::text::tsquery`, instead.
            \#(access)var root: Node?

            \#(access)init(_ root: Node?) {
                self.root = root
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(3615) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the item count (int32), then the items in prefix order, an
            /// operator's right operand before its left. An operand is 1, its weight mask (`A` = 8 …
            /// `D` = 1), a prefix flag and the lexeme NUL-terminated; an operator is 2 and 1 (`!`),
            /// 2 (`&`), 3 (`|`) or 4 (phrase, then its distance as an int16).
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                let countIndex = buffer.writerIndex
                buffer.writeInteger(Int32(0))
                var count: Int32 = 0
                if let root { Self.write(root, to: &buffer, count: &count) }
                buffer.setInteger(count, at: countIndex)
            }

            private static func write(_ node: Node, to buffer: inout ByteBuffer, count: inout Int32) {
                count &+= 1
                let operands: (left: Node, right: Node)
                switch node {
                case .lexeme(let text, let weights, let isPrefix):
                    buffer.writeInteger(UInt8(1))
                    buffer.writeInteger(weights.reduce(UInt8(0)) { $0 | $1.queryBit })
                    buffer.writeInteger(UInt8(isPrefix ? 1 : 0))
                    buffer.writeString(text)
                    buffer.writeInteger(UInt8(0))
                    return
                case .not(let operand):
                    buffer.writeBytes([2, 1])
                    write(operand, to: &buffer, count: &count)
                    return
                case .and(let left, let right):
                    buffer.writeBytes([2, 2])
                    operands = (left, right)
                case .or(let left, let right):
                    buffer.writeBytes([2, 3])
                    operands = (left, right)
                case .phrase(let left, let right, let distance):
                    buffer.writeBytes([2, 4])
                    buffer.writeInteger(distance)
                    operands = (left, right)
                }
                write(operands.right, to: &buffer, count: &count)
                write(operands.left, to: &buffer, count: &count)
            }

            /// An item of the binary form, for decoding.
            private enum Item {
                case lexeme(Node)
                case not, and, or
                case phrase(Int16)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(3615), format == .binary, let count = buffer.readInteger(as: Int32.self), count >= 0
                else { throw PostgresDecodingError.Code.typeMismatch }
                // Items read first, then the tree built from the last item back (without recursion):
                // in that order each operator follows its operands, the right one on top.
                var items: [Item] = []
                for _ in 0..<count {
                    switch buffer.readInteger(as: UInt8.self) {
                    case 1:
                        guard let mask = buffer.readInteger(as: UInt8.self), mask <= 0x0f,
                            let prefix = buffer.readInteger(as: UInt8.self), prefix <= 1,
                            let text = PostgresTextSearchWeight.readLexeme(from: &buffer)
                        else { throw PostgresDecodingError.Code.typeMismatch }
                        let weights = Set(PostgresTextSearchWeight.allCases.filter { mask & $0.queryBit != 0 })
                        items.append(.lexeme(.lexeme(text, weights: weights, isPrefix: prefix == 1)))
                    case 2:
                        switch buffer.readInteger(as: UInt8.self) {
                        case 1: items.append(.not)
                        case 2: items.append(.and)
                        case 3: items.append(.or)
                        case 4:
                            guard let distance = buffer.readInteger(as: Int16.self) else { throw PostgresDecodingError.Code.typeMismatch }
                            items.append(.phrase(distance))
                        default: throw PostgresDecodingError.Code.typeMismatch
                        }
                    default: throw PostgresDecodingError.Code.typeMismatch
                    }
                }
                var stack: [Node] = []
                for item in items.reversed() {
                    if case .lexeme(let node) = item {
                        stack.append(node)
                        continue
                    }
                    guard let right = stack.popLast() else { throw PostgresDecodingError.Code.typeMismatch }
                    if case .not = item {
                        stack.append(.not(right))
                        continue
                    }
                    guard let left = stack.popLast() else { throw PostgresDecodingError.Code.typeMismatch }
                    switch item {
                    case .and: stack.append(.and(left, right))
                    case .or: stack.append(.or(left, right))
                    case .phrase(let distance): stack.append(.phrase(left, right, distance: distance))
                    default: break
                    }
                }
                guard stack.count == (items.isEmpty ? 0 : 1), buffer.readableBytes == 0
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.root = stack.first
            }

            \#(access)var description: String {
                root.map { Self.text(of: $0, parentPriority: 0, isRightOfPhrase: false) } ?? ""
            }

            /// PostgreSQL's infix form: parentheses where an operator binds less tightly than its
            /// parent (`!` before `<->` before `&` before `|`), and around a phrase right of a phrase.
            private static func text(of node: Node, parentPriority: Int, isRightOfPhrase: Bool) -> String {
                let parts: (priority: Int, symbol: String, left: Node, right: Node)
                switch node {
                case .lexeme(let text, let weights, let isPrefix):
                    let letters = PostgresTextSearchWeight.allCases.filter(weights.contains).map(\.rawValue).joined()
                    let suffix = weights.isEmpty && !isPrefix ? "" : ":" + (isPrefix ? "*" : "") + letters
                    return PostgresTextSearchWeight.quoted(text) + suffix
                case .not(let operand): return "!" + text(of: operand, parentPriority: 4, isRightOfPhrase: false)
                case .phrase(let left, let right, let distance): parts = (3, distance == 1 ? "<->" : "<\(distance)>", left, right)
                case .and(let left, let right): parts = (2, "&", left, right)
                case .or(let left, let right): parts = (1, "|", left, right)
                }
                let isPhrase = parts.priority == 3
                let body = text(of: parts.left, parentPriority: parts.priority, isRightOfPhrase: false) + " \(parts.symbol) "
                    + text(of: parts.right, parentPriority: parts.priority, isRightOfPhrase: isPhrase)
                return parts.priority < parentPriority || (isPhrase && isRightOfPhrase) ? "( " + body + " )" : body
            }
        }
        """#
    }
}
