/// `SET search_path TO billing, public` and pg_dump's
/// `SELECT pg_catalog.set_config('search_path', '', false)`: the schemas later DDL in the
/// migrations creates objects in and looks unqualified names up in.
extension CatalogState {
    mutating func setSearchPath(_ set: PG.VariableSetStmt) {
        switch set.kind {
        case .setValue:
            catalog.searchPath = set.args.compactMap { argument in
                guard case .aConst(let constant) = argument else { return nil }
                return constant.sval?.sval
            }.filter { $0 != "$user" }
        case .setDefault, .reset, .resetAll:
            catalog.searchPath = [catalog.defaultSchema]
        default:
            break
        }
    }

    /// The schemas of `SELECT [pg_catalog.]set_config('search_path', 'a, "B"', …)`, nil for any
    /// other SELECT.
    static func searchPathConfig(_ select: PG.SelectStmt) -> [String]? {
        guard select.targetList.count == 1, case .resTarget(let target) = select.targetList[0],
            case .funcCall(let call) = target.val, call.funcname.names.last == "set_config", call.args.count == 3,
            case .aConst(let setting) = call.args[0], setting.sval?.sval == "search_path",
            case .aConst(let value) = call.args[1], let text = value.sval?.sval
        else { return nil }
        return searchPathEntries(text)
    }

    /// A `search_path` value as PostgreSQL splits it: comma-separated identifiers, unquoted
    /// ones folded to lower case, `"$user"` dropped (no schema is named after our role).
    static func searchPathEntries(_ text: String) -> [String] {
        text.split(separator: ",").compactMap { part in
            let entry = part.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry == "\"$user\"" || entry == "$user" { return nil }
            if entry.hasPrefix("\""), entry.hasSuffix("\""), entry.count >= 2 {
                return String(entry.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            return entry.lowercased()
        }
    }
}
