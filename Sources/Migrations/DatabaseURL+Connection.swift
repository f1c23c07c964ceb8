import PostgresNIO

extension DatabaseURL {
    /// A PostgresNIO connection configuration for this URL.
    ///
    /// TLS follows libpq's meaning of `sslmode`: `prefer`/`allow` and `require` encrypt without
    /// verifying the server's certificate (unless `require` comes with `sslrootcert`), `verify-ca`
    /// checks the chain, `verify-full` the chain and the host name. Unix sockets never use TLS.
    ///
    /// - Throws: ``MigrationError/invalidTLSConfiguration(reason:)`` when a certificate or key
    ///   file cannot be loaded.
    public func connectionConfiguration() throws(MigrationError) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            configuration = .init(
                host: host, port: port, username: user, password: password, database: database, tls: try tls())
        case .unixSocket:
            configuration = .init(
                unixSocketPath: endpoint.socketPath ?? "", username: user, password: password, database: database)
        }
        if let connectTimeout {
            configuration.options.connectTimeout = .seconds(Int64(connectTimeout))
        }
        configuration.options.additionalStartupParameters = parameters.map { ($0.name, $0.value) }
        return configuration
    }

    /// The pool configuration for this URL, for a `PostgresClient` (the server and the tests use
    /// one; migrations use a single connection).
    ///
    /// - Throws: ``MigrationError/invalidTLSConfiguration(reason:)`` when a certificate or key cannot be loaded.
    public func clientConfiguration() throws(MigrationError) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            let tls: PostgresClient.Configuration.TLS
            switch try tlsSettings() {
            case nil: tls = .disable
            case (let settings, false)?: tls = .prefer(settings)
            case (let settings, true)?: tls = .require(settings)
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        case .unixSocket:
            configuration = .init(unixSocketPath: endpoint.socketPath ?? "", username: user, password: password, database: database)
        }
        if let connectTimeout {
            configuration.options.connectTimeout = .seconds(connectTimeout)
        }
        configuration.options.additionalStartupParameters = parameters.map { ($0.name, $0.value) }
        return configuration
    }

    private func tls() throws(MigrationError) -> PostgresConnection.Configuration.TLS {
        guard let (settings, required) = try tlsSettings() else { return .disable }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: settings)
        } catch {
            throw .invalidTLSConfiguration(reason: String(describing: error))
        }
        return required ? .require(context) : .prefer(context)
    }

    /// The TLS settings `sslmode` asks for and whether TLS is required; nil when it is disabled.
    private func tlsSettings() throws(MigrationError) -> (TLSConfiguration, required: Bool)? {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable:
            return nil
        case .allow, .prefer:
            tls.certificateVerification = .none
        case .require:
            tls.certificateVerification = sslRootCertificate == nil ? .none : .noHostnameVerification
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
        case .verifyFull:
            tls.certificateVerification = .fullVerification
        }
        var file = ""
        do {
            if let sslRootCertificate {
                file = sslRootCertificate
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(sslRootCertificate))
            }
            if let sslCertificate {
                file = sslCertificate
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(sslCertificate).map { .certificate($0) }
            }
            if let sslKey {
                file = sslKey
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: sslKey, format: .pem))
            }
        } catch {
            let subject = file.isEmpty ? "" : "cannot load '\(file)': "
            throw .invalidTLSConfiguration(reason: subject + String(describing: error))
        }
        switch sslMode {
        case .disable, .allow, .prefer: return (tls, false)
        case .require, .verifyCA, .verifyFull: return (tls, true)
        }
    }
}
