extension SwiftEmitter {
    /// `PostgresArray<Element>`: arrays bound in text form. Enum arrays need it because a binary
    /// array names its element type's OID, which an enum has only per database; arrays whose
    /// element type postgres-nio has no array coding for (`numeric[]`, `bytea[]`, `json[]`,
    /// `inet[]`, range arrays …) also decode through it. Generated fields keep the natural
    /// `[Decimal]`; the statement binds `PostgresArray(value)` and, for the latter, decodes
    /// `PostgresArray<Decimal>`, taking its `elements`.
    func writeArraySupportType(to writer: inout SwiftSourceWriter) {
        writer.lines(of: Self.arraySource(access: access))
    }

    // swift-format-ignore
    private static func arraySource(access: String) -> String {
        #"""
        /// An array of enums, or of a type postgres-nio has no array coding for. Bound as text
        /// (`{"1.5","2"}`), which PostgreSQL types from the statement, and read from PostgreSQL's
        /// binary form, each element with its type's own decoder. One dimension; a NULL element is a
        /// decoding error.
        \#(access)struct PostgresArray<Element: PostgresDecodable & PostgresTextEncodable & Sendable>: PostgresEncodable, PostgresDecodable, Sendable {
            \#(access)var elements: [Element]

            \#(access)init(_ elements: [Element]) {
                self.elements = elements
            }

            /// Typed by the statement, which names the array type.
            \#(access)static var psqlType: PostgresDataType { PostgresDataType(0) }
            \#(access)static var psqlFormat: PostgresFormat { .text }

            /// `{"1.5","2"}`: each element's text form, quoted as array_in reads it.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) throws {
                buffer.writeString(PostgresArrayLiteral.of(try elements.map { try $0.postgresText }))
            }

            /// PostgreSQL's binary form: the number of dimensions (0 for an empty array), a NULL flag,
            /// the element type, the dimension's length and lower bound, then each element as a length
            /// (-1 for NULL) and its value.
            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard format == .binary, let dimensions = buffer.readInteger(as: Int32.self), buffer.readInteger(as: Int32.self) != nil,
                    let elementType = buffer.readInteger(as: UInt32.self)
                else { throw PostgresDecodingError.Code.typeMismatch }
                guard dimensions != 0 else {
                    self.init([])
                    return
                }
                guard dimensions == 1, let count = buffer.readInteger(as: Int32.self), count >= 0, buffer.readInteger(as: Int32.self) != nil else {
                    throw PostgresDecodingError.Code.typeMismatch
                }
                var elements: [Element] = []
                elements.reserveCapacity(Int(count))
                for _ in 0..<count {
                    guard let length = buffer.readInteger(as: Int32.self), length >= 0, var bytes = buffer.readSlice(length: Int(length)) else {
                        throw PostgresDecodingError.Code.typeMismatch
                    }
                    elements.append(try Element(from: &bytes, type: PostgresDataType(elementType), format: .binary, context: context))
                }
                self.init(elements)
            }
        }
        """#
    }
}
