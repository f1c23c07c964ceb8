/// A built-in rule of `swift-sqlgen vet`. The raw value is the name users write in
/// `-- vet: ignore <rule>` and in the config's `vet.disable` / `vet.enable` lists.
public enum VetRule: String, Sendable, Hashable, CaseIterable, Comparable {
    case updateWithoutWhere = "update-without-where"
    case deleteWithoutWhere = "delete-without-where"
    case selectStar = "select-star"
    case limitWithoutOrderBy = "limit-without-order-by"
    case oneReturnsMany = "one-returns-many"
    case compareWithNull = "compare-with-null"
    case dbPrepare = "db-prepare"

    /// How bad a finding is. Errors are statements that do something the author cannot have
    /// meant (change every row, a comparison that is never true) and fail the run; warnings are
    /// queries that work today but can silently go wrong.
    public var severity: Diagnostic.Severity {
        switch self {
        case .updateWithoutWhere, .deleteWithoutWhere, .compareWithNull, .dbPrepare: .error
        case .selectStar, .limitWithoutOrderBy, .oneReturnsMany: .warning
        }
    }

    /// `db-prepare` needs a PostgreSQL server, so it runs only when the config enables it.
    public var isEnabledByDefault: Bool { self != .dbPrepare }

    /// The rule names, in declaration order, for messages that list them.
    public static var names: [String] { allCases.map(\.rawValue) }

    public static func < (lhs: VetRule, rhs: VetRule) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
