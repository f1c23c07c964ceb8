@testable import BankServer

/// Hex test data; a malformed literal is a bug in the test, reported as empty bytes that then fail
/// the comparison rather than crashing the run.
func hex(_ text: String) -> [UInt8] {
    Hex.decode(text) ?? []
}

/// UTF-8 bytes of a string literal.
func utf8(_ text: String) -> [UInt8] {
    Array(text.utf8)
}
