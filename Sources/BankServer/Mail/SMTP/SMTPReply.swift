/// One reply of an SMTP server: a three-digit code and its text lines
/// (`250-mail.example.com`, `250-STARTTLS`, `250 AUTH PLAIN LOGIN` is one reply, code 250).
struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    var code: Int
    var lines: [String]

    /// 2xx: done. 3xx: go on (after DATA, or an AUTH challenge).
    var isPositive: Bool { (200..<400).contains(code) }

    /// `250 first line`, as a log or an error shows it (the first line only).
    var description: String { "\(code) \(lines.first ?? "")" }

    /// The EHLO reply's extension keywords, upper-cased: `STARTTLS`, `AUTH PLAIN LOGIN`, …
    var extensions: [String] { lines.dropFirst().map { $0.uppercased() } }

    /// The mechanisms an EHLO reply's `AUTH` line offers.
    var authMechanisms: Set<String> {
        guard let line = extensions.first(where: { $0.hasPrefix("AUTH ") || $0.hasPrefix("AUTH=") }) else { return [] }
        return Set(line.dropFirst(5).split(separator: " ").map(String.init))
    }
}
