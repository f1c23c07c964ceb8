/// Builds the server's ``TokenMaker`` from its ``TokenConfiguration``, checking every key with an
/// error that names it.
public enum TokenMakerFactory {
    /// What the server needs from start-up: the maker, and a warning to log when something was
    /// filled in for development (the warning never contains key material).
    public struct Result: Sendable {
        /// The maker for `configuration.type`.
        public let maker: any TokenMaker
        /// Set when a key was generated because none was configured.
        public let warning: String?
    }

    /// The `ENVIRONMENT` value in which a missing `TOKEN_PRIVATE_KEY` is an error.
    public static let productionEnvironment = "production"

    /// Makes the maker for `configuration`.
    ///
    /// - Parameter environment: the server's `ENVIRONMENT`. In `production` (any case) a missing
    ///   `TOKEN_PRIVATE_KEY` is an error; elsewhere a random key is generated for this process and
    ///   ``Result/warning`` says so, since its tokens die with the process and are not shared
    ///   between replicas.
    /// - Throws: ``TokenConfigurationError`` naming the offending key.
    public static func makeTokenMaker(
        _ configuration: TokenConfiguration,
        environment: String
    ) async throws(TokenConfigurationError) -> Result {
        let symmetricKeyName = TokenConfiguration.Key.symmetricKey
        switch configuration.type {
        case .pasetoV4Public:
            return try makePasetoV4Public(configuration.privateKey, environment: environment)
        case .pasetoV3Local:
            let key = Array((configuration.symmetricKey ?? "").utf8)
            guard key.count == 32 else {
                throw TokenConfigurationError("\(symmetricKeyName) must be exactly 32 characters for \(TokenType.pasetoV3Local) (got \(key.count))")
            }
            return Result(maker: try PasetoV3LocalMaker(key: key), warning: nil)
        case .jwt:
            let secret = Array((configuration.symmetricKey ?? "").utf8)
            guard secret.count >= JWTMaker.minimumSecretByteCount else {
                throw TokenConfigurationError(
                    "\(symmetricKeyName) must be at least \(JWTMaker.minimumSecretByteCount) characters for \(TokenType.jwt) (got \(secret.count))"
                )
            }
            return Result(maker: try await JWTMaker(secret: secret), warning: nil)
        }
    }

    private static func makePasetoV4Public(_ hexSeed: String?, environment: String) throws(TokenConfigurationError) -> Result {
        let name = TokenConfiguration.Key.privateKey
        let format = "64 hexadecimal characters (the Ed25519 seed)"
        guard let hexSeed else {
            // Case-insensitive, so that `ENVIRONMENT=Production` cannot quietly start a production
            // server with a throwaway key.
            guard environment.lowercased() != productionEnvironment else {
                throw TokenConfigurationError("\(name) is required when ENVIRONMENT=\(productionEnvironment): \(format)")
            }
            var generator = SystemRandomNumberGenerator()
            let seed = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let warning =
                "\(name) is not set: generated a random Ed25519 key for this process (ENVIRONMENT is not \(productionEnvironment)). "
                + "Its tokens stop verifying when the server restarts and are not accepted by other instances; "
                + "set \(name) to \(format) to keep them."
            return Result(maker: try PasetoV4PublicMaker(seed: seed), warning: warning)
        }
        guard hexSeed.utf8.count == 64, let seed = Hex.decode(hexSeed) else {
            throw TokenConfigurationError("\(name) must be \(format)")
        }
        return Result(maker: try PasetoV4PublicMaker(seed: seed), warning: nil)
    }
}
