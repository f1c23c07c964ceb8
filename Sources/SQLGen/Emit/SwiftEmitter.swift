import Foundation

/// Writes the Swift sources for a schema and its analysed queries (docs/generated-code.md):
/// `Models.swift`, `Queries.swift`, `Querier.swift` (when `emit_interface`), `MockQuerier.swift` (when
/// `emit_mock`) and one `<file>.sql.swift` per query file. Pure and deterministic: the same
/// input gives byte-identical output.
public struct SwiftEmitter: Sendable {
    public let options: SwiftOptions
    public let catalog: Catalog
    /// The type mapping the emitter uses (also for `describe --json`).
    public let typeMapper: SwiftTypeMapper

    public init(options: SwiftOptions, catalog: Catalog) {
        self.options = options
        self.catalog = catalog
        self.typeMapper = SwiftTypeMapper(options: options, catalog: catalog)
    }

    var names: TypeNames { typeMapper.names }

    /// `public ` or nothing (internal is Swift's default).
    var access: String { options.accessLevel == .public ? "public " : "" }

    /// The generated files (paths relative to `out`) and any problems, e.g. a type without a
    /// Swift mapping. Queries with errors are left out of the files.
    public func emit(_ queries: [AnalyzedQuery]) -> (files: [GeneratedFile], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let enums = catalog.allEnums.compactMap { enumType -> EnumPlan? in
            guard !enumType.values.isEmpty else {
                diagnostics.append(
                    .warning("enum \"\(enumType.name)\" has no labels; no Swift enum is generated for it", at: nil))
                return nil
            }
            return planEnum(enumType)
        }
        // Tables and queries are planned independently of each other: spread over the cores.
        let (models, modelDiagnostics) = planConcurrently(catalog.allTables) { table, diagnostics in
            planModel(table, diagnostics: &diagnostics)
        }
        diagnostics += modelDiagnostics
        let composites = catalog.allCompositeTypes.compactMap { planComposite($0, diagnostics: &diagnostics) }
        let rowValues = rowValueRelations(queries)
        let index = ModelIndex(models)
        let (plans, queryDiagnostics) = planConcurrently(queries) { query, diagnostics in
            planQuery(query, models: index, diagnostics: &diagnostics)
        }
        diagnostics += queryDiagnostics
        diagnostics += duplicateTypeNameDiagnostics(enums: enums, models: models, plans: plans)
        diagnostics += duplicateMethodNameDiagnostics(plans)

        let byFile = Dictionary(grouping: plans, by: \.query.file)
        let files = byFile.keys.sorted()
        let orderedPlans = files.flatMap { byFile[$0] ?? [] }
        var used = Set(
            models.flatMap { $0.fields.flatMap(\.type.supportTypes) }
                + orderedPlans.flatMap { plan in plan.parameters.flatMap(\.type.supportTypes) + plan.resultSupportTypes })
        // `:copyfrom` writes values in text form.
        if orderedPlans.contains(where: { $0.query.command == .copyfrom }) { used.insert(.textEncodable) }
        if !composites.isEmpty { used.insert(.record) }
        used.formUnion(composites.flatMap { $0.fields.flatMap(\.type.supportTypes) })
        let supportTypes = SupportType.closure(of: used)

        // Each file's text is built on its own, in parallel; the list keeps the files' order.
        var jobs: [@Sendable () -> GeneratedFile] = []
        jobs.append {
            GeneratedFile(
                path: "Models.swift",
                contents: modelsFile(
                    enums: enums, models: models, composites: composites, rowValues: rowValues, supportTypes: supportTypes))
        }
        jobs.append {
            GeneratedFile(
                path: "Queries.swift", contents: queriesRuntimeFile(plans: orderedPlans, enums: enums, supportTypes: supportTypes))
        }
        // The mock conforms to `Querier`, so it needs the protocol even when emit_interface is off.
        if options.emitInterface || options.emitMock {
            jobs.append { GeneratedFile(path: "Querier.swift", contents: querierFile(plans: orderedPlans)) }
        }
        let fileNames = queryFileNames(files)
        for file in files {
            let path = fileNames[file] ?? file
            let filePlans = byFile[file] ?? []
            jobs.append { GeneratedFile(path: path, contents: queryFile(source: file, plans: filePlans)) }
        }
        if options.emitMock {
            jobs.append { GeneratedFile(path: "MockQuerier.swift", contents: mockFile(plans: orderedPlans)) }
        }
        return (jobs.concurrentMap { $0() }, diagnostics)
    }

