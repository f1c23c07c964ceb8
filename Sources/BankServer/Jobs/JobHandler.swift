import BankDB

/// Runs the jobs of one kind. Throwing retries the job later (up to its `max_attempts`), except
/// for a ``JobFailure/permanent(_:)``, which leaves it dead at once.
public protocol JobHandler: Sendable {
    /// The `jobs.kind` it runs.
    var kind: String { get }
    /// Does the job's work. It may run again after a failure or a lost worker, so it must be
    /// safe to repeat.
    func run(_ job: Job) async throws
}

/// A job that cannot succeed however often it is tried: a payload the handler cannot read, a
/// row it names that is gone.
public enum JobFailure: Error, Sendable, CustomStringConvertible {
    case permanent(String)

    public var description: String {
        switch self {
        case .permanent(let reason): reason
        }
    }
}
