/// The machine-readable analysis printed by `swift-sqlgen describe --json` (docs/architecture.md, "The analysis as JSON").
/// Keys keep the documented order, so the output is stable and easy to read in a diff.
public struct DescribeReport: Sendable {
    public struct Package: Sendable {
        public var name: String
        public var queries: [AnalyzedQuery]
        public var diagnostics: [Diagnostic]
        /// Spells each parameter's and column's Swift type (overrides and inline hints included).
        public var typeMapper: SwiftTypeMapper

        public init(name: String, queries: [AnalyzedQuery], diagnostics: [Diagnostic], typeMapper: SwiftTypeMapper) {
            self.name = name
            self.queries = queries
            self.diagnostics = diagnostics
            self.typeMapper = typeMapper
        }
    }

    public var packages: [Package]

    public init(packages: [Package]) { self.packages = packages }

    /// The report as JSON text, one line per query for readability.
    public func json() -> String {
        var out = JSONText()
        out.raw("{\"version\":1,\"packages\":[")
        for (packageIndex, package) in packages.enumerated() {
            if packageIndex > 0 { out.raw(",") }
            out.raw("{\"name\":")
            out.string(package.name)
            out.raw(",\"queries\":[")
            for (queryIndex, query) in package.queries.enumerated() {
                out.raw(queryIndex == 0 ? "\n" : ",\n")
                write(query, typeMapper: package.typeMapper, to: &out)
            }
            out.raw("],\n\"diagnostics\":[")
            for (index, diagnostic) in package.diagnostics.enumerated() {
                out.raw(index == 0 ? "\n" : ",\n")
                out.raw("{\"file\":")
                out.optionalString(diagnostic.location?.file)
                out.raw(",\"line\":")
                out.optionalInt(diagnostic.location?.line)
                out.raw(",\"column\":")
                out.optionalInt(diagnostic.location?.column)
                out.raw(",\"severity\":")
                out.string(diagnostic.severity.rawValue)
                out.raw(",\"message\":")
                out.string(diagnostic.message)
                out.raw("}")
            }
            out.raw("]}")
        }
        out.raw("]}\n")
        return out.text
    }

    private func write(
        _ query: AnalyzedQuery, typeMapper: SwiftTypeMapper, to out: inout JSONText
    ) {
        out.raw("{\"name\":")
        out.string(query.name)
        out.raw(",\"command\":")
        out.string(query.command.rawValue)
        out.raw(",\"file\":")
        out.string(query.file)
        out.raw(",\"line\":")
        out.int(query.line)
        out.raw(",\"sql\":")
        out.string(query.sql)
        out.raw(",\"params\":[")
        for (index, parameter) in query.parameters.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"number\":")
            out.int(parameter.number)
            out.raw(",\"name\":")
            out.string(parameter.name)
            writeType(parameter.type, isNullable: parameter.isNullable, to: &out)
            out.raw(",\"swiftType\":")
            out.optionalString(typeMapper.swiftTypeName(for: parameter))
            out.raw("}")
        }
        out.raw("],\"columns\":[")
        for (index, column) in query.columns.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"name\":")
            out.string(column.name)
            writeType(column.type, isNullable: column.isNullable, to: &out)
            out.raw(",\"table\":")
            out.optionalString(column.source?.table)
            out.raw(",\"swiftType\":")
            out.optionalString(typeMapper.swiftTypeName(for: column))
            if let embed = column.embed {
                // Only on the columns of a `sqlc.embed(t)`: the FROM item's name, and whether the
                // model property is optional.
                out.raw(",\"embed\":{\"name\":")
                out.string(embed.name)
                out.raw(",\"optional\":")
                out.raw(embed.isOptional ? "true" : "false")
                out.raw("}")
            }
            out.raw("}")
        }
        out.raw("]}")
    }

    private func writeType(_ type: SQLType, isNullable: Bool, to out: inout JSONText) {
        out.raw(",\"pgType\":")
        out.string(Self.pgTypeName(type))
        out.raw(",\"isArray\":")
        out.raw(type.isArray ? "true" : "false")
        out.raw(",\"nullable\":")
        out.raw(isNullable ? "true" : "false")
    }

    /// The element type's name as `format_type(oid, NULL)` prints it: schema-qualified only
    /// outside the default search path.
    static func pgTypeName(_ type: SQLType) -> String {
        guard let schema = type.schema, schema != "public", schema != "pg_catalog" else { return type.name }
        return "\(schema).\(type.name)"
    }
}

/// A minimal JSON writer that keeps keys in the order they are written.
private struct JSONText {
    var text = ""

    mutating func raw(_ fragment: String) { text += fragment }

    mutating func int(_ value: Int) { text += String(value) }

    mutating func optionalInt(_ value: Int?) { text += value.map(String.init) ?? "null" }

    mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { text += "null" }
    }

    mutating func string(_ value: String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
