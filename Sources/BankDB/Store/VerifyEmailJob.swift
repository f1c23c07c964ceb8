/// The job `createUserTx` queues with each new user: mail the link of one `verify_emails` row.
///
/// The payload names the row, not its secret code: the worker reads the code when it sends, so
/// the queue holds no secret.
///
/// ```swift
/// let job = try await queries.enqueueJob(
///     kind: VerifyEmailJob.kind, payload: VerifyEmailJob(verifyEmailID: 42).payload, maxAttempts: VerifyEmailJob.maxAttempts)
/// VerifyEmailJob(payload: job.payload)?.verifyEmailID  // 42
/// ```
public struct VerifyEmailJob: Sendable, Hashable {
    /// The `jobs.kind` of these jobs.
    public static let kind = "send_verify_email"
    /// Sends tried before the job is left dead. With the worker's default backoff (1 s doubling,
    /// at most 5 minutes) the last try comes about 10 minutes after the first, inside the code's
    /// 15 minutes of validity.
    public static let maxAttempts: Int32 = 8

    public var verifyEmailID: Int64

    public init(verifyEmailID: Int64) {
        self.verifyEmailID = verifyEmailID
    }

    /// Reads a payload written by ``payload``; nil for anything else.
    public init?(payload: JSONValue) {
        guard case .object(let fields) = payload, case .number(let id)? = fields["verify_email_id"],
            let verifyEmailID = Int64(exactly: id), verifyEmailID > 0
        else { return nil }
        self.verifyEmailID = verifyEmailID
    }

    /// `{"verify_email_id": 42}`.
    public var payload: JSONValue { .object(["verify_email_id": .number(Double(verifyEmailID))]) }
}
