import Foundation

/// The repository root, found from this file's path, so tests can read committed files
/// (`app.env`, `openapi.yaml`) wherever they run from.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // BankServerTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()
