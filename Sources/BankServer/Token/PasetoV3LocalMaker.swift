import Crypto
import Foundation
import _CryptoExtras

/// PASETO `v3.local` tokens: the payload is encrypted and authenticated with a 32-byte shared key
/// (AES-256-CTR, then HMAC-SHA384 over everything, keys split per token with HKDF-SHA384).
///
/// For a deployment where only this server reads its tokens and the payload should stay private.
/// (`v4.local` would be the modern choice but needs XChaCha20 and BLAKE2b, which swift-crypto does
/// not provide.) The version and purpose are fixed by the `v3.local.` header.
///
/// Built from swift-crypto primitives following the PASETO specification (`Version3.md`,
/// `Common.md`) and checked against the official test vectors.
public struct PasetoV3LocalMaker: TokenMaker, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    static let header = "v3.local."
    private static let nonceByteCount = 32
    private static let tagByteCount = 48

    private let key: SymmetricKey

    /// A maker with a 32-byte key.
    ///
    /// - Throws: ``TokenConfigurationError`` when `key` is not 32 bytes.
    public init(key: some DataProtocol) throws(TokenConfigurationError) {
        guard key.count == 32 else {
            throw TokenConfigurationError("a v3.local key must be 32 bytes (got \(key.count))")
        }
        self.key = SymmetricKey(data: Array(key))
    }

    public func createToken(username: String, role: String, duration: Duration) async throws -> (token: String, payload: TokenPayload) {
        let payload = TokenPayload(username: username, role: role, duration: duration)
        let token = try encrypt(try payload.jsonBytes())
        return (token, payload)
    }

    /// - Throws: ``TokenError``.
    public func verifyToken(_ token: String) async throws -> TokenPayload {
        let (message, footer) = try decrypt(token)
        // This maker never writes a footer; one that appears was added by someone else.
        guard footer.isEmpty else { throw TokenError.invalid("unexpected footer") }
        let payload = try TokenPayload(jsonBytes: message)
        try payload.validate()
        return payload
    }

    /// Encrypts `message` (PASETO `v3.local` Encrypt).
    ///
    /// - Parameter nonce: 32 bytes; nil (always, outside tests) for fresh random bytes. A nonce
    ///   must never repeat under one key, which is why only the test vectors pass one.
    func encrypt(
        _ message: [UInt8],
        footer: [UInt8] = [],
        implicitAssertion: [UInt8] = [],
        nonce: [UInt8]? = nil
    ) throws -> String {
        let nonce = nonce ?? Self.randomBytes(Self.nonceByteCount)
        guard nonce.count == Self.nonceByteCount else {
            throw TokenConfigurationError("a v3.local nonce must be 32 bytes (got \(nonce.count))")
        }
        let keys = derivedKeys(nonce: nonce)
        let ciphertext = Array(try AES._CTR.encrypt(message, using: keys.encryption, nonce: AES._CTR.Nonce(nonceBytes: keys.counter)))
        let preAuthentication = PAE.encode([Array(Self.header.utf8), nonce, ciphertext, footer, implicitAssertion])
        let tag = Array(HMAC<SHA384>.authenticationCode(for: preAuthentication, using: keys.authentication))
        return PasetoTokenParts.serialize(header: Self.header, body: nonce + ciphertext + tag, footer: footer)
    }

    /// Authenticates and decrypts a `v3.local` token (PASETO Decrypt), returning its message and
    /// footer.
    ///
    /// The tag is checked, in constant time, before anything is decrypted.
    func decrypt(_ token: String, implicitAssertion: [UInt8] = []) throws(TokenError) -> (message: [UInt8], footer: [UInt8]) {
        let parts = try PasetoTokenParts(token, header: Self.header)
        guard parts.body.count >= Self.nonceByteCount + Self.tagByteCount else {
            throw .invalid("body shorter than nonce and tag")
        }
        let nonce = Array(parts.body.prefix(Self.nonceByteCount))
        let tag = Array(parts.body.suffix(Self.tagByteCount))
        let ciphertext = Array(parts.body.dropFirst(Self.nonceByteCount).dropLast(Self.tagByteCount))

        let keys = derivedKeys(nonce: nonce)
        let preAuthentication = PAE.encode([Array(Self.header.utf8), nonce, ciphertext, parts.footer, implicitAssertion])
        // Constant time: a byte-by-byte `==` would leak how much of a forged tag was right.
        guard HMAC<SHA384>.isValidAuthenticationCode(tag, authenticating: preAuthentication, using: keys.authentication) else {
            throw .invalid("authentication tag does not match")
        }
        do {
            let message = try AES._CTR.decrypt(ciphertext, using: keys.encryption, nonce: AES._CTR.Nonce(nonceBytes: keys.counter))
            return (Array(message), parts.footer)
        } catch {
            throw .invalid("decryption failed")
        }
    }

    /// The per-token keys: `Ek || n2 = HKDF-SHA384(k, "paseto-encryption-key" || n)` and
    /// `Ak = HKDF-SHA384(k, "paseto-auth-key-for-aead" || n)`, both with an empty salt.
    private func derivedKeys(nonce: [UInt8]) -> (encryption: SymmetricKey, counter: [UInt8], authentication: SymmetricKey) {
        let encryptionMaterial = HKDF<SHA384>.deriveKey(
            inputKeyMaterial: key,
            info: Array("paseto-encryption-key".utf8) + nonce,
            outputByteCount: 48
        ).withUnsafeBytes { Array($0) }
        let authentication = HKDF<SHA384>.deriveKey(
            inputKeyMaterial: key,
            info: Array("paseto-auth-key-for-aead".utf8) + nonce,
            outputByteCount: 48
        )
        return (SymmetricKey(data: encryptionMaterial.prefix(32)), Array(encryptionMaterial.suffix(16)), authentication)
    }

    /// Cryptographically secure: `SystemRandomNumberGenerator` reads the operating system's CSPRNG.
    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in generator.next() }
    }

    /// Never prints the key.
    public var description: String { "PasetoV3LocalMaker(key: <redacted>)" }

    public var debugDescription: String { description }

    /// Hides the key from `dump` and debuggers, which would otherwise print its storage.
    public var customMirror: Mirror {
        Mirror(self, children: ["key": "<redacted>"], displayStyle: .struct)
    }
}
