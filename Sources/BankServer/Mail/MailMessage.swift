import Foundation

/// A mail with a plain-text and an HTML version of one text, rendered as RFC 5322 / MIME:
/// UTF-8 headers as encoded words, both bodies in base64 (so no line is too long and none starts
/// with a dot), CRLF line ends.
///
/// ```swift
/// let message = MailMessage(
///     from: MailAddress("noreply@bank.example", name: "Simple Bank"), to: MailAddress("ann@example.com"),
///     subject: "Welcome", text: "Hello", html: "<p>Hello</p>")
/// let wire = message.rendered(domain: "bank.example")
/// ```
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var text: String
    public var html: String
    public var date: Date
    /// The `Message-ID` without angle brackets; a random one on `domain` when nil.
    public var messageID: String?

    public init(
        from: MailAddress, to: MailAddress, subject: String, text: String, html: String, date: Date = Date(),
        messageID: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.messageID = messageID
    }

    /// The message as sent after `DATA` (before dot-stuffing), lines ended by CRLF.
    public func rendered(domain: String) -> String {
        let boundary = "=_bank_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let id = messageID ?? "\(UUID().uuidString.lowercased())@\(domain)"
        var lines = [
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(id)>",
            "From: \(from.header)",
            "To: \(to.header)",
            "Subject: \(MailHeader.encodedWords(subject))",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "This is a multi-part message in MIME format.",
        ]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += [
                "--\(boundary)",
                "Content-Type: \(type); charset=utf-8",
                "Content-Transfer-Encoding: base64",
                "",
            ]
            lines += Self.base64Lines(Data(body.utf8))
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `Thu, 03 Dec 2026 16:00:04 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// Base64 in lines of 76 characters.
    static func base64Lines(_ data: Data) -> [String] {
        let encoded = data.base64EncodedString()
        guard !encoded.isEmpty else { return [""] }
        var lines: [String] = []
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[start..<end]))
            start = end
        }
        return lines
    }
}

/// A mailbox: an address and an optional display name.
public struct MailAddress: Sendable, Hashable {
    public var address: String
    public var name: String?

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// `"Simple Bank" <noreply@bank.example>`, `=?utf-8?B?…?= <…>` for a name beyond ASCII.
    var header: String {
        guard let name, !name.isEmpty else { return "<\(address)>" }
        return "\(MailHeader.displayName(name)) <\(address)>"
    }
}

/// Header values as RFC 2047 and 5322 want them.
enum MailHeader {
    /// The text as is when it is printable ASCII, else one or more `=?utf-8?B?…?=` words (each
    /// under 76 characters, split between characters).
    static func encodedWords(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(word(chunk))
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    /// A display name: quoted ASCII (`"Simple Bank"`), or encoded words.
    static func displayName(_ name: String) -> String {
        let clean = name.filter { $0 != "\r" && $0 != "\n" }
        if clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            return "\"" + clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return encodedWords(clean)
    }

    private static func word(_ text: String) -> String {
        "=?utf-8?B?\(Data(text.utf8).base64EncodedString())?="
    }
}
