import Foundation
import Testing

@testable import SQLGen

/// End-to-end cases: each folder under Cases/ holds a `sqlc.yaml`, its schema and queries,
/// and either the expected generated files (`expected/`) or the expected diagnostics
/// (`expected-diagnostics.txt`). Set SQLGEN_RECORD=1 to (re)write the expectations, then
/// review the diff before committing.
@Suite struct GoldenCaseTests {
    static let casesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    static var caseNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? []
        return names.filter { name in
            FileManager.default.fileExists(atPath: casesFolder.appendingPathComponent(name).appendingPathComponent("sqlc.yaml").path)
        }.sorted()
    }

    static var isRecording: Bool { ProcessInfo.processInfo.environment["SQLGEN_RECORD"] == "1" }

    @Test func thereAreEnoughCases() {
        #expect(Self.caseNames.count >= 40, "golden cases: \(Self.caseNames.count)")
    }

    @Test(arguments: caseNames)
    func goldenCase(_ name: String) throws {
        let folder = Self.casesFolder.appendingPathComponent(name)
        let result = Pipeline.run(configPath: folder.appendingPathComponent("sqlc.yaml").path)
        let diagnosticsFile = folder.appendingPathComponent("expected-diagnostics.txt")
        let printed = result.diagnostics.sortedForDisplay().map(\.description)

        if FileManager.default.fileExists(atPath: diagnosticsFile.path) {
            if Self.isRecording {
                try (printed.joined(separator: "\n") + "\n").write(to: diagnosticsFile, atomically: true, encoding: .utf8)
                return
            }
            let expected = try String(contentsOf: diagnosticsFile, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            #expect(printed == expected)
            #expect(result.hasErrors, "a case with expected diagnostics must fail")
            let generatedAnything = result.packages.contains { !$0.files.isEmpty }
            #expect(!generatedAnything, "nothing is generated when there are errors")
            return
        }

        #expect(!result.hasErrors, "unexpected diagnostics:\n\(printed.joined(separator: "\n"))")
        let expectedFolder = folder.appendingPathComponent("expected")
        let generated = Dictionary(
            result.packages.flatMap(\.files).map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        if Self.isRecording {
            try? FileManager.default.removeItem(at: expectedFolder)
            try FileManager.default.createDirectory(at: expectedFolder, withIntermediateDirectories: true)
            for (path, contents) in generated {
                let target = expectedFolder.appendingPathComponent(path + ".txt")
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: target, atomically: true, encoding: .utf8)
            }
            return
        }
        let expectedFiles = (try? FileManager.default.contentsOfDirectory(atPath: expectedFolder.path)) ?? []
        let expectedPaths = Set(expectedFiles.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) })
        #expect(Set(generated.keys) == expectedPaths, "generated files differ from expected/ (record with SQLGEN_RECORD=1)")
        for path in expectedPaths.sorted() {
            let expected = try String(contentsOf: expectedFolder.appendingPathComponent(path + ".txt"), encoding: .utf8)
            let actual = generated[path] ?? ""
            if actual != expected {
                let diff = UnifiedDiff.make(old: expected, new: actual, oldName: "expected/\(path)", newName: "generated/\(path)") ?? ""
                Issue.record("\(name)/\(path) differs from the expected output:\n\(diff)")
            }
        }
    }

    @Test func generationIsDeterministic() throws {
        for name in Self.caseNames.prefix(10) {
            let path = Self.casesFolder.appendingPathComponent(name).appendingPathComponent("sqlc.yaml").path
            let first = Pipeline.run(configPath: path).packages.flatMap(\.files)
            let second = Pipeline.run(configPath: path).packages.flatMap(\.files)
            #expect(first == second, "case \(name) generated different output on a second run")
        }
    }
}
