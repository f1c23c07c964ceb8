extension SwiftEmitter {
    /// `Models.swift`: enums, then one struct per table/view, then the support types used
    /// (`JSONValue`, `PostgresInterval`).
    func modelsFile(
        enums: [EnumPlan], models: [ModelPlan], composites: [ModelPlan], rowValues: Set<RelationName>,
        supportTypes: Set<SupportType>
    ) -> String {
        var writer = SwiftSourceWriter()
        writeHeader(&writer, source: nil, imports: Set(models.flatMap { $0.fields.compactMap(\.type.importModule) }))
        for plan in enums {
            writer.blankLine()
            writeEnum(plan, to: &writer)
        }
        for model in models {
            writer.blankLine()
            var comment: [String] = []
            if let tableComment = model.table.comment { comment += commentLines(tableComment) }
            writeStruct(
                name: model.name, comment: comment, fields: model.fields, conformances: dataConformances, to: &writer)
            if rowValues.contains(RelationName(schema: model.table.schema, name: model.table.name)) {
                writer.blankLine()
                writeRowValueConformances(model, to: &writer)
            }
        }
        for composite in composites {
            writer.blankLine()
            writeComposite(composite, to: &writer)
        }
        for supportType in supportTypes.sorted() {
            writer.blankLine()
            switch supportType {
            case .jsonValue: writeJSONValue(to: &writer)
            case .interval: writeInterval(to: &writer)
            case .inet, .macAddress, .bitString: writeBinarySupportType(supportType, to: &writer)
            case .timeKind: writeTimeKind(to: &writer)
            case .range, .multirange: writeRangeSupportType(supportType, to: &writer)
            case .array: writeArraySupportType(to: &writer)
            case .point, .line, .lineSegment, .box, .path, .polygon, .circle:
                writeGeometricSupportType(supportType, to: &writer)
            case .money, .xml: writeMoneyOrXMLSupportType(supportType, to: &writer)
            case .textSearchWeight, .tsVector, .tsQuery: writeTextSearchSupportType(supportType, to: &writer)
            case .time, .timeWithZone: writeTimeOfDaySupportType(supportType, to: &writer)
            case .textEncodable: writeTextEncodable(supportTypes: supportTypes, enums: enums, to: &writer)
            case .record: writeRecordSupport(to: &writer)
            case .oid, .lsn, .jsonPath: writeSystemSupportType(supportType, to: &writer)
            }
        }
        return writer.text
    }

    /// `init(from:type:format:context:)` of `PostgresDecodable`, with `body`.
    func writeDecoderInit(to writer: inout SwiftSourceWriter, _ body: (inout SwiftSourceWriter) -> Void) {
        writer.wrappedBlock(
            "\(access)init<JSONDecoder: PostgresJSONDecoder>",
            [
                "from buffer: inout ByteBuffer", "type: PostgresDataType", "format: PostgresFormat",
                "context: PostgresDecodingContext<JSONDecoder>",
            ], " throws", body)
    }

    /// `Sendable, Hashable` (+ `Codable`).
    var dataConformances: [String] {
        options.emitCodable ? ["Sendable", "Hashable", "Codable"] : ["Sendable", "Hashable"]
    }

    /// The two header lines, then the imports.
    func writeHeader(_ writer: inout SwiftSourceWriter, source: String?, imports extra: Set<String>) {
        writer.line(GeneratedFile.header)
        if let source { writer.line("// source: \(source)") }
        writer.blankLine()
        let modules = Set(["Foundation", "PostgresNIO"]).union(extra).sorted()
        for module in modules { writer.line("import \(module)") }
    }

    func commentLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    }

    func writeEnum(_ plan: EnumPlan, to writer: inout SwiftSourceWriter) {
        if let comment = plan.enumType.comment { writer.docComment(commentLines(comment)) }
        writer.block(
            "\(access)enum \(plan.name): String, CaseIterable, Sendable, Hashable, Codable, PostgresCodable, PostgresArrayDecodable"
        ) { writer in
            for item in plan.cases {
                let name = SwiftKeywords.escape(item.name)
                if item.name == item.label {
                    writer.line("case \(name)")
                } else {
                    writer.line("case \(name) = \(SwiftStringLiteral.singleLine(item.label))")
                }
            }
            writer.blankLine()
            // Codable and RawRepresentable both bring default PostgresCodable implementations, so
            // the conformance is spelled out (which also lets the type be left to the server).
            writer.docComment([
                "Bound with an unspecified type so PostgreSQL infers the enum type from the statement",
                "(a `text` value is rejected by an enum column).",
            ])
            writer.line("\(access)static var psqlType: PostgresDataType { PostgresDataType(0) }")
            writer.line("\(access)static var psqlFormat: PostgresFormat { .binary }")
            writer.blankLine()
            writer.block(
                "\(access)func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, "
                    + "context: PostgresEncodingContext<JSONEncoder>)"
            ) { writer in
                writer.line("self.rawValue.encode(into: &byteBuffer, context: context)")
            }
            writer.blankLine()
            writer.wrapped(
                "\(access)init<JSONDecoder: PostgresJSONDecoder>",
                [
                    "from byteBuffer: inout ByteBuffer", "type: PostgresDataType", "format: PostgresFormat",
                    "context: PostgresDecodingContext<JSONDecoder>",
                ], " throws {")
            writer.indented { writer in
                writer.line("let label = try String(from: &byteBuffer, type: type, format: format, context: context)")
                writer.block("guard let value = Self(rawValue: label) else") { writer in
                    writer.line("throw PostgresDecodingError.Code.failure")
                }
                writer.line("self = value")
            }
            writer.line("}")
        }
    }

    /// A data struct with stored properties, a memberwise initializer and, when Codable,
    /// `CodingKeys` mapping to the SQL names.
    func writeStruct(
        name: String, comment: [String], fields: [FieldPlan], conformances: [String], to writer: inout SwiftSourceWriter
    ) {
        writer.docComment(comment)
        writer.block("\(access)struct \(name): \(conformances.joined(separator: ", "))") { writer in
            for field in fields {
                if let comment = field.comment { writer.docComment(commentLines(comment)) }
                writer.line("\(access)var \(field.escapedName): \(field.type.spelled)")
            }
            if !fields.isEmpty { writer.blankLine() }
            writeMemberwiseInit(fields: fields, to: &writer)
            if conformances.contains("Codable") && !fields.isEmpty {
                writer.blankLine()
                writer.block("enum CodingKeys: String, CodingKey") { writer in
                    // Raw values must be unique: a repeated column name (`id`, `id`) keys by the field name.
                    var usedKeys: Set<String> = []
                    for field in fields {
                        let isFirstUse = usedKeys.insert(field.sqlName).inserted
                        if field.name == field.sqlName || !isFirstUse {
                            writer.line("case \(field.escapedName)")
                        } else {
                            writer.line("case \(field.escapedName) = \(SwiftStringLiteral.singleLine(field.sqlName))")
                        }
                    }
                }
            }
        }
    }

    func writeMemberwiseInit(fields: [FieldPlan], to writer: inout SwiftSourceWriter) {
        if fields.isEmpty {
            writer.line("\(access)init() {}")
            return
        }
        writer.wrapped("\(access)init", fields.map(\.parameterDeclaration), " {")
        writer.indented { writer in
            for field in fields {
                writer.line("self.\(field.escapedName) = \(field.localName)")
            }
        }
        writer.line("}")
    }

    /// A JSON document as a value: what `json`/`jsonb` columns map to. postgres-nio encodes
    /// `Codable & PostgresCodable` types as `jsonb`.
    func writeJSONValue(to writer: inout SwiftSourceWriter) {
        writer.docComment(["A JSON document, as stored in `json` and `jsonb` columns."])
        writer.block("\(access)enum JSONValue: Sendable, Hashable, Codable, PostgresCodable") { writer in
            writer.line("case null")
            writer.line("case bool(Bool)")
            writer.line("case number(Double)")
            writer.line("case string(String)")
            writer.line("case array([JSONValue])")
            writer.line("case object([String: JSONValue])")
            writer.blankLine()
            writer.block("\(access)init(from decoder: any Decoder) throws") { writer in
                writer.line("let container = try decoder.singleValueContainer()")
                writer.lines([
                    "if container.decodeNil() {",
                    "    self = .null",
                    "} else if let value = try? container.decode(Bool.self) {",
                    "    self = .bool(value)",
                    "} else if let value = try? container.decode(Double.self) {",
                    "    self = .number(value)",
                    "} else if let value = try? container.decode(String.self) {",
                    "    self = .string(value)",
                    "} else if let value = try? container.decode([JSONValue].self) {",
                    "    self = .array(value)",
                    "} else {",
                    "    self = .object(try container.decode([String: JSONValue].self))",
                    "}",
                ])
            }
            writer.blankLine()
            writer.block("\(access)func encode(to encoder: any Encoder) throws") { writer in
                writer.line("var container = encoder.singleValueContainer()")
                writer.lines([
                    "switch self {",
                    "case .null: try container.encodeNil()",
                    "case .bool(let value): try container.encode(value)",
                    "case .number(let value): try container.encode(value)",
                    "case .string(let value): try container.encode(value)",
                    "case .array(let value): try container.encode(value)",
                    "case .object(let value): try container.encode(value)",
                    "}",
                ])
            }
        }
    }

    /// `interval`, which PostgresNIO has no Swift type for. PostgreSQL keeps months, days and
    /// microseconds apart (a month is not 30 days, a day is not always 24 hours), so the type
    /// does too; the binary format is the microseconds, the days, then the months.
    func writeInterval(to writer: inout SwiftSourceWriter) {
        writer.docComment([
            "A PostgreSQL `interval`: months, days and microseconds, kept apart as PostgreSQL keeps them",
            "(a month is not a fixed number of days, nor a day of seconds across a DST change).",
        ])
        let conformances =
            (options.emitCodable ? ["Sendable", "Hashable", "Codable"] : ["Sendable", "Hashable"])
            + ["PostgresNonThrowingEncodable", "PostgresArrayEncodable", "PostgresDecodable", "PostgresArrayDecodable"]
        writer.typeBlock("\(access)struct PostgresInterval", conformances: conformances) { writer in
            writer.line("\(access)var months: Int32")
            writer.line("\(access)var days: Int32")
            writer.line("\(access)var microseconds: Int64")
            writer.blankLine()
            writer.block("\(access)init(months: Int32 = 0, days: Int32 = 0, microseconds: Int64 = 0)") { writer in
                writer.lines(["self.months = months", "self.days = days", "self.microseconds = microseconds"])
            }
            writer.blankLine()
            writer.docComment(["An interval of whole seconds (and fractions), without days or months."])
            writer.block("\(access)init(seconds: Double)") { writer in
                writer.line("self.init(microseconds: Int64((seconds * 1_000_000).rounded()))")
            }
            writer.blankLine()
            writer.line("\(access)static var psqlType: PostgresDataType { .interval }")
            writer.line("\(access)static var psqlArrayType: PostgresDataType { .intervalArray }")
            writer.line("\(access)static var psqlFormat: PostgresFormat { .binary }")
            writer.blankLine()
            writer.block(
                "\(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>)"
            ) { writer in
                writer.lines([
                    "buffer.writeInteger(microseconds)", "buffer.writeInteger(days)", "buffer.writeInteger(months)",
                ])
            }
            writer.blankLine()
            writeDecoderInit(to: &writer) { writer in
                writer.lines([
                    "guard type == .interval, format == .binary, buffer.readableBytes == 16,",
                    "    let microseconds = buffer.readInteger(as: Int64.self), let days = buffer.readInteger(as: Int32.self),",
                    "    let months = buffer.readInteger(as: Int32.self)",
                    "else { throw PostgresDecodingError.Code.typeMismatch }",
                    "self.init(months: months, days: days, microseconds: microseconds)",
                ])
            }
        }
    }
}
