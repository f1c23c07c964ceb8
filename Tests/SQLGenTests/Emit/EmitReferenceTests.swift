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
        try Self.compare(files, with: Self.referenceFolder)
    }

    @Test func variantFilesMatchReference() throws {
        let (files, diagnostics) = SwiftEmitter(options: VariantFixture.options, catalog: VariantFixture.catalog)
            .emit(VariantFixture.queries)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(
            files.map(\.path) == [
                "Models.swift", "Queries.swift", "Querier.swift", "audit.sql.swift", "settings.sql.swift", "MockQuerier.swift",
            ])
        try Self.compare(files, with: Self.referenceFolder.appendingPathComponent("Variant"))
    }

    /// Compares with (or, with `SQLGEN_RECORD_REFERENCE=1`, rewrites) `<folder>/<path>.txt`.
    static func compare(_ files: [GeneratedFile], with folder: URL) throws {
        let record = ProcessInfo.processInfo.environment["SQLGEN_RECORD_REFERENCE"] == "1"
        for file in files {
            let url = folder.appendingPathComponent(file.path + ".txt")
            if record {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(file.contents == expected, "\(file.path) differs from \(url.lastPathComponent)")
        }
    }

    @Test func outputIsDeterministic() {
        let first = Self.emitBank()
        let second = Self.emitBank()
        #expect(first.files == second.files)
    }

    @Test func everyFileHasHeaderAndEndsWithOneNewline() {
        let variant = SwiftEmitter(options: VariantFixture.options, catalog: VariantFixture.catalog).emit(VariantFixture.queries)
        for file in Self.emitBank().files + variant.files {
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
