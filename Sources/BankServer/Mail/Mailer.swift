import Foundation

/// Sends the emails the bank needs. The server depends on this protocol so that deployments
/// can plug in a real provider while development and tests use ``LogMailer``.
public protocol Mailer: Sendable {
    /// Sends `username` the link that verifies `email` (`GET /verify_email?email_id=…&secret_code=…`).
    func sendVerificationEmail(to email: String, username: String, link: URL) async throws
}
