/// The Analyze stage: resolves every name of every query against the catalog, types every
/// parameter the way PostgreSQL infers it when preparing the statement, and types every
/// result column with its nullability.
///
/// ```swift
/// let (queries, diagnostics) = Analyzer(catalog: catalog).analyze(parsedQueries)
/// ```
/// A query with an error is left out of `queries`; its diagnostic points at the offending
/// node in the user's file.
public struct Analyzer: Sendable {
    public let catalog: Catalog
    /// PostgreSQL's built-in catalog plus the schema's extensions.
    let builtins: BuiltinCatalog
    /// The operator resolutions of this schema, shared by all its queries.
    let operatorCache = OperatorResolutionCache()

    public init(catalog: Catalog) {
        self.catalog = catalog
        self.builtins = BuiltinCatalog.postgres.adding(objectsOf: catalog)
    }

    /// Analyzes all queries (of all query files), also reporting duplicate query names.
    public func analyze(_ queries: [ParsedQuery]) -> (queries: [AnalyzedQuery], diagnostics: [Diagnostic]) {
        // Each query's analysis depends only on the catalog: spread them over the cores.
        Self.collect(queries.concurrentMap(outcome))
    }

    /// One query file's analysis, before `combine` checks query names across files. For
    /// callers that parse and analyze file by file on all cores (`Pipeline`), so that each
    /// file's parse trees are freed by the worker that analyzed them.
    public func analyze(file queries: [ParsedQuery]) -> FileAnalysis {
        FileAnalysis(outcomes: queries.map(outcome))
    }

    /// The analyzed queries and the diagnostics of all files, in file order.
    public static func combine(_ files: [FileAnalysis]) -> (queries: [AnalyzedQuery], diagnostics: [Diagnostic]) {
        collect(files.flatMap(\.outcomes))
    }

    /// The analysis of one query file (`analyze(file:)`), without its parse trees.
    public struct FileAnalysis: Sendable {
        let outcomes: [Outcome]
    }

    /// One query's analysis, without its parse tree, for `collect`.
    struct Outcome: Sendable {
        var name: String
        var annotationLocation: SourceLocation
        /// Nil when the analysis failed; `error` then says why.
        var query: AnalyzedQuery?
        var error: Diagnostic?
    }

    /// Analyzes one query for `collect`.
    func outcome(_ query: ParsedQuery) -> Outcome {
        var outcome = Outcome(name: query.name, annotationLocation: query.annotationLocation)
        switch analyze(query) {
        case .success(let result): outcome.query = result
        case .failure(let error):
            outcome.error = .error(
                error.message, at: error.location ?? query.sourceMap.location(ofStatementOffset: error.offset ?? 0))
        }
        return outcome
    }

    /// The analyzed queries and the diagnostics, in query order (of all query files). A query whose
    /// name an earlier one already uses is reported and left out: it was analyzed with the others
    /// (they run concurrently), which only costs time on input that is already in error.
    static func collect(_ outcomes: [Outcome]) -> (queries: [AnalyzedQuery], diagnostics: [Diagnostic]) {
        var analyzed: [AnalyzedQuery] = []
        var diagnostics: [Diagnostic] = []
        var firstDeclaration: [String: SourceLocation] = [:]
        for outcome in outcomes {
            if let first = firstDeclaration[outcome.name] {
                diagnostics.append(
                    .error("duplicate query name \"\(outcome.name)\" (first declared at \(first))", at: outcome.annotationLocation))
                continue
            }
            firstDeclaration[outcome.name] = outcome.annotationLocation
            if let query = outcome.query { analyzed.append(query) }
            if let error = outcome.error { diagnostics.append(error) }
        }
        return (analyzed, diagnostics)
    }

    /// Analyzes one query; the error is the first problem PostgreSQL would also stop at.
    func analyze(_ query: ParsedQuery) -> Result<AnalyzedQuery, AnalysisError> {
        let context = AnalysisContext(catalog: catalog, builtins: builtins, query: query, operatorCache: operatorCache)
        do throws(AnalysisError) {
            let shape = try StatementAnalyzer(context: context).analyze(
                query.statement, in: Scope(), isTopLevel: true)
            try context.checkUntypedOccurrences()
            if !shape.hasReturning, query.command == .one || query.command == .many {
                throw AnalysisError(
                    "query \"\(query.name)\" specifies parameter \":\(query.command.rawValue)\" without containing a RETURNING clause",
                    at: Int?.none)
            }
            let copyFrom = query.command == .copyfrom ? try CopyFromAnalyzer(context: context).target(of: query.statement) : nil
            let count = max(context.highestParameterNumber, query.namedParameters.keys.max() ?? 0)
            var parameters = try context.parameters.parameters(count: count, named: query.namedParameters).get()
            var columns = shape.columns
            try InlineHints.apply(query.parameterHints, to: &parameters)
            try InlineHints.apply(query.columnHints, to: &columns)
            return .success(
                AnalyzedQuery(
                    name: query.name, command: query.command, file: query.file, line: query.annotationLocation.line,
                    docComment: query.docComment, sql: StarExpansion.apply(context.starEdits, to: query.sql),
                    parameters: parameters, columns: columns,
                    returnsExactlyOneRow: shape.returnsExactlyOneRow, copyFrom: copyFrom,
                    written: WrittenQuery(annotation: query.annotationLocation, sql: query.sql, sourceMap: query.sourceMap)))
        } catch {
            return .failure(error)
        }
    }
}
