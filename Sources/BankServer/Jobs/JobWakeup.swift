/// Wakes idle workers: `signal()` (a NOTIFY arrived, or shutdown began) ends every current
/// `wait`, and a signal with no one waiting makes the next `wait` return at once, so a job
/// queued between a worker's empty claim and its wait is not left for the poll.
actor JobWakeup {
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var pending = false
    private var nextID = 0

    func signal() {
        if waiters.isEmpty {
            pending = true
            return
        }
        for waiter in waiters.values { waiter.resume() }
        waiters = [:]
    }

    /// Returns at the next signal or after `timeout`, whichever is first.
    nonisolated func wait(timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: timeout) }
            group.addTask { await self.waitForSignal() }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForSignal() async {
        let id = nextID
        nextID += 1
        await withTaskCancellationHandler {
            // Runs on the actor before anything else does, so `cancel` below always finds the
            // waiter registered, or already resumed.
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                if pending {
                    pending = false
                    continuation.resume()
                } else {
                    waiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    private func cancel(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
