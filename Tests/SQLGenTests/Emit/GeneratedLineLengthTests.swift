import Foundation
import Testing

/// Generated code keeps to the repository's swift-format line length, which reports a line of
/// 150 characters: every committed generated file (the bank, the runtime fixtures with every
/// support type, the sqlc project) and every golden expectation. The diff tests keep those files
/// equal to what the generator writes now. A line that is one string literal (a statement's SQL)
/// is left long, as swift-format leaves it.
@Suite struct GeneratedLineLengthTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [
        "Sources/BankDB/Generated", "Tests/GeneratedRuntimeTests/Generated", "Tests/SQLCProjectTests/Generated",
        "Tests/SQLGenTests/Cases",
    ])
    func noLineReachesTheLimit(_ folder: String) throws {
        let root = Self.repository.appendingPathComponent(folder)
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") || $0.hasSuffix(".swift.txt") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.count >= 150 && !line.trimmingCharacters(in: .whitespaces).hasPrefix("\"") {
                Issue.record("\(folder)/\(file):\(index + 1): \(line.count) characters")
            }
        }
    }
}
