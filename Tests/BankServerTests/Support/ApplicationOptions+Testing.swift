import Logging

@testable import BankServer

extension ApplicationOptions {
    /// How long a test lets a request wait for the database. A full parallel `make test` on two
    /// cores can keep a first connection waiting for seconds; the deadlines themselves have tests
    /// of their own that set them short.
    static let testDatabaseTimeout: Duration = .seconds(60)

    /// Options for an application under test: its logs recorded, cheap bcrypt, two pooled
    /// connections (many servers share the test cluster's connection budget), and database
    /// deadlines that only a dead database reaches.
    static func testing(logger: Logger) -> ApplicationOptions {
        var options = ApplicationOptions()
        options.logger = logger
        options.passwordHasher = PasswordHasher(cost: 4)
        options.databaseConnections = 2
        options.healthCheckTimeout = testDatabaseTimeout
        options.databaseTimeout = testDatabaseTimeout
        options.databaseTimeoutWhileUnreachable = testDatabaseTimeout
        return options
    }
}
