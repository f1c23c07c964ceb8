/// What wrk printed for one run (`--latency`).
struct WrkResult: Sendable {
    var requestsPerSecond: Double
    var p50Ms: Double?
    var p99Ms: Double?
    var requests: Int
    /// Socket errors plus non-2xx/3xx responses.
    var errors: Int

    /// Parses wrk's report; nil when there is no `Requests/sec:` line.
    init?(output: String) {
        var rps: Double?
        var requests = 0
        var errors = 0
        for rawLine in output.split(separator: "\n") {
            let fields = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            guard let first = fields.first else { continue }
            if first == "Requests/sec:", fields.count >= 2 {
                rps = Double(fields[1])
            } else if first == "50%", fields.count >= 2 {
                p50Ms = Self.milliseconds(String(fields[1]))
            } else if first == "99%", fields.count >= 2 {
                p99Ms = Self.milliseconds(String(fields[1]))
            } else if fields.count >= 2, fields[1] == "requests", let value = Int(first) {
                requests = value
            } else if rawLine.contains("Non-2xx or 3xx responses:"), let last = fields.last, let value = Int(last) {
                errors += value
            } else if first == "Socket", fields.count >= 2, fields[1] == "errors:" {
                // Socket errors: connect 0, read 0, write 0, timeout 0
                for (index, field) in fields.enumerated() where index > 2 { errors += Int(field) ?? 0 }
            }
        }
        guard let rps else { return nil }
        requestsPerSecond = rps
        self.requests = requests
        self.errors = errors
    }

    /// `812.00us`, `1.23ms`, `2.01s` in milliseconds.
    static func milliseconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("us", 0.001), ("ms", 1), ("s", 1000)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { $0 * factor }
        }
        return nil
    }
}
