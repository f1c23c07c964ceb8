extension SwiftEmitter {
    /// `PostgresOID` (`oid` and the `reg…` types), `PostgresLSN` (`pg_lsn`) and
    /// `PostgresJSONPath` (`jsonpath`), which PostgresNIO has no Swift types for. All are bound in
    /// binary; their `description` is a text form PostgreSQL reads, which `:copyfrom` writes.
    func writeSystemSupportType(_ type: SupportType, to writer: inout SwiftSourceWriter) {
        switch type {
        case .oid: writeSupportSource(Self.oidSource, to: &writer)
        case .lsn: writeSupportSource(Self.lsnSource, to: &writer)
        default: writeSupportSource(Self.jsonPathSource, to: &writer)
        }
    }

    // swift-format-ignore
    private static func oidSource(access: String, codable: String) -> String {
        #"""
        /// An object identifier: an `oid`, or one of the `reg…` types that name an object by it
        /// (`regclass`, `regtype`, `regconfig` …). PostgreSQL prints those as names, but rows bring
        /// the number, which is what this holds. To pass a name, let the SQL convert it
        /// (`sqlc.arg(language)::text::regconfig`); to read one, select the column `::text`.
        \#(access)struct PostgresOID: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var rawValue: UInt32

            \#(access)init(_ rawValue: UInt32) {
                self.rawValue = rawValue
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(26) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form of all of them: the number as a big-endian uint32.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeInteger(rawValue)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                // oid, regproc, regprocedure, regoper, regoperator, regclass, regtype, regconfig,
                // regdictionary, regnamespace, regrole, regcollation.
                let types: Set<UInt32> = [26, 24, 2202, 2203, 2204, 2205, 2206, 3734, 3769, 4089, 4096, 4191]
                guard types.contains(type.rawValue), format == .binary, buffer.readableBytes == 4,
                    let rawValue = buffer.readInteger(as: UInt32.self)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.rawValue = rawValue
            }

            /// The number, which every `reg…` type's input also reads.
            \#(access)var description: String { String(rawValue) }
        }

        extension PostgresOID: ExpressibleByIntegerLiteral {
            \#(access)init(integerLiteral value: UInt32) {
                self.rawValue = value
            }
        }
        """#
    }

    // swift-format-ignore
    private static func lsnSource(access: String, codable: String) -> String {
        #"""
        /// A `pg_lsn`: a position in the write-ahead log. `description` is PostgreSQL's text form,
        /// two hexadecimal halves (`16/B374D848`); positions compare as the log orders them.
        \#(access)struct PostgresLSN: Sendable, Hashable\#(codable), Comparable, PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var rawValue: UInt64

            \#(access)init(_ rawValue: UInt64) {
                self.rawValue = rawValue
            }

            /// `16/B374D848`, as PostgreSQL writes it; nil for anything else.
            \#(access)init?(_ text: String) {
                let halves = text.split(separator: "/", omittingEmptySubsequences: false)
                guard halves.count == 2, halves.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy(\.isHexDigit) }),
                    let high = UInt64(halves[0], radix: 16), let low = UInt64(halves[1], radix: 16)
                else { return nil }
                self.rawValue = high << 32 | low
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(3220) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the position as a big-endian uint64.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeInteger(rawValue)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(3220), format == .binary, buffer.readableBytes == 8,
                    let rawValue = buffer.readInteger(as: UInt64.self)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.rawValue = rawValue
            }

            \#(access)static func < (lhs: PostgresLSN, rhs: PostgresLSN) -> Bool { lhs.rawValue < rhs.rawValue }

            \#(access)var description: String {
                String(rawValue >> 32, radix: 16, uppercase: true) + "/" + String(rawValue & 0xFFFF_FFFF, radix: 16, uppercase: true)
            }
        }
        """#
    }

    // swift-format-ignore
    private static func jsonPathSource(access: String, codable: String) -> String {
        #"""
        /// A `jsonpath` expression (`$.items[*] ? (@.price > 10)`), as text. PostgreSQL checks its
        /// syntax when it reads it and prints it back normalized (`$."items"[*]?(@."price" > 10)`).
        \#(access)struct PostgresJSONPath: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var text: String

            \#(access)init(_ text: String) {
                self.text = text
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(4072) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: a version byte (1), then the text.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeInteger(UInt8(1))
                buffer.writeString(text)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(4072), format == .binary, buffer.readInteger(as: UInt8.self) == 1,
                    let text = buffer.readString(length: buffer.readableBytes)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.text = text
            }

            \#(access)var description: String { text }
        }

        extension PostgresJSONPath: ExpressibleByStringLiteral {
            \#(access)init(stringLiteral text: String) {
                self.text = text
            }
        }
        """#
    }
}
