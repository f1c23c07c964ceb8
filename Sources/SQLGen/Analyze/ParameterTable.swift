/// What the contexts of a query's `$n` parameters say about them. PostgreSQL fixes a
/// parameter's type at the first context that determines it (later uses are checked against
/// it), and so does this table; names and nullability gather over all uses.
struct ParameterTable: Sendable, Hashable {
    struct Slot: Sendable, Hashable {
        var type: SQLType?
        var isNullable = false
        /// The column name the first naming context offers (`id` in `id = $1`).
        var contextName: String?
        var column: ColumnReference?
        /// First use, for "could not determine data type of parameter $n".
        var firstLocation: Int?
    }

    private(set) var slots: [Int: Slot] = [:]

    /// Records that `$n` appears at `location`.
    mutating func noteUse(_ number: Int, at location: Int?) {
        var slot = slots[number] ?? Slot()
        if slot.firstLocation == nil { slot.firstLocation = location }
        slots[number] = slot
    }

    func type(of number: Int) -> SQLType? { slots[number]?.type }

    func isNullable(_ number: Int) -> Bool { slots[number]?.isNullable ?? false }

    /// A context determines `$n`: the first type wins; the first name and column are kept.
    mutating func bind(
        _ number: Int, type: SQLType?, name: String? = nil, column: ColumnReference? = nil, nullable: Bool = false
    ) {
        var slot = slots[number] ?? Slot()
        if slot.type == nil, let type { slot.type = type }
        if slot.contextName == nil, let name { slot.contextName = name }
        if slot.column == nil, let column { slot.column = column }
        if nullable { slot.isNullable = true }
        slots[number] = slot
    }

    /// The final parameter list, or the first parameter PostgreSQL could not type.
    func parameters(
        count: Int, named: [Int: ParsedQuery.NamedParameter]
    ) -> Result<[QueryParameter], AnalysisError> {
        var result: [QueryParameter] = []
        // Names the user chose are kept as written; context names give way to them.
        var usedNames = Set(named.values.map(\.name))
        for number in stride(from: 1, through: count, by: 1) {
            guard let slot = slots[number], let type = slot.type else {
                return .failure(
                    AnalysisError("could not determine data type of parameter $\(number)", at: slots[number]?.firstLocation))
            }
            let named = named[number]
            let base = named?.name ?? slot.contextName ?? "p\(number)"
            var name = base
            var suffix = 2
            while named == nil, usedNames.contains(name) {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
            usedNames.insert(name)
            result.append(
                QueryParameter(
                    number: number, name: name, type: type,
                    isNullable: slot.isNullable || (named?.forcesNullable ?? false), column: slot.column))
        }
        return .success(result)
    }
}
