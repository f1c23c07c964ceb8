extension SwiftEmitter {
    /// `PostgresMoney` (`money`) and `PostgresXML` (`xml`), which PostgresNIO has no Swift types
    /// for. Both are bound in binary; their `description` is PostgreSQL's text form, which
    /// `:copyfrom` writes.
    func writeMoneyOrXMLSupportType(_ type: SupportType, to writer: inout SwiftSourceWriter) {
        writeSupportSource(type == .money ? Self.moneySource : Self.xmlSource, to: &writer)
    }

    // swift-format-ignore
    private static func moneySource(access: String, codable: String) -> String {
        #"""
        /// A `money` value as PostgreSQL keeps it: a whole number of the currency's smallest unit.
        ///
        /// How many of its digits are fractional, the currency symbol and the separators come from
        /// the server's `lc_monetary` setting, which the value does not carry, so this is not a
        /// `Decimal`: `minorUnits` is exact, and what it counts (cents, yen, …) is the server's.
        /// `description` prints it as PostgreSQL does with two fractional digits and the C
        /// locale's symbols (`$1,234.56`, `-$0.01`), which is also what `:copyfrom` writes: under
        /// another `lc_monetary`, bind it instead (binary, which does not depend on the locale).
        \#(access)struct PostgresMoney: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            /// The amount in the currency's smallest unit: 150 is `$1.50` with two fractional digits.
            \#(access)var minorUnits: Int64

            \#(access)init(minorUnits: Int64) {
                self.minorUnits = minorUnits
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(790) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the minor units as a big-endian int64.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeInteger(minorUnits)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(790), format == .binary, buffer.readableBytes == 8,
                    let minorUnits = buffer.readInteger(as: Int64.self)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.minorUnits = minorUnits
            }

            /// `$1,234.56`, `-$0.01`: PostgreSQL's text form in the C locale (two fractional digits).
            \#(access)var description: String {
                let digits = String(minorUnits.magnitude)
                let padded = String(repeating: "0", count: max(0, 3 - digits.count)) + digits
                let whole = Array(padded.dropLast(2))
                var grouped = ""
                for (index, digit) in whole.enumerated() {
                    if index > 0, (whole.count - index) % 3 == 0 { grouped += "," }
                    grouped.append(digit)
                }
                return (minorUnits < 0 ? "-$" : "$") + grouped + "." + padded.suffix(2)
            }
        }
        """#
    }

    // swift-format-ignore
    private static func xmlSource(access: String, codable: String) -> String {
        #"""
        /// An `xml` value: a document or content fragment, as text. PostgreSQL checks that it is
        /// well-formed when it reads it, and may drop an XML declaration that says nothing but
        /// version 1.0 and UTF-8. `description` is the text.
        \#(access)struct PostgresXML: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            /// The XML text, entities unresolved (`<a>&lt;</a>`).
            \#(access)var text: String

            \#(access)init(text: String) {
                self.text = text
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(142) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the text in UTF-8 (the connection's client encoding).
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeString(text)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(142), format == .binary,
                    let bytes = buffer.readBytes(length: buffer.readableBytes), let text = String(bytes: bytes, encoding: .utf8)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.text = text
            }

            \#(access)var description: String { text }
        }
        """#
    }
}
