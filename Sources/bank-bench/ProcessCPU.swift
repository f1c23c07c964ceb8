#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU time (user + system) of this process or of its finished children, from getrusage(2): what an
/// operation costs the client, which ops/s alone do not show when client and server share the cores.
enum ProcessCPU {
    /// Seconds of CPU used so far by every thread of this process.
    static func ownSeconds() -> Double { seconds(RUSAGE_SELF) }

    /// Seconds of CPU used by the child processes that have ended and been waited for (pgbench).
    static func childrenSeconds() -> Double { seconds(RUSAGE_CHILDREN) }

    #if canImport(Glibc)
        private typealias Who = __rusage_who
    #else
        private typealias Who = Int32
    #endif

    private static func seconds(_ who: Who) -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            guard getrusage(__rusage_who_t(who.rawValue), &usage) == 0 else { return 0 }
        #else
            guard getrusage(who, &usage) == 0 else { return 0 }
        #endif
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }
}
