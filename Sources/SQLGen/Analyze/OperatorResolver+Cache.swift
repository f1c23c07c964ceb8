/// Operator resolutions already made for one schema. Most queries compare the same few type
/// pairs (`bigint = bigint`, `text = unknown`); resolving `=` walks its ~60 overloads through
/// PostgreSQL's candidate rules each time, about an eighth of a large project's run.
/// One cache serves one `Analyzer` (one schema and its extensions), across its worker threads.
final class OperatorResolutionCache: Sendable {
    private struct Key: Hashable {
        var name: String
        var left: SQLType?
        var right: SQLType
    }

    private let resolved = LockedValue<[Key: Result<OperatorResolver.Resolved, FunctionResolver.Failure>]>([:])

    /// `resolver.resolve(name, left:, right:)`, computed once per operator and operand types.
    func resolve(_ name: String, left: SQLType?, right: SQLType, with resolver: OperatorResolver)
        -> Result<OperatorResolver.Resolved, FunctionResolver.Failure>
    {
        let key = Key(name: name, left: left, right: right)
        if let known = resolved.withLock({ $0[key] }) { return known }
        let result = resolver.resolve(name, left: left, right: right)
        resolved.withLock { $0[key] = result }
        return result
    }
}
