import Foundation
import Testing

@testable import BankServer

@Suite("LogMailer")
struct LogMailerTests {
    @Test("logs the verification link at info, with the address and username")
    func logsLink() async throws {
        let recorder = LogRecorder()
        let mailer: any Mailer = LogMailer(logger: recorder.makeLogger())
        let link = try #require(URL(string: "http://localhost:8080/verify_email?email_id=7&secret_code=abc"))
        try await mailer.sendVerificationEmail(to: "alice@example.com", username: "alice", link: link)
        let record = try #require(recorder.records.first)
        #expect(recorder.records.count == 1)
        #expect(record.level == .info)
        #expect(record.metadata["link"]?.description == link.absoluteString)
        #expect(record.metadata["to"]?.description == "alice@example.com")
        #expect(record.metadata["username"]?.description == "alice")
    }
}
