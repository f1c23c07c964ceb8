import Foundation
import Testing

@testable import BankServer

/// The mail settings: defaults, SMTP settings, and errors that name the key.
@Suite("Mail configuration")
struct MailConfigTests {
    @Test("without SMTP_HOST: log only, two workers, the server's address for links")
    func defaults() throws {
        let mail = try MailConfig(values: [:])
        #expect(mail.smtp == nil && mail.sender == nil && mail.workers == 2 && mail.publicBaseURL == nil)
        #expect(mail.description.contains("log only"))
    }

    @Test("SMTP settings with the port each TLS mode implies, and no password in the description")
    func smtp() throws {
        let base = ["SMTP_HOST": "smtp.example.com", "EMAIL_SENDER_ADDRESS": "noreply@bank.example"]
        let startTLS = try MailConfig(values: base.merging(["SMTP_USERNAME": "bank", "SMTP_PASSWORD": "pa55"]) { $1 })
        #expect(startTLS.smtp?.security == .startTLS && startTLS.smtp?.port == 587 && startTLS.smtp?.password == "pa55")
        #expect(startTLS.sender == MailAddress("noreply@bank.example", name: "Simple Bank"))
        #expect(!startTLS.description.contains("pa55"))
        #expect(try MailConfig(values: base.merging(["SMTP_TLS": "tls"]) { $1 }).smtp?.port == 465)
        #expect(try MailConfig(values: base.merging(["SMTP_TLS": "NONE", "SMTP_PORT": "2525"]) { $1 }).smtp?.port == 2525)
        let linked = try MailConfig(values: base.merging(["PUBLIC_BASE_URL": "https://bank.example", "MAIL_WORKERS": "0"]) { $1 })
        #expect(linked.publicBaseURL?.absoluteString == "https://bank.example" && linked.workers == 0)
    }

    @Test(
        "a bad value names its key",
        arguments: [
            (["SMTP_PORT": "25"], "SMTP_PORT is set but SMTP_HOST is not"),
            (["SMTP_HOST": "h"], "EMAIL_SENDER_ADDRESS is required when SMTP_HOST is set"),
            (["SMTP_HOST": "h", "EMAIL_SENDER_ADDRESS": "not an address"], "EMAIL_SENDER_ADDRESS: expected an address"),
            (["SMTP_HOST": "h", "EMAIL_SENDER_ADDRESS": "a@b", "SMTP_TLS": "ssl"], "SMTP_TLS must be one of none, starttls, tls"),
            (["SMTP_HOST": "h", "EMAIL_SENDER_ADDRESS": "a@b", "SMTP_PORT": "70000"], "SMTP_PORT: expected a port"),
            (["SMTP_HOST": "h", "EMAIL_SENDER_ADDRESS": "a@b", "SMTP_USERNAME": "u"], "SMTP_USERNAME and SMTP_PASSWORD go together"),
            (["MAIL_WORKERS": "-1"], "MAIL_WORKERS: expected a number from 0 to 64"),
            (["PUBLIC_BASE_URL": "bank.example"], "PUBLIC_BASE_URL: expected an http(s) URL"),
            (["PUBLIC_BASE_URL": "https://bank.example/?a=1"], "PUBLIC_BASE_URL: expected an http(s) URL"),
        ])
    func invalid(values: [String: String], message: String) {
        #expect {
            _ = try MailConfig(values: values)
        } throws: { error in
            (error as? ConfigError)?.message.hasPrefix(message) == true
        }
    }
}
