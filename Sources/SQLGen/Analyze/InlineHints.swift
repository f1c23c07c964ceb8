/// Applies the query file's inline hints (`AS "total!"`, `-- @param note?: Note`) to the
/// analysis: a hint states what the analysis cannot prove, so it wins over it.
enum InlineHints {
    static func apply(_ hints: [QueryHint], to parameters: inout [QueryParameter]) throws(AnalysisError) {
        for hint in hints {
            let index = parameters.firstIndex { "$\($0.number)" == hint.name || $0.name == hint.name }
            guard let index else {
                let names = parameters.map(\.name)
                throw AnalysisError(
                    "hint for parameter \"\(hint.name)\": the query has no such parameter"
                        + (names.isEmpty ? " (it has none)" : Suggestion.didYouMean(hint.name, among: names)),
                    at: hint.location)
            }
            if let nullability = hint.nullability { parameters[index].isNullable = nullability == .nullable }
            if let type = hint.swiftType { parameters[index].swiftTypeHint = type }
        }
    }

    static func apply(_ hints: [QueryHint], to columns: inout [ResultColumn]) throws(AnalysisError) {
        for hint in hints {
            let matches = columns.indices.filter { columns[$0].name == hint.name && columns[$0].embed == nil }
            guard matches.count == 1, let index = matches.first else {
                throw AnalysisError(
                    "hint \"\(hint.written)\" names \(matches.count) result columns called \"\(hint.name)\"; give them distinct aliases",
                    at: hint.location)
            }
            if let nullability = hint.nullability { columns[index].isNullable = nullability == .nullable }
            if let type = hint.swiftType { columns[index].swiftTypeHint = type }
        }
    }
}
