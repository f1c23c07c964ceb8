import Foundation
import Testing

@testable import SQLGen

/// What `generate` writes: its own files only, each whole, stale ones removed.
@Suite struct OutputDirectoryTests {
    static let header = GeneratedFile.header + "\n"

    static func files(_ names: [String], version: String) -> [GeneratedFile] {
        names.map { GeneratedFile(path: $0, contents: header + "// \($0) \(version)\n") }
    }

    @Test func createsUpdatesAndRemovesOnlyItsOwnFiles() throws {
        let folder = try TemporaryFolder()
        let output = OutputDirectory(displayPath: "out", url: URL(fileURLWithPath: folder.path).appendingPathComponent("out"))
        let names = (1...40).map { "q\($0).sql.swift" } + ["Models.swift"]
        let first = Self.files(names, version: "v1")

        let creates = try output.changes(toWrite: first)
        #expect(creates.count == names.count)
        #expect(creates.allSatisfy { if case .create = $0 { true } else { false } })
        try output.apply(creates)
        #expect(try output.changes(toWrite: first).isEmpty)

        try folder.write("out/Notes.swift", "// written by a person\n")
        var second = Self.files(names.dropLast(2), version: "v1")
        second[0].contents += "// changed\n"
        let changes = try output.changes(toWrite: second)
        #expect(changes.map(\.path) == ["q1.sql.swift", "Models.swift", "q40.sql.swift"])
        try output.apply(changes)
        #expect(try output.changes(toWrite: second).isEmpty)

        let left = try FileManager.default.contentsOfDirectory(atPath: output.url.path).sorted()
        #expect(left == (second.map(\.path) + ["Notes.swift"]).sorted())
        #expect(TextFile.contents(ofFile: output.url.appendingPathComponent("q1.sql.swift").path) == second[0].contents)
    }

    @Test func refusesToOverwriteAFileItDidNotWrite() throws {
        let folder = try TemporaryFolder()
        try folder.write("out/Models.swift", "// written by a person\n")
        let output = OutputDirectory(displayPath: "out", url: URL(fileURLWithPath: folder.path).appendingPathComponent("out"))
        #expect(throws: OutputDirectory.Conflict.self) { try output.changes(toWrite: Self.files(["Models.swift"], version: "v1")) }
    }
}
