@testable import BankServer

/// Changes the decoded body of a PASETO token (after `header`) and re-encodes it, keeping the
/// footer, so that a test can alter exactly one byte of a message, nonce, ciphertext, tag or
/// signature. An unparsable token comes back unchanged (and then fails the test's expectation).
func tamperingBody(of token: String, header: String, _ change: (inout [UInt8]) -> Void) -> String {
    guard token.hasPrefix(header) else { return token }
    let pieces = token.dropFirst(header.count).split(separator: ".", omittingEmptySubsequences: false)
    guard var body = pieces.first.flatMap({ Base64URL.decode($0) }) else { return token }
    change(&body)
    let rest = pieces.dropFirst().map { "." + $0 }.joined()
    return header + Base64URL.encode(body) + rest
}

/// Flips the lowest bit of the byte at `index` (negative: counted from the end).
func flipBit(_ bytes: inout [UInt8], at index: Int) {
    let position = index < 0 ? bytes.count + index : index
    guard bytes.indices.contains(position) else { return }
    bytes[position] ^= 0x01
}
