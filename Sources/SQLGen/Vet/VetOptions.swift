/// Which rules `vet` runs: the config's top-level `vet:` section.
///
/// ```yaml
/// vet:
///   disable: [select-star]
///   enable: [db-prepare]
/// ```
public struct VetOptions: Sendable, Hashable {
    /// Rules that are on by default and turned off.
    public var disabled: Set<VetRule> = []
    /// Rules that are off by default (`db-prepare`) and turned on.
    public var enabled: Set<VetRule> = []

    public init(disabled: Set<VetRule> = [], enabled: Set<VetRule> = []) {
        self.disabled = disabled
        self.enabled = enabled
    }

    public func runs(_ rule: VetRule) -> Bool {
        enabled.contains(rule) || (rule.isEnabledByDefault && !disabled.contains(rule))
    }
}
