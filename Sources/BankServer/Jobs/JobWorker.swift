import BankDB
import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import ServiceLifecycle

/// Runs the jobs in the `jobs` table: `concurrency` loops each claim one due job at a time
/// (`FOR UPDATE SKIP LOCKED`, so any number of workers in any number of processes share the
/// queue without taking a job twice), run its ``JobHandler``, and mark it done, queued again
/// with a backoff, or dead after its last attempt. Idle loops sleep until a `NOTIFY jobs` (sent
/// when a job is queued) or the poll interval.
///
/// As a `Service` it stops on graceful shutdown: no new claims; jobs in flight finish (their
/// handlers have timeouts); a job claimed but not started is released.
///
/// ```swift
/// let worker = JobWorker(postgres: client, handlers: [handler], logger: logger)
/// app.addServices(worker)       // or: try await worker.runDueJobs() in a test
/// ```
public final class JobWorker: Service, Sendable {
    let postgres: PostgresClient
    let queries: Queries
    let handlers: [String: any JobHandler]
    let configuration: JobWorkerConfiguration
    let logger: Logger
    /// Where LISTEN connects, on a connection of its own (a pool connection would be held for
    /// good); nil: no notifications, polling only.
    let listenConfiguration: PostgresConnection.Configuration?
    private let wakeup = JobWakeup()
    /// Signalled once, by `stop()`.
    private let stopped = JobWakeup()
    private let listenConnection = NIOLockedValueBox<PostgresConnection?>(nil)
    private let stopping = NIOLockedValueBox(false)
    private var isStopping: Bool { stopping.withLockedValue { $0 } }

    /// The channel the `jobs` trigger notifies.
    public static let channel = "jobs"

