import Yams

/// sqlc's version "1" configuration (`packages`, with the Go generator's options) and, in a
/// version "2" file without `gen.swift`, the `gen.go` section: an existing sqlc project's
/// `sqlc.yaml` generates Swift without edits. Options that mean the same in Swift are read;
/// Go-only options are accepted with a note that says what Swift does instead.
extension ConfigReader {
    static let version1TopLevelKeys = ["version", "packages", "overrides", "rename", "plugins", "vet"]
    static let version1PackageKeys = ["name", "path", "queries", "schema", "engine", "strict_function_checks", "strict_order_by"]
    /// Options of sqlc's Go generator that carry over: `emit_interface` (the `Querier` protocol),
    /// `emit_exact_table_names`, `query_parameter_limit`, `rename` and `overrides`.
    static let sharedGoKeys = ["emit_interface", "emit_exact_table_names", "query_parameter_limit", "rename", "overrides"]
    /// Go-only options, each with what the Swift code does instead.
    static let goOnlyKeys: [String: String] = [
        "emit_json_tags": "models are Codable, with CodingKeys for the column names",
        "json_tags_case_style": "models are Codable, with CodingKeys for the column names",
        "emit_db_tags": "Swift has no struct tags",
        "emit_prepared_queries": "every query is a PostgresPreparedStatement already",
        "emit_empty_slices": "a :many method returns an empty array, never nil",
        "emit_result_struct_pointers": "results are value types",
        "emit_params_struct_pointers": "parameters are value types",
        "emit_methods_with_db_argument": "methods run on the Queries handle's DBTX",
        "emit_pointers_for_null_types": "NULL is an optional",
        "emit_enum_valid_method": "enums are Swift enums, which hold only valid labels",
        "emit_all_enum_values": "enums are CaseIterable",
        "emit_sql_as_comment": "every statement's SQL is its `sql` constant",
        "emit_exported_queries": "every statement's SQL is its public `sql` constant",
        "sql_package": "the code runs on postgres-nio",
        "sql_driver": "the code runs on postgres-nio",
        "build_tags": "Swift has no build tags",
        "omit_unused_structs": "only the models of tables and views are generated",
        "omit_sqlc_version": "the header names no version",
        "inflection_exclude_table_names": "set gen.swift.rename for model names",
        "output_batch_file_name": "file names follow the query files",
        "output_db_file_name": "file names follow the query files",
        "output_models_file_name": "file names follow the query files",
        "output_querier_file_name": "file names follow the query files",
        "output_copyfrom_file_name": "file names follow the query files",
        "output_files_suffix": "file names follow the query files",
        "package": "the Swift module is the package's name",
    ]

    mutating func readVersion1(_ mapping: Node.Mapping) -> [SQLPackage] {
        let entries = checkKeys(mapping, allowed: Self.version1TopLevelKeys, keyPath: "")
        guard let packagesNode = entries["packages"] else {
            error("packages: missing; expected a list of packages", at: nil)
            return []
        }
        guard case .sequence(let items) = packagesNode else {
            error("packages: expected a list of packages", at: packagesNode)
            return []
        }
        if items.isEmpty { error("packages: must list at least one package", at: packagesNode) }
        let rename = entries["rename"].map { readRename($0, keyPath: "rename") } ?? [:]
        let overrides = entries["overrides"].map { readOverrides($0, keyPath: "overrides", goStyle: true) } ?? []
        if let plugins = entries["plugins"] { note("plugins: ignored; only the Swift generator runs", at: plugins) }
        if let node = entries["vet"] { vet = readVet(node) }
        return items.enumerated().compactMap { index, item -> SQLPackage? in
            let keyPath = "packages[\(index)]"
            guard case .mapping(let package) = item else {
                error("\(keyPath): expected a mapping of keys to values", at: item)
                return nil
            }
            // readGoOptions reports unknown keys; here the entries are only looked up.
            var packageEntries: [String: Node] = [:]
            for (key, value) in package { if let key = scalarString(key) { packageEntries[key] = value } }
            let engine = packageEntries["engine"].flatMap { string($0, keyPath: "\(keyPath).engine") } ?? "postgresql"
            if engine != "postgresql" {
                error("\(keyPath).engine: unsupported engine \"\(engine)\"; only \"postgresql\" is supported", at: packageEntries["engine"])
            }
            guard var swift = readGoOptions(item, keyPath: keyPath, outKey: "path", moduleKey: "name", extraKeys: Self.version1PackageKeys)
            else { return nil }
            swift.rename.merge(rename) { own, _ in own }
            swift.overrides += overrides
            let schema = pathList(packageEntries["schema"], keyPath: "\(keyPath).schema", parent: item)
            let queries = pathList(packageEntries["queries"], keyPath: "\(keyPath).queries", parent: item)
            guard let schema, let queries else { return nil }
            return SQLPackage(
                index: index, name: packageEntries["name"].flatMap { scalarString($0) }, engine: engine, schema: schema,
                queries: queries, swift: swift, schemaLocation: location(of: packageEntries["schema"]),
                queriesLocation: location(of: packageEntries["queries"]))
        }
    }

    /// Swift options from a Go-style section: a version "1" package (`path`, `name`) or `gen.go`
    /// (`out`, `package`). The Swift files go where the Go files would.
    mutating func readGoOptions(
        _ node: Node, keyPath: String, outKey: String, moduleKey: String, extraKeys: [String] = []
    ) -> SwiftOptions? {
        guard case .mapping(let mapping) = node else {
            error("\(keyPath): expected a mapping of keys to values", at: node)
            return nil
        }
        let known = Set(extraKeys + Self.sharedGoKeys + Self.goOnlyKeys.keys + [outKey, moduleKey])
        let entries = checkKeys(mapping, allowed: Array(known), keyPath: keyPath)
        guard let outNode = entries[outKey], let out = string(outNode, keyPath: "\(keyPath).\(outKey)"), !out.isEmpty else {
            error("\(keyPath).\(outKey): missing; the output folder is required", at: node)
            return nil
        }
        var options = SwiftOptions(out: out)
        if let node = entries[moduleKey], let module = scalarString(node), Self.isIdentifier(module) {
            options.module = module
        }
        readSharedOptions(entries, into: &options, keyPath: keyPath, goStyle: true)
        for (key, node) in entries.sorted(by: { $0.key < $1.key }) where key != moduleKey {
            if let instead = Self.goOnlyKeys[key] {
                note("\(keyPath).\(key): a Go option, ignored: \(instead)", at: node)
            }
        }
        return options
    }
}
