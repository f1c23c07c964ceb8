import Foundation
import Testing

@testable import SQLGen

/// Compares the emitted files for `BankFixture` with the committed files under `Reference/`
/// (stored as `*.swift.txt` so the test target does not compile them). Set
/// `SQLGEN_RECORD_REFERENCE=1` to rewrite them after an intended change, then review the diff.
@Suite struct EmitReferenceTests {
    static let referenceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Reference")

    static func emitBank(mock: Bool = true) -> (files: [GeneratedFile], diagnostics: [Diagnostic]) {
        var options = SwiftOptions(module: "BankCheck", out: "Generated")
        options.emitMock = mock
        return SwiftEmitter(options: options, catalog: BankFixture.catalog).emit(BankFixture.queries)
    }

    @Test func bankFilesMatchReference() throws {
        let (files, diagnostics) = Self.emitBank()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(
            files.map(\.path) == [
                "Models.swift", "Queries.swift", "Querier.swift", "account.sql.swift", "user.sql.swift", "MockQuerier.swift",
            ])
        let record = ProcessInfo.processInfo.environment["SQLGEN_RECORD_REFERENCE"] == "1"
        for file in files {
            let url = Self.referenceFolder.appendingPathComponent(file.path + ".txt")
            if record {
                try FileManager.default.createDirectory(at: Self.referenceFolder, withIntermediateDirectories: true)
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(file.contents == expected, "\(file.path) differs from Reference/\(file.path).txt")
        }
    }

    @Test func outputIsDeterministic() {
        let first = Self.emitBank()
        let second = Self.emitBank()
        #expect(first.files == second.files)
    }

    @Test func everyFileHasHeaderAndEndsWithOneNewline() {
        for file in Self.emitBank().files {
            #expect(file.contents.hasPrefix(GeneratedFile.header + "\n"), "\(file.path)")
            #expect(file.contents.hasSuffix("}\n"), "\(file.path)")
            #expect(!file.contents.hasSuffix("\n\n"), "\(file.path)")
            for line in file.contents.split(separator: "\n") {
                // Long string literals stay on one line, as swift-format leaves them.
                if !line.trimmingCharacters(in: .whitespaces).hasPrefix("\"") {
                    #expect(line.count <= 150, "\(file.path): \(line)")
                }
                #expect(!line.hasSuffix(" "), "\(file.path): trailing space in \(line)")
            }
        }
    }
}
