/// What the emitter decided for the schema and each query, before writing any text:
/// names, Swift types and result shapes. Keeps decisions apart from formatting.
struct FieldPlan: Sendable, Hashable {
    /// Unescaped Swift name (`accountID`, `default`).
    var name: String
    /// The column or parameter name in SQL.
    var sqlName: String
    var type: SwiftType
    var comment: String?
    /// Set for a row property holding a table's model (`sqlc.embed(t)`): it stands for as many
    /// result columns as the model has fields.
    var embedded: EmbeddedModel? = nil

    /// The name in declarations and after a dot: `` `default` ``.
    var escapedName: String { SwiftKeywords.escape(name) }

    /// The argument label at a call site: keywords need no backticks there (Swift warns about
    /// them), except `inout`, `var` and `let`.
    var argumentLabel: String { ["inout", "var", "let"].contains(name) ? escapedName : name }

    /// The name of the value inside a function body. A parameter called `self` would shadow the
    /// instance, so it gets another internal name.
    var localName: String { ["self", "Self"].contains(name) ? name + "Value" : escapedName }

    /// `id: Int64`, or `self selfValue: Int64` for a parameter that needs another internal name.
    var parameterDeclaration: String {
        localName == escapedName
            ? "\(escapedName): \(type.spelled)" : "\(argumentLabel) \(localName): \(type.spelled)"
    }

    /// `id: id` at a call site.
    var argument: String { "\(argumentLabel): \(localName)" }

    /// The fields whose values come from result columns, one per column: the field itself, or
    /// an embedded model's fields.
    var decodedFields: [FieldPlan] { embedded?.model.fields ?? [self] }
}

/// The model a `sqlc.embed(t)` property holds.
struct EmbeddedModel: Sendable, Hashable {
    var model: ModelPlan
    /// True when the table's row may be missing (outer join): the property is `Model?`, nil
    /// when the row is.
    var isOptional: Bool
}

/// A struct for a table or view.
struct ModelPlan: Sendable, Hashable {
    var name: String
    var table: Table
    var fields: [FieldPlan]
}

/// A Swift enum for a PostgreSQL enum type.
struct EnumPlan: Sendable, Hashable {
    var name: String
    var enumType: EnumType
    /// (unescaped case name, label) in declaration order.
    var cases: [(name: String, label: String)]

    static func == (lhs: EnumPlan, rhs: EnumPlan) -> Bool {
        lhs.name == rhs.name && lhs.enumType == rhs.enumType
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(enumType)
    }
}

/// How a query's rows come back.
enum ResultPlan: Sendable, Hashable {
    /// `:exec` / `:execrows` / `:execresult`, or a statement without result columns.
    case none
    /// One column: the value itself.
    case scalar(SwiftType)
    /// Exactly a table's columns: that table's model.
    case model(ModelPlan)
    /// Any other column list: a generated `…Row` struct.
    case row(name: String, fields: [FieldPlan])
}

struct QueryPlan: Sendable, Hashable {
    var query: AnalyzedQuery
    /// UpperCamelCase base for type names (`GetAccount`).
    var baseName: String
    /// Unescaped method name (`getAccount`).
    var methodName: String
    var parameters: [FieldPlan]
    /// Set when the parameters travel as a `…Params` struct.
    var paramsStructName: String?
    var result: ResultPlan

    var statementName: String { baseName + "Statement" }

    /// The `Row` of the statement: `Account`, `Int64`, `ListAccountsRow`, or `Void`.
    var rowTypeName: String {
        switch result {
        case .none: return "Void"
        case .scalar(let type): return type.spelled
        case .model(let model): return model.name
        case .row(let name, _): return name
        }
    }

    /// The method's return type, nil for `Void`. A batch returns one `Result` per item.
    var returnTypeName: String? {
        guard !query.command.isBatch else {
            return "[Result<\(itemReturnTypeName(query.command.itemCommand) ?? "Void"), any Error>]"
        }
        return itemReturnTypeName(query.command)
    }

    /// What one run of the statement returns for `command` (a single-item command).
    func itemReturnTypeName(_ command: ParsedQuery.Command) -> String? {
        switch command {
        case .exec: return nil
        case .execrows: return "Int"
        case .execresult: return "PostgresCommandTag"
        case .many: return "[\(rowTypeName)]"
        case .one:
            if query.returnsExactlyOneRow { return rowTypeName }
            if case .scalar(let type) = result, type.isOptional { return rowTypeName }
            return rowTypeName + "?"
        case .copyfrom: return "Int"
        case .batchexec, .batchmany, .batchone: return nil
        }
    }

    /// The element of a batch method's `items` or a `:copyfrom` method's `rows`: the `…Params`
    /// struct, or the one parameter's type.
    var itemTypeName: String? {
        guard query.command.isBatch || query.command == .copyfrom else { return nil }
        return paramsStructName ?? parameters.first?.type.spelled
    }

    /// `items` or `rows`: the name of the list a batch or `:copyfrom` method takes.
    var itemsName: String { query.command == .copyfrom ? "rows" : "items" }

    /// `id: Int64, owner: String` or `_ params: UpdateUserParams`.
    var methodParameterList: [String] {
        if let itemTypeName {
            return query.command == .copyfrom ? ["_ rows: some Sequence<\(itemTypeName)>"] : ["_ items: [\(itemTypeName)]"]
        }
        if let paramsStructName { return ["_ params: \(paramsStructName)"] }
        return parameters.map(\.parameterDeclaration)
    }

    /// `getAccount(id:)`-style signature parts: `func name(args) async throws -> T`.
    var signatureSuffix: String {
        returnTypeName.map { " async throws -> \($0)" } ?? " async throws"
    }

    /// Every module the query's types need besides Foundation and PostgresNIO.
    var importModules: Set<String> {
        var modules = Set(parameters.compactMap(\.type.importModule))
        switch result {
        case .scalar(let type): if let module = type.importModule { modules.insert(module) }
        case .row(_, let fields): modules.formUnion(fields.flatMap(\.decodedFields).compactMap(\.type.importModule))
        case .model(let model): modules.formUnion(model.fields.compactMap(\.type.importModule))
        case .none: break
        }
        return modules
    }
}