    /// The tables and views whose rows are used as values (`SELECT a FROM accounts a`,
    /// `array_agg(e)`, a column of a table's row type): their models read and write records.
    private func rowValueRelations(_ queries: [AnalyzedQuery]) -> Set<RelationName> {
        var types: [SQLType] = []
        for relation in catalog.allTables + catalog.allCompositeTypes { types += relation.columns.map(\.type) }
        for query in queries { types += query.parameters.map(\.type) + query.columns.map(\.type) }
        var relations: Set<RelationName> = []
        for type in types where !type.isBuiltin {
            guard let schema = type.schema, catalog.compositeType(type.name, schema: schema) == nil,
                catalog.table(type.name, schema: schema) != nil
            else { continue }
            relations.insert(RelationName(schema: schema, name: type.name))
        }
        return relations
    }

    /// `plan` applied to every item on all cores: the plans made (in the items' order) and the
    /// diagnostics (in the same order, as planning one item after the other would give them).
    private func planConcurrently<Item: Sendable, Plan: Sendable>(
        _ items: [Item], _ plan: @Sendable (Item, inout [Diagnostic]) -> Plan?
    ) -> (plans: [Plan], diagnostics: [Diagnostic]) {
        let results = items.concurrentMap { item in
            var diagnostics: [Diagnostic] = []
            let made = plan(item, &diagnostics)
            return (plan: made, diagnostics: diagnostics)
        }
        return (results.compactMap(\.plan), results.flatMap(\.diagnostics))
    }

    /// `db/query/account.sql` → `account.sql.swift`; folders are kept in the name only when two
    /// query files share a base name.
    func queryFileNames(_ files: [String]) -> [String: String] {
        let baseNames = files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        var counts: [String: Int] = [:]
        for name in baseNames { counts[name, default: 0] += 1 }
        var result: [String: String] = [:]
        for (file, baseName) in zip(files, baseNames) {
            let name = counts[baseName] == 1 ? baseName : file.replacingOccurrences(of: "/", with: "_")
            result[file] = name + ".swift"
        }
        return result
    }

    // MARK: - Planning

    func planEnum(_ enumType: EnumType) -> EnumPlan {
        let caseNames = TypeNames.caseNames(enumType.values)
        return EnumPlan(
            name: names.enumName(enumType), enumType: enumType,
            cases: zip(caseNames, enumType.values).map { (name: $0, label: $1) })
    }

    /// A model for a table, or nil (with a warning) when a column has no Swift mapping.
    func planModel(_ table: Table, diagnostics: inout [Diagnostic]) -> ModelPlan? {
        switch planFields(of: table, columnOverrides: true) {
        case .success(let fields):
            return ModelPlan(name: names.modelName(table), table: table, fields: fields)
        case .failure(let unmapped):
            diagnostics.append(
                .warning(
                    "table \"\(table.name)\": column \"\(unmapped.column.name)\" has type \"\(unmapped.column.type)\", which has no "
                        + "Swift mapping; no model is generated for the table (add an override: gen.swift.overrides with "
                        + "db_type: \"\(unmapped.column.type.element)\")",
                    at: nil))
            return nil
        }
    }

    /// A column without a Swift mapping, which keeps its table or type from getting a struct.
    struct UnmappedColumn: Error {
        var column: Column
    }

    /// The fields of a table's model or a composite type's struct, one per column in order, each
    /// optional when the column may be NULL; the first column without a mapping otherwise.
    /// `columnOverrides`: whether `column` overrides (`table.column`) apply, as they do to tables.
    func planFields(of table: Table, columnOverrides: Bool) -> Result<[FieldPlan], UnmappedColumn> {
        var used: Set<String> = []
        var fields: [FieldPlan] = []
        for column in table.columns {
            let reference =
                columnOverrides ? ColumnReference(schema: table.schema, table: table.name, column: column.name) : nil
            guard let type = typeMapper.swiftType(for: column.type, isNullable: !column.isNotNull, column: reference) else {
                return .failure(UnmappedColumn(column: column))
            }
            let name = TypeNames.uniqued(names.fieldName(column.name), in: &used)
            fields.append(FieldPlan(name: name, sqlName: column.name, type: type, comment: column.comment))
        }
        return .success(fields)
    }

