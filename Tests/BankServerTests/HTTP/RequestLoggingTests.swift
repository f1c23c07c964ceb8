import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

@Suite("Request logging")
struct RequestLoggingTests {
    @Test("one info line per request with method, path, status, duration and request id; no query string")
    func oneLinePerRequest() async throws {
        let recorder = LogRecorder()
        try await TestApp.make(logger: recorder.makeLogger()).test(.router) { client in
            try await client.execute(uri: "/items/7?secret_code=s3cr3t&email_id=1", method: .get)
            try await client.execute(uri: "/boom", method: .get)
            try await client.execute(uri: "/nope?token=abc", method: .get)
        }
        let lines = recorder.records.filter { $0.metadata["http.path"] != nil }
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.level == .info && $0.metadata["hb.request.id"] != nil && $0.metadata["duration_ms"] != nil })
        #expect(lines.map { $0.metadata["http.status"]?.description } == ["200", "500", "404"])
        #expect(lines.map { $0.metadata["http.path"]?.description } == ["/items/7", "/boom", "/nope"])
        #expect(lines[0].message.hasPrefix("GET /items/7 200 "))
        #expect(lines[0].message.hasSuffix("ms"))
        #expect(!recorder.records.contains { $0.fullText.contains("s3cr3t") || $0.fullText.contains("token=abc") })
    }
}
