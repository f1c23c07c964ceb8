/// `swift-sqlgen vet`: lints the analysed queries of a package with the built-in rules
/// (`VetRule`), honouring the config's `vet:` section and each query's `-- vet: ignore` comments.
///
/// ```swift
/// let result = Pipeline.run(configPath: nil)
/// let vetter = Vetter(options: result.vetOptions, serverURL: "")
/// for package in result.packages { print(vetter.vet(package).diagnostics) }
/// ```
public struct Vetter: Sendable {
    /// What vetting one package found.
    public struct Report: Sendable {
        public var queries = 0
        /// Findings (`… [rule-name]`) and problems with `-- vet:` comments, in query order.
        public var diagnostics: [Diagnostic] = []
        /// The scratch database `db-prepare` created and dropped.
        public var scratchDatabase: String?
    }

    public var options: VetOptions
    /// The server `db-prepare` creates its scratch database on, as `Verifier.serverURL`.
    public var serverURL: String

    public init(options: VetOptions, serverURL: String) {
        self.options = options
        self.serverURL = serverURL
    }

    /// The checks that read only the query and the catalog, each reporting its own rules.
    static let syntaxChecks: [@Sendable (VetQuery) -> [VetFinding]] = [
        MissingWhereCheck.findings, SelectStarCheck.findings, LimitWithoutOrderByCheck.findings,
        OneReturnsManyCheck.findings, CompareWithNullCheck.findings,
    ]

    public func vet(_ package: Pipeline.PackageOutput) -> Report {
        var report = Report()
        var commentsByFile: [String: LeadingComments] = [:]
        var preparable = package
        preparable.queries = []
        for analyzed in package.queries {
            report.queries += 1
            guard let query = VetQuery(analyzed, catalog: package.catalog) else { continue }
            let file = query.written.sourceMap.file
            let comments = commentsByFile[file.path] ?? LeadingComments(of: file)
            commentsByFile[file.path] = comments
            let start = query.written.sourceMap.fileOffset(ofStatementOffset: 0)
            let directive = VetDirective.merged(
                comments.before(statementAt: start).compactMap { comment in
                    VetDirective.parse(comment, at: file.location(ofUTF8Offset: comment.range.lowerBound))
                })
            report.diagnostics += directive?.problems ?? []
            let runs = { (rule: VetRule) in options.runs(rule) && !(directive?.ignores(rule) ?? false) }
            for check in Self.syntaxChecks {
                report.diagnostics += check(query).filter { runs($0.rule) }.map(\.diagnostic)
            }
            if runs(.dbPrepare) { preparable.queries.append(analyzed) }
        }
        if options.runs(.dbPrepare) {
            let prepared = prepare(preparable)
            report.diagnostics += prepared.diagnostics
            report.scratchDatabase = prepared.scratchDatabase
        }
        return report
    }

    /// `db-prepare`: what PostgreSQL rejects when `verify`'s scratch database prepares each query.
    private func prepare(_ package: Pipeline.PackageOutput) -> (diagnostics: [Diagnostic], scratchDatabase: String?) {
        do throws(LibPQConnection.Failure) {
            _ = try LibPQConnection(url: serverURL)
        } catch {
            let problem = Diagnostic.error(
                "db-prepare needs a PostgreSQL server to prepare the queries on: \(error.message); pass "
                    + "--database-url or set SQLGEN_VERIFY_DATABASE_URL (or disable the rule) [\(VetRule.dbPrepare.rawValue)]",
                at: nil)
            return ([problem], nil)
        }
        let report = Verifier(serverURL: serverURL, comparesTypes: false).verify(package)
        let diagnostics = report.diagnostics.map { diagnostic in
            var tagged = diagnostic
            tagged.message += " [\(VetRule.dbPrepare.rawValue)]"
            return tagged
        }
        return (diagnostics, report.scratchDatabase)
    }
}
