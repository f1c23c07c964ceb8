/// The token settings of the server, as read from its configuration (environment or `app.env`).
///
/// | key | meaning |
/// |---|---|
/// | `TOKEN_TYPE` | `paseto-v4-public` (default), `paseto-v3-local` or `jwt` |
/// | `TOKEN_SYMMETRIC_KEY` | exactly 32 characters for paseto-v3-local, at least 32 for jwt |
/// | `TOKEN_PRIVATE_KEY` | 64 hexadecimal characters, the Ed25519 seed for paseto-v4-public |
///
/// Keys are used as given: the symmetric key's UTF-8 bytes are the key, as in the reference
/// system, so "characters" in messages means bytes for non-ASCII text. Values are only checked
/// here for what can be said without the deployment environment; ``TokenMakerFactory`` does the rest.
public struct TokenConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The configuration keys this type reads.
    public enum Key {
        public static let type = "TOKEN_TYPE"
        public static let symmetricKey = "TOKEN_SYMMETRIC_KEY"
        public static let privateKey = "TOKEN_PRIVATE_KEY"
    }

    /// The kind of token to issue.
    public var type: TokenType
    /// `TOKEN_SYMMETRIC_KEY`, if set.
    public var symmetricKey: String?
    /// `TOKEN_PRIVATE_KEY` (hex), if set.
    public var privateKey: String?

    /// Settings given directly.
    public init(type: TokenType = .pasetoV4Public, symmetricKey: String? = nil, privateKey: String? = nil) {
        self.type = type
        self.symmetricKey = symmetricKey
        self.privateKey = privateKey
    }

    /// Settings read from configuration values by key name. An absent or empty value counts as
    /// not set, because `app.env` files commonly carry empty placeholders (`TOKEN_PRIVATE_KEY=`).
    ///
    /// - Throws: ``TokenConfigurationError`` for an unknown `TOKEN_TYPE`.
    public init(values: [String: String]) throws(TokenConfigurationError) {
        func value(_ key: String) -> String? {
            guard let value = values[key], !value.isEmpty else { return nil }
            return value
        }
        var type = TokenType.pasetoV4Public
        if let name = value(Key.type) {
            guard let parsed = TokenType(rawValue: name) else {
                let names = TokenType.allCases.map(\.rawValue).joined(separator: ", ")
                throw TokenConfigurationError("\(Key.type) must be one of \(names) (got \"\(name)\")")
            }
            type = parsed
        }
        self.init(type: type, symmetricKey: value(Key.symmetricKey), privateKey: value(Key.privateKey))
    }

    /// Says which keys are set, never what they are.
    public var description: String {
        "TokenConfiguration(type: \(type), symmetricKey: \(symmetricKey == nil ? "not set" : "<redacted>"), "
            + "privateKey: \(privateKey == nil ? "not set" : "<redacted>"))"
    }

    public var debugDescription: String { description }

    /// Hides the keys from `dump` and debuggers.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "type": type,
                "symmetricKey": symmetricKey == nil ? "not set" : "<redacted>",
                "privateKey": privateKey == nil ? "not set" : "<redacted>",
            ],
            displayStyle: .struct
        )
    }
}