    func planQuery(_ query: AnalyzedQuery, models: ModelIndex, diagnostics: inout [Diagnostic]) -> QueryPlan? {
        let location = SourceLocation(file: query.file, line: query.line, column: 1)
        var failed = false
        func unmapped(_ what: String, _ type: SQLType) {
            diagnostics.append(
                .error(
                    "query \"\(query.name)\": \(what) has type \"\(type)\", which has no Swift mapping; add an override "
                        + "(gen.swift.overrides with db_type: \"\(type.element)\")",
                    at: location))
            failed = true
        }

        var usedParameterNames: Set<String> = []
        var parameters: [FieldPlan] = []
        for parameter in query.parameters {
            guard let type = typeMapper.swiftType(for: parameter) else {
                unmapped("parameter $\(parameter.number) (\"\(parameter.name)\")", parameter.type)
                continue
            }
            let name = TypeNames.uniqued(names.fieldName(parameter.name), in: &usedParameterNames)
            parameters.append(FieldPlan(name: name, sqlName: parameter.name, type: type))
        }

        var columnTypes: [SwiftType] = []
        // :exec, :execrows and :execresult never decode a row, so their columns need no Swift type.
        let decodesRows = [.one, .many].contains(query.command.itemCommand)
        for column in query.columns where decodesRows {
            guard let type = typeMapper.swiftType(for: column) else {
                unmapped("column \"\(column.name)\"", column.type)
                continue
            }
            columnTypes.append(type)
        }
        if failed { return nil }

        let baseName = Naming.upperCamelCase(query.name)
        let result: ResultPlan
        if query.command.isBatch || query.command == .copyfrom, parameters.isEmpty {
            diagnostics.append(
                .error(
                    "query \"\(query.name)\": :\(query.command.rawValue) runs the statement once per item of parameters, "
                        + "and this statement has none; use :\(query.command.itemCommand.rawValue)",
                    at: location))
            return nil
        }
        switch query.command.itemCommand {
        case .exec, .execrows, .execresult, .copyfrom, .batchexec, .batchmany, .batchone:
            result = .none
        case .one, .many:
            if query.columns.isEmpty {
                diagnostics.append(
                    .error(
                        "query \"\(query.name)\": :\(query.command.rawValue) needs a statement that returns columns; "
                            + "use :exec, :execrows or :execresult, or add RETURNING",
                        at: location))
                return nil
            }
            let hasEmbeds = query.columns.contains { $0.embed != nil }
            if query.columns.count == 1, !hasEmbeds {
                result = .scalar(columnTypes[0])
            } else if !hasEmbeds, let model = matchingModel(query.columns, types: columnTypes, models: models) {
                result = .model(model)
            } else {
                guard let fields = rowFields(query, columnTypes: columnTypes, models: models, diagnostics: &diagnostics)
                else { return nil }
                result = .row(name: baseName + "Row", fields: fields)
            }
        }
        // A batch or copy takes a list of items: one struct per item as soon as there are two parameters.
        let usesStruct =
            query.command.isBatch || query.command == .copyfrom
            ? parameters.count > 1 : !parameters.isEmpty && parameters.count > options.queryParameterLimit
        return QueryPlan(
            query: query, baseName: baseName, methodName: Naming.lowerCamelCase(query.name), parameters: parameters,
            paramsStructName: usesStruct ? baseName + "Params" : nil, result: result)
    }

    /// The properties of a query's `…Row`: one per column, except that the columns of each
    /// `sqlc.embed(t)` make one property holding t's model, named after the model (`author`), or
    /// after `t` when one model is embedded twice.
    func rowFields(_ query: AnalyzedQuery, columnTypes: [SwiftType], models: ModelIndex, diagnostics: inout [Diagnostic])
        -> [FieldPlan]?
    {
        var embedCounts: [RelationName: Int] = [:]
        var previous: String?
        for column in query.columns {
            if let embed = column.embed, embed.name != previous { embedCounts[embed.relation, default: 0] += 1 }
            previous = column.embed?.name
        }
        var used: Set<String> = []
        var fields: [FieldPlan] = []
        var index = 0
        while index < query.columns.count {
            let column = query.columns[index]
            guard let embed = column.embed else {
                fields.append(
                    FieldPlan(
                        name: TypeNames.uniqued(names.fieldName(column.name), in: &used), sqlName: column.name,
                        type: columnTypes[index]))
                index += 1
                continue
            }
            guard let model = models.model(schema: embed.relation.schema, table: embed.relation.name) else {
                diagnostics.append(
                    .error(
                        "query \"\(query.name)\": sqlc.embed(\(embed.name)) needs a model of \"\(embed.relation.name)\", and "
                            + "none is generated because one of its columns has no Swift mapping (see the warning)",
                        at: query.annotationLocation))
                return nil
            }
            precondition(
                query.columns[index...].prefix(while: { $0.embed?.name == embed.name }).count == model.fields.count,
                "an embed stands for all of its table's columns")
            let baseName = Naming.lowerCamelCase(embedCounts[embed.relation, default: 0] > 1 ? embed.name : model.name)
            let name = TypeNames.uniqued(baseName, in: &used)
            fields.append(
                FieldPlan(
                    name: name, sqlName: name,
                    type: SwiftType(
                        name: model.name, isOptional: embed.isOptional, bindingDataType: ".null", encodeThrows: nil),
                    embedded: EmbeddedModel(model: model, isOptional: embed.isOptional)))
            index += model.fields.count
        }
        return fields
    }

