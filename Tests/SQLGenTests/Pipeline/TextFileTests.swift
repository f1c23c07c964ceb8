import Foundation
import Testing

@testable import SQLGen

/// Reading and replacing whole files with system calls: the generator's only way to touch its output.
@Suite struct TextFileTests {
    @Test func replaceCreatesAndOverwritesWithoutLeavingTemporaryFiles() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/Models.swift"
        try TextFile.replace(path, with: "first ✓\n")
        #expect(TextFile.contents(ofFile: path) == "first ✓\n")
        try TextFile.replace(path, with: "second\n")
        #expect(TextFile.contents(ofFile: path) == "second\n")
        try TextFile.replace(path, with: "")
        #expect(TextFile.contents(ofFile: path) == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Models.swift"])
    }

    @Test func replaceReportsAMissingFolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/missing/Models.swift"
        #expect(throws: TextFile.Failure.self) { try TextFile.replace(path, with: "text\n") }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/missing"))
    }

    @Test func contentsIsNilForWhatIsNotUTF8Text() throws {
        let folder = try TemporaryFolder()
        #expect(TextFile.contents(ofFile: folder.path + "/absent.swift") == nil)
        #expect(TextFile.contents(ofFile: folder.path) == nil)
        let binary = folder.path + "/binary.swift"
        try Data([0x2F, 0x2F, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: binary))
        #expect(TextFile.contents(ofFile: binary) == nil)
    }

    @Test func contentsReadsFilesLargerThanOneRead() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/large.swift"
        let text = String(repeating: "// a line of generated code, é\n", count: 40_000)
        try TextFile.replace(path, with: text)
        #expect(TextFile.contents(ofFile: path) == text)
    }
}
