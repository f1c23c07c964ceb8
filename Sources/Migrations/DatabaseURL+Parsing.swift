import Foundation

extension DatabaseURL {
    /// Parses a connection URL.
    ///
    /// Accepted: `postgresql://` or `postgres://`; `user[:password]@` with percent-encoding
    /// (`p%40ss` for `p@ss`); `host`, `[ipv6]` or a percent-encoded socket folder (`%2Ftmp`);
    /// `:port` (default 5432); `/database` (default: the user name). Query parameters:
    /// - `sslmode` = `disable` | `allow` | `prefer` (default) | `require` | `verify-ca` | `verify-full`,
    ///   `sslrootcert`, `sslcert`, `sslkey` (PEM files);
    /// - `host` (a folder starting with `/` selects a Unix socket `<folder>/.s.PGSQL.<port>`),
    ///   `port`, `user`, `password`, `dbname`, `connect_timeout` (seconds) override the URL's parts;
    /// - `x-migrations-table` names the bookkeeping table; other `x-…` parameters are
    ///   golang-migrate driver options and are ignored, as golang-migrate strips them too;
    /// - anything else (`application_name`, `search_path`, …) is sent to the server at startup.
    ///
    /// Without a user name the `PGUSER` or `USER` environment variable is used, as libpq does.
    ///
    /// - Throws: ``MigrationError/invalidDatabaseURL(url:reason:)`` naming what is wrong.
    public init(_ string: String) throws(MigrationError) {
        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
        func invalid(_ reason: String) -> MigrationError {
            .invalidDatabaseURL(url: Self.maskingPassword(in: trimmed), reason: reason)
        }
        guard !trimmed.isEmpty else {
            throw invalid("expected postgresql://user:password@host:port/database")
        }
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw invalid("missing scheme; expected postgresql://user:password@host:port/database")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "postgresql" || scheme == "postgres" else {
            throw invalid("unsupported scheme '\(scheme)://'; expected postgresql:// or postgres://")
        }

        var rest = Substring(trimmed[schemeEnd.upperBound...])
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query = Substring("")
        if let question = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }

