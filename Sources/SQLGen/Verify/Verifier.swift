/// `swift-sqlgen verify`: checks the static analysis against PostgreSQL itself. It creates a
/// scratch database, applies the schema's statements in order, prepares every query and compares
/// the parameter types, result column count, names and types that PostgreSQL reports with the
/// analysis. (PostgreSQL 15's describe says nothing reliable about nullability, so nullability
/// is not compared.) The scratch database is dropped afterwards.
///
/// ```swift
/// let result = Pipeline.run(configPath: nil)
/// let report = Verifier(serverURL: "postgresql://root:secret@127.0.0.1/postgres").verify(result.packages[0])
/// report.diagnostics   // one per disagreement, at the query's annotation
/// ```
public struct Verifier: Sendable {
    /// What one package's verification found.
    public struct Report: Sendable {
        public var queries = 0
        public var parameters = 0
        public var columns = 0
        public var serverVersion = "unknown"
        /// The scratch database the run created and dropped, nil when it could not create one.
        public var scratchDatabase: String?
        /// Disagreements and queries PostgreSQL rejected (errors), in query order.
        public var diagnostics: [Diagnostic] = []

        /// `verified 24 queries (59 parameters, 129 columns) against PostgreSQL 15.18: 0 errors`
        public var summary: String {
            let problems = diagnostics.filter { $0.severity == .error }.count
            return "verified \(queries) queries (\(parameters) parameters, \(columns) columns) against PostgreSQL "
                + "\(serverVersion): \(problems) error\(problems == 1 ? "" : "s")"
        }
    }

    /// The server to create the scratch database on: a `postgresql://` URL or a `key=value`
    /// string; empty means libpq's defaults (`PGHOST`, `PGPORT`, `PGUSER`, … or the local socket).
    public var serverURL: String
    /// False: only prepare each query and report what PostgreSQL rejects, without comparing the
    /// types it reports with the analysis (`vet`'s `db-prepare` rule).
    public var comparesTypes: Bool

    public init(serverURL: String, comparesTypes: Bool = true) {
        self.serverURL = serverURL
        self.comparesTypes = comparesTypes
    }

    /// Makes SIGINT and SIGTERM drop the scratch database before the process exits.
    public static func dropScratchDatabasesOnInterrupt() {
        ScratchDatabase.dropAllOnInterrupt()
    }

    public func verify(_ package: Pipeline.PackageOutput) -> Report {
        var report = Report()
        do throws(LibPQConnection.Failure) {
            let scratch = try ScratchDatabase(on: serverURL)
            defer { scratch.drop() }
            report.scratchDatabase = scratch.name
            let migrator = try scratch.connect()
            try migrator.execute("SET client_min_messages = warning")
            report.serverVersion = migrator.serverVersion
            guard applySchema(package.schema, on: migrator, into: &report) else { return report }
            // A new session for the queries, as the application has: settings the schema made
            // for itself (pg_dump's `set_config('search_path', '', false)`) do not carry over.
            let connection = try scratch.connect()
            report.serverVersion = connection.serverVersion
            var types = ServerTypeNames(connection: connection)
            for query in package.queries {
                verify(query, on: connection, types: &types, into: &report)
            }
        } catch {
            report.diagnostics.append(.error("verify: \(error.message)", at: nil))
        }
        return report
    }

    /// Runs the schema's statements in order; false (with the diagnostic) when one fails.
    private func applySchema(_ schema: [SchemaStatement], on connection: LibPQConnection, into report: inout Report) -> Bool {
        // A DO block's statements run as part of the block itself.
        for statement in schema where !Self.concernsRolesOnly(statement.node) && !statement.isInsideDoBlock {
            do throws(LibPQConnection.Failure) {
                try connection.execute(statement.text)
            } catch {
                let offset = error.position.flatMap { PgQuery.utf8Offset(ofCursor: $0, in: statement.text) } ?? 0
                report.diagnostics.append(
                    .error(
                        "PostgreSQL rejects this schema statement: \(error.message)",
                        at: statement.sourceMap.location(ofStatementOffset: offset)))
                return false
            }
        }
        return true
    }

