import Foundation
import Logging

/// Collects log records in memory so tests can check what the server logs, without touching
/// the process-wide `LoggingSystem`.
final class LogRecorder: @unchecked Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata

        /// The message and every metadata value, for "is this text anywhere in the line" checks.
        var fullText: String {
            ([message] + metadata.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
        }
    }

    // Guarded by `lock`; handlers may log from any thread.
    private var storage: [Record] = []
    private let lock = NSLock()

    var records: [Record] {
        lock.withLock { storage }
    }

    /// A logger at `trace` that records into this recorder.
    func makeLogger(label: String = "test") -> Logger {
        var logger = Logger(label: label) { _ in Handler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ record: Record) {
        lock.withLock { storage.append(record) }
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var merged = metadata
            merged.merge(event.metadata ?? [:]) { _, new in new }
            recorder.append(Record(level: event.level, message: "\(event.message)", metadata: merged))
        }
    }
}
