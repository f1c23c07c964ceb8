import Foundation

@testable import BankServer

/// A ``Mailer`` that keeps the links it is asked to send, or fails when told to.
final class RecordingMailer: Mailer, @unchecked Sendable {
    struct Mail: Sendable {
        var email: String
        var username: String
        var link: URL
    }

    struct Failure: Error {}

    // Guarded by `lock`.
    private var storage: [Mail] = []
    private let lock = NSLock()
    let fails: Bool

    init(fails: Bool = false) {
        self.fails = fails
    }

    var mails: [Mail] { lock.withLock { storage } }

    func sendVerificationEmail(to email: String, username: String, link: URL) async throws {
        if fails { throw Failure() }
        lock.withLock { storage.append(Mail(email: email, username: username, link: link)) }
    }
}
