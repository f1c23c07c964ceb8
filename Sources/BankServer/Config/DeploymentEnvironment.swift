/// Where the server runs, from `ENVIRONMENT`.
///
/// Only `production` changes behaviour today: it makes `TOKEN_PRIVATE_KEY` mandatory instead of
/// generating a throwaway key (see ``TokenMakerFactory``).
public enum DeploymentEnvironment: String, Sendable, CaseIterable, CustomStringConvertible {
    /// A developer's machine (the default).
    case development
    /// A real deployment.
    case production
    /// Automated tests.
    case test

    /// Reads a value case-insensitively, so that `Production` cannot quietly start a production
    /// server with development defaults.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    public var description: String { rawValue }
}
