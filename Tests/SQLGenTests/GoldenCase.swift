import Foundation

@testable import SQLGen

/// One folder under `Cases/` (see `Cases/README.md`): its inputs, with `Cases/_defaults/` filling
/// in the files it does not have, and its expectations: `expected-diagnostics.txt`, or the
/// generated files its compare list names as `expected/<path>.txt`.
struct GoldenCase {
    static let casesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")
    static let defaultsFolder = casesFolder.appendingPathComponent("_defaults")

    static let diagnosticsFileName = "expected-diagnostics.txt"
    static let expectedFolderName = "expected"
    static let compareFileName = "compare.txt"
    /// Files a case may hold besides its inputs.
    static let ownFileNames: Set = ["README.md", compareFileName, diagnosticsFileName, expectedFolderName]

    static let recordHint = "record with SQLGEN_RECORD=1 swift test --filter GoldenCaseTests, then review the diff"
    static var isRecording: Bool { ProcessInfo.processInfo.environment["SQLGEN_RECORD"] == "1" }

    /// Every folder under `Cases/` except `_defaults` (and hidden ones): a folder that is not a
    /// well-formed case fails `GoldenCaseTests.caseIsWellFormed` instead of being skipped.
    static var names: [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? []
        return entries.filter { name in
            var isDirectory: ObjCBool = false
            let path = casesFolder.appendingPathComponent(name).path
            return !name.hasPrefix("_") && !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    /// The names of the default files (`sqlc.yaml`, `schema.sql`, `compare.txt`).
    static var defaultFileNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: defaultsFolder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    let name: String
    var folder: URL { Self.casesFolder.appendingPathComponent(name) }
    var expectedFolder: URL { folder.appendingPathComponent(Self.expectedFolderName) }
    var diagnosticsFile: URL { folder.appendingPathComponent(Self.diagnosticsFileName) }

    /// The names of the case folder's entries (hidden ones are ignored).
    var entries: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The case's own file, else the default one.
    func file(_ fileName: String) -> URL {
        let own = folder.appendingPathComponent(fileName)
        return FileManager.default.fileExists(atPath: own.path) ? own : Self.defaultsFolder.appendingPathComponent(fileName)
    }

    /// The generated files the case compares: lines of `compare.txt` (the case's or the default);
    /// `#` starts a comment; an entry starting with `*` matches every path ending in the rest.
    var compareEntries: [String] {
        get throws {
            try String(contentsOf: file(Self.compareFileName), encoding: .utf8)
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
    }

    static func path(_ path: String, matches entry: String) -> Bool {
        entry.hasPrefix("*") ? path.hasSuffix(entry.dropFirst()) : path == entry
    }

    /// The `<path>` of every `expected/<path>.txt`.
    var expectedPaths: Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: expectedFolder.path)) ?? []
        return Set(names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) })
    }

    /// Copies the case and the defaults it lacks to a temporary folder and calls `body` with it.
    /// The pipeline sees the same relative paths (`schema.sql`, `query.sql`) as in the case.
    func withInputs<T>(_ body: (_ folder: String) throws -> T) throws -> T {
        let temporary = try TemporaryFolder()
        let target = URL(fileURLWithPath: temporary.path)
        for entry in entries where entry != Self.expectedFolderName {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(entry), to: target.appendingPathComponent(entry))
        }
        for fileName in Self.defaultFileNames where !entries.contains(fileName) {
            try FileManager.default.copyItem(
                at: Self.defaultsFolder.appendingPathComponent(fileName), to: target.appendingPathComponent(fileName))
        }
        return try withExtendedLifetime(temporary) { try body(temporary.path) }
    }

    /// Runs the pipeline on the case; config diagnostics name `sqlc.yaml`, not the temporary folder.
    func run() throws -> (result: Pipeline.Result, printedDiagnostics: [String]) {
        try withInputs { inputs in
            let result = Pipeline.run(configPath: inputs + "/sqlc.yaml")
            return (result, Self.describe(result.diagnostics, in: inputs))
        }
    }

    /// The diagnostics as printed, sorted, with paths relative to the case's inputs `folder`.
    static func describe(_ diagnostics: [Diagnostic], in folder: String) -> [String] {
        diagnostics.sortedForDisplay().map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
    }

    /// Writes `contents` to `url` unless it already holds exactly that.
    static func record(_ contents: String, to url: URL) throws {
        guard (try? Data(contentsOf: url)) != Data(contents.utf8) else { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }
}
