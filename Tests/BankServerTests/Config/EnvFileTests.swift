import Foundation
import Testing

@testable import BankServer

@Suite("app.env files")
struct EnvFileTests {
    @Test("KEY=VALUE lines, comments, quotes, export, CRLF; the last value wins")
    func parses() throws {
        let text = """
            # a comment
              # an indented comment

            A=1
            B = two words  
            C="quoted # not a comment"
            D='single'  # trailing comment
            E=value # comment
            F=a#b
            export G=exported\r
            H=
            I=""
            A=again
            J=postgresql://root:secret@localhost:5432/simple_bank?sslmode=disable
            K="  spaced  "
            """
        let file = try EnvFile(parsing: text)
        #expect(
            file.values == [
                "A": "again", "B": "two words", "C": "quoted # not a comment", "D": "single", "E": "value", "F": "a#b",
                "G": "exported", "H": "", "I": "", "J": "postgresql://root:secret@localhost:5432/simple_bank?sslmode=disable",
                "K": "  spaced  ",
            ]
        )
    }

    @Test(
        "errors give the file and line, never the value",
        arguments: [
            ("A=1\nnot a pair", "app.env:2: expected KEY=VALUE"),
            ("1A=x", "app.env:1: invalid key (use letters, digits and underscores)"),
            ("MY-KEY=x", "app.env:1: invalid key (use letters, digits and underscores)"),
            ("=x", "app.env:1: invalid key (use letters, digits and underscores)"),
            ("\n\nA=\"secret", "app.env:3: unterminated double quote"),
            ("A='secret", "app.env:1: unterminated single quote"),
            ("A=\"secret\" tail", "app.env:1: unexpected text after the closing quote"),
        ]
    )
    func errors(text: String, message: String) {
        #expect(throws: ConfigError(message)) { try EnvFile(parsing: text) }
    }

    @Test("a missing file is not an error; an existing one is read")
    func load() throws {
        #expect(try EnvFile.load(path: "/nonexistent/app.env") == nil)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("envfile-\(UUID().uuidString).env").path
        try "X=1\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try EnvFile.load(path: path)?.values == ["X": "1"])
    }
}
