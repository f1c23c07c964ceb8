/// A PASETO token split into its decoded body and footer, after an exact header check.
///
/// `header.body[.footer]` where header is `version.purpose.` (e.g. `v4.public.`). The header is
/// compared byte for byte before anything else so that a token of another version or purpose
/// (`v4.local.`, `v3.public.`, `V4.PUBLIC.`…) is refused without being decoded: this is what pins
/// the algorithm, unlike a JWT's `alg` field which the token itself chooses.
struct PasetoTokenParts {
    /// The decoded body (message and signature, or nonce, ciphertext and tag).
    let body: [UInt8]
    /// The decoded footer; empty when the token has none.
    let footer: [UInt8]

    init(_ token: String, header: String) throws(TokenError) {
        let bytes = Array(token.utf8)
        let headerBytes = Array(header.utf8)
        guard bytes.count > headerBytes.count, bytes.starts(with: headerBytes) else {
            throw .invalid("not a \(header)… token")
        }
        let pieces = bytes[headerBytes.count...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        // A body and an optional non-empty footer; an empty piece or a further dot is never
        // produced by an encoder, so it is treated as tampering.
        guard pieces.count <= 2, pieces.allSatisfy({ !$0.isEmpty }) else {
            throw .invalid("expected body[.footer] after the header")
        }
        guard let body = Base64URL.decode(bytes: pieces[0]) else {
            throw .invalid("body is not unpadded base64url")
        }
        var footer: [UInt8] = []
        if pieces.count == 2 {
            guard let decoded = Base64URL.decode(bytes: pieces[1]) else {
                throw .invalid("footer is not unpadded base64url")
            }
            footer = decoded
        }
        self.body = body
        self.footer = footer
    }

    /// Assembles `header || b64(body) [|| "." || b64(footer)]`.
    static func serialize(header: String, body: [UInt8], footer: [UInt8]) -> String {
        let token = header + Base64URL.encode(body)
        return footer.isEmpty ? token : token + "." + Base64URL.encode(footer)
    }
}
