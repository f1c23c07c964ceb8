import Testing

@testable import BankServer

@Suite("Base64URL")
struct Base64URLTests {
    /// RFC 4648 §10 test vectors, without padding.
    static let rfc4648: [(text: String, encoded: String)] = [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ]

    @Test("RFC 4648 vectors encode without padding and decode back")
    func rfc4648Vectors() {
        for (text, encoded) in Self.rfc4648 {
            #expect(Base64URL.encode(utf8(text)) == encoded)
            #expect(Base64URL.decode(encoded) == utf8(text))
        }
    }

    @Test("uses - and _ where standard base64 uses + and /")
    func urlAlphabet() {
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
    }

    @Test("every length and byte value round-trips")
    func roundTrip() {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        for length in 0...bytes.count {
            let slice = Array(bytes.prefix(length))
            #expect(Base64URL.decode(Base64URL.encode(slice)) == slice)
        }
    }

    @Test(
        "refuses padding, the standard alphabet, whitespace, impossible lengths and non-canonical trailing bits",
        arguments: ["Zg==", "Zm8=", "+/+/", "Zm9v\n", "Zm 9v", "Z", "Zm9vY", "Zh", "Zm9", "é"]
    )
    func refusesNonCanonical(_ text: String) {
        // "Zh" and "Zm9" decode to "f" and "fo" in lenient decoders but set bits that carry no data.
        #expect(Base64URL.decode(text) == nil)
    }
}

@Suite("Hex")
struct HexTests {
    @Test("decodes either case and encodes lower case")
    func roundTrip() {
        #expect(Hex.decode("00ff7Fa0") == [0x00, 0xFF, 0x7F, 0xA0])
        #expect(Hex.encode([0x00, 0xFF, 0x7F, 0xA0]) == "00ff7fa0")
        #expect(Hex.decode("") == [])
    }

    @Test("refuses odd lengths, prefixes and non-hex characters", arguments: ["0", "0x00", "zz", "0 ", "éé"])
    func refuses(_ text: String) {
        #expect(Hex.decode(text) == nil)
    }
}
