/// Caps the PostgreSQL connections a test target holds at once. Swift Testing runs tests in
/// parallel, each on its own database and pool; the server allows 200 connections in all (and other
/// test targets share it), so a test first reserves what its pool may open, first come first served.
public actor ConnectionBudget {
    private let capacity: Int
    private var available: Int
    private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    public init(capacity: Int) {
        self.capacity = capacity
        self.available = capacity
    }

    /// Waits until `count` connections are free and takes them (at most the whole budget).
    public func acquire(_ count: Int) async {
        let count = min(count, capacity)
        if waiters.isEmpty && available >= count {
            available -= count
            return
        }
        await withCheckedContinuation { waiters.append((count, $0)) }
    }

    public func release(_ count: Int) {
        available += min(count, capacity)
        // In arrival order, so a test that needs many connections is not overtaken forever.
        while let first = waiters.first, first.count <= available {
            available -= first.count
            waiters.removeFirst()
            first.continuation.resume()
        }
    }
}
