import Foundation
import PostgresTestSupport
import Testing

@testable import SQLGen

/// The corpus (Tests/Corpus): every annotated query of every project is analyzed, and PostgreSQL
/// reports the same parameter and column types when it prepares them. Part of `VerifierTests`,
/// which runs serialized, because each project's verification has a scratch database.
extension VerifierTests {
    static var corpusProjects: [URL] {
        let corpus = repository.appendingPathComponent("Tests/Corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.sorted().map { corpus.appendingPathComponent($0) }.filter {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("sqlc.yaml").path)
        }
    }

    /// The `-- name:` annotations of a project's query files.
    static func annotatedQueries(in project: URL) -> Int {
        let folder = project.appendingPathComponent("queries")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".sql") }.reduce(0) { count, file in
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            return count + text.components(separatedBy: "\n").filter { $0.hasPrefix("-- name:") }.count
        }
    }

    @Test func theCorpusAgreesWithPostgreSQL() throws {
        let projects = Self.corpusProjects
        #expect(projects.count >= 10)
        var queries = 0
        var parameters = 0
        var columns = 0
        var unmapped = 0
        for project in projects {
            let result = Pipeline.run(configPath: project.appendingPathComponent("sqlc.yaml").path)
            // Types without a Swift mapping stop generation but not the analysis.
            let errors = result.diagnostics.filter { $0.severity == .error }
            let otherErrors = errors.filter { !$0.message.contains("which has no Swift mapping") }
            unmapped += errors.count - otherErrors.count
            #expect(otherErrors.map(\.description) == [], "\(project.lastPathComponent)")
            let package = try #require(result.packages.first)
            #expect(package.queries.count == Self.annotatedQueries(in: project), "\(project.lastPathComponent)")
            let report = try Self.verify(package)
            #expect(report.diagnostics.map(\.description) == [], "\(project.lastPathComponent)")
            queries += report.queries
            parameters += report.parameters
            columns += report.columns
        }
        print(
            "corpus: \(projects.count) projects, queries \(queries), parameters \(parameters), columns \(columns), "
                + "disagreements 0; \(unmapped) uses of types without a Swift mapping")
        #expect(queries >= 1_000)
    }
}
