/// A small, allocation-light JSON reader for libpg_query's output. It exists because parse
/// trees are read for every statement of every file, and Foundation's `JSONSerialization`
/// would add boxing and bridging on that path.
///
/// It reads libpg_query's buffer in place, and builds every object and array at its final size:
/// members are gathered on stacks shared by all nesting levels first. Growing each dictionary one
/// member at a time (rehashing every key at each step) was a tenth of a large project's run.
struct JSONReader {
    struct Failure: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "malformed parse tree JSON at byte \(offset): \(reason)" }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Members of the objects being read, innermost object's last.
    private var members: [(key: String, value: ParseValue)] = []
    /// Elements of the arrays being read, innermost array's last.
    private var elements: [ParseValue] = []

    static func parse(_ text: String) throws(Failure) -> ParseValue {
        var text = text
        return try text.withUTF8 { buffer in Result { () throws(Failure) in try parse(buffer) } }.get()
    }

    /// Reads UTF-8 JSON text that stays valid for the duration of the call.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> ParseValue {
        var reader = JSONReader(bytes: bytes)
        let value = try reader.readValue()
        reader.skipWhitespace()
        guard reader.index == reader.bytes.count else { throw Failure(offset: reader.index, reason: "trailing characters") }
        return value
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private mutating func readValue() throws(Failure) -> ParseValue {
        skipWhitespace()
        guard index < bytes.count else { throw Failure(offset: index, reason: "unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return try readNumber()
        }
    }

    private mutating func expect(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Failure(offset: index, reason: "unexpected end") }
        let matches = word.withUTF8Buffer { buffer in
            buffer.elementsEqual(bytes[index..<index + count])
        }
        guard matches else { throw Failure(offset: index, reason: "unexpected literal") }
        index += count
    }

    private mutating func readObject() throws(Failure) -> ParseValue {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object([:])
        }
        let first = members.count
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Failure(offset: index, reason: "expected a key") }
            let key = try readString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Failure(offset: index, reason: "expected ':'") }
            index += 1
            members.append((key, try readValue()))
            guard try readSeparator(closing: UInt8(ascii: "}")) else { continue }
            var fields = Self.emptyFields(capacity: members.count - first)
            // A repeated key keeps its last value, as assigning one member at a time would.
            for member in members[first...] { fields[member.key] = member.value }
            members.removeSubrange(first...)
            return .object(fields)
        }
    }

    /// Empty dictionaries made once with room for up to 16 members. Inserting into a copy of one
    /// allocates that room through code specialized for these types; `init(minimumCapacity:)`
    /// is not specialized, and looked up the storage's generic metadata for every object.
    private static let emptyFieldsBySize = (0...16).map { [String: ParseValue](minimumCapacity: $0) }

    private static func emptyFields(capacity: Int) -> [String: ParseValue] {
        capacity < emptyFieldsBySize.count ? emptyFieldsBySize[capacity] : [String: ParseValue](minimumCapacity: capacity)
    }

    private mutating func readArray() throws(Failure) -> ParseValue {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .list([])
        }
        let first = elements.count
        while true {
            elements.append(try readValue())
            guard try readSeparator(closing: UInt8(ascii: "]")) else { continue }
            let values = Array(elements[first...])
            elements.removeSubrange(first...)
            return .list(values)
        }
    }

    /// After a member or element: a `,` (false: more follow) or the `closing` bracket (true).
    private mutating func readSeparator(closing: UInt8) throws(Failure) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw Failure(offset: index, reason: "unexpected end") }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: ",") { return false }
        guard byte == closing else {
            throw Failure(offset: index - 1, reason: "expected ',' or '\(Character(Unicode.Scalar(closing)))'")
        }
        return true
    }

    private mutating func readString() throws(Failure) -> String {
        index += 1
        var scalars: [UInt8] = []
        let start = index
        // Fast path: no escapes.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            index += 1
        }
        guard index < bytes.count else { throw Failure(offset: index, reason: "unterminated string") }
        if bytes[index] == UInt8(ascii: "\"") {
            defer { index += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }
        scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            }
            if byte != UInt8(ascii: "\\") {
                scalars.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "u"):
                var code = try readHex4()
                if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                {
                    index += 2
                    let low = try readHex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                scalars.append(contentsOf: Array(String(scalar).utf8))
            default: scalars.append(escaped)
            }
        }
        throw Failure(offset: index, reason: "unterminated string")
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Failure(offset: index, reason: "short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw Failure(offset: index, reason: "bad \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func readNumber() throws(Failure) -> ParseValue {
        let start = index
        var isInteger = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                index += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                isInteger = false
                index += 1
            } else {
                break
            }
        }
        if isInteger, let value = smallInteger(start..<index) { return .int(value) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        if let value = Double(text) { return .double(value) }
        throw Failure(offset: start, reason: "bad number")
    }

    /// `-?[0-9]{1,18}` without making a string (every node has a location); nil for anything
    /// else, which the general path then reads.
    private func smallInteger(_ range: Range<Int>) -> Int? {
        var digits = range
        let isNegative = bytes[range.lowerBound] == UInt8(ascii: "-")
        if isNegative { digits = range.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for offset in digits {
            let digit = bytes[offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return isNegative ? -value : value
    }
}
