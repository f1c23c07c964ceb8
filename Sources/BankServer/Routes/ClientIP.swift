import Foundation
import HTTPTypes
import Hummingbird

/// Where a request came from, as recorded with a login session.
enum ClientIP {
    /// The first address of `X-Forwarded-For` when a proxy set it (the original client), else
    /// the connection's peer address, else "" (router tests have no connection).
    ///
    /// The header is not trusted for anything but this record: a client can write any value
    /// into it, so it must never decide access.
    static func of(_ request: Request, context: BankRequestContext) -> String {
        if let forwarded = request.headers[.xForwardedFor],
            let first = forwarded.split(separator: ",").first?.trimmingCharacters(in: .whitespaces),
            !first.isEmpty
        {
            // Bounded so that a hostile header cannot fill the column.
            return String(first.prefix(64))
        }
        return context.remoteAddress?.ipAddress ?? ""
    }
}

extension HTTPField.Name {
    /// `X-Forwarded-For` (de-facto standard, not in the HTTP field registry).
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
