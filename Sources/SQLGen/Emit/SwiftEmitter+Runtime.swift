extension SwiftEmitter {
    /// The default logger label: `<Module>.Queries`.
    var loggerLabel: String { "\(options.module ?? "SQLGen").Queries" }

    /// `Queries.swift`: the `DBTX` protocol with its two conformances, the `Queries` handle and
    /// the error of `:one` methods that must return a row.
    func queriesRuntimeFile(plans: [QueryPlan], enums: [EnumPlan], supportTypes: Set<SupportType>) -> String {
        var writer = SwiftSourceWriter()
        writeHeader(&writer, source: nil, imports: [])
        let runSignature = Self.dbtxSignature("executePrepared", returning: "[Statement.Row]")
        let tagSignature = Self.dbtxSignature("commandTag", returning: "PostgresCommandTag")

        writer.blankLine()
        writer.docComment([
            "What the generated queries run on: a `PostgresClient` (each call leases a pooled connection)",
            "or a `PostgresConnection` (for example inside `withTransaction`).",
        ])
        let requirements = [
            ("Runs a prepared statement and returns all of its rows, decoded.", runSignature),
            ("Runs a statement for its effect and returns PostgreSQL's command tag (`UPDATE 2`).", tagSignature),
        ]
        writer.block("\(access)protocol DBTX: Sendable") { writer in
            for (index, (documentation, signature)) in requirements.enumerated() {
                if index > 0 { writer.blankLine() }
                writer.docComment([documentation])
                writer.line(signature)
            }
        }

        writer.blankLine()
        writer.block("extension DBTX") { writer in
            writer.docComment(["Runs a statement and returns the number of rows it inserted, updated, deleted or merged."])
            writer.block("\(access)\(Self.dbtxSignature("affectedRowCount", returning: "Int"))") { writer in
                writer.line("try await self.commandTag(statement, logger: logger).rowCount ?? 0")
            }
        }

        // The conformances differ only in how they read the command tag; `executePrepared` is
        // PostgresNIO's async `execute` of a prepared statement on both.
        func writeConformance(of type: String, taggingWith tagBody: [String]) {
            writer.blankLine()
            writer.block("extension \(type): DBTX") { writer in
                writer.block("\(access)\(runSignature)") { writer in
                    writer.line("var rows: [Statement.Row] = []")
                    writer.block("for try await row in try await self.execute(statement, logger: logger)") { writer in
                        writer.line("rows.append(row)")
                    }
                    writer.line("return rows")
                }
                writer.blankLine()
                writer.block("\(access)\(tagSignature)") { writer in writer.lines(tagBody) }
            }
        }
        writeConformance(
            of: "PostgresConnection",
            taggingWith: [
                "// postgres-nio 1.33.2 crashes in `execute` for statements without rows (it reads the command",
                "// tag before the rows are consumed); the EventLoopFuture API reports the tag.",
                "let query = PostgresQuery(unsafeSQL: Statement.sql, binds: try statement.makeBindings())",
                "let future: EventLoopFuture<PostgresQueryResult> = self.query(query, logger: logger)",
                "let metadata = try await future.get().metadata",
                "// postgres-nio splits the tags of INSERT, UPDATE, DELETE, SELECT, …; others (`MERGE 1`) it keeps whole.",
                "return metadata.rows.map { PostgresCommandTag(command: metadata.command, rowCount: $0) }",
                "    ?? PostgresCommandTag(metadata.command)",
            ])
        // The client leases a connection and asks it: the connection's witness, so this cannot recurse.
        writeConformance(
            of: "PostgresClient",
            taggingWith: [
                "try await self.withConnection { connection in",
                "    try await connection.commandTag(statement, logger: logger)",
                "}",
            ])

        writer.blankLine()
        writer.docComment([
            "The generated queries, run on a `DBTX`: `Queries(client)` on the pool, or `Queries(connection)` inside",
            "`client.withTransaction { connection in … }`.",
        ])
        writer.block("\(access)struct Queries: Sendable") { writer in
            writer.line("\(access)let db: any DBTX")
            writer.line("\(access)let logger: Logger")
            writer.line("let runner: DBTXRunner")
            writer.blankLine()
            writer.block(
                "\(access)init(_ db: any DBTX, logger: Logger = Logger(label: \(SwiftStringLiteral.singleLine(loggerLabel))))"
            ) { writer in
                writer.line("self.db = db")
                writer.line("self.logger = logger")
                writer.lines([
                    "switch db {",
                    "case let client as PostgresClient: self.runner = .client(client)",
                    "case let connection as PostgresConnection: self.runner = .connection(connection)",
                    "default: self.runner = .other(db)",
                    "}",
                ])
            }
            writeRunner(to: &writer)
            if plans.contains(where: { $0.query.command.isBatch }) { writeRunBatch(to: &writer) }
            writer.blankLine()
            writer.docComment(["The number of rows a statement inserted, updated, deleted or merged."])
            writer.block(Self.dbtxSignature("affectedRowCount", returning: "Int", logger: false)) { writer in
                writer.line("try await self.commandTag(statement).rowCount ?? 0")
            }
        }

        writeCommandTag(to: &writer)
        if plans.contains(where: { $0.query.command == .copyfrom }) {
            writeCopyFromRuntime(to: &writer)
        }

        writer.blankLine()
        writer.docComment(["Thrown by a `:one` method whose statement always yields a row when the server returned none."])
        writer.block("\(access)struct NoRowsError: Error, Sendable, Hashable, CustomStringConvertible") { writer in
            writer.docComment(["The query's name, e.g. `CreateAccount`."])
            writer.line("\(access)var query: String")
            writer.blankLine()
            writer.block("\(access)init(query: String)") { writer in
                writer.line("self.query = query")
            }
            writer.blankLine()
            writer.line("\(access)var description: String { \"query \\(query) returned no rows\" }")
        }

        if plans.contains(where: { plan in plan.parameters.contains { $0.type.encodeThrows == nil } }) {
            writer.blankLine()
            writer.block("extension PostgresBindings") { writer in
                writer.docComment([
                    "Appends a value of a type configured by an override, whose encoding may or may not throw."
                ])
                writer.block(
                    "mutating func appendEncodable<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value) throws"
                ) { writer in
                    writer.line("try self.append(value)")
                }
                writer.blankLine()
                writer.block(
                    "mutating func appendEncodable<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value?) throws"
                ) { writer in
                    writer.line("try self.append(value)")
                }
            }
        }
        return writer.text
    }

    /// The `DBTXRunner` enum and the two methods the query methods call through it.
    ///
    /// Through `any DBTX` a call reaches the conformance's generic witness, which runs unspecialised:
    /// runtime metadata lookups and value-witness copies for every row. Keeping postgres-nio's
    /// two types as themselves lets each query method's call be specialised for its statement,
    /// which measured 3–7% of the client's CPU per single-row query; any other `DBTX` still works.
    private func writeRunner(to writer: inout SwiftSourceWriter) {
        writer.blankLine()
        writer.docComment([
            "`db` as its concrete type when it is one of postgres-nio's, so that the query methods' calls",
            "are specialised for their statements instead of going through the generic witness of `any DBTX`.",
        ])
        writer.block("enum DBTXRunner: Sendable") { writer in
            writer.line("case client(PostgresClient)")
            writer.line("case connection(PostgresConnection)")
            writer.line("case other(any DBTX)")
        }
        for (method, result) in [("executePrepared", "[Statement.Row]"), ("commandTag", "PostgresCommandTag")] {
            writer.blankLine()
            writer.docComment(["`db.\(method)(_:logger:)` with this handle's logger."])
            writer.block(Self.dbtxSignature(method, returning: result, logger: false)) { writer in
                writer.lines([
                    "switch self.runner {",
                    "case .client(let client): try await client.\(method)(statement, logger: self.logger)",
                    "case .connection(let connection): try await connection.\(method)(statement, logger: self.logger)",
                    "case .other(let db): try await db.\(method)(statement, logger: self.logger)",
                    "}",
                ])
            }
        }
    }

    /// `runBatch`, which the `:batch…` methods call: the items in order on one connection.
    private func writeRunBatch(to writer: inout SwiftSourceWriter) {
        writer.blankLine()
        writer.docComment([
            "Runs `body` for each item in order on one connection (leased once from a `PostgresClient`), keeping",
            "each item's outcome: a failing item does not lose the others' results. Throws only when cancelled.",
        ])
        writer.wrappedBlock(
            "func runBatch<Item: Sendable, Output: Sendable>",
            ["_ items: [Item]", "_ body: @Sendable (Queries, Item) async throws -> Output"],
            " async throws -> [Result<Output, any Error>]"
        ) { writer in
            writer.block("func run(on queries: Queries) async throws -> [Result<Output, any Error>]") { writer in
                writer.lines([
                    "var results: [Result<Output, any Error>] = []",
                    "results.reserveCapacity(items.count)",
                    "for item in items {",
                    "    try Task.checkCancellation()",
                    "    do {",
                    "        results.append(.success(try await body(queries, item)))",
                    "    } catch {",
                    "        results.append(.failure(error))",
                    "    }",
                    "}",
                    "return results",
                ])
            }
            writer.lines([
                "switch self.runner {",
                "case .client(let client):",
                "    return try await client.withConnection { connection in",
                "        try await run(on: Queries(connection, logger: self.logger))",
                "    }",
                "case .connection, .other:",
                "    return try await run(on: self)",
                "}",
            ])
        }
    }

    /// The command tag type that `:execresult` methods return and `:execrows` methods count from.
    private func writeCommandTag(to writer: inout SwiftSourceWriter) {
        writer.blankLine()
        writer.docComment([
            "The command tag PostgreSQL reports when a statement completes: `INSERT 0 3`, `UPDATE 2`, `MERGE 1`,",
            "`CREATE TABLE`. What `:execresult` methods return.",
        ])
        writer.block("\(access)struct PostgresCommandTag: Sendable, Hashable, CustomStringConvertible") { writer in
            writer.docComment(["The command: `INSERT`, `UPDATE`, `DELETE`, `MERGE`, `SELECT`, `COPY`, `CREATE TABLE`, …"])
            writer.line("\(access)var command: String")
            writer.docComment([
                "The rows the command inserted, updated, deleted, merged, selected or copied; nil for commands",
                "that count none.",
            ])
            writer.line("\(access)var rowCount: Int?")
            writer.blankLine()
            writer.block("\(access)init(command: String, rowCount: Int?)") { writer in
                writer.line("self.command = command")
                writer.line("self.rowCount = rowCount")
            }
            writer.blankLine()
            writer.docComment(["Reads a tag as PostgreSQL writes it: the command, then (INSERT's oid and) the row count."])
            writer.block("\(access)init(_ tag: String)") { writer in
                writer.lines([
                    "var words = tag.split(separator: \" \")",
                    "var numbers: [Int] = []",
                    "while let last = words.last, let number = Int(last) {",
                    "    numbers.insert(number, at: 0)",
                    "    words.removeLast()",
                    "}",
                    "self.command = words.joined(separator: \" \")",
                    "self.rowCount = numbers.last",
                ])
            }
            writer.blankLine()
            writer.line("\(access)var description: String { rowCount.map { \"\\(command) \\($0)\" } ?? command }")
        }
    }

    /// `func executePrepared<Statement: PostgresPreparedStatement>(_ statement: Statement, logger: Logger) async throws -> …`:
    /// a `DBTX` requirement, or without `logger` the `Queries` method that supplies its own.
    private static func dbtxSignature(_ name: String, returning result: String, logger: Bool = true) -> String {
        let parameters = logger ? "_ statement: Statement, logger: Logger" : "_ statement: Statement"
        return "func \(name)<Statement: PostgresPreparedStatement>(\(parameters)) async throws -> \(result)"
    }
}
