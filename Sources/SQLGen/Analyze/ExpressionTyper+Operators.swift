/// Typing of `A_Expr` nodes: operators, IN, BETWEEN, LIKE, IS DISTINCT FROM, NULLIF, ANY/ALL,
/// and the comparison rules they share.
extension ExpressionTyper {
    static let comparisonOperators: Set<String> = ["=", "<>", "!=", "<", ">", "<=", ">="]
    static let arithmeticOperators: Set<String> = ["+", "-", "*", "/", "%"]
    static let patternOperators: Set<String> = ["~~", "!~~", "~~*", "!~~*", "~", "~*", "!~", "!~*"]
    /// Operators whose untyped operand is named after the column on the other side.
    static let namingOperators = comparisonOperators.union(patternOperators).union(arithmeticOperators)
        .union(["@>", "<@", "&&"])

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
            // The result has the type `=` coerced the left side to (varchar compares as text).
            let resolved = try applyOperator("=", &left, &right, at: node)
            return .known(resolved.left ?? left.type, nullable: true)
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
                // `x = ANY($1)`: the array of what `x = unknown` compares with.
                var element = TypedExpression(type: .unknown, isNullable: false)
                let resolved = try applyOperator(op, &left, &element, at: node)
                try context.resolve(&right, to: resolved.right.array, name: left.columnName, column: left.source)
            } else if !right.type.isArray {
                throw AnalysisError("op ANY/ALL (array) requires array on right side", at: node)
            } else {
                var element = TypedExpression(type: right.type.element, isNullable: true)
                _ = try applyOperator(op, &left, &element, at: node)
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
            switch context.coercion.commonType(group.map(\.type)) {
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

    /// LIKE/ILIKE/SIMILAR TO: the `~~`, `~~*` and `~` operators.
    private func matchPattern(
        _ left: inout TypedExpression, _ right: inout TypedExpression, operator op: String, at node: PG.Node
    ) throws(AnalysisError) {
        _ = try applyOperator(op, &left, &right, at: node)
    }

    private func typePrefixOperator(_ op: String, _ operandNode: PG.Node, in scope: Scope, at node: PG.Node)
        throws(AnalysisError) -> TypedExpression
    {
        var operand = try typed(operandNode, in: scope)
        switch context.resolveOperator(op, left: nil, right: operand.type) {
        case .success(let resolved):
            if operand.isUnknown { try context.resolve(&operand, to: resolved.right) }
            return .known(resolved.result, nullable: operand.isNullable)
        case .failure(let failure):
            let problem = failure == .notUnique ? "is not unique" : "does not exist"
            throw AnalysisError("operator \(problem): \(op) \(operand.displayType)", at: node)
        }
    }

    /// Operators that can return NULL from operands that are not NULL (a missing key or element).
    static let nullableOperators: Set<String> = ["->", "->>", "#>", "#>>"]

    func typeBinaryOperator(
        _ op: String, _ left: inout TypedExpression, _ right: inout TypedExpression, at node: PG.Node
    ) throws(AnalysisError) -> TypedExpression {
        let resolved = try applyOperator(op, &left, &right, at: node)
        let nullable = left.isNullable || right.isNullable || Self.nullableOperators.contains(op)
        return .known(resolved.result, nullable: nullable)
    }

    /// Resolves `left op right` as PostgreSQL does, gives an untyped operand the operator's
    /// operand type (named after the column on the other side) and returns the operator.
    @discardableResult
    func applyOperator(
        _ op: String, _ left: inout TypedExpression, _ right: inout TypedExpression, at node: PG.Node
    ) throws(AnalysisError) -> OperatorResolver.Resolved {
        switch context.resolveOperator(op, left: left.type, right: right.type) {
        case .success(let resolved):
            // A parameter compared with a column is named after it (`owner = $1` → owner).
            let naming = Self.namingOperators.contains(op)
            let leftType = resolved.left ?? left.type
            if left.isUnknown || left.parameterNumber != nil {
                try context.resolve(
                    &left, to: left.isUnknown ? leftType : left.type, name: naming ? right.columnName : nil,
                    column: naming ? right.source : nil)
            }
            if right.isUnknown || right.parameterNumber != nil {
                try context.resolve(
                    &right, to: right.isUnknown ? resolved.right : right.type, name: naming ? left.columnName : nil,
                    column: naming ? left.source : nil)
            }
            return resolved
        case .failure(let failure):
            let problem = failure == .notUnique ? "is not unique" : "does not exist"
            throw AnalysisError("operator \(problem): \(left.displayType) \(op) \(right.displayType)", at: node)
        }
    }

    /// A comparison `left op right`: an untyped side takes the type PostgreSQL's operator
    /// resolution gives it (varchar compares as text) and is named after the other side's column.
    func compare(
        _ left: inout TypedExpression, _ right: inout TypedExpression, operator op: String, at node: PG.Node
    ) throws(AnalysisError) {
        _ = try applyOperator(op, &left, &right, at: node)
    }
}
