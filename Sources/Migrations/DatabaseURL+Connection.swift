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

    private func tls() throws(MigrationError) -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable:
            return .disable
        case .allow, .prefer:
            tls.certificateVerification = .none
        case .require:
            tls.certificateVerification = sslRootCertificate == nil ? .none : .noHostnameVerification
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
        case .verifyFull:
            tls.certificateVerification = .fullVerification
        }
        let context: NIOSSLContext
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
            file = ""
            context = try NIOSSLContext(configuration: tls)
        } catch {
            let subject = file.isEmpty ? "" : "cannot load '\(file)': "
            throw .invalidTLSConfiguration(reason: subject + String(describing: error))
        }
        switch sslMode {
        case .disable, .allow, .prefer:
            return .prefer(context)
        case .require, .verifyCA, .verifyFull:
            return .require(context)
        }
    }
}
