import BankDB
import Foundation
import Hummingbird

/// `GET /verify_email?email_id=&secret_code=`: the link mailed after `POST /users`.
struct VerifyEmailRoutes: Sendable {
    /// The length of the codes BankDB generates; openapi.yaml allows up to this maximum so that
    /// longer codes can come later without breaking clients.
    static let secretCodeLength = 32...128

    let dependencies: BankServerDependencies

    func addRoutes(to router: Router<BankRequestContext>) {
        router.detached("verify_email", method: .get, use: verify)
    }

    /// A wrong, used or expired code is a 404 (no matching verification), as openapi.yaml says.
    @Sendable func verify(_ request: Request, context: BankRequestContext) async throws -> VerifyEmailResponse {
        let query = request.uri.queryParameters
        guard let idText = query.get("email_id") else { throw APIError.badRequest("email_id is required") }
        guard let emailID = Int64(idText) else { throw APIError.badRequest("email_id must be an integer") }
        try Validation.id(emailID, field: "email_id")
        guard let secretCode = query.get("secret_code") else { throw APIError.badRequest("secret_code is required") }
        guard Self.secretCodeLength.contains(secretCode.count), secretCode.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else {
            throw APIError.badRequest("secret_code must be 32 to 128 letters and digits")
        }

        let result = try await dependencies.store.verifyEmailTx(emailID: emailID, secretCode: secretCode)
        return VerifyEmailResponse(isVerified: result.user.isEmailVerified)
    }
}
