/// Typing of `A_Expr` nodes: operators, IN, BETWEEN, LIKE, IS DISTINCT FROM, NULLIF, ANY/ALL.
extension QueryAnalysis {
    static let comparisonOperators: Set<String> = ["=", "<>", "!=", "<", ">", "<=", ">="]
    static let arithmeticOperators: Set<String> = ["+", "-", "*", "/", "%"]
    static let patternOperators: Set<String> = ["~~", "!~~", "~~*", "!~~*", "~", "~*", "!~", "!~*"]

    mutating func typeOperatorExpression(_ node: ParseNode, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        let kind = node.enumCase("kind") ?? "AEXPR_OP"
        let op = node.names("name").last ?? ""
        switch kind {
        case "AEXPR_OP":
            guard let rightNode = node.node("rexpr") else { throw AnalysisError.unsupported(node, "postfix operator") }
            guard let leftNode = node.node("lexpr") else {
                return try typePrefixOperator(op, rightNode, in: scope, at: node)
            }
            if leftNode.kind == "RowExpr", rightNode.kind == "RowExpr" {
                return try typeRowComparison(op, leftNode, rightNode, in: scope, at: node)
            }
            var left = try typeExpression(leftNode, in: scope)
            var right = try typeExpression(rightNode, in: scope)
            return try typeBinaryOperator(op, &left, &right, at: node)
        case "AEXPR_DISTINCT", "AEXPR_NOT_DISTINCT":
            guard let leftNode = node.node("lexpr"), let rightNode = node.node("rexpr") else {
                throw AnalysisError.unsupported(node)
            }
            var left = try typeExpression(leftNode, in: scope)
            var right = try typeExpression(rightNode, in: scope)
            try compare(&left, &right, operator: "=", at: node)
            return .known(.boolean, nullable: false)
        case "AEXPR_NULLIF":
            guard let leftNode = node.node("lexpr"), let rightNode = node.node("rexpr") else {
                throw AnalysisError.unsupported(node)
            }
            var left = try typeExpression(leftNode, in: scope)
            var right = try typeExpression(rightNode, in: scope)
            try compare(&left, &right, operator: "=", at: node)
            // The result has the type `=` coerced the left side to (varchar compares as text).
            let type = left.isUnknown ? SQLType.text : OperatorResolution.comparisonType(for: left.type)
            return .known(type, nullable: true)
        case "AEXPR_LIKE", "AEXPR_ILIKE", "AEXPR_SIMILAR":
            guard let leftNode = node.node("lexpr"), let rightNode = node.node("rexpr") else {
                throw AnalysisError.unsupported(node)
            }
            var left = try typeExpression(leftNode, in: scope)
            var right = try typeExpression(rightNode, in: scope)
            try matchPattern(&left, &right, operator: op, at: node)
            return .known(.boolean, nullable: left.isNullable || right.isNullable)
        case "AEXPR_IN":
            return try typeInList(node, in: scope)
        case "AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN", "AEXPR_BETWEEN_SYM", "AEXPR_NOT_BETWEEN_SYM":
            guard let leftNode = node.node("lexpr"), let bounds = node.node("rexpr")?.list("items"), bounds.count == 2
            else { throw AnalysisError.unsupported(node) }
            var left = try typeExpression(leftNode, in: scope)
            var nullable = left.isNullable
            for bound in bounds {
                var value = try typeExpression(bound, in: scope)
                try compare(&left, &value, operator: ">=", at: node)
                nullable = nullable || value.isNullable
            }
            return .known(.boolean, nullable: nullable)
        case "AEXPR_OP_ANY", "AEXPR_OP_ALL":
            guard let leftNode = node.node("lexpr"), let rightNode = node.node("rexpr") else {
                throw AnalysisError.unsupported(node)
            }
            var left = try typeExpression(leftNode, in: scope)
            var right = try typeExpression(rightNode, in: scope)
            if right.isUnknown, !left.isUnknown {
                try resolve(
                    &right, to: OperatorResolution.comparisonType(for: left.type).array, name: left.columnName,
                    column: left.source)
            } else if left.isUnknown, right.type.isArray {
                try resolve(&left, to: OperatorResolution.comparisonType(for: right.type.element))
            } else if !right.type.isArray {
                throw AnalysisError("op ANY/ALL (array) requires array on right side", at: node)
            } else {
                var element = TypedExpression(type: right.type.element, isNullable: true)
                if Self.patternOperators.contains(op) {
                    try matchPattern(&left, &element, operator: op, at: node)
                } else {
                    try compare(&left, &element, operator: op, at: node)
                }
            }
            return .known(.boolean, nullable: left.isNullable || right.isNullable)
        default:
            throw AnalysisError.unsupported(node, kind)
        }
    }

