/// Why a mail could not be sent. Messages name the step and the server's reply; they never
/// hold the password or the message.
public enum SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered a step with an error code.
    case rejected(step: String, code: Int, text: String)
    /// The server does not offer what the settings require (`STARTTLS`, a known `AUTH` mechanism).
    case unsupported(String)
    /// A step took longer than the timeout.
    case timedOut(step: String)
    /// The connection closed before the server answered a step.
    case connectionClosed(step: String)
    /// The server sent something that is not an SMTP reply.
    case malformedReply(String)

    public var description: String {
        switch self {
        case .rejected(let step, let code, let text): "SMTP server rejected \(step): \(code) \(text)"
        case .unsupported(let what): "SMTP server does not support \(what)"
        case .timedOut(let step): "SMTP server did not answer \(step) in time"
        case .connectionClosed(let step): "SMTP connection closed during \(step)"
        case .malformedReply(let line): "SMTP server sent a malformed reply: \(line)"
        }
    }

    /// 5xx: the server will refuse this mail again; 4xx and the rest may pass on a later try.
    public var isPermanent: Bool {
        if case .rejected(_, let code, _) = self { return code >= 500 }
        return false
    }
}
