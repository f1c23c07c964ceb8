/// A relation visible in a FROM clause: a table, a CTE, a subquery or a VALUES list, under the
/// name queries refer to it by (its alias, else its own name).
struct FromItem: Sendable, Hashable {
    /// The reference name (`a` in `accounts a`).
    var name: String
    /// For catalog tables referenced without alias: their schema, so `public.accounts.id` resolves.
    var schema: String?
    var columns: [ResultColumn]
    /// Offset of the item in the statement, for "specified more than once".
    var location: Int?
    /// The catalog table's name when the item is an aliased table, for PostgreSQL's
    /// "invalid reference to FROM-clause entry" (`accounts.id` after `accounts a`).
    var aliasedRelation: String? = nil
    /// The catalog table or view when the item is one (not a CTE, subquery or function), so
    /// all its columns belong to one row of that relation.
    var catalogRelation: RelationName? = nil
    /// True when an outer join may supply a row of NULLs for the item.
    var isNullExtended = false
    /// The type of a whole-row reference (`SELECT t FROM accounts t`): the table's composite
    /// type, the value of a function returning a scalar, else `record`.
    var rowType: SQLType = TypeCoercion.record
}

extension FromItem {
    var isCatalogTable: Bool { catalogRelation != nil }

    /// The system columns every table has, which `*` leaves out.
    static let systemColumns: [String: SQLType] = [
        "ctid": SQLType(name: "tid"), "xmin": SQLType(name: "xid"), "xmax": SQLType(name: "xid"),
        "cmin": SQLType(name: "cid"), "cmax": SQLType(name: "cid"), "tableoid": SQLType(name: "oid"),
    ]

    /// The item as one value: NULL only where the join null-extends it (all columns nullable).
    var wholeRow: ResultColumn {
        ResultColumn(name: name, type: rowType, isNullable: !columns.isEmpty && columns.allSatisfy(\.isNullable))
    }
}

/// A column visible without qualification, in the order `*` expands to.
enum VisibleColumn: Sendable, Hashable {
    /// Column `column` of `FromItem` number `item` of the level.
    case item(Int, column: Int)
    /// A `JOIN … USING`/`NATURAL JOIN` column, merged from both sides.
    case merged(ResultColumn)
}

/// A common table expression: its name and output columns.
struct CommonTable: Sendable, Hashable {
    var name: String
    var columns: [ResultColumn]
    /// False for a data-modifying statement without RETURNING, which nothing can read.
    var hasReturning = true
}

/// The names one query level (one SELECT/INSERT/UPDATE/DELETE) sees.
struct ScopeLevel: Sendable, Hashable {
    var items: [FromItem] = []
    var visible: [VisibleColumn] = []
    var commonTables: [String: CommonTable] = [:]

    func column(_ visible: VisibleColumn) -> ResultColumn {
        switch visible {
        case .item(let item, let column): return items[item].columns[column]
        case .merged(let column): return column
        }
    }

    /// The qualifier `*` expansion writes for a visible column, nil for merged columns.
    func qualifier(_ visible: VisibleColumn) -> String? {
        switch visible {
        case .item(let item, _): return items[item].name
        case .merged: return nil
        }
    }
}

/// Name resolution over nested query levels: the innermost level is last. Subqueries see
/// the levels around them (correlation), like PostgreSQL's parse-state stack.
struct Scope: Sendable, Hashable {
    var levels: [ScopeLevel]

    init(levels: [ScopeLevel] = []) { self.levels = levels }

    /// A new innermost level for a nested query.
    func pushing(_ level: ScopeLevel = ScopeLevel()) -> Scope {
        Scope(levels: levels + [level])
    }

    var current: ScopeLevel {
        get { levels.last ?? ScopeLevel() }
        set {
            if levels.isEmpty { levels.append(newValue) } else { levels[levels.count - 1] = newValue }
        }
    }

    /// The scope a non-LATERAL subquery in FROM sees: the outer levels and the CTEs of the
    /// current level, but none of its sibling FROM items.
    var forNonLateralSubquery: Scope {
        var copy = self
        if !copy.levels.isEmpty {
            copy.current = ScopeLevel(commonTables: current.commonTables)
        }
        return copy
    }

    /// The CTE a name refers to, innermost first.
    func commonTable(_ name: String) -> CommonTable? {
        for level in levels.reversed() {
            if let table = level.commonTables[name] { return table }
        }
        return nil
    }

    var allCommonTableNames: [String] { levels.flatMap { $0.commonTables.keys } }
}

extension Scope {
    /// Resolves a column reference (`col`, `t.col`, `schema.t.col`) like PostgreSQL: the
    /// innermost level that has the name wins, and two candidates in one level are ambiguous.
    func resolveColumn(_ fields: [String], at location: Int?) throws(AnalysisError) -> ResultColumn {
        switch fields.count {
        case 1:
            let name = fields[0]
            for level in levels.reversed() {
                let matches = level.visible.filter { level.column($0).name == name }
                if matches.count > 1 {
                    throw AnalysisError("column reference \"\(name)\" is ambiguous", at: location)
                }
                if let match = matches.first { return level.column(match) }
                // System columns (`xmax`, `ctid` …) of the level's one table.
                if let type = FromItem.systemColumns[name] {
                    let tables = level.items.filter(\.isCatalogTable)
                    if tables.count > 1 { throw AnalysisError("column reference \"\(name)\" is ambiguous", at: location) }
                    if tables.count == 1 { return ResultColumn(name: name, type: type, isNullable: false) }
                }
            }
            if let item = fromItem(name, schema: nil) { return item.wholeRow }
            let candidates = levels.flatMap { level in level.visible.map { level.column($0).name } }
            throw AnalysisError(
                "column \"\(name)\" does not exist" + Suggestion.didYouMean(name, among: candidates), at: location)
        case 2, 3:
            let schema = fields.count == 3 ? fields[0] : nil
            let tableName = fields[fields.count - 2]
            let name = fields[fields.count - 1]
            guard let item = fromItem(tableName, schema: schema) else {
                throw missingFromItem(tableName, at: location)
            }
            if let column = item.columns.first(where: { $0.name == name }) { return column }
            if item.isCatalogTable, let type = FromItem.systemColumns[name] {
                return ResultColumn(name: name, type: type, isNullable: false)
            }
            let qualified = "\(tableName).\(name)"
            let hint =
                Suggestion.closest(to: name, among: item.columns.map(\.name))
                .map { " (did you mean \"\(tableName).\($0)\"?)" } ?? ""
            throw AnalysisError("column \(qualified) does not exist" + hint, at: location)
        default:
            throw AnalysisError("improper qualified name (too many dotted names): \(fields.joined(separator: "."))", at: location)
        }
    }

    /// "missing FROM-clause entry", or PostgreSQL's more precise message when the name is a
    /// table that is in FROM under an alias.
    func missingFromItem(_ name: String, at location: Int?) -> AnalysisError {
        for level in levels.reversed() {
            if let item = level.items.first(where: { $0.aliasedRelation == name }) {
                return AnalysisError(
                    "invalid reference to FROM-clause entry for table \"\(name)\" (did you mean \"\(item.name)\"?)", at: location)
            }
        }
        return AnalysisError("missing FROM-clause entry for table \"\(name)\"", at: location)
    }

    /// The FROM item a qualifier names, innermost level first.
    func fromItem(_ name: String, schema: String?) -> FromItem? {
        for level in levels.reversed() {
            let matches = level.items.filter { item in
                item.name == name && (schema == nil || item.schema == schema)
            }
            if let match = matches.first { return match }
        }
        return nil
    }
}