        // Authority: [user[:password]@]host[:port]; the password may hold '@' only percent-encoded,
        // but splitting at the last '@' also accepts it raw, as Go's net/url does.
        var user: String?
        var password: String?
        var hostPort = rest
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            hostPort = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try Self.decode(userInfo[..<colon], "user name", invalid)
                password = try Self.decode(userInfo[userInfo.index(after: colon)...], "password", invalid)
            } else {
                user = try Self.decode(userInfo, "user name", invalid)
            }
        }

        var host: String?
        var port: Int?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw invalid("missing ']' after IPv6 address") }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw invalid("unexpected '\(after)' after IPv6 address") }
                port = try Self.parsePort(after.dropFirst(), invalid)
            }
        } else {
            if hostPort.contains(",") { throw invalid("several hosts are not supported") }
            if let colon = hostPort.lastIndex(of: ":") {
                port = try Self.parsePort(hostPort[hostPort.index(after: colon)...], invalid)
                hostPort = hostPort[..<colon]
            }
            if !hostPort.isEmpty { host = try Self.decode(hostPort, "host", invalid) }
        }

        var database = path.isEmpty ? nil : try Self.decode(path, "database name", invalid)
        var sslMode = SSLMode.prefer
        var rootCert: String?
        var cert: String?
        var key: String?
        var timeout: Int?
        var table: String?
        var parameters: [Parameter] = []

        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0], "parameter name", invalid)
            let value = parts.count > 1 ? try Self.decode(parts[1], "value of '\(name)'", invalid) : ""
            guard !name.isEmpty else { throw invalid("query parameter without a name") }
            switch name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value.lowercased()) else {
                    let modes = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw invalid("unknown sslmode '\(value)'; expected one of \(modes)")
                }
                sslMode = mode
            case "host": host = value.isEmpty ? host : value
            case "port": port = try Self.parsePort(Substring(value), invalid)
            case "user": user = value
            case "password": password = value
            case "dbname": database = value
            case "sslrootcert": rootCert = value
            case "sslcert": cert = value
            case "sslkey": key = value
            case "connect_timeout":
                guard let seconds = Int(value), seconds >= 0 else {
                    throw invalid("connect_timeout '\(value)' is not a whole number of seconds")
                }
                timeout = seconds
            case "x-migrations-table":
                guard !value.isEmpty else { throw invalid("x-migrations-table is empty") }
                table = value
            case _ where name.hasPrefix("x-"):
                continue
            default:
                parameters.append(Parameter(name: name, value: value))
            }
        }

        let environment = ProcessInfo.processInfo.environment
        guard let userName = user.flatMap({ $0.isEmpty ? nil : $0 }) ?? environment["PGUSER"] ?? environment["USER"]
        else {
            throw invalid("missing user name (postgresql://USER:password@host/database)")
        }

        let resolvedPort = port ?? 5432
        let resolvedHost = host ?? "localhost"
        self.user = userName
        self.password = password
        self.database = database?.isEmpty == true ? nil : database
        self.endpoint =
            resolvedHost.hasPrefix("/")
            ? .unixSocket(directory: resolvedHost, port: resolvedPort)
            : .tcp(host: resolvedHost, port: resolvedPort)
        self.sslMode = sslMode
        self.sslRootCertificate = rootCert
        self.sslCertificate = cert
        self.sslKey = key
        self.connectTimeout = timeout
        self.migrationsTable = table
        self.parameters = parameters
    }

    private static func parsePort(
        _ text: Substring, _ invalid: (String) -> MigrationError
    ) throws(MigrationError) -> Int {
        guard !text.isEmpty, text.allSatisfy({ ("0"..."9").contains($0) }), let port = Int(text), (1...65535).contains(port) else {
            throw invalid("invalid port '\(text)'; expected a number from 1 to 65535")
        }
        return port
    }

    /// Percent-decodes one URL part, rejecting malformed escapes instead of guessing.
    private static func decode(
        _ text: Substring, _ what: String, _ invalid: (String) -> MigrationError
    ) throws(MigrationError) -> String {
        var bytes: [UInt8] = []
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = utf8.next().flatMap(hexValue), let low = utf8.next().flatMap(hexValue) else {
                throw invalid("malformed percent-encoding in the \(what)")
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw invalid("the \(what) is not valid UTF-8 after percent-decoding")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Replaces the password of a URL-looking string with `****`, for error messages.
    static func maskingPassword(in url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return maskingPasswordParameter(in: url)
        }
        var masked = url
        masked.replaceSubrange(masked.index(after: colon)..<at, with: "****")
        return maskingPasswordParameter(in: masked)
    }

    private static func maskingPasswordParameter(in url: String) -> String {
        guard let range = url.range(of: "password=") else { return url }
        let valueEnd = url[range.upperBound...].firstIndex(where: { $0 == "&" || $0 == "#" }) ?? url.endIndex
        var masked = url
        masked.replaceSubrange(range.upperBound..<valueEnd, with: "****")
        return masked
    }
}

extension DatabaseURL: CustomStringConvertible {
    /// The URL with its password masked, safe for logs and messages.
    public var description: String {
        var url = "postgresql://" + Self.encode(user)
        if password != nil { url += ":****" }
        url += "@"
        var query: [String] = []
        switch endpoint {
        case .tcp(let host, let port):
            url += (host.contains(":") ? "[\(host)]" : Self.encode(host)) + ":\(port)"
        case .unixSocket(let directory, let port):
            url += ":\(port)"
            query.append("host=" + Self.encode(directory))
        }
        url += "/" + Self.encode(database ?? "")
        query.append("sslmode=\(sslMode.rawValue)")
        if let sslRootCertificate { query.append("sslrootcert=" + Self.encode(sslRootCertificate)) }
        if let sslCertificate { query.append("sslcert=" + Self.encode(sslCertificate)) }
        if let sslKey { query.append("sslkey=" + Self.encode(sslKey)) }
        if let connectTimeout { query.append("connect_timeout=\(connectTimeout)") }
        if let migrationsTable { query.append("x-migrations-table=" + Self.encode(migrationsTable)) }
        for parameter in parameters { query.append(Self.encode(parameter.name) + "=" + Self.encode(parameter.value)) }
        return url + "?" + query.joined(separator: "&")
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
