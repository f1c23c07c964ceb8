import Foundation
import PostgresTestSupport
import Testing

@testable import SQLGen

/// Every function, aggregate, window function and operator of PostgreSQL's catalog, called with
/// typed parameters, with untyped ones and with a mix, typed by the analysis and prepared by
/// the test server (`DATABASE_URL`): both must accept or both reject each call, with the same
/// parameter and result types and column names. The few disagreements left are listed in
/// `explained`, each with its reason.
@Suite struct CatalogDifferentialTests {
    /// One generated call.
    struct Probe {
        var sql: String
        /// The overload it came from, for the report.
        var origin: String
    }

    /// Concrete types for the pseudo-types of a signature.
    static let samples: [String: String] = [
        "anyelement": "integer", "anynonarray": "integer", "anyarray": "integer[]", "anycompatible": "integer",
        "anycompatiblenonarray": "integer", "anycompatiblearray": "integer[]", "anyrange": "int4range",
        "anycompatiblerange": "int4range", "anymultirange": "int4multirange", "anycompatiblemultirange": "int4multirange",
        "\"any\"": "integer",
    ]

    /// Types a probe cannot bind a parameter to.
    static let unbindable: Set<String> = ["anyenum", "record", "cstring", "unknown", "void", "record[]", "cstring[]"]

    static func sample(_ type: SQLType) -> String? {
        let text = type.description
        if unbindable.contains(text) { return nil }
        return samples[text] ?? text
    }

    /// The calls of every overload: typed, untyped, and the first argument typed.
    /// - Parameter included: which functions and operators to call (by name), all by default.
    static func probes(_ catalog: BuiltinCatalog, including included: (String) -> Bool = { _ in true }) -> [Probe] {
        var probes: [Probe] = []
        for name in catalog.functions.keys.sorted() where included(name) {
            for function in catalog.functions[name] ?? [] where !function.isProcedure && function.aggregateKind != "h" {
                var parameters = function.arguments
                if let element = function.variadic, !parameters.isEmpty { parameters[parameters.count - 1] = element }
                let samples = parameters.map(sample)
                guard !samples.contains(where: { $0 == nil }) else { continue }
                let origin = "\(name)(\(function.arguments.map(\.description).joined(separator: ", ")))"
                let quoted = "\"\(name)\""
                // Typed parameters, untyped ones, the first typed and the rest untyped, NULL literals.
                for form in 0..<4 where (form != 2 || parameters.count >= 2) && (form != 3 || !parameters.isEmpty) {
                    let arguments = samples.enumerated().map { index, type in
                        if form == 3 { return "NULL" }
                        return form == 0 || (form == 2 && index == 0) ? "$\(index + 1)::\(type!)" : "$\(index + 1)"
                    }
                    let call: String
                    if function.aggregateKind == "o" {
                        let direct = arguments.prefix(function.directArguments).joined(separator: ", ")
                        let sorted = arguments.dropFirst(function.directArguments).joined(separator: ", ")
                        call = "\(quoted)(\(direct)) WITHIN GROUP (ORDER BY \(sorted))"
                    } else {
                        call = "\(quoted)(\(arguments.joined(separator: ", ")))" + (function.isWindow ? " OVER ()" : "")
                    }
                    probes.append(Probe(sql: "SELECT \(call)", origin: origin))
                }
            }
        }
        for name in catalog.operators.keys.sorted() where included(name) {
            for op in catalog.operators[name] ?? [] {
                guard let right = sample(op.right) else { continue }
                let origin = "operator \(op.left.map(\.description) ?? "") \(name) \(op.right)"
                guard let leftType = op.left else {
                    probes.append(Probe(sql: "SELECT \(name) $1::\(right)", origin: origin))
                    continue
                }
                guard let left = sample(leftType) else { continue }
                probes.append(Probe(sql: "SELECT $1::\(left) \(name) $2::\(right)", origin: origin))
                probes.append(Probe(sql: "SELECT $1::\(left) \(name) $2", origin: origin))
                probes.append(Probe(sql: "SELECT $1 \(name) $2::\(right)", origin: origin))
            }
        }
        return probes
    }

    /// What one side says of a probe: the types, or that it rejects the call.
    enum Outcome: Equatable, CustomStringConvertible {
        case accepted(parameters: [String], columns: [String])
        case rejected(String)

        var description: String {
            switch self {
            case .accepted(let parameters, let columns):
                "(\(parameters.joined(separator: ", "))) -> \(columns.joined(separator: ", "))"
            case .rejected(let message): "error: \(message)"
            }
        }

        var isRejected: Bool {
            if case .rejected = self { return true }
            return false
        }
    }

