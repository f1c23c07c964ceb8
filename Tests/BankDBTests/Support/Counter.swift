import Foundation

/// A thread-safe tally for counting from `@Sendable` callbacks such as `SQLStore.onRetry`.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ amount: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        count += amount
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
