import Foundation

/// How a ``JobWorker`` claims and retries jobs.
public struct JobWorkerConfiguration: Sendable {
    /// Jobs run at the same time (`MAIL_WORKERS`), each claimed on its own.
    public var concurrency = 2
    /// How long a claimed job is the worker's; past it, another worker may take the job over
    /// (the first one died). Longer than any send takes with the SMTP timeouts.
    public var lease: Duration = .seconds(120)
    /// How often an idle worker looks for due jobs without a notification: retries whose backoff
    /// ran out, jobs whose lease expired, and everything if LISTEN is down.
    public var pollInterval: Duration = .seconds(5)
    /// The wait before the first retry; it doubles with each further failure, up to `maximumBackoff`.
    public var initialBackoff: Duration = .seconds(2)
    public var maximumBackoff: Duration = .seconds(300)
    /// How long jobs in flight may take to finish after a stop before they are cancelled.
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// The name in `jobs.locked_by`: host, process and a random part, so two workers never share one.
    public var name: String

    public init(concurrency: Int = 2, name: String? = nil) {
        self.concurrency = concurrency
        let host = ProcessInfo.processInfo.hostName
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        self.name = name ?? "\(host)-\(ProcessInfo.processInfo.processIdentifier)-\(suffix)"
    }

    /// The wait after a job's `attempts`-th failure: the initial backoff doubled per earlier
    /// failure, capped, with ±20 % jitter so failed jobs do not come back in lockstep.
    func backoff(afterAttempt attempts: Int32) -> Duration {
        let exponent = min(max(Int(attempts) - 1, 0), 30)
        let base = min(initialBackoff * (1 << exponent), maximumBackoff)
        return base * Double.random(in: 0.8...1.2)
    }
}
