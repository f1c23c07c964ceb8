import Foundation
import NIOSSL
import Testing

@testable import BankServer

/// ``SMTPMailer`` against a real SMTP server (aiosmtpd, `scripts/smtp-sink.py`): the message,
/// AUTH, STARTTLS, a connection dropped mid-DATA, a rejected recipient and a silent server.
@Suite("SMTP mailer")
struct SMTPMailerTests {
    static let link = URL(string: "https://bank.example/verify_email?email_id=7&secret_code=abc&x=1")!
    static let sender = MailAddress("noreply@bank.example", name: "Bänk “Simple” Service")

    static func mailer(
        _ sink: SMTPSink, security: SMTPSettings.Security = .none, host: String = "127.0.0.1",
        username: String? = nil, password: String? = nil, tls: TLSConfiguration = .makeClientConfiguration()
    ) -> SMTPMailer {
        SMTPMailer(
            settings: SMTPSettings(
                host: host, port: sink.port, security: security, username: username, password: password,
                timeout: .seconds(10), tlsConfiguration: tls),
            sender: sender)
    }

    @Test("a multipart/alternative UTF-8 mail with the link in both parts")
    func message() async throws {
        try await SMTPSink.with { sink in
            try await Self.mailer(sink).sendVerificationEmail(to: "ann@example.com", username: "ann", link: Self.link)
            let mails = try sink.mails()
            let mail = try #require(mails.first)
            #expect(mails.count == 1)
            #expect(mail.envelopeFrom == "noreply@bank.example" && mail.envelopeTo == ["ann@example.com"])
            #expect(mail.headers["to"] == "<ann@example.com>")
            #expect(mail.headers["subject"] == "Welcome to Simple Bank: verify your email")
            #expect(mail.headers["from"]?.hasPrefix("=?utf-8?B?") == true && mail.headers["from"]?.hasSuffix(" <noreply@bank.example>") == true)
            #expect(mail.headers["mime-version"] == "1.0")
            #expect(mail.headers["content-type"]?.hasPrefix("multipart/alternative; boundary=") == true)
            #expect(mail.headers["message-id"]?.hasSuffix("@bank.example>") == true)
            #expect(mail.headers["date"]?.hasSuffix("+0000") == true)
            #expect(mail.text.contains(Self.link.absoluteString) && mail.text.contains("Hello ann,"))
            #expect(mail.html.contains("href=\"https://bank.example/verify_email?email_id=7&amp;secret_code=abc&amp;x=1\""))
        }
    }

    @Test("AUTH PLAIN with the right password; 535 named with the step otherwise")
    func authentication() async throws {
        try await SMTPSink.with(["--auth", "bank:s3cret"]) { sink in
            try await Self.mailer(sink, username: "bank", password: "s3cret")
                .sendVerificationEmail(to: "ann@example.com", username: "ann", link: Self.link)
            await Self.expectRejected(Self.mailer(sink, username: "bank", password: "wrong"), step: "AUTH PLAIN", code: 535)
            await Self.expectRejected(Self.mailer(sink), step: "MAIL FROM", code: 530)
            #expect(try sink.mails().count == 1)
        }
    }

    @Test("STARTTLS with a trusted certificate, then AUTH; a server without STARTTLS is refused")
    func startTLS() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert,
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)

        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(cert))
        try await SMTPSink.with(["--tls-cert", cert, "--tls-key", key, "--auth", "bank:s3cret"]) { sink in
            try await Self.mailer(sink, security: .startTLS, host: "localhost", username: "bank", password: "s3cret", tls: tls)
                .sendVerificationEmail(to: "ann@example.com", username: "ann", link: Self.link)
            #expect(try sink.mails().count == 1)
        }
        try await SMTPSink.with { sink in
            await #expect(throws: SMTPError.unsupported("STARTTLS")) {
                try await Self.mailer(sink, security: .startTLS).sendVerificationEmail(to: "ann@example.com", username: "ann", link: Self.link)
            }
        }
    }

    @Test("a connection dropped in the middle of DATA is an error; the next try delivers")
    func droppedMidData() async throws {
        try await SMTPSink.with(["--drop-data", "1"]) { sink in
            let mailer = Self.mailer(sink)
            await #expect(throws: SMTPError.self) {
                try await mailer.sendVerificationEmail(to: "ann@example.com", username: "ann", link: Self.link)
            }
            #expect(try sink.mails().isEmpty)
            try await mailer.sendVerificationEmail(to: "ann@example.com", username: "ann", link: Self.link)
            #expect(try sink.mails().count == 1)
        }
    }

    @Test("a rejected recipient is a permanent error naming RCPT TO")
    func rejectedRecipient() async throws {
        try await SMTPSink.with(["--reject", "gone@example.com"]) { sink in
            let error = await Self.expectRejected(Self.mailer(sink), to: "gone@example.com", step: "RCPT TO", code: 550)
            #expect(error?.isPermanent == true)
        }
    }

    @Test("a server that never answers times out at the greeting")
    func silentServer() async throws {
        try await SMTPSink.with(["--silent"]) { sink in
            let mailer = SMTPMailer(
                settings: SMTPSettings(host: "127.0.0.1", port: sink.port, security: .none, timeout: .seconds(1)), sender: Self.sender)
            let started = ContinuousClock.now
            await #expect(throws: SMTPError.timedOut(step: "the greeting")) {
                try await mailer.sendVerificationEmail(to: "ann@example.com", username: "ann", link: Self.link)
            }
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test("dot-stuffing and encoded words")
    func encoding() {
        #expect(SMTPClient.dotStuffed(".a\r\nb\r\n..c\r\n") == "..a\r\nb\r\n...c\r\n")
        #expect(MailHeader.encodedWords("Plain subject") == "Plain subject")
        #expect(MailHeader.encodedWords("Grüße") == "=?utf-8?B?R3LDvMOfZQ==?=")
        #expect(MailHeader.displayName("Simple \"Bank\"") == #""Simple \"Bank\"""#)
        let long = MailHeader.encodedWords(String(repeating: "é", count: 60))
        #expect(long.components(separatedBy: "\r\n ").allSatisfy { $0.count < 76 })
    }

    @discardableResult
    private static func expectRejected(
        _ mailer: SMTPMailer, to recipient: String = "ann@example.com", step: String, code: Int
    ) async -> SMTPError? {
        do {
            try await mailer.sendVerificationEmail(to: recipient, username: "ann", link: link)
            Issue.record("expected \(step) to be rejected with \(code)")
            return nil
        } catch let error as SMTPError {
            guard case .rejected(let actualStep, let actualCode, _) = error else {
                Issue.record("expected a rejection, got \(error)")
                return error
            }
            #expect(actualStep == step && actualCode == code, "\(error)")
            return error
        } catch {
            Issue.record("expected an SMTPError, got \(error)")
            return nil
        }
    }
}
