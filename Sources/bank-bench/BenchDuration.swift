import ArgumentParser
import Foundation

/// A duration given on the command line or in BENCH_DURATION: `10s`, `500ms`, `2m` or plain seconds.
struct BenchDuration: Sendable, Hashable, ExpressibleByArgument, CustomStringConvertible {
    /// The length in seconds.
    var seconds: Double

    init(seconds: Double) { self.seconds = seconds }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, factor: Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let value = Double(text.dropLast(unit.suffix.count)), value >= 0 else { return nil }
            self.seconds = value * unit.factor
            return
        }
        guard let value = Double(text), value >= 0 else { return nil }
        self.seconds = value
    }

    /// As a Swift `Duration`.
    var duration: Duration { .milliseconds(Int64((seconds * 1000).rounded())) }

    /// Whole seconds, at least one: pgbench's `-T` takes nothing finer.
    var wholeSeconds: Int { max(1, Int(seconds.rounded(.up))) }

    var description: String { seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s" }
}