    /// `(a, b) = (x, y)`: PostgreSQL compares the rows field by field.
    private mutating func typeRowComparison(
        _ op: String, _ leftNode: ParseNode, _ rightNode: ParseNode, in scope: Scope, at node: ParseNode
    ) throws(AnalysisError) -> TypedExpression {
        guard Self.comparisonOperators.contains(op) else { throw AnalysisError.unsupported(node, "row operator \"\(op)\"") }
        let leftItems = leftNode.list("args")
        let rightItems = rightNode.list("args")
        guard leftItems.count == rightItems.count else {
            throw AnalysisError(
                "unequal number of entries in row expressions", at: node)
        }
        var nullable = false
        for (leftItem, rightItem) in zip(leftItems, rightItems) {
            var left = try typeExpression(leftItem, in: scope)
            var right = try typeExpression(rightItem, in: scope)
            try compare(&left, &right, operator: op, at: node)
            nullable = nullable || left.isNullable || right.isNullable
        }
        return .known(.boolean, nullable: nullable)
    }

    /// `x IN (a, b, …)`. With two or more list items that contain no column, PostgreSQL
    /// resolves `x` and those items to their common type and compares against an array (so
    /// `owner IN ($1, $2)` types the parameters as varchar); otherwise each item is an `=`.
    private mutating func typeInList(_ node: ParseNode, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        guard let leftNode = node.node("lexpr"), let itemsNode = node.node("rexpr") else {
            throw AnalysisError.unsupported(node)
        }
        let itemNodes = itemsNode.kind == "List" ? itemsNode.list("items") : [itemsNode]
        var left = try typeExpression(leftNode, in: scope)
        var items: [TypedExpression] = []
        for item in itemNodes { items.append(try typeExpression(item, in: scope)) }
        let constantIndices = itemNodes.indices.filter { index in
            !([itemNodes[index]] + itemNodes[index].descendants).contains { $0.kind == "ColumnRef" }
        }
        var nullable = left.isNullable || items.contains(where: \.isNullable)
        if constantIndices.count > 1 {
            var group = [left] + constantIndices.map { items[$0] }
            let type: SQLType
            switch OperatorResolution.commonType(group.map(\.type)) {
            case .success(let common): type = common
            case .failure(let mismatch):
                throw AnalysisError("IN types \(mismatch.first) and \(mismatch.second) cannot be matched", at: node)
            }
            let namingColumn = left
            for index in group.indices where group[index].isUnknown || group[index].parameterNumber != nil {
                try resolve(&group[index], to: type, name: index == 0 ? nil : namingColumn.columnName, column: index == 0 ? nil : namingColumn.source)
            }
            left = group[0]
            for (offset, index) in constantIndices.enumerated() { items[index] = group[offset + 1] }
        }
        for index in items.indices {
            try compare(&left, &items[index], operator: "=", at: node)
        }
        nullable = nullable || left.isNullable
        return .known(.boolean, nullable: nullable)
    }

    /// LIKE/ILIKE/SIMILAR TO and the regex operators: text on both sides.
    private mutating func matchPattern(
        _ left: inout TypedExpression, _ right: inout TypedExpression, operator op: String, at node: ParseNode
    ) throws(AnalysisError) {
        try resolve(&left, to: .text)
        try resolve(&right, to: .text, name: left.columnName, column: left.source)
        for side in [left, right] where !(OperatorResolution.isString(side.type) || side.type == .bytea) {
            throw AnalysisError("operator does not exist: \(left.type) \(op) \(right.type)", at: node)
        }
    }

    private mutating func typePrefixOperator(_ op: String, _ operandNode: ParseNode, in scope: Scope, at node: ParseNode)
        throws(AnalysisError) -> TypedExpression
    {
        let operand = try typeExpression(operandNode, in: scope)
        guard op == "-" || op == "+" else { throw AnalysisError.unsupported(node, "operator \"\(op)\"") }
        if operand.isUnknown {
            throw AnalysisError("operator is not unique: \(op) unknown", at: node)
        }
        guard OperatorResolution.isNumeric(operand.type) || operand.type == .interval else {
            throw AnalysisError("operator does not exist: \(op) \(operand.type)", at: node)
        }
        return .known(operand.type, nullable: operand.isNullable)
    }

