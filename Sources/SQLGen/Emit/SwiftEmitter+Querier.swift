extension SwiftEmitter {
    /// `Querier.swift`: a protocol with every query method, which `Queries` conforms to, so code
    /// above the data layer can depend on the protocol and tests can substitute it.
    func querierFile(plans: [QueryPlan]) -> String {
        var writer = SwiftSourceWriter()
        writeHeader(&writer, source: nil, imports: plans.reduce(into: Set<String>()) { $0.formUnion($1.importModules) })
        writer.blankLine()
        writer.docComment(["Every generated query method; `Queries` conforms."])
        writer.block("\(access)protocol Querier: Sendable") { writer in
            for (index, plan) in plans.enumerated() {
                if index > 0 { writer.blankLine() }
                writer.docComment(methodDocComment(plan))
                writer.wrapped("func \(SwiftKeywords.escape(plan.methodName))", plan.methodParameterList, plan.signatureSuffix)
            }
        }
        writer.blankLine()
        writer.line("extension Queries: Querier {}")
        return writer.text
    }
}
