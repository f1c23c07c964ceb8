import Foundation

/// A ``Mailer`` that sends the verification mail through an SMTP server.
///
/// ```swift
/// let mailer = SMTPMailer(
///     settings: SMTPSettings(host: "smtp.example.com", port: 587, security: .startTLS, username: "bank", password: secret),
///     sender: MailAddress("noreply@bank.example", name: "Simple Bank"))
/// ```
public struct SMTPMailer: Mailer {
    public let settings: SMTPSettings
    public let sender: MailAddress

    public init(settings: SMTPSettings, sender: MailAddress) {
        self.settings = settings
        self.sender = sender
    }

    public func sendVerificationEmail(to email: String, username: String, link: URL) async throws {
        let message = Self.verificationMessage(from: sender, to: email, username: username, link: link)
        let domain = sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
        try await SMTPClient(settings: settings).send(message.rendered(domain: domain), from: sender.address, to: email)
    }

    /// The verification mail: a greeting, the link, and what to do if it was not asked for.
    static func verificationMessage(from sender: MailAddress, to email: String, username: String, link: URL) -> MailMessage {
        let url = link.absoluteString
        let text = """
            Hello \(username),

            Thank you for registering with us. Please verify your email address by opening this link:

            \(url)

            The link works for 15 minutes. If you did not register, ignore this mail.
            """
        let html = """
            <!DOCTYPE html>
            <html><body>
            <p>Hello \(escapeHTML(username)),</p>
            <p>Thank you for registering with us. Please <a href="\(escapeHTML(url))">verify your email address</a>.</p>
            <p>The link works for 15 minutes. If you did not register, ignore this mail.</p>
            </body></html>
            """
        return MailMessage(
            from: sender, to: MailAddress(email), subject: "Welcome to Simple Bank: verify your email", text: text, html: html)
    }

    static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
