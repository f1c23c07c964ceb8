/// Base64 with the URL- and filename-safe alphabet of RFC 4648 §5 and **no padding**, the encoding
/// PASETO and JWT use for every token segment.
///
/// Decoding is strict on purpose: padding (`=`), characters from the standard alphabet (`+`, `/`),
/// whitespace and non-canonical encodings (unused trailing bits that are not zero) are all
/// rejected. A lenient decoder would let one token have several spellings, which breaks anything
/// that compares or stores tokens as strings, and PASETO's test vectors require padding to fail.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Maps an ASCII byte to its 6-bit value, or 0xFF for anything outside the URL-safe alphabet.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()

    /// Encodes bytes without padding.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let input = Array(bytes)
        var output = [UInt8]()
        output.reserveCapacity((input.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= input.count {
            let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            output.append(alphabet[Int(chunk >> 18 & 0x3F)])
            output.append(alphabet[Int(chunk >> 12 & 0x3F)])
            output.append(alphabet[Int(chunk >> 6 & 0x3F)])
            output.append(alphabet[Int(chunk & 0x3F)])
            index += 3
        }
        switch input.count - index {
        case 1:
            let chunk = UInt32(input[index]) << 16
            output.append(alphabet[Int(chunk >> 18 & 0x3F)])
            output.append(alphabet[Int(chunk >> 12 & 0x3F)])
        case 2:
            let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
            output.append(alphabet[Int(chunk >> 18 & 0x3F)])
            output.append(alphabet[Int(chunk >> 12 & 0x3F)])
            output.append(alphabet[Int(chunk >> 6 & 0x3F)])
        default:
            break
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes unpadded base64url, or returns nil when the text is not its canonical encoding.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        decode(bytes: Array(text.utf8))
    }

    /// Decodes unpadded base64url given as ASCII bytes, or returns nil (see ``decode(_:)``).
    static func decode(bytes text: some Collection<UInt8>) -> [UInt8]? {
        var values = [UInt8]()
        values.reserveCapacity(text.count)
        for character in text {
            let value = decodeTable[Int(character)]
            guard value != 0xFF else { return nil }
            values.append(value)
        }
        // One leftover character carries only 6 bits, less than a byte: no encoder produces it.
        guard values.count % 4 != 1 else { return nil }

        var output = [UInt8]()
        output.reserveCapacity(values.count * 3 / 4)
        var index = 0
        while index + 4 <= values.count {
            let chunk =
                UInt32(values[index]) << 18 | UInt32(values[index + 1]) << 12 | UInt32(values[index + 2]) << 6
                | UInt32(values[index + 3])
            output.append(UInt8(chunk >> 16 & 0xFF))
            output.append(UInt8(chunk >> 8 & 0xFF))
            output.append(UInt8(chunk & 0xFF))
            index += 4
        }
        switch values.count - index {
        case 2:
            // 12 bits for one byte: the low 4 bits must be zero in a canonical encoding.
            guard values[index + 1] & 0x0F == 0 else { return nil }
            output.append(values[index] << 2 | values[index + 1] >> 4)
        case 3:
            // 18 bits for two bytes: the low 2 bits must be zero in a canonical encoding.
            guard values[index + 2] & 0x03 == 0 else { return nil }
            let chunk = UInt32(values[index]) << 18 | UInt32(values[index + 1]) << 12 | UInt32(values[index + 2]) << 6
            output.append(UInt8(chunk >> 16 & 0xFF))
            output.append(UInt8(chunk >> 8 & 0xFF))
        default:
            break
        }
        return output
    }
}