    /// The model whose table has exactly these columns (names, order, types, nullability),
    /// preferring the table the columns come from.
    func matchingModel(_ columns: [ResultColumn], types: [SwiftType], models: ModelIndex) -> ModelPlan? {
        func matches(_ model: ModelPlan) -> Bool {
            let tableColumns = model.table.columns
            guard tableColumns.count == columns.count else { return false }
            for (index, column) in columns.enumerated() {
                let tableColumn = tableColumns[index]
                guard column.name == tableColumn.name, column.type == tableColumn.type,
                    column.isNullable == !tableColumn.isNotNull, types[index] == model.fields[index].type
                else { return false }
            }
            return true
        }
        // The one table every sourced column comes from, if there is one. Compared field by field
        // (building "schema.table" strings for every column was a large cost on big schemas).
        var source: ColumnReference?
        for column in columns {
            guard let next = column.source else { continue }
            if let first = source, first.schema != next.schema || first.table != next.table {
                source = nil
                break
            }
            source = next
        }
        if let source, let model = models.model(schema: source.schema, table: source.table), matches(model) {
            return model
        }
        return models.models(withColumnCount: columns.count).first(where: matches)
    }

    /// Two generated types with one name would not compile; say which objects collide.
    func duplicateTypeNameDiagnostics(enums: [EnumPlan], models: [ModelPlan], plans: [QueryPlan]) -> [Diagnostic] {
        var owners: [String: [String]] = [:]
        var order: [String] = []
        func claim(_ name: String, by owner: String) {
            if owners[name] == nil { order.append(name) }
            owners[name, default: []].append(owner)
        }
        for plan in enums { claim(plan.name, by: "enum \"\(plan.enumType.name)\"") }
        for model in models { claim(model.name, by: "\(model.table.isView ? "view" : "table") \"\(model.table.name)\"") }
        for plan in plans {
            if case .row(let name, _) = plan.result { claim(name, by: "query \"\(plan.query.name)\"") }
            if let name = plan.paramsStructName { claim(name, by: "query \"\(plan.query.name)\"") }
        }
        return order.compactMap { name in
            guard let list = owners[name], list.count > 1 else { return nil }
            return .error(
                "the Swift type name \"\(name)\" is generated for both \(list.joined(separator: " and ")); "
                    + "use gen.swift.rename to rename one",
                at: nil)
        }
    }
}

extension SwiftEmitter {
    /// Query names in different styles can give one Swift method (`GetUser` and `get_user` are
    /// both `getUser`), which would not compile: an error at the later query.
    func duplicateMethodNameDiagnostics(_ plans: [QueryPlan]) -> [Diagnostic] {
        var first: [String: AnalyzedQuery] = [:]
        var diagnostics: [Diagnostic] = []
        for plan in plans {
            let query = plan.query
            guard let earlier = first[plan.methodName] else {
                first[plan.methodName] = query
                continue
            }
            diagnostics.append(
                .error(
                    "query \"\(query.name)\" gives the Swift method \(plan.methodName), as query \"\(earlier.name)\" "
                        + "(\(earlier.file):\(earlier.line)) does; rename one",
                    at: query.annotationLocation))
        }
        return diagnostics
    }
}

extension QueryPlan {
    /// The generated support types the result needs.
    var resultSupportTypes: [SupportType] {
        switch result {
        case .none: return []
        case .scalar(let type): return type.supportTypes
        case .model(let model): return model.fields.flatMap(\.type.supportTypes)
        case .row(_, let fields): return fields.flatMap(\.decodedFields).flatMap(\.type.supportTypes)
        }
    }
}
