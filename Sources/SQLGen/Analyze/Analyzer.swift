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
        var analyzed: [AnalyzedQuery] = []
        var diagnostics: [Diagnostic] = []
        var firstDeclaration: [String: SourceLocation] = [:]
        for query in queries {
            if let first = firstDeclaration[query.name] {
                diagnostics.append(
                    .error("duplicate query name \"\(query.name)\" (first declared at \(first))", at: query.annotationLocation))
                continue
            }
            firstDeclaration[query.name] = query.annotationLocation
            switch analyze(query) {
            case .success(let result): analyzed.append(result)
            case .failure(let error):
                diagnostics.append(.error(error.message, at: query.sourceMap.location(ofStatementOffset: error.offset ?? 0)))
            }
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
