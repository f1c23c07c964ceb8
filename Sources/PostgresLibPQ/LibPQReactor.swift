import CEpoll
import CLibPQ
import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#endif

/// One thread that waits in `epoll` for the sockets of many libpq connections and hands each
/// readable one to its ``LibPQConnection``, which reads the reply and resumes the task awaiting it.
/// It is also a `TaskExecutor`: tasks that prefer it run on this thread, between two waits.
///
/// libpq's non-blocking mode leaves the waiting to the caller; pgbench does it with one thread per
/// `-j`. Here one thread serves every connection of a pool, and a task that runs on it sends,
/// is resumed and sends again without a thread switch: a reply costs one `epoll_wait`, not a
/// wake-up of another thread (measured: the switches were two thirds of the client's CPU).
final class LibPQReactor: TaskExecutor, @unchecked Sendable {
    private let epoll: Int32
    /// Written to wake the thread when a job is enqueued while it waits.
    private let wakeEvent: Int32
    /// Written to stop the thread.
    private let stopEvent: Int32
    private let stopped = ConditionLock(value: false)
    private struct Queue {
        var jobs: [UnownedJob] = []
        /// Registrations and removals, run on the reactor's thread between two waits.
        var chores: [@Sendable () -> Void] = []
        /// The thread is in (or about to enter) an `epoll_wait` without a timeout.
        var waiting = false
    }
    private let queue = NIOLockedValueBox(Queue())
    /// The reactor thread, once it runs.
    private let thread = NIOLockedValueBox<pthread_t?>(nil)
    /// The connections whose sockets are (or were) in the epoll set, by the pointer in their
    /// epoll data; touched only on the reactor's thread.
    private var connections: [UnsafeMutableRawPointer: LibPQConnection] = [:]
    private static let wakeTag: UInt64 = 1
    private static let stopTag: UInt64 = 2

    init() throws(LibPQError) {
        let epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epoll >= 0 else { throw LibPQError(message: "epoll_create1: \(String(cString: strerror(errno)))") }
        let wakeEvent = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
        let stopEvent = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
        guard wakeEvent >= 0, stopEvent >= 0 else {
            close(epoll)
            if wakeEvent >= 0 { close(wakeEvent) }
            throw LibPQError(message: "eventfd: \(String(cString: strerror(errno)))")
        }
        self.epoll = epoll
        self.wakeEvent = wakeEvent
        self.stopEvent = stopEvent
        for (descriptor, tag) in [(wakeEvent, Self.wakeTag), (stopEvent, Self.stopTag)] {
            var event = epoll_event()
            event.events = EPOLLIN.rawValue
            event.data.u64 = tag
            epoll_ctl(epoll, EPOLL_CTL_ADD, descriptor, &event)
        }
        let thread = Thread { [self] in self.run() }
        thread.name = "libpq-reactor"
        thread.start()
    }

    deinit {
        close(epoll)
        close(wakeEvent)
        close(stopEvent)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        wakeIfWaiting(
            queue.withLockedValue { queue in
                queue.jobs.append(job)
                defer { queue.waiting = false }
                return queue.waiting
            })
    }

    /// Runs `chore` on the reactor's thread, before its next wait.
    private func schedule(_ chore: @escaping @Sendable () -> Void) {
        wakeIfWaiting(
            queue.withLockedValue { queue in
                queue.chores.append(chore)
                defer { queue.waiting = false }
                return queue.waiting
            })
    }

    private func wakeIfWaiting(_ waiting: Bool) {
        guard waiting else { return }
        var one: UInt64 = 1
        _ = write(wakeEvent, &one, MemoryLayout<UInt64>.size)
    }

    /// Starts delivering `connection`'s readable socket to it, from the reactor's next turn on (a
    /// reply that arrives before is reported then: the epoll set is level-triggered).
    func add(_ connection: LibPQConnection) {
        schedule { [self] in
            let pointer = Unmanaged.passUnretained(connection).toOpaque()
            var event = epoll_event()
            event.events = EPOLLIN.rawValue
            event.data.ptr = pointer
            epoll_ctl(epoll, EPOLL_CTL_ADD, connection.socket, &event)
            connections[pointer] = connection
        }
    }

    /// Stops watching `connection`'s socket, then runs `finish` (closing the connection), both on
    /// the reactor's thread, where no event for it is being handled.
    func remove(_ connection: LibPQConnection, then finish: @escaping @Sendable () -> Void = {}) {
        schedule { [self] in
            stopWatching(connection)
            connections[Unmanaged.passUnretained(connection).toOpaque()] = nil
            finish()
        }
    }

    /// Takes `connection`'s socket out of the epoll set while libpq still has it open. Once libpq
    /// has closed it (it does when it finds the connection lost), the kernel has removed it
    /// already, and its number may belong to another socket by now, even another connection's
    /// here: it must not be named again.
    func stopWatching(_ connection: LibPQConnection) {
        guard PQsocket(connection.connection) == connection.socket else { return }
        var event = epoll_event()
        epoll_ctl(epoll, EPOLL_CTL_DEL, connection.socket, &event)
    }

    /// Ends the thread and waits for it.
    func shutdown() {
        var one: UInt64 = 1
        _ = write(stopEvent, &one, MemoryLayout<UInt64>.size)
        stopped.lock(whenValue: true)
        stopped.unlock()
    }

    /// Whether the caller runs on this reactor's thread.
    var isCurrent: Bool {
        guard let thread = thread.withLockedValue({ $0 }) else { return false }
        return pthread_equal(thread, pthread_self()) != 0
    }

    private func run() {
        thread.withLockedValue { $0 = pthread_self() }
        var events = [epoll_event](repeating: epoll_event(), count: 64)
        var jobs: [UnownedJob] = []
        var chores: [@Sendable () -> Void] = []
        loop: while true {
            // The work enqueued so far; with none, the wait below may block until a socket or an
            // `enqueue` from another thread wakes it.
            queue.withLockedValue { queue in
                swap(&jobs, &queue.jobs)
                swap(&chores, &queue.chores)
                queue.waiting = jobs.isEmpty && chores.isEmpty
            }
            for chore in chores { chore() }
            for job in jobs { job.runSynchronously(on: asUnownedTaskExecutor()) }
            let timeout: Int32 = jobs.isEmpty && chores.isEmpty ? -1 : 0
            jobs.removeAll(keepingCapacity: true)
            chores.removeAll(keepingCapacity: true)
            let count = events.withUnsafeMutableBufferPointer { epoll_wait(epoll, $0.baseAddress, Int32($0.count), timeout) }
            if timeout != 0 { queue.withLockedValue { $0.waiting = false } }
            if count < 0 {
                if errno == EINTR { continue }
                // Only a closed or invalid epoll descriptor fails here, which is a bug: stopping
                // the thread would leave every waiting task suspended for ever, silently.
                fatalError("libpq reactor: epoll_wait failed: \(String(cString: strerror(errno)))")
            }
            for index in 0..<Int(count) {
                switch events[index].data.u64 {
                case Self.stopTag:
                    break loop
                case Self.wakeTag:
                    var value: UInt64 = 0
                    _ = read(wakeEvent, &value, MemoryLayout<UInt64>.size)
                default:
                    guard let pointer = events[index].data.ptr, let connection = connections[pointer] else { continue }
                    connection.socketIsReadable()
                }
            }
        }
        // Removals scheduled just before the stop (a pool closing its connections) still run.
        queue.withLockedValue { queue in swap(&chores, &queue.chores) }
        for chore in chores { chore() }
        stopped.lock()
        stopped.unlock(withValue: true)
    }
}
