/// One problem a rule found, at its place in the query file.
public struct VetFinding: Sendable, Hashable {
    public var rule: VetRule
    public var message: String
    public var location: SourceLocation

    /// `file:line:col: warning: <message> [select-star]`: the rule's name is what a
    /// `-- vet: ignore` comment or the config's `vet.disable` takes.
    public var diagnostic: Diagnostic {
        Diagnostic(rule.severity, "\(message) [\(rule.rawValue)]", at: location)
    }
}
