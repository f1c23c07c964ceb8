/// A server setting that is missing or cannot work, with a message that names the setting, e.g.
/// `DB_SOURCE is required` or
/// `ACCESS_TOKEN_DURATION: invalid duration "15 minutes" (use Go syntax such as 15m or 24h)`.
///
/// Messages never contain secrets (passwords, keys), so the server can print them at start.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The complete message.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