    /// Disagreements understood and accepted, by probe SQL, with the reason.
    static let explained: [String: String] = [:]

    static func describe(_ sql: String, on connection: LibPQConnection, types: inout ServerTypeNames) -> Outcome {
        do throws(LibPQConnection.Failure) {
            let shape = try connection.describe(sql)
            var columnTypes: [String] = []
            for column in shape.columns { columnTypes.append("\(column.name) \(try types.name(of: column.type))") }
            var parameterTypes: [String] = []
            for oid in shape.parameterTypes { parameterTypes.append(try types.name(of: oid)) }
            return .accepted(parameters: parameterTypes, columns: columnTypes)
        } catch {
            return .rejected(error.message)
        }
    }

    /// What a run of probes found.
    struct Tally {
        var queries = 0
        var parameters = 0
        var columns = 0
        var explained = 0
        var disagreements: [String] = []

        var summary: String {
            "queries \(queries), parameters \(parameters), columns \(columns), disagreements \(disagreements.count)"
                + " (+ \(explained) explained)"
        }
    }

    static func run(_ probes: [Probe], analyzer: Analyzer, on connection: LibPQConnection) -> Tally {
        var types = ServerTypeNames(connection: connection)
        var tally = Tally(queries: probes.count)
        for probe in probes {
            let ours: Outcome
            do {
                let parsed = try AnalyzeFixtures.query(sql: probe.sql)
                switch analyzer.analyze(parsed) {
                case .success(let query):
                    ours = .accepted(
                        parameters: query.parameters.map(\.type.description),
                        columns: query.columns.map { "\($0.name) \($0.type)" })
                case .failure(let error):
                    ours = .rejected(error.message)
                }
            } catch {
                ours = .rejected("\(error)")
            }
            let theirs = describe(probe.sql, on: connection, types: &types)
            if case .accepted(let parameterTypes, let columnTypes) = theirs {
                tally.parameters += parameterTypes.count
                tally.columns += columnTypes.count
            }
            if ours.isRejected && theirs.isRejected || ours == theirs { continue }
            if explained[probe.sql] != nil {
                tally.explained += 1
                continue
            }
            tally.disagreements.append("\(probe.sql)  [\(probe.origin)]\n    PostgreSQL: \(theirs)\n    analysis:   \(ours)")
        }
        return tally
    }

    static func report(_ tally: Tally, _ label: String) throws {
        print("\(label): \(tally.summary)")
        if let path = ProcessInfo.processInfo.environment["SQLGEN_DIFFERENTIAL_REPORT"] {
            try (tally.disagreements.joined(separator: "\n") + "\n").write(
                toFile: "\(path).\(label.filter(\.isLetter))", atomically: true, encoding: .utf8)
        }
    }

    @Test func everyBuiltinCallAgreesWithPostgreSQL() throws {
        let connection = try LibPQConnection(url: PostgresTestServer.urlString)
        let analyzer = Analyzer(catalog: Catalog())
        let tally = Self.run(Self.probes(analyzer.builtins), analyzer: analyzer, on: connection)
        try Self.report(tally, "catalog differential")
        #expect(tally.queries > 10_000)
        #expect(tally.disagreements.isEmpty, "\(tally.disagreements.prefix(40).joined(separator: "\n"))")
    }

    /// The same for the functions and operators of every contrib extension, created in a
    /// database of this test's own.
    @Test func everyExtensionCallAgreesWithPostgreSQL() throws {
        let admin = try LibPQConnection(url: PostgresTestServer.urlString)
        let database = "sqlgen_differential_\(getpid())"
        try admin.execute("DROP DATABASE IF EXISTS \(database)")
        try admin.execute("CREATE DATABASE \(database)")
        defer { try? admin.execute("DROP DATABASE IF EXISTS \(database) WITH (FORCE)") }
        let connection = try LibPQConnection(url: PostgresTestServer.urlString, database: database)
        var catalog = Catalog()
        for name in BuiltinCatalog.availableExtensions {
            try connection.execute("CREATE EXTENSION IF NOT EXISTS \"\(name)\" CASCADE")
            catalog.extensions[name] = "public"
        }
        let analyzer = Analyzer(catalog: catalog)
        let builtin = BuiltinCatalog.postgres
        let probes = Self.probes(analyzer.builtins) { name in
            builtin.functions[name] == nil && builtin.operators[name] == nil
        }
        let tally = Self.run(probes, analyzer: analyzer, on: connection)
        try Self.report(tally, "extension differential")
        #expect(tally.queries > 1_000)
        #expect(tally.disagreements.isEmpty, "\(tally.disagreements.prefix(40).joined(separator: "\n"))")
    }
}
