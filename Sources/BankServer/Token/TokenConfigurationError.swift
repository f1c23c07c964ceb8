/// A token setting that cannot work, with a message naming the setting, e.g.
/// `TOKEN_SYMMETRIC_KEY must be exactly 32 characters for paseto-v3-local (got 12)`.
///
/// Messages give lengths, never key material, so they can be logged and printed at start.
public struct TokenConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The complete message, suitable for the server's start-up error.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
