import Foundation

/// Clients hammering a `bank-server` process from threads of their own (blocking sockets must not
/// tie up Swift's cooperative threads), each recording every request: when it started and ended,
/// what came back, and the id of every transfer the server acknowledged.
final class HTTPLoad: @unchecked Sendable {
    /// One request and its outcome.
    struct Record: Sendable {
        enum Kind: String, Sendable { case read, transfer }
        var kind: Kind
        var start: ContinuousClock.Instant
        var end: ContinuousClock.Instant
        /// nil: no response (the socket timed out or the connection failed).
        var status: Int?
        var contentType: String?
        var retryAfter: String?
        /// The transfer's id, for a 200 from `POST /transfers`.
        var transferID: Int64?
        var failure: String?
    }

    /// What one client thread sends, over and over.
    struct Client: Sendable {
        var kind: Record.Kind
        var method: String
        var path: String
        var token: String
        var body: String?
    }

    private let lock = NSLock()
    private var records: [Record] = []
    private var stopped = false
    private var running = 0
    let port: Int
    /// Per request: connecting, sending and each read.
    let socketTimeout: Int

    init(port: Int, socketTimeout: Int = 20) {
        self.port = port
        self.socketTimeout = socketTimeout
    }

    /// Starts one thread per client.
    func start(_ clients: [Client]) {
        lock.withLock { running += clients.count }
        for client in clients {
            let thread = Thread { [self] in
                while !lock.withLock({ stopped }) {
                    let record = send(client)
                    lock.withLock { records.append(record) }
                    // A refused or failed request must not turn into a busy loop.
                    if record.status == nil { Thread.sleep(forTimeInterval: 0.05) }
                }
                lock.withLock { running -= 1 }
            }
            thread.start()
        }
    }

    /// Asks the clients to stop and waits (at most `limit`) until their last requests are done.
    func stop(within limit: Duration = .seconds(60)) async -> [Record] {
        lock.withLock { stopped = true }
        let deadline = ContinuousClock.now + limit
        while lock.withLock({ running }) > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return lock.withLock { records }
    }

    private func send(_ client: Client) -> Record {
        let start = ContinuousClock.now
        var record = Record(kind: client.kind, start: start, end: start)
        do {
            let response = try LoopbackHTTP.request(
                client.method, client.path, port: port, headers: ["Authorization": "Bearer \(client.token)"], body: client.body,
                timeout: socketTimeout)
            record.status = response.status
            record.contentType = response.headers["content-type"]
            record.retryAfter = response.headers["retry-after"]
            if client.kind == .transfer, response.status == 200 {
                record.transferID = Self.transferID(response.body)
            }
        } catch {
            record.failure = "\(error)"
        }
        record.end = ContinuousClock.now
        return record
    }

    /// `transfer.id` of a `POST /transfers` result.
    private static func transferID(_ body: String) -> Int64? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let transfer = object["transfer"] as? [String: Any]
        else { return nil }
        return (transfer["id"] as? NSNumber)?.int64Value
    }
}

extension Duration {
    /// Seconds as a number, for reports.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
