/// One concern of a query's analysis (expression typing, one statement kind, FROM clauses, …):
/// a small value over the query's shared `AnalysisContext`. The concerns call each other
/// through the accessors below, as PostgreSQL's own `transform*` functions do.
protocol AnalysisPass {
    var context: AnalysisContext { get }
}

extension AnalysisPass {
    var expressions: ExpressionTyper { ExpressionTyper(context: context) }
    var statements: StatementAnalyzer { StatementAnalyzer(context: context) }
    var selects: SelectAnalyzer { SelectAnalyzer(context: context) }
    var commonTables: CommonTableAnalyzer { CommonTableAnalyzer(context: context) }
    var fromClause: FromClauseAnalyzer { FromClauseAnalyzer(context: context) }
    var targetList: TargetListTyper { TargetListTyper(context: context) }
    var assignments: AssignmentAnalyzer { AssignmentAnalyzer(context: context) }
}
