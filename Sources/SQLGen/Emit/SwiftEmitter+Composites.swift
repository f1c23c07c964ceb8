extension SwiftEmitter {
    /// A struct for a composite type (`CREATE TYPE address AS (street text, zip int)`), or nil,
    /// with a warning, when a field has no Swift mapping. Every field is optional: PostgreSQL puts
    /// no constraints on a composite's attributes.
    func planComposite(_ composite: Table, diagnostics: inout [Diagnostic]) -> ModelPlan? {
        switch planFields(of: composite, columnOverrides: false) {
        case .success(let fields):
            return ModelPlan(name: names.compositeName(composite), table: composite, fields: fields)
        case .failure(let unmapped):
            diagnostics.append(
                .warning(
                    "composite type \"\(composite.name)\": field \"\(unmapped.column.name)\" has type \"\(unmapped.column.type)\", "
                        + "which has no Swift mapping; no struct is generated for the type",
                    at: nil))
            return nil
        }
    }

    /// The composite's struct: its fields, bound in PostgreSQL's text form (`("1 Main St",12345)`)
    /// and read from the binary form field by field, each with its type's own decoder.
    func writeComposite(_ plan: ModelPlan, to writer: inout SwiftSourceWriter) {
        var comment = ["The composite type `\(plan.table.name)`."]
        if let typeComment = plan.table.comment { comment = commentLines(typeComment) }
        writer.docComment(comment)
        let conformances = dataConformances + Self.recordConformances
        writer.typeBlock("\(access)struct \(plan.name)", conformances: conformances) { writer in
            for field in plan.fields {
                if let comment = field.comment { writer.docComment(commentLines(comment)) }
                writer.line("\(access)var \(field.escapedName): \(field.type.spelled)")
            }
            writer.blankLine()
            writeMemberwiseInit(fields: plan.fields, to: &writer)
            writer.blankLine()
            writeRecordMembers(plan, to: &writer)
        }
        writer.blankLine()
        writeRecordTextEncodable(plan, to: &writer)
    }

    /// A table's model whose rows are used as values (`SELECT a FROM accounts a`, `array_agg(e)`):
    /// the same record coding as a composite's struct. A NULL in a field the model declares
    /// non-optional (a NOT NULL column) is a decoding error.
    func writeRowValueConformances(_ plan: ModelPlan, to writer: inout SwiftSourceWriter) {
        writer.docComment(["A row of `\(plan.table.name)` as one value, in PostgreSQL's record forms."])
        writer.block("extension \(plan.name): \(Self.recordConformances.joined(separator: ", "))") { writer in
            writeRecordMembers(plan, to: &writer)
        }
        writer.blankLine()
        writeRecordTextEncodable(plan, to: &writer)
    }

    private static let recordConformances = ["PostgresEncodable", "PostgresDecodable", "PostgresArrayDecodable"]

    private func writeRecordMembers(_ plan: ModelPlan, to writer: inout SwiftSourceWriter) {
        writer.docComment(["Typed by the statement: a composite or row type's OID differs from database to database."])
        writer.line("\(access)static var psqlType: PostgresDataType { PostgresDataType(0) }")
        writer.line("\(access)static var psqlFormat: PostgresFormat { .text }")
        writer.blankLine()
        writer.wrappedBlock(
            "\(access)func encode<JSONEncoder: PostgresJSONEncoder>",
            ["into buffer: inout ByteBuffer", "context: PostgresEncodingContext<JSONEncoder>"], " throws"
        ) { writer in
            writer.line("buffer.writeString(try postgresText)")
        }
        writer.blankLine()
        writeDecoderInit(to: &writer) { writer in
            writer.line("var fields = try PostgresRecordFields(from: &buffer, format: format, count: \(plan.fields.count))")
            let arguments = plan.fields.map { field in
                let type = field.type
                let next = type.isOptional ? "next" : "nextNonNull"
                let read = "try fields.\(next)(\(type.decodedSpelling(optional: false)).self, context: context)"
                return "\(field.argumentLabel): \(type.value(fromDecoded: read, optional: type.isOptional))"
            }
            writer.wrapped("self.init", arguments, "")
        }
    }

    private func writeRecordTextEncodable(_ plan: ModelPlan, to writer: inout SwiftSourceWriter) {
        writer.block("extension \(plan.name): PostgresTextEncodable") { writer in
            writer.docComment(["PostgreSQL's record literal: each field quoted, NULL left empty."])
            writer.block("\(access)var postgresText: String") { writer in
                let texts = plan.fields.map { "try \($0.escapedName)\($0.type.isOptional ? "?" : "").postgresText" }
                writer.wrapped("get throws { PostgresRecordLiteral.of", ["[" + texts.joined(separator: ", ") + "]"], " }")
            }
        }
    }

    /// `PostgresRecordFields` and `PostgresRecordLiteral`, which the composite structs use.
    func writeRecordSupport(to writer: inout SwiftSourceWriter) {
        writer.lines(of: Self.recordSource(access: access))
    }

    // swift-format-ignore
    private static func recordSource(access: String) -> String {
        #"""
        /// The fields of a composite value in PostgreSQL's binary form, read in order: the number of
        /// fields, then each as its type's OID, a length (-1 for NULL) and its value.
        \#(access)struct PostgresRecordFields {
            private var buffer: ByteBuffer

            /// Starts reading a value that must have `count` fields.
            \#(access)init(from buffer: inout ByteBuffer, format: PostgresFormat, count: Int) throws {
                guard format == .binary, let fields = buffer.readInteger(as: Int32.self), fields == count else {
                    throw PostgresDecodingError.Code.typeMismatch
                }
                self.buffer = buffer
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            }

            /// The next field, nil for NULL.
            \#(access)mutating func next<Value: PostgresDecodable, JSONDecoder: PostgresJSONDecoder>(
                _ type: Value.Type, context: PostgresDecodingContext<JSONDecoder>
            ) throws -> Value? {
                guard let oid = buffer.readInteger(as: UInt32.self), let length = buffer.readInteger(as: Int32.self) else {
                    throw PostgresDecodingError.Code.typeMismatch
                }
                guard length >= 0 else { return nil }
                guard var bytes = buffer.readSlice(length: Int(length)) else { throw PostgresDecodingError.Code.typeMismatch }
                return try Value(from: &bytes, type: PostgresDataType(oid), format: .binary, context: context)
            }
        }

        extension PostgresRecordFields {
            /// The next field, which must not be NULL: a NOT NULL column of a table's row.
            \#(access)mutating func nextNonNull<Value: PostgresDecodable, JSONDecoder: PostgresJSONDecoder>(
                _ type: Value.Type, context: PostgresDecodingContext<JSONDecoder>
            ) throws -> Value {
                guard let value = try next(type, context: context) else { throw PostgresDecodingError.Code.missingData }
                return value
            }
        }

        /// PostgreSQL's record literal from its fields' text forms.
        \#(access)enum PostgresRecordLiteral {
            /// `("a b",,"1")`: each field quoted, `\` and `"` escaped, as record_in reads them; nil
            /// (NULL) is left empty.
            \#(access)static func of(_ fields: [String?]) -> String {
                "(" + fields.map { $0.map(PostgresArrayLiteral.quoted) ?? "" }.joined(separator: ",") + ")"
            }
        }
        """#
    }
}
