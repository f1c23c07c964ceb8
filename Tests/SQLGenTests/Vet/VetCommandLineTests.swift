import Foundation
import Testing

/// `swift-sqlgen vet` as a user runs it, on a copy of the bank project: the bank is clean,
/// warnings keep the exit status 0, an error makes it 1, and a summary line ends the output.
@Suite struct VetCommandLineTests {
    typealias CLI = CommandLineTests

    /// The bank's annotated queries, counted in the query files themselves.
    static func bankQueryCount(_ project: URL) throws -> Int {
        let folder = project.appendingPathComponent("db/query")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            .map { $0.components(separatedBy: "-- name:").count - 1 }.reduce(0, +)
    }

    static func append(_ text: String, toQueriesOf project: URL) throws -> Int {
        let file = project.appendingPathComponent("db/query/account.sql")
        let old = try String(contentsOf: file, encoding: .utf8)
        try (old + text).write(to: file, atomically: true, encoding: .utf8)
        // The line the appended text starts on.
        return old.components(separatedBy: "\n").count
    }

    @Test func vetOnTheBankIsClean() throws {
        let project = try CLI.copyOfBankProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let queries = try Self.bankQueryCount(project)
        #expect(queries >= 24)
        let output = try CLI.run(["vet"], in: project)
        #expect(output.status == 0)
        #expect(output.stderr == "vet: \(queries) queries, 0 errors, 0 warnings\n")
        #expect(output.stdout.isEmpty)
    }

    /// Runs `vet` on a copy of the bank with `queries` appended to account.sql; returns the
    /// output, the line the appended text starts on and the bank's query count before it.
    static func vetBank(appending queries: String, arguments: [String] = ["vet"]) throws
        -> (output: CommandLineTests.Output, line: Int, bankQueries: Int)
    {
        let project = try CLI.copyOfBankProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let count = try bankQueryCount(project)
        let line = try append(queries, toQueriesOf: project)
        return (try CLI.run(arguments, in: project), line, count)
    }

    @Test func aWarningIsPrintedAndTheStatusStaysZero() throws {
        let (output, line, queries) = try Self.vetBank(
            appending: "\n-- name: ListOwners :many\nSELECT owner FROM accounts LIMIT 5;\n", arguments: ["vet", "-f", "sqlc.yaml"])
        #expect(output.status == 0)
        #expect(
            output.stderr.components(separatedBy: "\n") == [
                "db/query/account.sql:\(line + 2):28: warning: LIMIT without ORDER BY picks arbitrary rows: PostgreSQL "
                    + "returns rows in no defined order; add an ORDER BY [limit-without-order-by]",
                "vet: \(queries + 1) queries, 0 errors, 1 warning", "",
            ])
    }

    @Test func anErrorFindingMakesTheStatusOne() throws {
        let (output, line, queries) = try Self.vetBank(appending: "\n-- name: ResetBalances :exec\nUPDATE accounts SET balance = 0;\n")
        #expect(output.status == 1)
        #expect(
            output.stderr.components(separatedBy: "\n") == [
                "db/query/account.sql:\(line + 2):8: error: UPDATE of \"accounts\" has no WHERE clause: it changes every "
                    + "row of the table [update-without-where]",
                "vet: \(queries + 1) queries, 1 error, 0 warnings", "",
            ])
    }

    @Test func anAnalysisErrorFailsVetToo() throws {
        let (output, line, queries) = try Self.vetBank(appending: "\n-- name: Broken :many\nSELECT ownr FROM accounts ORDER BY id;\n")
        #expect(output.status == 1)
        #expect(
            output.stderr.components(separatedBy: "\n") == [
                "db/query/account.sql:\(line + 2):8: error: column \"ownr\" does not exist (did you mean \"owner\"?)",
                "vet: \(queries) queries, 1 error, 0 warnings", "",
            ])
    }
}
