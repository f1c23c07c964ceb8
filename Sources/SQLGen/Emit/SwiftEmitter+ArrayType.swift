extension SwiftEmitter {
    /// `PostgresArray<Element>`: arrays bound in text form. Enum arrays need it because a binary
    /// array names its element type's OID, which an enum has only per database; arrays whose
    /// element type postgres-nio has no array coding for (`numeric[]`, `bytea[]`, `json[]`,
    /// `inet[]`, range arrays …) also decode through it, and so do columns declared with several
    /// dimensions (`integer[][]`), nesting one `PostgresArray` per dimension. Generated fields keep
    /// the natural `[Decimal]` or `[[Int32]]`; the statement binds `PostgresArray(value)` and, for
    /// the latter, decodes `PostgresArray<Decimal>`, taking its `elements`.
    func writeArraySupportType(to writer: inout SwiftSourceWriter) {
        writer.lines(of: Self.arraySource(access: access))
    }

    // swift-format-ignore
    private static func arraySource(access: String) -> String {
        #"""
        /// An array of enums, or of a type postgres-nio has no array coding for, or one dimension of
        /// a multi-dimensional array (whose elements are again `PostgresArray`s). Bound as text
        /// (`{"1.5","2"}`, `{{"1","2"},{"3","4"}}`), which PostgreSQL types from the statement, and
        /// read from PostgreSQL's binary form, each element with its type's own decoder. A NULL
        /// element, or a value with another number of dimensions than the nesting, is a decoding error.
        \#(access)struct PostgresArray<Element: PostgresDecodable & PostgresTextEncodable & Sendable>: PostgresEncodable, PostgresDecodable, Sendable {
            \#(access)var elements: [Element]

            \#(access)init(_ elements: [Element]) {
                self.elements = elements
            }

            /// Typed by the statement, which names the array type.
            \#(access)static var psqlType: PostgresDataType { PostgresDataType(0) }
            \#(access)static var psqlFormat: PostgresFormat { .text }

            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) throws {
                buffer.writeString(try postgresText)
            }

            /// PostgreSQL's binary form: the number of dimensions (0 for an empty array), a NULL flag,
            /// the element type, each dimension's length and lower bound, then each element as a length
            /// (-1 for NULL) and its value. With several dimensions, each element of this array is a
            /// slice of one dimension fewer, decoded from a header of its own and its share of the values.
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
                var lengths: [Int32] = []
                for _ in 0..<max(0, min(dimensions, 6)) {
                    guard let length = buffer.readInteger(as: Int32.self), length >= 0, buffer.readInteger(as: Int32.self) != nil else {
                        throw PostgresDecodingError.Code.typeMismatch
                    }
                    lengths.append(length)
                }
                // The nesting of `Element` says how many dimensions the value must have.
                guard lengths.count == dimensions, (dimensions > 1) == (Element.self is any PostgresArrayDimension.Type) else {
                    throw PostgresDecodingError.Code.typeMismatch
                }
                var sliceCount = 1
                for length in lengths.dropFirst() {
                    let (product, overflow) = sliceCount.multipliedReportingOverflow(by: Int(length))
                    guard !overflow else { throw PostgresDecodingError.Code.typeMismatch }
                    sliceCount = product
                }
                var elements: [Element] = []
                elements.reserveCapacity(Int(lengths[0]))
                for _ in 0..<lengths[0] {
                    guard dimensions > 1 else {
                        guard let length = buffer.readInteger(as: Int32.self), length >= 0, var bytes = buffer.readSlice(length: Int(length)) else {
                            throw PostgresDecodingError.Code.typeMismatch
                        }
                        elements.append(try Element(from: &bytes, type: PostgresDataType(elementType), format: .binary, context: context))
                        continue
                    }
                    var slice = ByteBuffer()
                    slice.writeInteger(dimensions - 1)
                    slice.writeInteger(Int32(0))
                    slice.writeInteger(elementType)
                    for length in lengths.dropFirst() {
                        slice.writeInteger(length)
                        slice.writeInteger(Int32(1))
                    }
                    for _ in 0..<sliceCount {
                        guard let length = buffer.readInteger(as: Int32.self), length >= 0, let bytes = buffer.readSlice(length: Int(length)) else {
                            throw PostgresDecodingError.Code.typeMismatch
                        }
                        slice.writeInteger(length)
                        slice.writeImmutableBuffer(bytes)
                    }
                    elements.append(try Element(from: &slice, type: type, format: .binary, context: context))
                }
                self.init(elements)
            }
        }

        extension PostgresArray: PostgresTextEncodable {
            /// `{"1.5","2"}`: each element's text form, quoted as array_in reads it; a nested array unquoted.
            \#(access)var postgresText: String {
                get throws { try elements.postgresText }
            }

            \#(access)var postgresArrayElementText: String {
                get throws { try postgresText }
            }

            \#(access)static var postgresArrayDelimiter: String { Element.postgresArrayDelimiter }
        }

        /// Marks `PostgresArray` as an element: one dimension of a multi-dimensional array.
        \#(access)protocol PostgresArrayDimension {}

        extension PostgresArray: PostgresArrayDimension {}
        """#
    }
}
