extension SwiftEmitter {
    /// `PostgresInet` (`inet`, `cidr`), `PostgresMACAddress` (`macaddr`, `macaddr8`) and `PostgresBitString` (`bit`, `varbit`), which
    /// PostgresNIO has no Swift types for. Both are bound in binary with the OID the statement
    /// names (`bindingDataTypes`), so one Swift type serves both PostgreSQL types of a pair.
    func writeBinarySupportType(_ type: SupportType, to writer: inout SwiftSourceWriter) {
        switch type {
        case .inet: writeSupportSource(Self.inetSource, to: &writer)
        case .macAddress: writeSupportSource(Self.macAddressSource, to: &writer)
        default: writeSupportSource(Self.bitStringSource, to: &writer)
        }
    }

    /// Writes a support type's source, made for the access level and `Codable` when
    /// `emit_codable` is on (`codable` is `", Codable"` or empty).
    func writeSupportSource(_ source: (_ access: String, _ codable: String) -> String, to writer: inout SwiftSourceWriter) {
        let text = source(access, options.emitCodable ? ", Codable" : "")
        writer.lines(of: text)
    }

    // swift-format-ignore
    private static func inetSource(access: String, codable: String) -> String {
        #"""
        /// An `inet` or `cidr` value: an IPv4 (4 bytes) or IPv6 (16 bytes) address and its prefix
        /// length in bits. `description` writes it as PostgreSQL does (`192.168.0.1`, `10.0.0.0/8`, `::1`).
        \#(access)struct PostgresInet: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            /// The address bytes in network order: 4 for IPv4, 16 for IPv6.
            \#(access)var address: [UInt8]
            /// The network prefix in bits: 32 (or 128) for a single host.
            \#(access)var prefixLength: UInt8

            /// An IPv4 address (`[192, 168, 0, 1]`) or IPv6 address, by default a single host.
            \#(access)init(address: [UInt8], prefixLength: UInt8? = nil) {
                precondition(address.count == 4 || address.count == 16, "an inet address has 4 or 16 bytes")
                self.address = address
                self.prefixLength = prefixLength ?? UInt8(address.count * 8)
            }

            \#(access)var isIPv6: Bool { address.count == 16 }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(869) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: family (2 for IPv4, 3 for IPv6), prefix bits, a cidr flag
            /// (which the server ignores on input), the address length, the address.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeInteger(UInt8(isIPv6 ? 3 : 2))
                buffer.writeInteger(prefixLength)
                buffer.writeInteger(UInt8(0))
                buffer.writeInteger(UInt8(address.count))
                buffer.writeBytes(address)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(869) || type == PostgresDataType(650), format == .binary,
                    let family = buffer.readInteger(as: UInt8.self), let bits = buffer.readInteger(as: UInt8.self),
                    buffer.readInteger(as: UInt8.self) != nil, let length = buffer.readInteger(as: UInt8.self),
                    (family == 2 && length == 4) || (family == 3 && length == 16), let bytes = buffer.readBytes(length: Int(length))
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.init(address: bytes, prefixLength: bits)
            }

            \#(access)var description: String {
                var text: String
                if isIPv6 {
                    let groups = stride(from: 0, to: 16, by: 2).map { Int(address[$0]) << 8 | Int(address[$0 + 1]) }
                    // The longest run of two or more zero groups becomes `::` (RFC 5952).
                    var best = (start: -1, count: 0)
                    var index = 0
                    while index < groups.count {
                        var end = index
                        while end < groups.count, groups[end] == 0 { end += 1 }
                        if end - index > best.count, end - index >= 2 { best = (index, end - index) }
                        index = max(end, index + 1)
                    }
                    func hex(_ range: ArraySlice<Int>) -> String { range.map { String($0, radix: 16) }.joined(separator: ":") }
                    if best.start >= 0 {
                        text = hex(groups[..<best.start]) + "::" + hex(groups[(best.start + best.count)...])
                    } else {
                        text = hex(groups[...])
                    }
                } else {
                    text = address.map(String.init).joined(separator: ".")
                }
                return Int(prefixLength) == address.count * 8 ? text : text + "/\(prefixLength)"
            }
        }
        """#
    }

    // swift-format-ignore
    private static func macAddressSource(access: String, codable: String) -> String {
        #"""
        /// A `macaddr` (6 bytes) or `macaddr8` (8 bytes) value; `description` writes it as PostgreSQL
        /// does (`08:00:2b:01:02:03`).
        \#(access)struct PostgresMACAddress: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var bytes: [UInt8]

            \#(access)init(bytes: [UInt8]) {
                precondition(bytes.count == 6 || bytes.count == 8, "a MAC address has 6 or 8 bytes")
                self.bytes = bytes
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(829) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeBytes(bytes)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                let length = type == PostgresDataType(829) ? 6 : 8
                guard type == PostgresDataType(829) || type == PostgresDataType(774), format == .binary,
                    buffer.readableBytes == length, let bytes = buffer.readBytes(length: length)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.bytes = bytes
            }

            \#(access)var description: String {
                bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: ":")
            }
        }
        """#
    }

    // swift-format-ignore
    private static func bitStringSource(access: String, codable: String) -> String {
        #"""
        /// A `bit(n)` or `bit varying` value: a string of bits, first bit first. `description` is
        /// PostgreSQL's text form (`10110`).
        \#(access)struct PostgresBitString: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var bits: [Bool]

            \#(access)init(bits: [Bool]) {
                self.bits = bits
            }

            /// `"10110"`: `1` and `0` only; nil for any other character.
            \#(access)init?(_ text: String) {
                var bits: [Bool] = []
                for character in text {
                    switch character {
                    case "1": bits.append(true)
                    case "0": bits.append(false)
                    default: return nil
                    }
                }
                self.bits = bits
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(1562) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the bit count, then the bits packed from the high bit of each byte.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeInteger(Int32(bits.count))
                var byte: UInt8 = 0
                for (index, bit) in bits.enumerated() {
                    if bit { byte |= 0x80 >> UInt8(index % 8) }
                    if index % 8 == 7 {
                        buffer.writeInteger(byte)
                        byte = 0
                    }
                }
                if bits.count % 8 != 0 { buffer.writeInteger(byte) }
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(1560) || type == PostgresDataType(1562), format == .binary,
                    let count = buffer.readInteger(as: Int32.self), count >= 0, buffer.readableBytes == (Int(count) + 7) / 8,
                    let bytes = buffer.readBytes(length: buffer.readableBytes)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.bits = (0..<Int(count)).map { bytes[$0 / 8] & (0x80 >> UInt8($0 % 8)) != 0 }
            }

            \#(access)var description: String { String(bits.map { $0 ? "1" : "0" }) }
        }
        """#
    }
}
