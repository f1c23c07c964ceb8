import Testing

@testable import BankServer

@Suite("PAE")
struct PAETests {
    /// The examples of the PASETO specification (`Common.md`, "PAE Definition").
    @Test("matches the specification's examples")
    func specificationExamples() {
        #expect(PAE.encode([]) == [0, 0, 0, 0, 0, 0, 0, 0])
        #expect(PAE.encode([[]]) == [1, 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0, 0])
        #expect(PAE.encode([utf8("test")]) == [1, 0, 0, 0, 0, 0, 0, 0] + [4, 0, 0, 0, 0, 0, 0, 0] + utf8("test"))
    }

    @Test("LE64 is little-endian with the top bit cleared")
    func le64() {
        #expect(PAE.le64(0) == [0, 0, 0, 0, 0, 0, 0, 0])
        #expect(PAE.le64(0x0102_0304_0506_0708) == [8, 7, 6, 5, 4, 3, 2, 1])
        #expect(PAE.le64(UInt64.max) == [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
    }

    @Test("moving bytes between pieces changes the encoding")
    func piecesAreUnambiguous() {
        #expect(PAE.encode([utf8("ab"), utf8("c")]) != PAE.encode([utf8("a"), utf8("bc")]))
        #expect(PAE.encode([utf8("abc")]) != PAE.encode([utf8("abc"), []]))
    }
}