    public init(
        postgres: PostgresClient, handlers: [any JobHandler], configuration: JobWorkerConfiguration = JobWorkerConfiguration(),
        listenConfiguration: PostgresConnection.Configuration? = nil, logger: Logger
    ) {
        self.postgres = postgres
        self.listenConfiguration = listenConfiguration
        self.queries = Queries(postgres)
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "worker"] = .string(configuration.name)
        self.logger = logger
    }

    public func run() async throws {
        logger.info("job worker started", metadata: ["concurrency": .stringConvertible(configuration.concurrency)])
        let loops = max(1, configuration.concurrency)
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Ended.self) { group in
                group.addTask {
                    await self.listen()
                    return .listener
                }
                for _ in 0..<loops {
                    group.addTask {
                        await self.loop()
                        return .loop
                    }
                }
                group.addTask {
                    // After a stop, jobs in flight get the grace period; then they are cancelled
                    // (their leases bring them back), so a dead database cannot hold up the exit.
                    await self.stopped.wait(timeout: .seconds(365 * 24 * 3600))
                    try? await Task.sleep(for: self.configuration.shutdownGracePeriod)
                    return .gracePeriod
                }
                var running = loops
                while running > 0, let ended = await group.next() {
                    switch ended {
                    case .loop: running -= 1
                    case .listener: continue
                    case .gracePeriod:
                        if self.isStopping { running = 0 }
                    }
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.stop()
        }
        logger.info("job worker stopped")
    }

    private enum Ended: Sendable {
        case loop, listener, gracePeriod
    }

    /// Stops claiming; running jobs finish.
    public func stop() {
        stopping.withLockedValue { $0 = true }
        // Closing the LISTEN connection ends its notification sequence, which ignores cancellation.
        let connection = listenConnection.withLockedValue { $0 }
        Task {
            await wakeup.signal()
            await stopped.signal()
            try? await connection?.close()
        }
    }

    /// Claims and runs due jobs one after the other until none is due; returns how many ran.
    /// For tests and one-off runs: it needs no `run()`.
    @discardableResult
    public func runDueJobs() async throws -> Int {
        var count = 0
        while let job = try await claim() {
            await process(job)
            count += 1
        }
        return count
    }

    // MARK: Loops

    private func loop() async {
        while !isStopping && !Task.isCancelled {
            do {
                if let job = try await claimUnlessStopped() {
                    guard !isStopping else {
                        await release(job)
                        return
                    }
                    await process(job)
                    continue
                }
            } catch {
                guard !isStopping && !Task.isCancelled else { return }
                logger.warning("cannot claim jobs", metadata: ["error": .string(Self.describe(error))])
            }
            await wakeup.wait(timeout: configuration.pollInterval)
        }
    }

    /// A claim that `stop()` cancels: one waiting for a connection to a database that is gone
    /// would otherwise hold up the shutdown. A job claimed just as the stop came is then left to
    /// its lease.
    private func claimUnlessStopped() async throws -> Job? {
        try await withThrowingTaskGroup(of: Job?.self) { group in
            group.addTask { try await self.claim() }
            group.addTask {
                while !self.isStopping && !Task.isCancelled { await self.stopped.wait(timeout: .seconds(1)) }
                throw CancellationError()
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    /// Wakes the loops on each notification; reconnects after a second when the connection drops.
    private func listen() async {
        guard let listenConfiguration else { return }
        var connectionID = 0
        while !isStopping && !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: listenConfiguration, id: connectionID, logger: logger)
                connectionID += 1
                listenConnection.withLockedValue { $0 = connection }
                defer { listenConnection.withLockedValue { $0 = nil } }
                // `stop()` may have looked before the connection was stored.
                guard !isStopping else {
                    try? await connection.close()
                    return
                }
                do {
                    try await connection.listen(on: Self.channel) { notifications in
                        // Jobs queued while the listener was away are due now.
                        await self.wakeup.signal()
                        for try await _ in notifications { await self.wakeup.signal() }
                    }
                } catch {
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
            } catch {
                guard !isStopping && !Task.isCancelled else { return }
                logger.debug("job notifications unavailable; polling", metadata: ["error": .string(Self.describe(error))])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    // MARK: One job

    private func claim() async throws -> Job? {
        try await queries.claimJobs(
            maxJobs: 1, worker: configuration.name, leaseSeconds: Self.seconds(configuration.lease)
        ).first
    }

    private func process(_ job: Job) async {
        var logger = self.logger
        logger[metadataKey: "job_id"] = .stringConvertible(job.id)
        logger[metadataKey: "job_kind"] = .string(job.kind)
        logger[metadataKey: "attempt"] = .stringConvertible(job.attempts)
        guard let handler = handlers[job.kind] else {
            await finish(job, .bury("no handler for job kind \(job.kind)"), logger: logger)
            return
        }
        // A job claimed more often than allowed lost its workers each time (lease expiries).
        guard job.attempts <= job.maxAttempts else {
            await finish(job, .bury(job.lastError ?? "abandoned by its workers \(job.maxAttempts) times"), logger: logger)
            return
        }
        let outcome: Outcome
        do {
            try await handler.run(job)
            outcome = .done
        } catch let failure as JobFailure {
            outcome = .bury(failure.description)
        } catch {
            let message = Self.describe(error)
            outcome = job.attempts >= job.maxAttempts ? .bury(message) : .retry(message, configuration.backoff(afterAttempt: job.attempts))
        }
        await finish(job, outcome, logger: logger)
    }

    private enum Outcome {
        case done
        case retry(String, Duration)
        case bury(String)
    }

    private func finish(_ job: Job, _ outcome: Outcome, logger: Logger) async {
        do {
            let updated: Int
            switch outcome {
            case .done:
                updated = try await queries.completeJob(id: job.id, worker: configuration.name)
                logger.info("job done")
            case .retry(let error, let delay):
                updated = try await queries.retryJob(
                    delaySeconds: Self.seconds(delay), lastError: error, id: job.id, worker: configuration.name)
                logger.warning(
                    "job failed; will retry",
                    metadata: ["error": .string(error), "retry_in_seconds": .stringConvertible(Self.seconds(delay))])
            case .bury(let error):
                updated = try await queries.buryJob(lastError: error, id: job.id, worker: configuration.name)
                logger.error("job failed for good; left dead", metadata: ["error": .string(error)])
            }
            if updated == 0 { logger.warning("job was taken over by another worker after its lease ran out") }
        } catch {
            // The lease runs out and another worker (or this one) picks the job up again.
            logger.error("cannot record the job's outcome", metadata: ["error": .string(Self.describe(error))])
        }
    }

    private func release(_ job: Job) async {
        _ = try? await queries.releaseJob(id: job.id, worker: configuration.name)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// An error for the log and `jobs.last_error`: its description, bounded.
    static func describe(_ error: any Error) -> String {
        String(String(describing: error).prefix(1000))
    }
}
