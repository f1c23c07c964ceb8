import HummingbirdBcrypt
import NIOPosix

/// Hashes and checks user passwords with bcrypt.
///
/// Bcrypt is deliberately slow (about a quarter of a second at cost 12), so both operations run
/// on NIO's thread pool instead of blocking the event loop or Swift's cooperative pool. Tests
/// use cost 4, the minimum, to stay fast.
///
/// Bcrypt reads at most 72 bytes of a password; longer passwords (the API allows 100
/// characters) are compared on their first 72 bytes, as in the reference system.
public struct PasswordHasher: Sendable, CustomStringConvertible {
    /// The default work factor: 2^12 rounds.
    public static let defaultCost: UInt8 = 12
    /// The range bcrypt accepts.
    public static let costRange: ClosedRange<UInt8> = 4...31

    /// log2 of the number of rounds.
    public let cost: UInt8

    /// A hasher with `cost` (4…31).
    ///
    /// - Precondition: `cost` is in ``costRange`` (a programming error otherwise, as in Bcrypt itself).
    public init(cost: UInt8 = PasswordHasher.defaultCost) {
        precondition(Self.costRange.contains(cost), "bcrypt cost must be between 4 and 31")
        self.cost = cost
    }

    /// A salted bcrypt hash of `password` (`$2b$12$…`, 60 characters).
    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`. A malformed hash simply does not match.
    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    public var description: String { "PasswordHasher(bcrypt, cost: \(cost))" }
}
