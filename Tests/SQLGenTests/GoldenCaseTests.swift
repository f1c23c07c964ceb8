import Foundation
import Testing

@testable import SQLGen

/// End-to-end cases, one folder each under Cases/ (how to add one: Cases/README.md). A case
/// holds its queries, the inputs that differ from `Cases/_defaults/`, and either the expected
/// diagnostics (`expected-diagnostics.txt`) or the generated files its compare list names
/// (`expected/<path>.txt`). SQLGEN_RECORD=1 writes the expectations (missing or changed) from
/// what the pipeline does now; review the diff before committing.
@Suite struct GoldenCaseTests {
    @Test func casesAndDefaultsAreFound() {
        #expect(GoldenCase.names.count >= 40, "golden cases found in \(GoldenCase.casesFolder.path): \(GoldenCase.names)")
        #expect(GoldenCase.defaultFileNames == [GoldenCase.compareFileName, "schema.sql", "sqlc.yaml"])
    }

    /// A broken case fails here: no queries, no expectation or both kinds, a stray file, or a
    /// copy of a default file (delete it: the default applies).
    @Test(arguments: GoldenCase.names)
    func caseIsWellFormed(_ name: String) throws {
        let golden = GoldenCase(name: name)
        let entries = golden.entries
        let expectsDiagnostics = entries.contains(GoldenCase.diagnosticsFileName)
        let expectsOutput = entries.contains(GoldenCase.expectedFolderName)
        #expect(expectsDiagnostics || expectsOutput, "\(name) has no expectation; \(GoldenCase.recordHint)")
        #expect(!(expectsDiagnostics && expectsOutput), "\(name) has both expected-diagnostics.txt and expected/")
        if expectsOutput {
            let files = try FileManager.default.contentsOfDirectory(atPath: golden.expectedFolder.path)
            #expect(!files.isEmpty && files.allSatisfy { $0.hasSuffix(".swift.txt") }, "\(name)/expected: \(files)")
        } else {
            #expect(!entries.contains(GoldenCase.compareFileName), "\(name): compare.txt without expected/ compares nothing")
        }
        for fileName in GoldenCase.defaultFileNames where entries.contains(fileName) {
            let own = try Data(contentsOf: golden.folder.appendingPathComponent(fileName))
            let shared = try Data(contentsOf: GoldenCase.defaultsFolder.appendingPathComponent(fileName))
            #expect(own != shared, "\(name)/\(fileName) is the same as _defaults/\(fileName): delete it")
        }

        // The inputs are what the case's configuration (its own or the default) reads.
        let inputs: Set<String>? = try golden.withInputs { folder in
            do {
                let config = try ConfigLoader.load(path: folder + "/sqlc.yaml")
                var queries: [InputFile] = []
                var schema: [InputFile] = []
                for package in config.packages {
                    queries += try config.resolvedQueryFiles(for: package)
                    schema += try config.resolvedSchemaFiles(for: package)
                }
                #expect(!queries.isEmpty, "\(name) has no query file")
                for file in queries {
                    let text = try file.read().text
                    #expect(text.contains { !$0.isWhitespace }, "\(name)/\(file.path) is empty")
                }
                return Set((queries + schema).compactMap { $0.path.split(separator: "/").first.map(String.init) })
            } catch let error as ConfigError {
                // Only a case about a broken configuration may have one.
                let problems = GoldenCase.describe(error.diagnostics, in: folder)
                #expect(expectsDiagnostics, "\(name): \(problems.joined(separator: "\n"))")
                return nil
            }
        }
        let known = GoldenCase.ownFileNames.union(inputs ?? ["schema.sql", "query.sql"]).union(["sqlc.yaml"])
        let stray = entries.filter { !known.contains($0) }
        #expect(stray.isEmpty, "\(name) has files that are neither inputs nor expectations: \(stray)")
    }

