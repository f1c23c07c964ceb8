extension SwiftEmitter {
    /// `PostgresTextEncodable`: each value's text form, as PostgreSQL's input functions read it.
    /// `:copyfrom` writes rows with it, and `PostgresArray` its elements. The base types, every
    /// enum and the support types in use conform; an override's type may conform too.
    func writeTextEncodable(supportTypes: Set<SupportType>, enums: [EnumPlan], to writer: inout SwiftSourceWriter) {
        writer.lines(of: Self.textEncodableSource(access: access))
        for plan in enums {
            writer.blankLine()
            writer.line("extension \(plan.name): PostgresTextEncodable {}")
        }
        if supportTypes.contains(.jsonValue) {
            writer.blankLine()
            writer.block("extension JSONValue: PostgresTextEncodable") { writer in
                writer.block("\(access)var postgresText: String") { writer in
                    writer.line("get throws { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }")
                }
            }
        }
        for type in supportTypes.sorted() where type.copiesDescription {
            // Their descriptions are PostgreSQL's own text forms.
            writer.blankLine()
            writer.block("extension \(type.rawValue): PostgresTextEncodable") { writer in
                writer.line("\(access)var postgresText: String { description }")
                if type == .box {
                    writer.line("/// Boxes contain commas; PostgreSQL separates them with `;` in arrays.")
                    writer.line("\(access)static var postgresArrayDelimiter: String { \";\" }")
                }
            }
        }
        if supportTypes.contains(.interval) {
            writer.blankLine()
            writer.block("extension PostgresInterval: PostgresTextEncodable") { writer in
                writer.line("\(access)var postgresText: String { \"\\(months) mons \\(days) days \\(microseconds) microseconds\" }")
            }
        }
    }

    // swift-format-ignore
    private static func textEncodableSource(access: String) -> String {
        #"""
        /// A value with a PostgreSQL text form, as the type's input function reads it: what the
        /// `:copyfrom` methods write for each column, and what arrays bound as text hold. Conform an
        /// override's type to copy it.
        \#(access)protocol PostgresTextEncodable {
            /// The value as PostgreSQL's input function for its type reads it (`42`, `t`, `{"a","b"}`), unescaped.
            var postgresText: String { get throws }
            /// The value as an element of an array literal: its text quoted, or a nested array's own literal.
            var postgresArrayElementText: String { get throws }
            /// What separates the type's values in an array literal: `,`, or `;` for `box`.
            static var postgresArrayDelimiter: String { get }
        }

        extension PostgresTextEncodable {
            \#(access)var postgresArrayElementText: String {
                get throws { PostgresArrayLiteral.quoted(try postgresText) }
            }

            \#(access)static var postgresArrayDelimiter: String { "," }
        }

        extension PostgresTextEncodable where Self: RawRepresentable, Self.RawValue == String {
            \#(access)var postgresText: String { rawValue }
        }

        extension String: PostgresTextEncodable {
            \#(access)var postgresText: String { self }
        }

        extension Int16: PostgresTextEncodable {
            \#(access)var postgresText: String { String(self) }
        }

        extension Int32: PostgresTextEncodable {
            \#(access)var postgresText: String { String(self) }
        }

        extension Int64: PostgresTextEncodable {
            \#(access)var postgresText: String { String(self) }
        }

        extension Bool: PostgresTextEncodable {
            \#(access)var postgresText: String { self ? "t" : "f" }
        }

        extension Double: PostgresTextEncodable {
            \#(access)var postgresText: String {
                if isNaN { return "NaN" }
                if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
                return description
            }
        }

        extension Float: PostgresTextEncodable {
            \#(access)var postgresText: String { Double(self).isFinite ? description : Double(self).postgresText }
        }

        extension Decimal: PostgresTextEncodable {
            \#(access)var postgresText: String { isNaN ? "NaN" : description }
        }

        extension UUID: PostgresTextEncodable {
            \#(access)var postgresText: String { uuidString }
        }

        extension Data: PostgresTextEncodable {
            /// `bytea`'s hex form: `\x` and two digits per byte.
            \#(access)var postgresText: String {
                let digits = Array("0123456789abcdef".utf8)
                var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
                text.reserveCapacity(2 + count * 2)
                for byte in self {
                    text.append(digits[Int(byte >> 4)])
                    text.append(digits[Int(byte & 0x0f)])
                }
                return String(decoding: text, as: UTF8.self)
            }
        }

        extension Date: PostgresTextEncodable {
            /// The instant in UTC to the microsecond, which `timestamptz`, `timestamp` and `date` all
            /// read (a date ignores the time).
            \#(access)var postgresText: String { PostgresTimeKind.timestamptz.text(of: self) }
        }

        extension Array: PostgresTextEncodable where Element: PostgresTextEncodable {
            /// An array literal with every element quoted, `{"1","two"}`, and nested arrays as they are:
            /// `{{"1","2"},{"3","4"}}`.
            \#(access)var postgresText: String {
                get throws { "{" + (try map { try $0.postgresArrayElementText }).joined(separator: Element.postgresArrayDelimiter) + "}" }
            }

            \#(access)var postgresArrayElementText: String {
                get throws { try postgresText }
            }

            /// The elements' delimiter, which separates the nested arrays too.
            \#(access)static var postgresArrayDelimiter: String { Element.postgresArrayDelimiter }
        }

        /// PostgreSQL's array literal from its elements' text forms.
        \#(access)enum PostgresArrayLiteral {
            /// `{"a","b"}`: each element quoted, `\` and `"` escaped, as array_in reads them.
            \#(access)static func of(_ elements: [String]) -> String {
                "{" + elements.map(quoted).joined(separator: ",") + "}"
            }

            /// `"a \"b\""`: the text in double quotes, `\` and `"` escaped, as array_in and record_in
            /// read a quoted element or field.
            \#(access)static func quoted(_ text: String) -> String {
                var quoted = "\""
                for scalar in text.unicodeScalars {
                    if scalar == "\\" || scalar == "\"" { quoted += "\\" }
                    quoted.unicodeScalars.append(scalar)
                }
                return quoted + "\""
            }
        }
        """#
    }
}
