/// Typing of `A_Expr` nodes: operators, IN, BETWEEN, LIKE, IS DISTINCT FROM, NULLIF, ANY/ALL,
/// and the comparison rules they share.
extension ExpressionTyper {
    static let comparisonOperators: Set<String> = ["=", "<>", "!=", "<", ">", "<=", ">="]
    static let arithmeticOperators: Set<String> = ["+", "-", "*", "/", "%"]
    static let patternOperators: Set<String> = ["~~", "!~~", "~~*", "!~~*", "~", "~*", "!~", "!~*"]

    func typeOperatorExpression(_ expression: PG.A_Expr, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        let op = expression.name.names.last ?? ""
        let node = expression.asNode
        if expression.kind == .op {
            guard let rightNode = expression.rexpr else { throw AnalysisError.unsupported(node, "postfix operator") }
            guard let leftNode = expression.lexpr else {
                return try typePrefixOperator(op, rightNode, in: scope, at: node)
            }
            if case .rowExpr(let leftRow) = leftNode, case .rowExpr(let rightRow) = rightNode {
                return try typeRowComparison(op, leftRow, rightRow, in: scope, at: node)
            }
            var left = try typed(leftNode, in: scope)
            var right = try typed(rightNode, in: scope)
            return try typeBinaryOperator(op, &left, &right, at: node)
        }
        if expression.kind == .in { return try typeInList(expression, in: scope) }
        guard let leftNode = expression.lexpr, let rightNode = expression.rexpr else {
            throw AnalysisError.unsupported(node)
        }
        switch expression.kind {
        case .distinct, .notDistinct:
            var left = try typed(leftNode, in: scope)
            var right = try typed(rightNode, in: scope)
            try compare(&left, &right, operator: "=", at: node)
            return .known(.boolean, nullable: false)
        case .nullif:
            var left = try typed(leftNode, in: scope)
            var right = try typed(rightNode, in: scope)
            try compare(&left, &right, operator: "=", at: node)
            // The result has the type `=` coerced the left side to (varchar compares as text).
            let type = left.isUnknown ? SQLType.text : OperatorResolution.comparisonType(for: left.type)
            return .known(type, nullable: true)
        case .like, .ilike, .similar:
            var left = try typed(leftNode, in: scope)
            var right = try typed(rightNode, in: scope)
            try matchPattern(&left, &right, operator: op, at: node)
            return .known(.boolean, nullable: left.isNullable || right.isNullable)
        case .between, .notBetween, .betweenSym, .notBetweenSym:
            guard case .list(let list) = rightNode, list.items.count == 2 else { throw AnalysisError.unsupported(node) }
            var left = try typed(leftNode, in: scope)
            var nullable = left.isNullable
            for bound in list.items {
                var value = try typed(bound, in: scope)
                try compare(&left, &value, operator: ">=", at: node)
                nullable = nullable || value.isNullable
            }
            return .known(.boolean, nullable: nullable)
        case .opAny, .opAll:
            var left = try typed(leftNode, in: scope)
            var right = try typed(rightNode, in: scope)
            if right.isUnknown, !left.isUnknown {
                try context.resolve(
                    &right, to: OperatorResolution.comparisonType(for: left.type).array, name: left.columnName,
                    column: left.source)
            } else if left.isUnknown, right.type.isArray {
                try context.resolve(&left, to: OperatorResolution.comparisonType(for: right.type.element))
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
        case .op, .in:
            preconditionFailure("handled above")
        }
    }

    /// `(a, b) = (x, y)`: PostgreSQL compares the rows field by field.
    private func typeRowComparison(
        _ op: String, _ leftRow: PG.RowExpr, _ rightRow: PG.RowExpr, in scope: Scope, at node: PG.Node
    ) throws(AnalysisError) -> TypedExpression {
        guard Self.comparisonOperators.contains(op) else { throw AnalysisError.unsupported(node, "row operator \"\(op)\"") }
        let leftItems = leftRow.args
        let rightItems = rightRow.args
        guard leftItems.count == rightItems.count else {
            throw AnalysisError(
                "unequal number of entries in row expressions", at: node)
        }
        var nullable = false
        for (leftItem, rightItem) in zip(leftItems, rightItems) {
            var left = try typed(leftItem, in: scope)
            var right = try typed(rightItem, in: scope)
            try compare(&left, &right, operator: op, at: node)
            nullable = nullable || left.isNullable || right.isNullable
        }
        return .known(.boolean, nullable: nullable)
    }

    /// `x IN (a, b, …)`. With two or more list items that contain no column, PostgreSQL
    /// resolves `x` and those items to their common type and compares against an array (so
    /// `owner IN ($1, $2)` types the parameters as varchar); otherwise each item is an `=`.
    private func typeInList(_ expression: PG.A_Expr, in scope: Scope) throws(AnalysisError) -> TypedExpression {
        let node = expression.asNode
        guard let leftNode = expression.lexpr, let itemsNode = expression.rexpr else {
            throw AnalysisError.unsupported(node)
        }
        let itemNodes: [PG.Node]
        if case .list(let list) = itemsNode { itemNodes = list.items } else { itemNodes = [itemsNode] }
        var left = try typed(leftNode, in: scope)
        var items: [TypedExpression] = []
        for item in itemNodes { items.append(try typed(item, in: scope)) }
        let constantIndices = itemNodes.indices.filter { index in
            !([itemNodes[index]] + itemNodes[index].descendants).contains { node in
                if case .columnRef = node { return true }
                return false
            }
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
                try context.resolve(
                    &group[index], to: type, name: index == 0 ? nil : namingColumn.columnName, column: index == 0 ? nil : namingColumn.source)
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
    private func matchPattern(
        _ left: inout TypedExpression, _ right: inout TypedExpression, operator op: String, at node: PG.Node
    ) throws(AnalysisError) {
        try context.resolve(&left, to: .text)
        try context.resolve(&right, to: .text, name: left.columnName, column: left.source)
        for side in [left, right] where !(OperatorResolution.isString(side.type) || side.type == .bytea) {
            throw AnalysisError("operator does not exist: \(left.type) \(op) \(right.type)", at: node)
        }
    }

    private func typePrefixOperator(_ op: String, _ operandNode: PG.Node, in scope: Scope, at node: PG.Node)
        throws(AnalysisError) -> TypedExpression
    {
        let operand = try typed(operandNode, in: scope)
        guard op == "-" || op == "+" else { throw AnalysisError.unsupported(node, "operator \"\(op)\"") }
        if operand.isUnknown {
            throw AnalysisError("operator is not unique: \(op) unknown", at: node)
        }
        guard OperatorResolution.isNumeric(operand.type) || operand.type == .interval else {
            throw AnalysisError("operator does not exist: \(op) \(operand.type)", at: node)
        }
        return .known(operand.type, nullable: operand.isNullable)
    }

    func typeBinaryOperator(
        _ op: String, _ left: inout TypedExpression, _ right: inout TypedExpression, at node: PG.Node
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
                try resolveArithmeticOperand(&left, op, other: right, otherIsLeft: false, at: node)
            case (false, true):
                try resolveArithmeticOperand(&right, op, other: left, otherIsLeft: true, at: node)
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
                if index == 0, left.isUnknown { try context.resolve(&left, to: right.type == .numeric ? .numeric : .doublePrecision) }
                if index == 1, right.isUnknown { try context.resolve(&right, to: left.type == .numeric ? .numeric : .doublePrecision) }
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
                try context.resolve(&left, to: arrayType)
                try context.resolve(&right, to: arrayType)
                return .known(arrayType, nullable: nullableOperands(left, right))
            }
            if left.type == .jsonb || right.type == .jsonb {
                try context.resolve(&left, to: .jsonb)
                try context.resolve(&right, to: .jsonb)
                return .known(.jsonb, nullable: nullableOperands(left, right))
            }
            try context.resolve(&left, to: .text)
            try context.resolve(&right, to: .text)
            return .known(.text, nullable: nullableOperands(left, right))
        case "->", "->>", "#>", "#>>":
            guard left.type == .json || left.type == .jsonb else {
                throw AnalysisError("operator does not exist: \(left.type) \(op) \(right.type)", at: node)
            }
            try context.resolve(&right, to: op.hasPrefix("#") ? SQLType.text.array : .text)
            return .known(op.hasSuffix(">>") ? .text : left.type, nullable: true)
        case "@>", "<@", "&&":
            if left.isUnknown { try context.resolve(&left, to: right.type, name: right.columnName, column: right.source) }
            if right.isUnknown { try context.resolve(&right, to: left.type, name: left.columnName, column: left.source) }
            return .known(.boolean, nullable: nullableOperands(left, right))
        case "?":
            try context.resolve(&right, to: .text)
            return .known(.boolean, nullable: nullableOperands(left, right))
        case "?|", "?&":
            try context.resolve(&right, to: SQLType.text.array)
            return .known(.boolean, nullable: nullableOperands(left, right))
        default:
            throw AnalysisError.unsupported(node, "operator \"\(op)\"")
        }
    }

    /// The untyped operand of an arithmetic operator takes the type PostgreSQL's operator
    /// resolution picks given the other, typed operand (`date - $1` is ambiguous).
    private func resolveArithmeticOperand(
        _ operand: inout TypedExpression, _ op: String, other: TypedExpression, otherIsLeft: Bool, at node: PG.Node
    ) throws(AnalysisError) {
        guard let type = OperatorResolution.arithmeticUnknownOperandType(op, known: other.type, knownIsLeft: otherIsLeft)
        else {
            let problem = other.type == .date ? "is not unique" : "does not exist"
            let operands = otherIsLeft ? "\(other.type) \(op) unknown" : "unknown \(op) \(other.type)"
            throw AnalysisError("operator \(problem): \(operands)", at: node)
        }
        try context.resolve(&operand, to: type, name: other.columnName)
    }

    /// A comparison `left op right`: an untyped side takes the other side's type (varchar as
    /// text, the way PostgreSQL resolves `varchar = unknown`) and is named after its column.
    func compare(
        _ left: inout TypedExpression, _ right: inout TypedExpression, operator op: String, at node: PG.Node
    ) throws(AnalysisError) {
        switch (left.isUnknown, right.isUnknown) {
        case (true, true):
            try context.resolve(&left, to: .text)
            try context.resolve(&right, to: .text)
        case (true, false):
            try context.resolve(
                &left, to: OperatorResolution.comparisonType(for: right.type), name: right.columnName, column: right.source)
        case (false, true):
            try context.resolve(
                &right, to: OperatorResolution.comparisonType(for: left.type), name: left.columnName, column: left.source)
        case (false, false):
            // Typed parameters still learn a name from the column they meet.
            if left.parameterNumber != nil {
                try context.resolve(&left, to: left.type, name: right.columnName, column: right.source)
            }
            if right.parameterNumber != nil {
                try context.resolve(&right, to: right.type, name: left.columnName, column: left.source)
            }
            guard OperatorResolution.comparable(left.type, right.type) else {
                throw AnalysisError("operator does not exist: \(left.type) \(op) \(right.type)", at: node)
            }
        }
    }
}
