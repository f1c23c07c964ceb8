import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// The request context of every bank route.
///
/// - ``identity`` is the verified token payload once ``BearerTokenAuthenticator`` has run.
/// - Bodies are JSON in snake_case with RFC 3339 dates (``BankJSON``), decoded by
///   ``BankRequestDecoder`` (415/413/400 as problem details).
/// - Bodies are limited to ``maximumBodySize`` (64 KiB): the largest legitimate request (a user
///   with a 100-character name and password) is a few hundred bytes, and a small limit keeps a
///   client from tying up memory.
public struct BankRequestContext: AuthRequestContext, RequestContext, RemoteAddressRequestContext {
    /// The body size limit of every request, in bytes.
    public static let maximumBodySize = 64 * 1024

    public var coreContext: CoreRequestContextStorage
    /// Who sent the request, once authenticated.
    public var identity: TokenPayload?
    /// The peer of the connection (the client, or the proxy in front of the server); nil when
    /// there is none, as in router tests. Recorded with login sessions.
    public let remoteAddress: SocketAddress?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.remoteAddress = source.channel.remoteAddress
    }

    public var maxUploadSize: Int { Self.maximumBodySize }

    public var requestDecoder: BankRequestDecoder { BankRequestDecoder() }

    public var responseEncoder: JSONEncoder { BankJSON.makeEncoder() }
}
