import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends one message per connection: greeting, `EHLO`, `STARTTLS` (then `EHLO` again), `AUTH`,
/// `MAIL FROM`, `RCPT TO`, `DATA` with dot-stuffing, `QUIT`. Each step has the settings' timeout;
/// a failure is an ``SMTPError`` naming the step.
struct SMTPClient: Sendable {
    let settings: SMTPSettings
    var eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton

    /// Sends `data` (the rendered message, CRLF lines) from `sender` to `recipient`.
    func send(_ data: String, from sender: String, to recipient: String) async throws {
        let sslContext = settings.security == .none ? nil : try NIOSSLContext(configuration: settings.tlsConfiguration)
        let host = settings.host
        let implicitTLS = settings.security == .tls ? sslContext : nil
        let channel: NIOAsyncChannel<SMTPReply, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: eventLoopGroup)
                .connectTimeout(.nanoseconds(Int64(settings.timeout.components.seconds) * 1_000_000_000))
                .connect(host: host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicitTLS {
                            let handler = try NIOSSLClientHandler(context: implicitTLS, serverHostname: Self.sniName(host))
                            try channel.pipeline.syncOperations.addHandler(handler)
                        }
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                        return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch let error as ChannelError {
            if case .connectTimeout = error { throw SMTPError.timedOut(step: "connect to \(host):\(settings.port)") }
            throw error
        }
        try await channel.executeThenClose { inbound, outbound in
            var session = Session(
                replies: inbound.makeAsyncIterator(), outbound: outbound, channel: channel.channel, timeout: settings.timeout)
            try await session.expect("the greeting", 220)
            var hello = try await session.command("EHLO \(settings.clientName)", step: "EHLO", 250)
            if settings.security == .startTLS {
                guard hello.extensions.contains("STARTTLS"), let sslContext else { throw SMTPError.unsupported("STARTTLS") }
                try await session.command("STARTTLS", step: "STARTTLS", 220)
                let handler = try NIOSSLClientHandler(context: sslContext, serverHostname: Self.sniName(host))
                try await channel.channel.pipeline.addHandler(handler, position: .first)
                hello = try await session.command("EHLO \(settings.clientName)", step: "EHLO after STARTTLS", 250)
            }
            if let username = settings.username, let password = settings.password {
                try await session.authenticate(username: username, password: password, offered: hello.authMechanisms)
            }
            try await session.command("MAIL FROM:<\(sender)>", step: "MAIL FROM", 250)
            try await session.command("RCPT TO:<\(recipient)>", step: "RCPT TO", 250, 251)
            try await session.command("DATA", step: "DATA", 354)
            try await session.write(Self.dotStuffed(data) + ".\r\n")
            try await session.expect("the message", 250)
            // The mail is accepted; a failing QUIT changes nothing.
            _ = try? await session.command("QUIT", step: "QUIT", 221)
        }
    }

    /// The body with a dot added to each line that starts with one, ending in CRLF.
    static func dotStuffed(_ data: String) -> String {
        var lines = data.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n"
    }

    /// SNI takes host names only, not IP addresses.
    private static func sniName(_ host: String) -> String? {
        host.allSatisfy({ $0.isNumber || $0 == "." }) || host.contains(":") ? nil : host
    }

    /// One conversation: commands and the replies they get, each within the timeout.
    private struct Session {
        var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        let channel: any Channel
        let timeout: Duration

        mutating func write(_ text: String) async throws {
            try await outbound.write(ByteBuffer(string: text))
        }

        /// The next reply, which must have one of `codes`.
        @discardableResult
        mutating func expect(_ step: String, _ codes: Int...) async throws -> SMTPReply {
            try await expect(step, codes)
        }

        mutating func expect(_ step: String, _ codes: [Int]) async throws -> SMTPReply {
            // Closing the channel ends the stream, which is how a silent server is cut off.
            let channel = self.channel
            let timer = channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000)) {
                channel.close(promise: nil)
            }
            let started = ContinuousClock.now
            defer { timer.cancel() }
            guard let reply = try await replies.next() else {
                if ContinuousClock.now - started >= timeout { throw SMTPError.timedOut(step: step) }
                throw SMTPError.connectionClosed(step: step)
            }
            guard codes.contains(reply.code) else {
                throw SMTPError.rejected(step: step, code: reply.code, text: reply.lines.joined(separator: " "))
            }
            return reply
        }

        @discardableResult
        mutating func command(_ line: String, step: String, _ codes: Int...) async throws -> SMTPReply {
            try await write(line + "\r\n")
            return try await expect(step, codes)
        }

        /// `AUTH PLAIN` when offered (or nothing is said), else `AUTH LOGIN`.
        mutating func authenticate(username: String, password: String, offered: Set<String>) async throws {
            if offered.isEmpty || offered.contains("PLAIN") {
                let credentials = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
                try await command("AUTH PLAIN \(credentials)", step: "AUTH PLAIN", 235)
            } else if offered.contains("LOGIN") {
                try await command("AUTH LOGIN", step: "AUTH LOGIN", 334)
                try await command(Data(username.utf8).base64EncodedString(), step: "AUTH LOGIN (username)", 334)
                try await command(Data(password.utf8).base64EncodedString(), step: "AUTH LOGIN (password)", 235)
            } else {
                throw SMTPError.unsupported("AUTH PLAIN or LOGIN (it offers \(offered.sorted().joined(separator: " ")))")
            }
        }
    }
}
