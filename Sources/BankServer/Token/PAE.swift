/// PASETO's Pre-Authentication Encoding (PAE), from the spec's `Common.md`.
///
/// Every piece that a tag or signature covers (header, nonce, payload, footer, implicit assertion)
/// is length-prefixed before it is authenticated, so that moving bytes from one piece to the next
/// can never produce the same authenticated message. Without it, `("ab", "c")` and `("a", "bc")`
/// would sign the same bytes.
enum PAE {
    /// `LE64(count) || LE64(len(p1)) || p1 || LE64(len(p2)) || p2 …`
    static func encode(_ pieces: [[UInt8]]) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(8 + pieces.reduce(0) { $0 + 8 + $1.count })
        output.append(contentsOf: le64(UInt64(pieces.count)))
        for piece in pieces {
            output.append(contentsOf: le64(UInt64(piece.count)))
            output.append(contentsOf: piece)
        }
        return output
    }

    /// 8-byte little-endian integer with the most significant bit cleared, as the spec requires
    /// (so that languages without unsigned 64-bit integers compute the same bytes).
    static func le64(_ value: UInt64) -> [UInt8] {
        let cleared = value & 0x7FFF_FFFF_FFFF_FFFF
        return (0..<8).map { UInt8(truncatingIfNeeded: cleared >> (8 * UInt64($0))) }
    }
}
