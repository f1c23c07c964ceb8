import Crypto
import Foundation

/// PASETO `v4.public` tokens: the payload is signed, not encrypted, with Ed25519.
///
/// This is the default token type: only the holder of the private key can issue tokens, while
/// anyone with the public key (``publicKey``) can verify them, so other services never need the
/// signing secret. The version and purpose are fixed by the `v4.public.` header, never chosen by
/// the token.
///
/// Built from swift-crypto primitives following the PASETO specification (`Version4.md`,
/// `Common.md`) and checked against the official test vectors.
public struct PasetoV4PublicMaker: TokenMaker, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    static let header = "v4.public."
    private static let signatureByteCount = 64

    /// Nil for a verify-only maker.
    private let privateKey: Curve25519.Signing.PrivateKey?
    /// The key that verifies this maker's tokens; safe to publish.
    public let publicKey: Curve25519.Signing.PublicKey

    /// A maker that signs and verifies, from the 32-byte Ed25519 seed (the form `TOKEN_PRIVATE_KEY`
    /// holds in hex).
    ///
    /// - Throws: ``TokenConfigurationError`` when `seed` is not 32 bytes.
    public init(seed: some DataProtocol) throws(TokenConfigurationError) {
        guard seed.count == 32, let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: Array(seed)) else {
            throw TokenConfigurationError("an Ed25519 seed must be 32 bytes (got \(seed.count))")
        }
        self.init(privateKey: privateKey)
    }

    /// A maker that signs and verifies with `privateKey`.
    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
        self.publicKey = privateKey.publicKey
    }

    /// A maker that can only verify tokens, e.g. for a service that trusts the bank's tokens.
    public init(publicKey: Curve25519.Signing.PublicKey) {
        self.privateKey = nil
        self.publicKey = publicKey
    }

    /// - Throws: ``TokenConfigurationError`` on a verify-only maker.
    public func createToken(username: String, role: String, duration: Duration) async throws -> (token: String, payload: TokenPayload) {
        let payload = TokenPayload(username: username, role: role, duration: duration)
        let token = try sign(try payload.jsonBytes())
        return (token, payload)
    }

    /// - Throws: ``TokenError``.
    public func verifyToken(_ token: String) async throws -> TokenPayload {
        let (message, footer) = try open(token)
        // This maker never writes a footer; one that appears was added by someone else.
        guard footer.isEmpty else { throw TokenError.invalid("unexpected footer") }
        let payload = try TokenPayload(jsonBytes: message)
        try payload.validate()
        return payload
    }

    /// Signs the exact `message` bytes (PASETO `v4.public` Sign).
    ///
    /// `footer` travels in clear and is authenticated; `implicitAssertion` is authenticated but not
    /// sent, so the verifier must supply the same bytes.
    func sign(_ message: [UInt8], footer: [UInt8] = [], implicitAssertion: [UInt8] = []) throws -> String {
        guard let privateKey else {
            throw TokenConfigurationError("this PasetoV4PublicMaker holds only a public key and cannot create tokens")
        }
        let preAuthentication = PAE.encode([Array(Self.header.utf8), message, footer, implicitAssertion])
        let signature = try privateKey.signature(for: preAuthentication)
        return PasetoTokenParts.serialize(header: Self.header, body: message + Array(signature), footer: footer)
    }

    /// Verifies a `v4.public` token (PASETO Verify) and returns its message and footer.
    ///
    /// The message is returned only after the signature has been checked over the header, message,
    /// footer and implicit assertion.
    func open(_ token: String, implicitAssertion: [UInt8] = []) throws(TokenError) -> (message: [UInt8], footer: [UInt8]) {
        let parts = try PasetoTokenParts(token, header: Self.header)
        guard parts.body.count >= Self.signatureByteCount else {
            throw .invalid("body shorter than a signature")
        }
        let message = Array(parts.body.dropLast(Self.signatureByteCount))
        let signature = Array(parts.body.suffix(Self.signatureByteCount))
        let preAuthentication = PAE.encode([Array(Self.header.utf8), message, parts.footer, implicitAssertion])
        guard publicKey.isValidSignature(signature, for: preAuthentication) else {
            throw .invalid("signature does not verify")
        }
        return (message, parts.footer)
    }

    /// Names the key's role but never its bytes.
    public var description: String {
        privateKey == nil ? "PasetoV4PublicMaker(verify only)" : "PasetoV4PublicMaker(private key: <redacted>)"
    }

    public var debugDescription: String { description }

    /// Hides the keys from `dump` and debuggers, which would otherwise print their storage.
    public var customMirror: Mirror {
        Mirror(self, children: ["privateKey": privateKey == nil ? "none" : "<redacted>"], displayStyle: .struct)
    }
}