    /// Statements about roles and privileges: roles are the cluster's, not the scratch
    /// database's (a dump's `ALTER TABLE … OWNER TO app` names a role the production server
    /// has), and neither they nor privileges change the types of a query, so they are skipped.
    static func concernsRolesOnly(_ statement: PG.Node) -> Bool {
        switch statement {
        case .alterOwnerStmt, .grantStmt, .grantRoleStmt, .alterDefaultPrivilegesStmt, .createRoleStmt, .alterRoleStmt,
            .alterRoleSetStmt, .dropRoleStmt:
            return true
        case .alterTableStmt(let alter):
            return !alter.cmds.isEmpty
                && alter.cmds.allSatisfy { command in
                    if case .alterTableCmd(let command) = command { return command.subtype == .changeowner }
                    return false
                }
        default:
            return false
        }
    }

    private func verify(
        _ query: AnalyzedQuery, on connection: LibPQConnection, types: inout ServerTypeNames, into report: inout Report
    ) {
        let location = query.annotationLocation
        report.queries += 1
        report.parameters += query.parameters.count
        report.columns += query.columns.count
        let shape: LibPQConnection.StatementShape
        do throws(LibPQConnection.Failure) {
            shape = try connection.describe(query.sql)
        } catch {
            report.diagnostics.append(rejection(of: query, error, on: connection, at: location))
            return
        }
        guard comparesTypes else { return }
        var problems: [String] = []
        do throws(LibPQConnection.Failure) {
            problems = try disagreements(query, shape, types: &types)
        } catch {
            problems = ["could not read the types PostgreSQL reports: \(error.message)"]
        }
        for problem in problems {
            report.diagnostics.append(.error("query \"\(query.name)\": \(problem)", at: location))
        }
    }

    /// Where PostgreSQL's error is in the user's text: the statement as written (before `*`
    /// expansion) is prepared too, since only its offsets map back to the file.
    private func rejection(
        of query: AnalyzedQuery, _ error: LibPQConnection.Failure, on connection: LibPQConnection, at location: SourceLocation
    ) -> Diagnostic {
        var error = error
        var at = location
        if let written = query.written {
            if written.sql != query.sql {
                do throws(LibPQConnection.Failure) {
                    _ = try connection.describe(written.sql)
                } catch let writtenError {
                    error = writtenError
                }
            }
            if let position = error.position, let offset = PgQuery.utf8Offset(ofCursor: position, in: written.sql) {
                at = written.sourceMap.location(ofStatementOffset: offset)
            }
        }
        return .error("query \"\(query.name)\": PostgreSQL rejects it: \(error.message)", at: at)
    }

    private func disagreements(
        _ query: AnalyzedQuery, _ shape: LibPQConnection.StatementShape, types: inout ServerTypeNames
    ) throws(LibPQConnection.Failure) -> [String] {
        var problems: [String] = []
        if shape.parameterTypes.count != query.parameters.count {
            problems.append(
                "PostgreSQL reports \(shape.parameterTypes.count) parameters, the analysis \(query.parameters.count)")
        }
        for (parameter, oid) in zip(query.parameters, shape.parameterTypes) {
            let server = try types.name(of: oid)
            if server != parameter.type.description {
                problems.append(
                    "parameter $\(parameter.number) (\(parameter.name)): PostgreSQL infers \(server), the analysis \(parameter.type)")
            }
        }
        if shape.columns.count != query.columns.count {
            problems.append("PostgreSQL returns \(shape.columns.count) columns, the analysis \(query.columns.count)")
        }
        for (index, (column, described)) in zip(query.columns, shape.columns).enumerated() {
            if column.name != described.name {
                problems.append("column \(index + 1): PostgreSQL names it \"\(described.name)\", the analysis \"\(column.name)\"")
            }
            let server = try types.name(of: described.type)
            if server != column.type.description {
                problems.append("column \(index + 1) (\(described.name)): PostgreSQL returns \(server), the analysis \(column.type)")
            }
        }
        return problems
    }
}

/// Type OIDs as the analysis names types (`format_type`, domains as their base type, as the
/// analysis reduces them), asked of the server once each.
struct ServerTypeNames {
    let connection: LibPQConnection
    private var names: [UInt32: String] = [:]

    init(connection: LibPQConnection) {
        self.connection = connection
    }

    mutating func name(of oid: UInt32) throws(LibPQConnection.Failure) -> String {
        if let name = names[oid] { return name }
        let rows = try connection.query(
            """
            SELECT format_type(CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END, NULL)
            FROM pg_catalog.pg_type t WHERE t.oid = $1::oid
            """, [String(oid)])
        let name = rows.first?.first.flatMap { $0 } ?? "oid \(oid)"
        names[oid] = name
        return name
    }
}
