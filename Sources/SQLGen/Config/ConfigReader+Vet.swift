import Yams

/// The top-level `vet:` section: which of `swift-sqlgen vet`'s rules run, for every query set.
///
/// ```yaml
/// vet:
///   disable: [select-star, limit-without-order-by]
///   enable: [db-prepare]
/// ```
extension ConfigReader {
    static let vetKeys = ["disable", "enable"]

    mutating func readVet(_ node: Node) -> VetOptions {
        guard let mapping = requireMapping(node, keyPath: "vet") else { return VetOptions() }
        let entries = checkKeys(mapping, allowed: Self.vetKeys, keyPath: "vet")
        let disabled = entries["disable"].map { readRuleList($0, keyPath: "vet.disable") } ?? []
        let enabled = entries["enable"].map { readRuleList($0, keyPath: "vet.enable") } ?? []
        for rule in disabled.intersection(enabled).sorted() {
            error("vet: \"\(rule.rawValue)\" is both enabled and disabled", at: node)
        }
        return VetOptions(disabled: disabled, enabled: enabled)
    }

    /// A list of rule names; each unknown name is an error naming its position in the list.
    private mutating func readRuleList(_ node: Node, keyPath: String) -> Set<VetRule> {
        guard case .sequence(let items) = node else {
            error("\(keyPath): expected a list of rule names, got \(describe(node))", at: node)
            return []
        }
        var rules: Set<VetRule> = []
        for (index, item) in items.enumerated() {
            guard let name = string(item, keyPath: "\(keyPath)[\(index)]") else { continue }
            guard let rule = VetRule(rawValue: name) else {
                var message = "\(keyPath)[\(index)]: unknown rule \"\(name)\""
                if let suggestion = Self.closest(to: name, in: VetRule.names) { message += " (did you mean \"\(suggestion)\"?)" }
                error(message + "; the rules are \(VetRule.names.joined(separator: ", "))", at: item)
                continue
            }
            rules.insert(rule)
        }
        return rules
    }
}
