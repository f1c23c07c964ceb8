extension SwiftEmitter {
    /// `<file>.sql.swift`: for each query in file order, its `…Params`/`…Row` structs at file
    /// scope, then an `extension Queries` with its prepared statement and its method.
    func queryFile(source: String, plans: [QueryPlan]) -> String {
        var writer = SwiftSourceWriter()
        writeHeader(&writer, source: source, imports: plans.reduce(into: Set<String>()) { $0.formUnion($1.importModules) })
        for plan in plans {
            if let paramsStructName = plan.paramsStructName {
                writer.blankLine()
                writeStruct(
                    name: paramsStructName, comment: ["The parameters of `\(plan.methodName)`."],
                    fields: plan.parameters, conformances: ["Sendable", "Hashable"], to: &writer)
            }
            if case .row(let name, let fields) = plan.result {
                writer.blankLine()
                writeStruct(
                    name: name, comment: ["A row of `\(plan.methodName)`."], fields: fields,
                    conformances: dataConformances, to: &writer)
            }
            writer.blankLine()
            writer.block("extension Queries") { writer in
                writeStatement(plan, to: &writer)
                writer.blankLine()
                writeMethod(plan, to: &writer)
            }
        }
        return writer.text
    }

    /// The doc comment of a query's method: the SQL comment above it, then what it returns.
    func methodDocComment(_ plan: QueryPlan) -> [String] {
        var lines = plan.query.docComment
        let note: String?
        switch plan.query.command {
        case .one:
            if plan.query.returnsExactlyOneRow {
                note = "Throws `NoRowsError` if the server returns no row."
            } else if case .scalar(let type) = plan.result, type.isOptional {
                note = "Returns nil when no row matches or the value is NULL."
            } else {
                note = "Returns nil when no row matches."
            }
        case .execrows: note = "Returns the number of rows affected."
        case .execresult: note = "Returns PostgreSQL's command tag: the command and the number of rows affected."
        case .many, .exec: note = nil
        case .copyfrom:
            note = [
                "Inserts the rows through `COPY … FROM STDIN` on one connection and returns how many it copied:",
                "all of them, or none when any fails (the error says which line).",
            ].joined(separator: "\n")
        case .batchexec, .batchmany, .batchone:
            note = [
                "Runs the statement once per item, in order, on one connection, and returns each item's",
                "outcome: a failing item does not stop the others (inside a transaction it aborts the",
                "transaction, so the items after it fail too). Throws only when cancelled.",
            ].joined(separator: "\n")
        }
        if let note {
            if !lines.isEmpty { lines.append("") }
            lines += note.split(separator: "\n").map(String.init)
        }
        return lines
    }

    func writeStatement(_ plan: QueryPlan, to writer: inout SwiftSourceWriter) {
        writer.docComment(["The prepared statement of `\(plan.methodName)`."])
        let conformances = plan.query.copyFrom == nil ? "PostgresPreparedStatement" : "PostgresPreparedStatement, PostgresCopyStatement"
        writer.block("\(access)struct \(plan.statementName): \(conformances)") { writer in
            writer.line("\(access)typealias Row = \(plan.rowTypeName)")
            writer.blankLine()
            if let module = options.module {
                // The same name postgres-nio's default gives, as a constant: the default is
                // `String(reflecting: Self.self)` on every execution (about 1.6% of a client's CPU
                // in bank-bench's get-account profile).
                writer.line("\(access)static let name = \(SwiftStringLiteral.singleLine("\(module).Queries.\(plan.statementName)"))")
            }
            let sql = plan.query.sql
            if SwiftStringLiteral.needsMultiLine(sql) {
                writer.line("\(access)static let sql = \"\"\"")
                // Content and closing delimiter one level in, as swift-format lays them out.
                writer.indented { writer in
                    writer.lines(Array(SwiftStringLiteral.multiLineBody(sql).dropFirst()))
                }
            } else {
                let literal = SwiftStringLiteral.singleLine(sql)
                let declaration = "\(access)static let sql = \(literal)"
                if writer.fits(declaration) {
                    writer.line(declaration)
                } else {
                    // swift-format moves a literal that does not fit to its own line.
                    writer.line("\(access)static let sql =")
                    writer.indented { writer in writer.line(literal) }
                }
            }
            let dataTypes = plan.parameters.map(\.type.bindingDataType)
            writeArrayLiteral(prefix: "\(access)static let bindingDataTypes: [PostgresDataType] = ", dataTypes, to: &writer)

            // Stored parameters and the initializer.
            if let paramsStructName = plan.paramsStructName {
                writer.blankLine()
                writer.line("\(access)var params: \(paramsStructName)")
                writer.blankLine()
                writer.block("\(access)init(_ params: \(paramsStructName))") { writer in
                    writer.line("self.params = params")
                }
            } else if !plan.parameters.isEmpty {
                writer.blankLine()
                for parameter in plan.parameters {
                    writer.line("\(access)var \(parameter.escapedName): \(parameter.type.spelled)")
                }
                writer.blankLine()
                writeMemberwiseInit(fields: plan.parameters, to: &writer)
            } else {
                writer.blankLine()
                writer.line("\(access)init() {}")
            }

            writer.blankLine()
            writer.block("\(access)func makeBindings() throws -> PostgresBindings") { writer in
                if plan.parameters.isEmpty {
                    writer.line("PostgresBindings()")
                    return
                }
                writer.line("var bindings = PostgresBindings(capacity: \(plan.parameters.count))")
                let owner = plan.paramsStructName == nil ? "self" : "self.params"
                for parameter in plan.parameters {
                    let value = parameter.type.binding(of: "\(owner).\(parameter.escapedName)")
                    switch parameter.type.encodeThrows {
                    case false?: writer.line("bindings.append(\(value))")
                    case true?: writer.line("try bindings.append(\(value))")
                    case nil: writer.line("try bindings.appendEncodable(\(value))")
                    }
                }
                writer.line("return bindings")
            }

            writeCopyFromMembers(plan, to: &writer)
            writer.blankLine()
            writeDecodeRow(plan, to: &writer)
        }
    }

    /// `[.int8, .text]`, wrapped one element per line when long.
    func writeArrayLiteral(prefix: String, _ elements: [String], to writer: inout SwiftSourceWriter) {
        let single = prefix + "[" + elements.joined(separator: ", ") + "]"
        if writer.fits(single) {
            writer.line(single)
            return
        }
        writer.line(prefix + "[")
        writer.indented { writer in
            for element in elements { writer.line(element + ",") }
        }
        writer.line("]")
    }

    /// Decodes exactly the result columns, in order: postgres-nio's tuple decode traps when the
    /// tuple has more elements than the row has columns.
    func writeDecodeRow(_ plan: QueryPlan, to writer: inout SwiftSourceWriter) {
        switch plan.result {
        case .none:
            writer.line("\(access)func decodeRow(_ row: PostgresRow) throws -> Row {}")
        case .scalar(let type):
            precondition(plan.query.columns.count == 1, "a scalar result has exactly one column")
            writer.block("\(access)func decodeRow(_ row: PostgresRow) throws -> Row") { writer in
                let decode = "try row.decode(\(type.decodedSpelling(optional: type.isOptional)).self)"
                writer.line(type.value(fromDecoded: decode, optional: type.isOptional))
            }
        case .model(let model):
            precondition(model.fields.count == plan.query.columns.count, "decoded columns must match the result")
            writeTupleDecode(typeName: model.name, fields: model.fields, to: &writer)
        case .row(let name, let fields) where fields.contains(where: { $0.embedded != nil }):
            writeDecodeWithEmbeds(typeName: name, fields: fields, to: &writer)
        case .row(let name, let fields):
            precondition(fields.count == plan.query.columns.count, "decoded columns must match the result")
            writeTupleDecode(typeName: name, fields: fields, to: &writer)
        }
    }

    /// A row with `sqlc.embed(t)` properties: all columns in one tuple (an optional embed's
    /// columns all optional), then each embedded model built from its columns. An optional embed
    /// is nil when a column its table declares NOT NULL is NULL (the outer join found no row),
    /// or, for a table without NOT NULL columns, when all its columns are.
    private func writeDecodeWithEmbeds(typeName: String, fields: [FieldPlan], to writer: inout SwiftSourceWriter) {
        writer.block("\(access)func decodeRow(_ row: PostgresRow) throws -> Row") { writer in
            var columnTypes: [String] = []
            for field in fields {
                guard let embedded = field.embedded else {
                    columnTypes.append(field.type.decodedSpelling(optional: field.type.isOptional))
                    continue
                }
                columnTypes += embedded.model.fields.map {
                    $0.type.decodedSpelling(optional: embedded.isOptional || $0.type.isOptional)
                }
            }
            let isSingleColumn = columnTypes.count == 1
            writer.tupleDecode("let columns = try row.decode", types: columnTypes)
            var used: Set<String> = Set(["row", "columns"] + fields.map(\.localName))
            var column = 0
            var arguments: [String] = []
            func columnValue(_ index: Int) -> String { isSingleColumn ? "columns" : "columns.\(index)" }
            for field in fields {
                guard let embedded = field.embedded else {
                    let value = field.type.value(fromDecoded: columnValue(column), optional: field.type.isOptional)
                    arguments.append("\(field.argumentLabel): \(value)")
                    column += 1
                    continue
                }
                let model = embedded.model
                let first = column
                column += model.fields.count
                arguments.append(field.argument)
                guard embedded.isOptional else {
                    let values = model.fields.enumerated().map { offset, modelField in
                        let value = modelField.type.value(
                            fromDecoded: columnValue(first + offset), optional: modelField.type.isOptional)
                        return "\(modelField.argumentLabel): \(value)"
                    }
                    writer.wrapped("let \(field.localName) = \(model.name)", values, "")
                    continue
                }
                // Required fields are bound by `if let`; the model then takes them unwrapped.
                var conditions: [String] = []
                var values: [String] = []
                for (offset, modelField) in model.fields.enumerated() {
                    let value = columnValue(first + offset)
                    guard !modelField.type.isOptional else {
                        values.append("\(modelField.argumentLabel): \(modelField.type.value(fromDecoded: value, optional: true))")
                        continue
                    }
                    let local = TypeNames.uniqued(field.name + Naming.upperCamelCase(modelField.name), in: &used)
                    conditions.append("let \(local) = \(value)")
                    values.append("\(modelField.argumentLabel): \(modelField.type.value(fromDecoded: local, optional: false))")
                }
                writer.line("let \(field.localName): \(model.name)?")
                writer.ifElse(
                    conditions.isEmpty ? model.fields.indices.map { "\(columnValue(first + $0)) != nil" } : conditions,
                    separator: conditions.isEmpty ? "||" : ",",
                    then: { writer in writer.wrapped("\(field.localName) = \(model.name)", values, "") },
                    else: { writer in writer.line("\(field.localName) = nil") })
            }
            writer.wrapped("return \(typeName)", arguments, "")
        }
    }

    private func writeTupleDecode(typeName: String, fields: [FieldPlan], to writer: inout SwiftSourceWriter) {
        writer.block("\(access)func decodeRow(_ row: PostgresRow) throws -> Row") { writer in
            writer.tupleDecode(
                "let columns = try row.decode", types: fields.map { $0.type.decodedSpelling(optional: $0.type.isOptional) })
            let arguments = fields.enumerated().map { index, field in
                let column = fields.count == 1 ? "columns" : "columns.\(index)"
                return "\(field.argumentLabel): \(field.type.value(fromDecoded: column, optional: field.type.isOptional))"
            }
            writer.wrapped("return \(typeName)", arguments, "")
        }
    }

    func writeMethod(_ plan: QueryPlan, to writer: inout SwiftSourceWriter) {
        if plan.query.command == .copyfrom { return writeCopyFromMethods(plan, to: &writer) }
        writer.docComment(methodDocComment(plan))
        writer.wrapped("\(access)func \(SwiftKeywords.escape(plan.methodName))", plan.methodParameterList, plan.signatureSuffix + " {")
        writer.indented { writer in
            if plan.query.command.isBatch {
                // Each item builds its statement from `item`: the …Params struct, or the one parameter.
                let statement =
                    plan.paramsStructName != nil
                    ? "\(plan.statementName)(item)" : "\(plan.statementName)(\(plan.parameters[0].argumentLabel): item)"
                writer.line("try await self.runBatch(items) { queries, item in")
                writer.indented { writer in
                    writeRun(plan, command: plan.query.command.itemCommand, statement: statement, on: "queries", to: &writer)
                }
                writer.line("}")
            } else {
                let statement: String
                if plan.paramsStructName != nil {
                    statement = "\(plan.statementName)(params)"
                } else {
                    statement = "\(plan.statementName)(" + plan.parameters.map(\.argument).joined(separator: ", ") + ")"
                }
                writeRun(plan, command: plan.query.command, statement: statement, on: "self", to: &writer)
            }
        }
        writer.line("}")
    }

    /// One run of the statement through `receiver`'s `Queries` methods of the same names, which
    /// skip `any DBTX` for postgres-nio's types.
    private func writeRun(
        _ plan: QueryPlan, command: ParsedQuery.Command, statement: String, on receiver: String,
        to writer: inout SwiftSourceWriter
    ) {
        let arguments = [statement]
        let run = "try await \(receiver).executePrepared"
        switch command {
        case .exec:
            writer.wrapped("_ = \(run)", arguments, "")
        case .execrows:
            writer.wrapped("try await \(receiver).affectedRowCount", arguments, "")
        case .execresult:
            writer.wrapped("try await \(receiver).commandTag", arguments, "")
        case .many:
            writer.wrapped(run, arguments, "")
        case .one:
            if plan.query.returnsExactlyOneRow {
                writer.wrapped("let rows = \(run)", arguments, "")
                writer.block("guard let row = rows.first else") { writer in
                    writer.line("throw NoRowsError(query: \(SwiftStringLiteral.singleLine(plan.query.name)))")
                }
                writer.line("return row")
            } else if case .scalar(let type) = plan.result, type.isOptional {
                writer.wrapped(run, arguments, ".first ?? nil")
            } else {
                writer.wrapped(run, arguments, ".first")
            }
        case .batchexec, .batchmany, .batchone, .copyfrom:
            preconditionFailure("a batch runs its item command; a copy has methods of its own")
        }
    }
}
