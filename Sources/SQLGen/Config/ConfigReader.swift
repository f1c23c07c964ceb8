import Foundation
import Yams

/// Walks the YAML tree of a config file, building `SQLPackage`s and collecting one diagnostic per
/// unknown key or bad value, each naming its key path (`sql[0].gen.swift.out`).
struct ConfigReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The top-level `vet:` section, once `readRoot` has read it.
    var vet = VetOptions()

    init(file: String) {
        self.file = file
    }

    static let topLevelKeys = ["version", "sql", "vet"] + ignoredTopLevelKeys
    static let packageKeys = ["name", "engine", "schema", "queries", "gen"] + ignoredPackageKeys
    /// sqlc keys for its plugins, cloud service and `vet`, accepted with a note.
    static let ignoredTopLevelKeys = ["plugins", "rules", "overrides", "cloud", "options"]
    static let ignoredPackageKeys = [
        "database", "analyzer", "rules", "codegen", "strict_function_checks", "strict_order_by",
    ]
    /// `gen.swift`, and sqlc's Go generator's options (`gen.go`), read when `gen.swift` is absent.
    static let genKeys = ["swift", "go"]
    static let swiftKeys = [
        "module", "out", "access_level", "emit_interface", "emit_mock", "emit_codable", "emit_exact_table_names",
        "query_parameter_limit", "rename", "overrides",
    ]
    static let overrideKeys = ["db_type", "column", "swift_type", "import", "nullable"]
    /// An override in a Go-style section may also carry sqlc's `go_type` (and `go_struct_tag`).
    static let goOverrideKeys = overrideKeys + ["go_type", "go_struct_tag", "unsigned"]

    mutating func readRoot(_ root: Node?) -> [SQLPackage] {
        guard let root, let mapping = requireMapping(root, keyPath: "(top level)") else {
            if root == nil { error("the config file is empty; expected version: \"2\" and sql: [...]", at: nil) }
            return []
        }
        // sqlc's version "1" lists `packages`, with Go's options; version "2" lists `sql` entries.
        let version = mapping.first { scalarString($0.key) == "version" }?.value
        if let version, scalarString(version) == "1" { return readVersion1(mapping) }
        let entries = checkKeys(mapping, allowed: Self.topLevelKeys, keyPath: "")
        if let version {
            if scalarString(version) != "2" {
                error("version: must be \"1\" or \"2\"", at: version)
            }
        } else {
            error("version: missing; must be \"1\" or \"2\"", at: root)
        }
        for key in Self.ignoredTopLevelKeys {
            if let node = entries[key] { note(Self.ignoredKeyNote(key), at: node) }
        }
        if let node = entries["vet"] { vet = readVet(node) }
        guard let sql = entries["sql"] else {
            error("sql: missing; expected a list of query sets", at: root)
            return []
        }
        guard case .sequence(let items) = sql else {
            error("sql: expected a list of query sets", at: sql)
            return []
        }
        if items.isEmpty { error("sql: must list at least one query set", at: sql) }
        return items.enumerated().compactMap { index, item in readPackage(item, index: index) }
    }

    /// The note for a sqlc key swift-sqlgen accepts without using it. sqlc's `rules` are CEL
    /// expressions for its own `vet`; say that they do not run, and what does instead.
    static func ignoredKeyNote(_ keyPath: String) -> String {
        if keyPath == "rules" || keyPath.hasSuffix(".rules") {
            return "\(keyPath): sqlc's CEL vet rules are not run; swift-sqlgen vet has built-in rules (configure them under vet:)"
        }
        return "\(keyPath): not used by swift-sqlgen; ignored"
    }

    mutating func readPackage(_ node: Node, index: Int) -> SQLPackage? {
        let keyPath = "sql[\(index)]"
        guard let mapping = requireMapping(node, keyPath: keyPath) else { return nil }
        let entries = checkKeys(mapping, allowed: Self.packageKeys, keyPath: keyPath)
        let name = entries["name"].flatMap { string($0, keyPath: "\(keyPath).name") }
        for key in Self.ignoredPackageKeys {
            if let node = entries[key] { note(Self.ignoredKeyNote("\(keyPath).\(key)"), at: node) }
        }
        var engine = "postgresql"
        if let node = entries["engine"] {
            if let value = string(node, keyPath: "\(keyPath).engine") {
                if value != "postgresql" {
                    error("\(keyPath).engine: unsupported engine \"\(value)\"; only \"postgresql\" is supported", at: node)
                }
                engine = value
            }
        } else {
            error("\(keyPath).engine: missing; must be \"postgresql\"", at: node)
        }
        let schema = pathList(entries["schema"], keyPath: "\(keyPath).schema", parent: node)
        let queries = pathList(entries["queries"], keyPath: "\(keyPath).queries", parent: node)
        var swift: SwiftOptions?
        if let gen = entries["gen"], let genMapping = requireMapping(gen, keyPath: "\(keyPath).gen") {
            let genEntries = checkKeys(genMapping, allowed: Self.genKeys, keyPath: "\(keyPath).gen")
            if let swiftNode = genEntries["swift"] {
                swift = readSwiftOptions(swiftNode, keyPath: "\(keyPath).gen.swift")
                if let goNode = genEntries["go"] {
                    note("\(keyPath).gen.go: ignored; Swift is generated from gen.swift", at: goNode)
                }
            } else if let goNode = genEntries["go"] {
                swift = readGoOptions(goNode, keyPath: "\(keyPath).gen.go", outKey: "out", moduleKey: "package")
            } else {
                error("\(keyPath).gen.swift: missing; the Swift generator's options go here", at: gen)
            }
        } else if entries["gen"] == nil {
            error("\(keyPath).gen: missing; expected gen: { swift: { out: ... } }", at: node)
        }
        guard let swift, let schema, let queries else { return nil }
        return SQLPackage(
            index: index, name: name, engine: engine, schema: schema, queries: queries, swift: swift,
            schemaLocation: location(of: entries["schema"]), queriesLocation: location(of: entries["queries"])
        )
    }

    mutating func readSwiftOptions(_ node: Node, keyPath: String) -> SwiftOptions? {
        guard let mapping = requireMapping(node, keyPath: keyPath) else { return nil }
        let entries = checkKeys(mapping, allowed: Self.swiftKeys, keyPath: keyPath)
        guard let outNode = entries["out"] else {
            error("\(keyPath).out: missing; the output folder is required", at: node)
            return nil
        }
        guard let out = string(outNode, keyPath: "\(keyPath).out") else { return nil }
        if out.isEmpty { error("\(keyPath).out: must not be empty", at: outNode) }
        var options = SwiftOptions(out: out)
        if let node = entries["module"] {
            options.module = string(node, keyPath: "\(keyPath).module")
            if let module = options.module, !Self.isIdentifier(module) {
                error("\(keyPath).module: \"\(module)\" is not a Swift module name", at: node)
            }
        }
        if let node = entries["access_level"], let value = string(node, keyPath: "\(keyPath).access_level") {
            if let level = SwiftOptions.AccessLevel(rawValue: value) {
                options.accessLevel = level
            } else {
                error("\(keyPath).access_level: must be \"public\" or \"internal\", got \"\(value)\"", at: node)
            }
        }
        if let node = entries["emit_mock"], let value = bool(node, keyPath: "\(keyPath).emit_mock") {
            options.emitMock = value
        }
        if let node = entries["emit_codable"], let value = bool(node, keyPath: "\(keyPath).emit_codable") {
            options.emitCodable = value
        }
        readSharedOptions(entries, into: &options, keyPath: keyPath, goStyle: false)
        return options
    }

    /// The options `gen.swift` shares with sqlc's Go generator (`gen.go`, version 1 packages).
    mutating func readSharedOptions(
        _ entries: [String: Node], into options: inout SwiftOptions, keyPath: String, goStyle: Bool
    ) {
        if let node = entries["emit_interface"], let value = bool(node, keyPath: "\(keyPath).emit_interface") {
            options.emitInterface = value
        }
        if let node = entries["emit_exact_table_names"],
            let value = bool(node, keyPath: "\(keyPath).emit_exact_table_names")
        {
            options.emitExactTableNames = value
        }
        if let node = entries["query_parameter_limit"] {
            let key = "\(keyPath).query_parameter_limit"
            if let text = scalarString(node), let value = Int(text) {
                if value < 0 {
                    error("\(key): must not be negative, got \(value)", at: node)
                } else {
                    options.queryParameterLimit = value
                }
            } else {
                error("\(key): expected a whole number, got \(describe(node))", at: node)
            }
        }
        if let node = entries["rename"] {
            options.rename = readRename(node, keyPath: "\(keyPath).rename")
        }
        if let node = entries["overrides"] {
            options.overrides = readOverrides(node, keyPath: "\(keyPath).overrides", goStyle: goStyle)
        }
    }

    mutating func readRename(_ node: Node, keyPath: String) -> [String: String] {
        guard let mapping = requireMapping(node, keyPath: keyPath) else { return [:] }
        var result: [String: String] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = scalarString(keyNode) else {
                error("\(keyPath): keys must be names", at: keyNode)
                continue
            }
            guard let value = string(valueNode, keyPath: "\(keyPath).\(key)") else { continue }
            if !Self.isIdentifier(value) {
                error("\(keyPath).\(key): \"\(value)\" is not a Swift identifier", at: valueNode)
                continue
            }
            result[key] = value
        }
        return result
    }

    /// `goStyle`: overrides of sqlc's Go generator, whose `go_type` has no Swift meaning; such an
    /// override applies only when it also names a `swift_type`.
    mutating func readOverrides(_ node: Node, keyPath: String, goStyle: Bool = false) -> [TypeOverride] {
        guard case .sequence(let items) = node else {
            error("\(keyPath): expected a list of overrides", at: node)
            return []
        }
        var result: [TypeOverride] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(keyPath)[\(index)]"
            guard let mapping = requireMapping(item, keyPath: itemPath) else { continue }
            let entries = checkKeys(mapping, allowed: goStyle ? Self.goOverrideKeys : Self.overrideKeys, keyPath: itemPath)
            let dbType = entries["db_type"].flatMap { string($0, keyPath: "\(itemPath).db_type") }
            let column = entries["column"].flatMap { string($0, keyPath: "\(itemPath).column") }
            let target: TypeOverride.Target?
            switch (dbType, column) {
            case (let dbType?, nil):
                target = .dbType(dbType)
            case (nil, let column?):
                let parts = column.split(separator: ".", omittingEmptySubsequences: false)
                if (parts.count == 2 || parts.count == 3) && !parts.contains(where: \.isEmpty) {
                    target = .column(column)
                } else {
                    error(
                        "\(itemPath).column: expected \"table.column\" or \"schema.table.column\", got \"\(column)\"",
                        at: entries["column"])
                    target = nil
                }
            case (_?, _?):
                error("\(itemPath): set either db_type or column, not both", at: item)
                target = nil
            case (nil, nil):
                if entries["db_type"] == nil && entries["column"] == nil {
                    error("\(itemPath): missing db_type or column", at: item)
                }
                target = nil
            }
            var swiftType: String?
            if let node = entries["swift_type"] {
                swiftType = string(node, keyPath: "\(itemPath).swift_type")
                if let value = swiftType, value.trimmingCharacters(in: .whitespaces).isEmpty {
                    error("\(itemPath).swift_type: must not be empty", at: node)
                    swiftType = nil
                }
            } else if goStyle, entries["go_type"] != nil {
                note("\(itemPath): go_type is Go's and is ignored; add swift_type to choose a Swift type", at: item)
                continue
            } else {
                error("\(itemPath).swift_type: missing; name the Swift type to use", at: item)
            }
            let importModule = entries["import"].flatMap { string($0, keyPath: "\(itemPath).import") }
            let nullable = entries["nullable"].flatMap { bool($0, keyPath: "\(itemPath).nullable") }
            if let target, let swiftType {
                result.append(
                    TypeOverride(target: target, swiftType: swiftType, importModule: importModule, nullable: nullable))
            }
        }
        return result
    }

    // MARK: - Value helpers

    /// A path list (`schema`, `queries`): one string or a list of strings.
    mutating func pathList(_ node: Node?, keyPath: String, parent: Node) -> [String]? {
        guard let node else {
            error("\(keyPath): missing; expected a file, directory, glob or list of them", at: parent)
            return nil
        }
        switch node {
        case .scalar:
            guard let value = string(node, keyPath: keyPath) else { return nil }
            if value.isEmpty {
                error("\(keyPath): must not be empty", at: node)
                return nil
            }
            return [value]
        case .sequence(let items):
            if items.isEmpty {
                error("\(keyPath): must list at least one path", at: node)
                return nil
            }
            var paths: [String] = []
            for (index, item) in items.enumerated() {
                guard let value = string(item, keyPath: "\(keyPath)[\(index)]") else { return nil }
                paths.append(value)
            }
            return paths
        default:
            error("\(keyPath): expected a path or a list of paths", at: node)
            return nil
        }
    }

    mutating func requireMapping(_ node: Node, keyPath: String) -> Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        error("\(keyPath): expected a mapping of keys to values, got \(describe(node))", at: node)
        return nil
    }

    /// The mapping's entries by key; reports unknown and non-string keys.
    mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], keyPath: String) -> [String: Node] {
        var entries: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = scalarString(keyNode) else {
                error("\(keyPath.isEmpty ? "(top level)" : keyPath): keys must be strings", at: keyNode)
                continue
            }
            let path = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            guard allowed.contains(key) else {
                var message = "\(path): unknown key"
                if let suggestion = Self.closest(to: key, in: allowed) {
                    message += " (did you mean \"\(suggestion)\"?)"
                }
                error(message, at: keyNode)
                continue
            }
            entries[key] = value
        }
        return entries
    }

    mutating func string(_ node: Node, keyPath: String) -> String? {
        if case .scalar(let scalar) = node, !Self.isNull(scalar) { return scalar.string }
        error("\(keyPath): expected a string, got \(describe(node))", at: node)
        return nil
    }

    mutating func bool(_ node: Node, keyPath: String) -> Bool? {
        switch scalarString(node) {
        case "true": return true
        case "false": return false
        default:
            error("\(keyPath): expected true or false, got \(describe(node))", at: node)
            return nil
        }
    }

    func scalarString(_ node: Node) -> String? {
        if case .scalar(let scalar) = node, !Self.isNull(scalar) { return scalar.string }
        return nil
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return Self.isNull(scalar) ? "nothing (null)" : "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func location(of node: Node?) -> SourceLocation? {
        guard let mark = node?.mark else { return nil }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func error(_ message: String, at node: Node?) {
        diagnostics.append(.error(message, at: location(of: node) ?? SourceLocation(file: file, line: 1, column: 1)))
    }

    mutating func note(_ message: String, at node: Node?) {
        diagnostics.append(
            Diagnostic(.note, message, at: location(of: node) ?? SourceLocation(file: file, line: 1, column: 1)))
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// The allowed key closest to a misspelt one, if it is close enough to be a likely typo.
    static func closest(to key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(key, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, key.count / 3) ? best.0 : nil
    }

    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
