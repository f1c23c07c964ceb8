import Foundation
import Logging

/// A ``Mailer`` that writes the verification link to the log at `info` instead of sending mail,
/// so a developer can verify an account by copying the link.
///
/// It logs the link because that is its whole purpose; it must therefore not be used where logs
/// are readable by others than the account owner (production). It never sees a password.
public struct LogMailer: Mailer {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func sendVerificationEmail(to email: String, username: String, link: URL) async throws {
        logger.info(
            "verification email (not sent: LogMailer)",
            metadata: ["to": .string(email), "username": .string(username), "link": .string(link.absoluteString)]
        )
    }
}
