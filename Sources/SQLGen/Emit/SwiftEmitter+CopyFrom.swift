extension SwiftEmitter {
    /// What each `:copyfrom` statement adds to its prepared statement: the COPY's table and
    /// columns, and how one item becomes one row of COPY's text format.
    func writeCopyFromMembers(_ plan: QueryPlan, to writer: inout SwiftSourceWriter) {
        guard let target = plan.query.copyFrom, let item = plan.itemTypeName else { return }
        writer.blankLine()
        let table = target.schema.map { "\(Self.copyName($0))\".\"\(Self.copyName(target.table))" } ?? Self.copyName(target.table)
        writer.docComment(["The table `COPY` writes to, `\"\(table)\"` once postgres-nio has quoted it."])
        writer.line("\(access)static let copyTable = \(SwiftStringLiteral.singleLine(table))")
        writeArrayLiteral(
            prefix: "\(access)static let copyColumns: [String] = ",
            target.columns.map { SwiftStringLiteral.singleLine(Self.copyName($0)) }, to: &writer)
        writer.blankLine()
        writer.docComment(["Appends one item as a row of `COPY`'s text format."])
        writer.block("\(access)static func appendCopyRow(_ item: \(item), to rows: inout PostgresCopyRows) throws") { writer in
            for number in target.parameterNumbers {
                let field = plan.parameters[number - 1]
                let value = plan.paramsStructName == nil ? "item" : "item.\(field.escapedName)"
                if field.type.name == "Date" || field.type.name == "[Date]" {
                    let kind = Self.copyTimeKind(plan.query.parameters[number - 1].type)
                    writer.line("rows.append(\(value), as: .\(kind))")
                } else {
                    writer.line("try rows.append(\(value))")
                }
            }
            writer.line("rows.endRow()")
        }
    }

    /// postgres-nio writes `COPY "<table>" ("<column>", …)`: a `"` inside a name is doubled, and a
    /// schema-qualified table closes and reopens the quotes around the dot.
    private static func copyName(_ name: String) -> String {
        name.replacingOccurrences(of: "\"", with: "\"\"")
    }

    private static func copyTimeKind(_ type: SQLType) -> String {
        switch type.name {
        case "date": "date"
        case "timestamp without time zone": "timestamp"
        default: "timestamptz"
        }
    }

    /// The `:copyfrom` methods: one for a `Sequence` (also in `Querier`) and one for an `AsyncSequence`.
    func writeCopyFromMethods(_ plan: QueryPlan, to writer: inout SwiftSourceWriter) {
        guard let item = plan.itemTypeName else { return }
        let name = SwiftKeywords.escape(plan.methodName)
        let call = "try await self.copyRows(rows, into: \(plan.statementName).self)"
        writer.docComment(methodDocComment(plan))
        writer.wrapped("\(access)func \(name)", plan.methodParameterList, plan.signatureSuffix + " {")
        writer.indented { writer in writer.line(call) }
        writer.line("}")
        writer.blankLine()
        writer.docComment(methodDocComment(plan))
        writer.line("\(access)func \(name)<Rows: AsyncSequence>(_ rows: Rows) async throws -> Int where Rows.Element == \(item) {")
        writer.indented { writer in writer.line(call) }
        writer.line("}")
    }

    /// The runtime of `:copyfrom`: the text-format row buffer and `Queries.copyRows`. Emitted into
    /// `Queries.swift` when a query needs it; the values' text forms (`PostgresTextEncodable`) are
    /// in `Models.swift`.
    func writeCopyFromRuntime(to writer: inout SwiftSourceWriter) {
        writer.blankLine()
        writer.lines(of: Self.copyFromRuntime(access: access))
    }

    // swift-format-ignore
    private static func copyFromRuntime(access: String) -> String {
        #"""
        /// A statement whose items can be inserted through `COPY … FROM STDIN`: what the statements of
        /// `:copyfrom` queries are.
        \#(access)protocol PostgresCopyStatement: Sendable {
            /// One row's values: the `…Params` struct, or the one parameter's type.
            associatedtype Item
            /// The table as postgres-nio quotes it (`"<copyTable>"`).
            static var copyTable: String { get }
            static var copyColumns: [String] { get }
            /// Appends one item as a row of `COPY`'s text format.
            static func appendCopyRow(_ item: Item, to rows: inout PostgresCopyRows) throws
        }

        /// Rows of `COPY … FROM STDIN` in PostgreSQL's text format, filled by the `:copyfrom` methods:
        /// values tab-separated, `\N` for NULL, and backslash, tab, newline and carriage return escaped.
        \#(access)struct PostgresCopyRows: Sendable {
            /// The rows not yet sent.
            var buffer = ByteBuffer()
            /// The rows ended so far.
            private(set) var count = 0
            private var startsRow = true

            init() {}

            /// Appends a value, or `\N` for nil.
            \#(access)mutating func append<Value: PostgresTextEncodable>(_ value: Value?) throws {
                guard let value else { return appendNull() }
                startValue()
                writeEscaped(try value.postgresText)
            }

            /// Appends a date in UTC, or `\N` for nil.
            \#(access)mutating func append(_ value: Date?, as kind: PostgresTimeKind) {
                guard let value else { return appendNull() }
                startValue()
                writeEscaped(kind.text(of: value))
            }

            /// Appends an array of dates in UTC, or `\N` for nil.
            \#(access)mutating func append(_ values: [Date]?, as kind: PostgresTimeKind) {
                guard let values else { return appendNull() }
                startValue()
                writeEscaped(PostgresArrayLiteral.of(values.map { kind.text(of: $0) }))
            }

            /// Ends the current row.
            \#(access)mutating func endRow() {
                buffer.writeInteger(UInt8(ascii: "\n"))
                startsRow = true
                count += 1
            }

            private mutating func appendNull() {
                startValue()
                buffer.writeStaticString("\\N")
            }

            private mutating func startValue() {
                if !startsRow { buffer.writeInteger(UInt8(ascii: "\t")) }
                startsRow = false
            }

            private mutating func writeEscaped(_ text: String) {
                var text = text
                text.withUTF8 { bytes in
                    var start = 0
                    for index in bytes.indices {
                        let escaped: UInt8
                        switch bytes[index] {
                        case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
                        case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
                        case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
                        case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
                        default: continue
                        }
                        buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index]))
                        buffer.writeInteger(UInt8(ascii: "\\"))
                        buffer.writeInteger(escaped)
                        start = index + 1
                    }
                    buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
                }
            }
        }

        /// Thrown by a `:copyfrom` method of a `Queries` on a `DBTX` other than `PostgresClient` or
        /// `PostgresConnection`: `COPY … FROM STDIN` needs a postgres-nio connection.
        \#(access)struct CopyFromUnavailableError: Error, Sendable, Hashable, CustomStringConvertible {
            /// The type of the `DBTX`.
            \#(access)var dbType: String

            \#(access)var description: String {
                "COPY needs a PostgresClient or PostgresConnection, and this Queries runs on \(dbType)"
            }
        }

        extension Queries {
            /// Sends `rows` through `COPY table (columns) FROM STDIN` on one connection (leased once from
            /// a `PostgresClient`) and returns how many it sent: COPY inserts all of them or, on an error, none.
            func copyRows<Rows: Sequence, Statement: PostgresCopyStatement>(
                _ rows: Rows, into statement: Statement.Type
            ) async throws -> Int where Rows.Element == Statement.Item {
                try await self.copy(into: statement) { writer in
                    var pending = PostgresCopyRows()
                    var sent = 0
                    for row in rows {
                        try Statement.appendCopyRow(row, to: &pending)
                        if pending.buffer.readableBytes >= Self.copyChunkSize { sent += try await Self.send(&pending, to: writer) }
                    }
                    return sent + (try await Self.send(&pending, to: writer))
                }
            }

            /// `copyRows` for rows that arrive over time.
            func copyRows<Rows: AsyncSequence, Statement: PostgresCopyStatement>(
                _ rows: Rows, into statement: Statement.Type
            ) async throws -> Int where Rows.Element == Statement.Item {
                try await self.copy(into: statement) { writer in
                    var pending = PostgresCopyRows()
                    var sent = 0
                    for try await row in rows {
                        try Statement.appendCopyRow(row, to: &pending)
                        if pending.buffer.readableBytes >= Self.copyChunkSize { sent += try await Self.send(&pending, to: writer) }
                    }
                    return sent + (try await Self.send(&pending, to: writer))
                }
            }

            /// Rows go to the server in chunks of about this many bytes.
            private static var copyChunkSize: Int { 1 << 16 }

            /// Writes the pending rows and starts a new chunk; returns how many rows it sent.
            private static func send(_ pending: inout PostgresCopyRows, to writer: PostgresCopyFromWriter) async throws -> Int {
                let count = pending.count
                if pending.buffer.readableBytes > 0 { try await writer.write(pending.buffer) }
                pending = PostgresCopyRows()
                return count
            }

            private func copy<Statement: PostgresCopyStatement>(
                into statement: Statement.Type, _ sendRows: (PostgresCopyFromWriter) async throws -> Int
            ) async throws -> Int {
                // `sendRows` runs once, in this task, while this call waits: never concurrently with the
                // caller, which the compiler cannot see through `withConnection`'s closure.
                nonisolated(unsafe) let send = sendRows
                func run(on connection: PostgresConnection) async throws -> Int {
                    var sent = 0
                    let (table, columns) = (Statement.copyTable, Statement.copyColumns)
                    try await connection.copyFrom(table: table, columns: columns, logger: self.logger) { writer in
                        sent = try await send(writer)
                    }
                    return sent
                }
                switch self.runner {
                case .client(let client): return try await client.withConnection { connection in try await run(on: connection) }
                case .connection(let connection): return try await run(on: connection)
                case .other(let db): throw CopyFromUnavailableError(dbType: String(describing: type(of: db)))
                }
            }
        }
        """#
    }
}
