import BankDB
import Foundation

/// Mails the link of a ``VerifyEmailJob``: reads the verify-email row (its address and code),
/// builds the link on the public base URL and hands it to the ``Mailer``. A used code needs no
/// mail; a row that is gone makes the job dead.
public struct VerifyEmailJobHandler: JobHandler {
    public let kind = VerifyEmailJob.kind
    let queries: any Querier
    let mailer: any Mailer
    let publicBaseURL: URL

    public init(queries: any Querier, mailer: any Mailer, publicBaseURL: URL) {
        self.queries = queries
        self.mailer = mailer
        self.publicBaseURL = publicBaseURL
    }

    public func run(_ job: Job) async throws {
        guard let payload = VerifyEmailJob(payload: job.payload) else {
            throw JobFailure.permanent("payload is not a verify-email job")
        }
        guard let verifyEmail = try await queries.getVerifyEmail(id: payload.verifyEmailID) else {
            throw JobFailure.permanent("verify email \(payload.verifyEmailID) does not exist")
        }
        guard !verifyEmail.isUsed else { return }
        let link = Self.link(base: publicBaseURL, emailID: verifyEmail.id, secretCode: verifyEmail.secretCode)
        try await mailer.sendVerificationEmail(to: verifyEmail.email, username: verifyEmail.username, link: link)
    }

    /// `<base>/verify_email?email_id=…&secret_code=…`, keeping a path the base may have.
    public static func link(base: URL, emailID: Int64, secretCode: String) -> URL {
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false) ?? URLComponents()
        let path = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = path + "/verify_email"
        components.queryItems = [
            URLQueryItem(name: "email_id", value: String(emailID)),
            URLQueryItem(name: "secret_code", value: secretCode),
        ]
        // The base is a checked absolute URL, and only digits and letters are added.
        return components.url ?? base
    }
}