    @Test(arguments: GoldenCase.names)
    func goldenCase(_ name: String) throws {
        let golden = GoldenCase(name: name)
        let (result, printed) = try golden.run()
        if GoldenCase.isRecording {
            try Self.record(golden, result: result, printed: printed)
            return
        }
        if FileManager.default.fileExists(atPath: golden.diagnosticsFile.path) {
            let expected = try String(contentsOf: golden.diagnosticsFile, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            #expect(printed == expected)
            let failed = result.hasErrors
            #expect(failed, "a case with expected diagnostics must fail")
            let generatedAnything = result.packages.contains { !$0.files.isEmpty }
            #expect(!generatedAnything, "nothing is generated when there are errors")
            return
        }
        guard !golden.expectedPaths.isEmpty else {
            let report = printed.isEmpty ? "" : "; it reports:\n\(printed.joined(separator: "\n"))"
            Issue.record("\(name) has no expectation yet; \(GoldenCase.recordHint)\(report)")
            return
        }
        #expect(!result.hasErrors, "unexpected diagnostics:\n\(printed.joined(separator: "\n"))")
        let generated = Self.generatedFiles(result)
        let compared = try Self.comparedPaths(golden, generated: generated)
        let expected = golden.expectedPaths
        for path in compared.union(expected).sorted() {
            guard compared.contains(path), let actual = generated[path] else {
                let generatedPaths = generated.keys.sorted()
                Issue.record(
                    "\(name)/expected/\(path).txt: no generated file of the compare list has this path (generated: \(generatedPaths)); delete it, or \(GoldenCase.recordHint)"
                )
                continue
            }
            guard expected.contains(path) else {
                Issue.record("\(name)/expected/\(path).txt is missing; \(GoldenCase.recordHint)")
                continue
            }
            let expectedText = try String(contentsOf: golden.expectedFolder.appendingPathComponent(path + ".txt"), encoding: .utf8)
            if let diff = UnifiedDiff.make(old: expectedText, new: actual, oldName: "expected/\(path)", newName: "generated/\(path)") {
                Issue.record("\(name)/\(path) differs from the expected output (\(GoldenCase.recordHint)):\n\(diff)")
            }
        }
    }

    /// Two runs give the same bytes, and so does emitting the analysed queries with the query
    /// files in the opposite order: output follows the input, not thread scheduling or file order.
    @Test(arguments: GoldenCase.names)
    func generationIsDeterministic(_ name: String) throws {
        try GoldenCase(name: name).withInputs { folder in
            let configPath = folder + "/sqlc.yaml"
            let first = Pipeline.run(configPath: configPath)
            let second = Pipeline.run(configPath: configPath)
            #expect(first.diagnostics == second.diagnostics, "\(name): different diagnostics on a second run")
            #expect(Self.bytes(first.packages) == Self.bytes(second.packages), "\(name): different output on a second run")
            guard !first.hasErrors else { return }
            let config = try ConfigLoader.load(path: configPath)
            for (package, output) in zip(config.packages, first.packages) {
                #expect(!output.files.isEmpty, "\(name): a clean run generates files")
                var files: [String] = []
                for query in output.queries where !files.contains(query.file) { files.append(query.file) }
                let permuted = files.reversed().flatMap { file in output.queries.filter { $0.file == file } }
                let emitted = SwiftEmitter(options: package.swift, catalog: output.catalog).emit(permuted)
                #expect(Self.bytes(emitted.files) == Self.bytes(output.files), "\(name): the query files' order changed the output")
            }
        }
    }

    /// Paths and contents as bytes (`String` equality would take "é" and "e\u{301}" as the same).
    private static func bytes(_ files: [GeneratedFile]) -> [[UInt8]] {
        files.map { Array($0.path.utf8) + [0] + Array($0.contents.utf8) }
    }

    private static func bytes(_ packages: [Pipeline.PackageOutput]) -> [[[UInt8]]] {
        packages.map { bytes($0.files) }
    }

    private static func generatedFiles(_ result: Pipeline.Result) -> [String: String] {
        Dictionary(result.packages.flatMap(\.files).map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
    }

    /// The generated paths the compare list selects; an entry that selects nothing is an issue.
    private static func comparedPaths(_ golden: GoldenCase, generated: [String: String]) throws -> Set<String> {
        var compared: Set<String> = []
        for entry in try golden.compareEntries {
            let matches = generated.keys.filter { GoldenCase.path($0, matches: entry) }
            if matches.isEmpty && !GoldenCase.isRecording {
                Issue.record("\(golden.name): compare entry \"\(entry)\" matches no generated file (\(generated.keys.sorted()))")
            }
            compared.formUnion(matches)
        }
        return compared
    }

    /// Rewrites the expectation from this run: the diagnostics of a failing run, else the
    /// compared files; expectations of the other kind and files no longer compared are removed.
    private static func record(_ golden: GoldenCase, result: Pipeline.Result, printed: [String]) throws {
        if result.hasErrors {
            try GoldenCase.record(printed.joined(separator: "\n") + "\n", to: golden.diagnosticsFile)
            try? FileManager.default.removeItem(at: golden.expectedFolder)
            return
        }
        try? FileManager.default.removeItem(at: golden.diagnosticsFile)
        let generated = generatedFiles(result)
        let compared = try comparedPaths(golden, generated: generated)
        for path in compared {
            try GoldenCase.record(generated[path] ?? "", to: golden.expectedFolder.appendingPathComponent(path + ".txt"))
        }
        for path in golden.expectedPaths.subtracting(compared) {
            try FileManager.default.removeItem(at: golden.expectedFolder.appendingPathComponent(path + ".txt"))
        }
    }
}
