/// Which kind of token the server issues, as spelled in `TOKEN_TYPE`.
public enum TokenType: String, Sendable, CaseIterable, CustomStringConvertible {
    /// PASETO v4.public, Ed25519 signatures (the default): `TOKEN_PRIVATE_KEY`.
    case pasetoV4Public = "paseto-v4-public"
    /// PASETO v3.local, encrypted with a 32-byte key: `TOKEN_SYMMETRIC_KEY`.
    case pasetoV3Local = "paseto-v3-local"
    /// JWT HS256 with a secret of at least 32 bytes: `TOKEN_SYMMETRIC_KEY`.
    case jwt

    public var description: String { rawValue }
}
