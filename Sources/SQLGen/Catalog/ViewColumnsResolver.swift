/// Works out the columns of a view from its query, against the catalog as it stands when the
/// view is created (PostgreSQL fixes a view's columns then, `*` included).
///
/// Typing a query is the Analyze stage's work; the pipeline hands it in
/// (`Analyzer.viewColumns`), so the Catalog stage does not depend on it.
public typealias ViewColumnsResolver =
    @Sendable (_ query: PG.Node, _ statement: SchemaStatement, _ catalog: Catalog) -> Result<[Column], ViewQueryError>

/// Why a view's query could not be typed, as a diagnostic that already points into the migration.
public struct ViewQueryError: Error, Sendable, Hashable {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }
}
