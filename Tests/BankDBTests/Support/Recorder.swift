import Foundation

/// A thread-safe list for collecting what `@Sendable` callbacks such as `transferTx`'s `verify` see.
final class Recorder<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Value] = []

    func append(_ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(value)
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
