/// Drives `clients` concurrent tasks, each running one operation after another (a closed loop),
/// for a warm-up and then a measured window, and collects the latencies of the measured window.
struct ClosedLoop: Sendable {
    var clients: Int
    var warmup: Duration
    var duration: Duration

    /// What the loop measured.
    struct Outcome: Sendable {
        var latencies = LatencySample()
        /// Successful operations over warm-up and measurement (for the money check).
        var completedIncludingWarmup = 0
        var errors = 0
        /// The first error seen, for the log.
        var firstError: String?
        /// The measured window's actual length in seconds.
        var seconds: Double = 0
        /// CPU seconds this process used during the measured window (all its threads).
        var cpuSeconds: Double = 0
    }

    /// Runs `operation(client, &random)` in every client task until the measured window ends.
    /// Operations that start before the end run to completion but are only counted if they
    /// finish inside the window. Client task `i` prefers `executors[i % count]` when some are given.
    func run(
        on executors: [any TaskExecutor] = [], _ operation: @escaping @Sendable (Int, inout SplitMix64) async throws -> Void
    ) async -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let measureFrom = start.advanced(by: warmup)
        let measureUntil = measureFrom.advanced(by: duration)
        // The process's CPU time at the edges of the measured window, read by a task of its own.
        let cpu = Task {
            try? await Task.sleep(until: measureFrom, clock: clock)
            let start = ProcessCPU.ownSeconds()
            try? await Task.sleep(until: measureUntil, clock: clock)
            return ProcessCPU.ownSeconds() - start
        }
        var outcome = await withTaskGroup(of: Outcome.self) { group in
            for client in 0..<clients {
                group.addTask(executorPreference: executors.isEmpty ? nil : executors[client % executors.count]) {
                    var random = SplitMix64(seed: UInt64(client + 1) &* 0x2545_F491_4F6C_DD1D)
                    var mine = Outcome()
                    // Bounded by the clock: every iteration starts before `measureUntil`.
                    while clock.now < measureUntil, !Task.isCancelled {
                        let began = clock.now
                        do {
                            try await operation(client, &random)
                        } catch {
                            mine.errors += 1
                            if mine.firstError == nil { mine.firstError = String(reflecting: error) }
                            continue
                        }
                        let ended = clock.now
                        mine.completedIncludingWarmup += 1
                        if began >= measureFrom, ended <= measureUntil {
                            let elapsed = ended - began
                            let nanos = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
                            mine.latencies.record(UInt64(max(0, nanos)))
                        }
                    }
                    return mine
                }
            }
            var total = Outcome()
            for await part in group {
                total.latencies.merge(part.latencies)
                total.completedIncludingWarmup += part.completedIncludingWarmup
                total.errors += part.errors
                total.firstError = total.firstError ?? part.firstError
            }
            return total
        }
        let window = duration.components
        outcome.seconds = Double(window.seconds) + Double(window.attoseconds) / 1e18
        outcome.cpuSeconds = await cpu.value
        return outcome
    }
}
