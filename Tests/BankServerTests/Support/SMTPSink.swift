import Foundation

/// A real SMTP server for a test: `scripts/smtp-sink.py` (aiosmtpd) on a loopback port, saving
/// each accepted mail in a folder of its own. ``stop()`` kills it; `with` always does.
final class SMTPSink: @unchecked Sendable {
    /// A received mail: envelope, headers and the decoded text and HTML parts.
    struct Mail: Sendable {
        var envelopeFrom: String
        var envelopeTo: [String]
        var headers: [String: String]
        var text: String
        var html: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int
    let folder: URL
    private let process: Process

    /// Runs `body` with a sink started with `arguments` (`--auth user:password`, `--reject …`, …);
    /// `port` reuses a port (to bring a server "back").
    static func with<T>(
        _ arguments: [String] = [], port: Int? = nil, _ body: (SMTPSink) async throws -> T
    ) async throws -> T {
        let sink = try await SMTPSink.start(arguments, port: port)
        defer { sink.stop() }
        return try await body(sink)
    }

    static func start(_ arguments: [String] = [], port: Int? = nil) async throws -> SMTPSink {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ready = folder.appendingPathComponent("ready")
        _ = FileManager.default.createFile(atPath: ready.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", repositoryRoot.appendingPathComponent("scripts/smtp-sink.py").path, "--dir", folder.appendingPathComponent("mail").path]
            + (port.map { ["--port", String($0)] } ?? []) + arguments
        process.standardOutput = try FileHandle(forWritingTo: ready)
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Generous: at the start of a full parallel test run, a Python start can take many seconds.
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOf: ready, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ready ") }), let port = Int(line.dropFirst(6)) {
                return SMTPSink(port: port, folder: folder, process: process)
            }
            guard process.isRunning else {
                throw Failure(description: "smtp-sink.py exited (is aiosmtpd installed? python3 -m pip install aiosmtpd)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw Failure(description: "smtp-sink.py did not start within 120 s")
    }

    private init(port: Int, folder: URL, process: Process) {
        self.port = port
        self.folder = folder
        self.process = process
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The mails received so far, oldest first.
    func mails() throws -> [Mail] {
        let mailFolder = folder.appendingPathComponent("mail")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: mailFolder.path)) ?? [])
            .filter { $0.hasSuffix(".eml") }.sorted()
        return try names.map { try Self.parse(String(contentsOf: mailFolder.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// Waits until `count` mails arrived (or `timeout` passed) and returns them.
    func waitForMails(_ count: Int, timeout: Duration = .seconds(60)) async throws -> [Mail] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let mails = try mails()
            if mails.count >= count { return mails }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try mails()
    }

    /// Headers (unfolded) and the base64 text/plain and text/html parts of a multipart/alternative mail.
    static func parse(_ raw: String) throws -> Mail {
        let normalized = raw.replacingOccurrences(of: "\r\n", with: "\n")
        guard let split = normalized.range(of: "\n\n") else { throw Failure(description: "no header end in \(raw)") }
        var headers: [String: String] = [:]
        var last: String?
        for line in normalized[..<split.lowerBound].split(separator: "\n") {
            if line.first == " " || line.first == "\t", let key = last {
                headers[key, default: ""] += String(line.dropFirst())
            } else if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].lowercased()
                headers[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                last = key
            }
        }
        var parts: [String: String] = [:]
        let body = String(normalized[split.upperBound...])
        for section in body.components(separatedBy: "\n--") {
            guard let end = section.range(of: "\n\n") else { continue }
            let head = section[..<end.lowerBound].lowercased()
            let content = section[end.upperBound...].split(separator: "\n").prefix { !$0.hasPrefix("--") }.joined()
            guard let data = Data(base64Encoded: content), let text = String(data: data, encoding: .utf8) else { continue }
            if head.contains("text/plain") { parts["text"] = text }
            if head.contains("text/html") { parts["html"] = text }
        }
        return Mail(
            envelopeFrom: headers["x-envelope-from"] ?? "",
            envelopeTo: (headers["x-envelope-to"] ?? "").split(separator: ",").map(String.init),
            headers: headers, text: parts["text"] ?? "", html: parts["html"] ?? "")
    }
}
