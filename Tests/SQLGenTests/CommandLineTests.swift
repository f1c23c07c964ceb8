import Foundation
import Testing

/// Runs the built `swift-sqlgen` as a user would, on a copy of the repository's bank project.
@Suite struct CommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `swift-sqlgen` binary built next to the test bundle.
    static func executable() throws -> URL {
        var folders: [URL] = []
        if let main = Bundle.main.executableURL { folders.append(main.deletingLastPathComponent()) }
        folders += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        if let argument = CommandLine.arguments.first { folders.append(URL(fileURLWithPath: argument).deletingLastPathComponent()) }
        for folder in folders {
            let candidate = folder.appendingPathComponent("swift-sqlgen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        Issue.record("swift-sqlgen was not found next to the tests (searched \(folders.map(\.path))); build it with `swift build`")
        throw CancellationError()
    }

    static func run(_ arguments: [String], in folder: URL) throws -> Output {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let stdoutFile = folder.appendingPathComponent(".stdout")
        let stderrFile = folder.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdoutFile, encoding: .utf8),
            stderr: try String(contentsOf: stderrFile, encoding: .utf8))
    }

    /// A temporary copy of sqlc.yaml, db/ and the generated BankDB sources.
    static func copyOfBankProject() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlgen-cli-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("Sources/BankDB"), withIntermediateDirectories: true)
        for path in ["sqlc.yaml", "db", "Sources/BankDB/Generated"] {
            try manager.copyItem(at: repository.appendingPathComponent(path), to: folder.appendingPathComponent(path))
        }
        return folder
    }

    static func contentsOfGeneratedFolder(_ project: URL) throws -> [String: String] {
        let generated = project.appendingPathComponent("Sources/BankDB/Generated")
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: generated.path) {
            result[name] = try String(contentsOf: generated.appendingPathComponent(name), encoding: .utf8)
        }
        return result
    }

    @Test func committedBankCodeIsUpToDate() throws {
        let project = try Self.copyOfBankProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let diff = try Self.run(["diff"], in: project)
        #expect(diff.status == 0, "stale generated code:\n\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.isEmpty)
    }

    @Test func anUnknownColumnPointsAtTheLineAndWritesNothing() throws {
        let project = try Self.copyOfBankProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let queryFile = project.appendingPathComponent("db/query/account.sql")
        let text = try String(contentsOf: queryFile, encoding: .utf8)
        try text.replacingOccurrences(of: "WHERE owner = $1", with: "WHERE ownr = $1").write(to: queryFile, atomically: true, encoding: .utf8)
        let before = try Self.contentsOfGeneratedFolder(project)

        let generate = try Self.run(["generate"], in: project)
        #expect(generate.status == 1)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("WHERE owner = $1") }.map { $0 + 1 } ?? 0
        #expect(generate.stderr.hasPrefix("db/query/account.sql:\(line):7: error: column \"ownr\" does not exist (did you mean \"owner\"?)\n"))
        #expect(try Self.contentsOfGeneratedFolder(project) == before)
    }

    @Test func diffShowsStaleCodeAndGenerateFixesIt() throws {
        let project = try Self.copyOfBankProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let queryFile = project.appendingPathComponent("db/query/entry.sql")
        let text = try String(contentsOf: queryFile, encoding: .utf8)
        try (text + "\n-- name: CountEntries :one\nSELECT count(*) FROM entries;\n").write(to: queryFile, atomically: true, encoding: .utf8)

        let stale = try Self.run(["diff"], in: project)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("+++ b/Sources/BankDB/Generated/entry.sql.swift"))
        #expect(stale.stdout.contains("+    public func countEntries() async throws -> Int64 {"))
        #expect(stale.stderr.contains("the generated code is stale"))

        #expect(try Self.run(["generate"], in: project).status == 0)
        #expect(try Self.run(["diff"], in: project).status == 0)
    }

    @Test func generateRemovesItsOwnStaleFilesOnly() throws {
        let project = try Self.copyOfBankProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let generated = project.appendingPathComponent("Sources/BankDB/Generated")
        let handWritten = generated.appendingPathComponent("Notes.swift")
        try "// written by a person\n".write(to: handWritten, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: project.appendingPathComponent("db/query/verify_email.sql"))

        #expect(try Self.run(["generate"], in: project).status == 0)
        let files = try Self.contentsOfGeneratedFolder(project)
        #expect(files["verify_email.sql.swift"] == nil)
        #expect(files["Notes.swift"] == "// written by a person\n")
    }

    @Test func describePrintsTheAnalysisAsJSON() throws {
        let project = try Self.copyOfBankProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let describe = try Self.run(["describe", "--json"], in: project)
        #expect(describe.status == 0, "\(describe.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(describe.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let package = try #require((json["packages"] as? [[String: Any]])?.first)
        #expect(package["name"] as? String == "BankDB")
        let queries = try #require(package["queries"] as? [[String: Any]])
        let list = try #require(queries.first { $0["name"] as? String == "ListAccounts" })
        #expect(list["command"] as? String == "many")
        #expect(list["file"] as? String == "db/query/account.sql")
        let params = try #require(list["params"] as? [[String: Any]])
        #expect(params.map { $0["name"] as? String } == ["owner", "limit", "offset"])
        #expect(params.map { $0["pgType"] as? String } == ["text", "bigint", "bigint"])
        #expect(params.map { $0["swiftType"] as? String } == ["String", "Int64", "Int64"])
        let columns = try #require(list["columns"] as? [[String: Any]])
        #expect(columns.count == 5)
        #expect(columns.allSatisfy { $0["nullable"] as? Bool == false && $0["table"] as? String == "accounts" })
    }

    @Test func describeMarksTheColumnsOfEachEmbed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = Self.repository.appendingPathComponent("Tests/GeneratedRuntimeTests/sqlc.yaml").path
        let describe = try Self.run(["describe", "--json", "-f", config], in: folder)
        #expect(describe.status == 0, "\(describe.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(describe.stdout.utf8)) as? [String: Any])
        let queries = try #require((json["packages"] as? [[String: Any]])?.first?["queries"] as? [[String: Any]])
        let query = try #require(queries.first { $0["name"] as? String == "ListAuthorsWithBooks" })
        let columns = try #require(query["columns"] as? [[String: Any]])
        // authors (id, name, bio), then books (id, author_id, title, year), flattened in order.
        #expect(
            columns.map { ($0["embed"] as? [String: Any])?["name"] as? String } == Array(repeating: "authors", count: 3)
                + Array(repeating: "books", count: 4))
        #expect(
            columns.map { ($0["embed"] as? [String: Any])?["optional"] as? Bool } == Array(repeating: false, count: 3)
                + Array(repeating: true, count: 4))
        let create = try #require(queries.first { $0["name"] as? String == "CreateAuthor" })
        #expect((create["columns"] as? [[String: Any]])?.allSatisfy { $0["embed"] == nil } == true)
    }

    /// The sqlc project in Tests/SQLCProjectTests generates as it is: its committed Swift is
    /// what the tool writes, with notes for the Go options and a warning for `:execlastid`.
    @Test func theSQLCProjectGeneratesWithoutEdits() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = Self.repository.appendingPathComponent("Tests/SQLCProjectTests/sqlc.yaml").path
        let diff = try Self.run(["diff", "-f", config], in: folder)
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.isEmpty)
        #expect(!diff.stderr.contains("error:"))
        #expect(diff.stderr.contains("warning: :execlastid needs a last-insert id"))
        #expect(diff.stderr.contains("db/queries/teams.sql:9:1: note: statement has no \"-- name: Name :command\" annotation; skipped"))
    }

    @Test func aBadConfigKeyIsNamed() throws {
        let project = try Self.copyOfBankProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let config = project.appendingPathComponent("sqlc.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "emit_mock:", with: "emit_mokc:").write(to: config, atomically: true, encoding: .utf8)
        let compile = try Self.run(["compile"], in: project)
        #expect(compile.status == 1)
        #expect(compile.stderr.contains("sql[0].gen.swift.emit_mokc: unknown key (did you mean \"emit_mock\"?)"))
    }
}
