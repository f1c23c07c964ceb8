import Foundation

/// How the server mails verification links (read by ``ServerConfig``):
///
/// | key | default | meaning |
/// |---|---|---|
/// | `SMTP_HOST` | none: links are logged (``LogMailer``) | the SMTP server |
/// | `SMTP_PORT` | 587, or 465 with `SMTP_TLS=tls`, 25 with `none` | its port |
/// | `SMTP_TLS` | `starttls` | `none`, `starttls` or `tls` |
/// | `SMTP_USERNAME`, `SMTP_PASSWORD` | no login | `AUTH PLAIN` (or `LOGIN`) credentials, both or neither |
/// | `EMAIL_SENDER_ADDRESS` | required with `SMTP_HOST` | the `From` address |
/// | `EMAIL_SENDER_NAME` | `Simple Bank` | the `From` display name |
/// | `PUBLIC_BASE_URL` | `http://<HTTP_SERVER_ADDRESS>` | where links point (`https://bank.example`) |
/// | `MAIL_WORKERS` | 2 | mails sent at the same time by this process (0: none, another process sends) |
public struct MailConfig: Sendable, CustomStringConvertible {
    public enum Key {
        public static let smtpHost = "SMTP_HOST"
        public static let smtpPort = "SMTP_PORT"
        public static let smtpTLS = "SMTP_TLS"
        public static let smtpUsername = "SMTP_USERNAME"
        public static let smtpPassword = "SMTP_PASSWORD"
        public static let senderAddress = "EMAIL_SENDER_ADDRESS"
        public static let senderName = "EMAIL_SENDER_NAME"
        public static let publicBaseURL = "PUBLIC_BASE_URL"
        public static let workers = "MAIL_WORKERS"

        public static let all = [smtpHost, smtpPort, smtpTLS, smtpUsername, smtpPassword, senderAddress, senderName, publicBaseURL, workers]
    }

    /// The SMTP server and the sender; nil when `SMTP_HOST` is not set (links are logged).
    public var smtp: SMTPSettings?
    public var sender: MailAddress?
    /// Where verification links point; nil means `http://<HTTP_SERVER_ADDRESS>`.
    public var publicBaseURL: URL?
    public var workers: Int

    public init(smtp: SMTPSettings? = nil, sender: MailAddress? = nil, publicBaseURL: URL? = nil, workers: Int = 2) {
        self.smtp = smtp
        self.sender = sender
        self.publicBaseURL = publicBaseURL
        self.workers = workers
    }

    /// Reads the keys above from `values` (non-empty values only).
    ///
    /// - Throws: ``ConfigError`` naming the key.
    public init(values: [String: String]) throws(ConfigError) {
        func value(_ key: String) -> String? {
            guard let value = values[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }

        var workers = 2
        if let text = value(Key.workers) {
            guard let parsed = Int(text), (0...64).contains(parsed) else {
                throw ConfigError("\(Key.workers): expected a number from 0 to 64 (got \"\(text)\")")
            }
            workers = parsed
        }

        var publicBaseURL: URL?
        if let text = value(Key.publicBaseURL) {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                url.host?.isEmpty == false, url.query == nil, url.fragment == nil
            else {
                throw ConfigError("\(Key.publicBaseURL): expected an http(s) URL such as https://bank.example (got \"\(text)\")")
            }
            publicBaseURL = url
        }

        guard let host = value(Key.smtpHost) else {
            for key in [Key.smtpPort, Key.smtpTLS, Key.smtpUsername, Key.smtpPassword] where value(key) != nil {
                throw ConfigError("\(key) is set but \(Key.smtpHost) is not; set \(Key.smtpHost) to send mail")
            }
            self.init(publicBaseURL: publicBaseURL, workers: workers)
            return
        }

        var security = SMTPSettings.Security.startTLS
        if let text = value(Key.smtpTLS) {
            guard let parsed = SMTPSettings.Security(rawValue: text.lowercased()) else {
                let names = SMTPSettings.Security.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigError("\(Key.smtpTLS) must be one of \(names) (got \"\(text)\")")
            }
            security = parsed
        }
        var port = security == .tls ? 465 : security == .none ? 25 : 587
        if let text = value(Key.smtpPort) {
            guard let parsed = Int(text), (1...65535).contains(parsed) else {
                throw ConfigError("\(Key.smtpPort): expected a port from 1 to 65535 (got \"\(text)\")")
            }
            port = parsed
        }
        let username = value(Key.smtpUsername)
        let password = values[Key.smtpPassword].flatMap { $0.isEmpty ? nil : $0 }
        guard (username == nil) == (password == nil) else {
            throw ConfigError("\(Key.smtpUsername) and \(Key.smtpPassword) go together: set both or neither")
        }
        guard let address = value(Key.senderAddress) else {
            throw ConfigError("\(Key.senderAddress) is required when \(Key.smtpHost) is set")
        }
        guard Self.isMailAddress(address) else {
            throw ConfigError("\(Key.senderAddress): expected an address such as noreply@bank.example (got \"\(address)\")")
        }
        let name = value(Key.senderName) ?? "Simple Bank"
        guard !name.contains(where: { $0.isNewline }) else { throw ConfigError("\(Key.senderName) must be one line") }

        self.init(
            smtp: SMTPSettings(host: host, port: port, security: security, username: username, password: password),
            sender: MailAddress(address, name: name), publicBaseURL: publicBaseURL, workers: workers)
    }

    /// One `@`, something on both sides, nothing an SMTP command line could be broken with.
    static func isMailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty }
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0.isNewline })
    }

    /// Safe to log: no password.
    public var description: String {
        guard let smtp, let sender else {
            return "MailConfig(log only, publicBaseURL: \(publicBaseURL?.absoluteString ?? "default"), workers: \(workers))"
        }
        return "MailConfig(smtp: \(smtp.host):\(smtp.port) \(smtp.security.rawValue), "
            + "login: \(smtp.username ?? "none"), sender: \(sender.address), "
            + "publicBaseURL: \(publicBaseURL?.absoluteString ?? "default"), workers: \(workers))"
    }
}