    mutating func typeBinaryOperator(
        _ op: String, _ left: inout TypedExpression, _ right: inout TypedExpression, at node: ParseNode
    ) throws(AnalysisError) -> TypedExpression {
        let nullableOperands = { (l: TypedExpression, r: TypedExpression) in l.isNullable || r.isNullable }
        if Self.comparisonOperators.contains(op) {
            try compare(&left, &right, operator: op, at: node)
            return .known(.boolean, nullable: nullableOperands(left, right))
        }
        if Self.patternOperators.contains(op) {
            try matchPattern(&left, &right, operator: op, at: node)
            return .known(.boolean, nullable: nullableOperands(left, right))
        }
        if Self.arithmeticOperators.contains(op) {
            switch (left.isUnknown, right.isUnknown) {
            case (true, true):
                throw AnalysisError("operator is not unique: unknown \(op) unknown", at: node)
            case (true, false):
                guard let type = OperatorResolution.arithmeticUnknownOperandType(op, known: right.type, knownIsLeft: false)
                else {
                    let problem = right.type == .date ? "is not unique" : "does not exist"
                    throw AnalysisError("operator \(problem): unknown \(op) \(right.type)", at: node)
                }
                try resolve(&left, to: type, name: right.columnName)
            case (false, true):
                guard let type = OperatorResolution.arithmeticUnknownOperandType(op, known: left.type, knownIsLeft: true)
                else {
                    let problem = left.type == .date ? "is not unique" : "does not exist"
                    throw AnalysisError("operator \(problem): \(left.type) \(op) unknown", at: node)
                }
                try resolve(&right, to: type, name: left.columnName)
            case (false, false):
                break
            }
            guard let result = OperatorResolution.arithmeticResult(op, left.type, right.type) else {
                throw AnalysisError("operator does not exist: \(left.type) \(op) \(right.type)", at: node)
            }
            return .known(result, nullable: nullableOperands(left, right))
        }
        switch op {
        case "^":
            // Exponentiation exists for numeric and double precision only.
            for index in [0, 1] {
                if index == 0, left.isUnknown { try resolve(&left, to: right.type == .numeric ? .numeric : .doublePrecision) }
                if index == 1, right.isUnknown { try resolve(&right, to: left.type == .numeric ? .numeric : .doublePrecision) }
            }
            guard OperatorResolution.isNumeric(left.type), OperatorResolution.isNumeric(right.type) else {
                throw AnalysisError("operator does not exist: \(left.type) ^ \(right.type)", at: node)
            }
            let floating = [left.type, right.type].contains { $0 == .real || $0 == .doublePrecision }
            let result: SQLType = !floating && [left.type, right.type].contains(.numeric) ? .numeric : .doublePrecision
            return .known(result, nullable: nullableOperands(left, right))
        case "||":
            if left.type.isArray || right.type.isArray {
                let arrayType = left.type.isArray ? left.type : right.type
                try resolve(&left, to: arrayType)
                try resolve(&right, to: arrayType)
                return .known(arrayType, nullable: nullableOperands(left, right))
            }
            if left.type == .jsonb || right.type == .jsonb {
                try resolve(&left, to: .jsonb)
                try resolve(&right, to: .jsonb)
                return .known(.jsonb, nullable: nullableOperands(left, right))
            }
            try resolve(&left, to: .text)
            try resolve(&right, to: .text)
            return .known(.text, nullable: nullableOperands(left, right))
        case "->", "->>", "#>", "#>>":
            guard left.type == .json || left.type == .jsonb else {
                throw AnalysisError("operator does not exist: \(left.type) \(op) \(right.type)", at: node)
            }
            try resolve(&right, to: op.hasPrefix("#") ? SQLType.text.array : .text)
            return .known(op.hasSuffix(">>") ? .text : left.type, nullable: true)
        case "@>", "<@", "&&":
            if left.isUnknown { try resolve(&left, to: right.type, name: right.columnName, column: right.source) }
            if right.isUnknown { try resolve(&right, to: left.type, name: left.columnName, column: left.source) }
            return .known(.boolean, nullable: nullableOperands(left, right))
        case "?":
            try resolve(&right, to: .text)
            return .known(.boolean, nullable: nullableOperands(left, right))
        case "?|", "?&":
            try resolve(&right, to: SQLType.text.array)
            return .known(.boolean, nullable: nullableOperands(left, right))
        default:
            throw AnalysisError.unsupported(node, "operator \"\(op)\"")
        }
    }
}
