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

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Analyzes all queries (of all query files), also reporting duplicate query names.
    public func analyze(_ queries: [ParsedQuery]) -> (queries: [AnalyzedQuery], diagnostics: [Diagnostic]) {
        // Each query's analysis depends only on the catalog: spread them over the cores.
        Self.collect(queries.concurrentMap(outcome))
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
            outcome.error = .error(error.message, at: query.sourceMap.location(ofStatementOffset: error.offset ?? 0))
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
        var analysis = QueryAnalysis(catalog: catalog, query: query)
        do throws(AnalysisError) {
            let shape = try analysis.analyzeTopLevel(query.statement)
            try analysis.checkUntypedOccurrences()
            if !shape.hasReturning, query.command == .one || query.command == .many {
                throw AnalysisError(
                    "query \"\(query.name)\" specifies parameter \":\(query.command.rawValue)\" without containing a RETURNING clause",
                    at: Int?.none)
            }
            let count = max(analysis.highestParameterNumber, query.namedParameters.keys.max() ?? 0)
            let parameters = try analysis.parameters.parameters(count: count, named: query.namedParameters).get()
            return .success(
                AnalyzedQuery(
                    name: query.name, command: query.command, file: query.file, line: query.annotationLocation.line,
                    docComment: query.docComment, sql: StarExpansion.apply(analysis.starEdits, to: query.sql),
                    parameters: parameters, columns: shape.columns,
                    returnsExactlyOneRow: shape.returnsExactlyOneRow))
        } catch {
            return .failure(error)
        }
    }
}

/// The result of analyzing a statement: its output columns and row-count facts.
struct StatementShape: Sendable, Hashable {
    var columns: [ResultColumn]
    /// False for INSERT/UPDATE/DELETE without RETURNING (no rows come back).
    var hasReturning: Bool
    var returnsExactlyOneRow: Bool
}
