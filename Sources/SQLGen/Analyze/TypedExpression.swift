/// What the analysis knows about an expression: its PostgreSQL type and nullability, the
/// table column it reads unchanged (if any) and whether its type is still open (an untyped
/// `$n` or a string/NULL literal whose type the context decides).
struct TypedExpression: Sendable, Hashable {
    var type: SQLType
    var isNullable: Bool
    /// Set when the expression is a table column read unchanged.
    var source: ColumnReference? = nil
    /// The `$n` this expression is, while nothing has decided its type yet.
    var unknownParameter: Int? = nil
    /// A string literal or NULL, of type `unknown` until the context resolves it.
    var isUnknownLiteral: Bool = false
    /// The `$n` this expression is (typed or not), so later contexts can name it.
    var parameterNumber: Int? = nil
    /// Where that `$n` is written.
    var parameterLocation: Int? = nil
    /// The column name a parameter compared with this expression is named after.
    var columnName: String? = nil

    init(
        type: SQLType, isNullable: Bool, source: ColumnReference? = nil, unknownParameter: Int? = nil,
        isUnknownLiteral: Bool = false, columnName: String? = nil
    ) {
        self.type = type
        self.isNullable = isNullable
        self.source = source
        self.unknownParameter = unknownParameter
        self.isUnknownLiteral = isUnknownLiteral
        self.columnName = columnName ?? source?.column
    }

    static func known(_ type: SQLType, nullable: Bool) -> TypedExpression {
        TypedExpression(type: type, isNullable: nullable)
    }

    /// True while the type is `unknown` (untyped parameter or literal).
    var isUnknown: Bool { type == .unknown }

    /// The type as PostgreSQL prints it in "function f(integer) does not exist".
    var displayType: String { type.description }
}
