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
        writeForwarding(plans: plans, to: &writer)
        return writer.text
    }

    /// `QuerierForwarding`: every `Querier` method answered by the same method of another querier
    /// through one hook. Generated beside the protocol so that a type wrapping `Queries` (a store
    /// that maps errors, a logging or counting decorator) never lags behind the queries.
    private func writeForwarding(plans: [QueryPlan], to writer: inout SwiftSourceWriter) {
        writer.blankLine()
        writer.docComment([
            "A `Querier` that answers every query method by calling the same method on another querier,",
            "through one `forward` hook: the place to map errors, log or count calls around `Queries`.",
            "",
            "```swift",
            "struct LoggingQuerier: QuerierForwarding {",
            "    let base: Queries",
            "    func forward<T>(_ call: (Queries) async throws -> T) async throws -> T {",
            "        print(\"query\")",
            "        return try await call(base)",
            "    }",
            "}",
            "```",
        ])
        writer.block("\(access)protocol QuerierForwarding: Querier") { writer in
            // An associated type rather than `any Querier`: the call is then made on the wrapped
            // type itself, without boxing it into an existential on every query.
            writer.docComment(["The querier the calls go to, e.g. `Queries`."])
            writer.line("associatedtype Base: Querier")
            writer.blankLine()
            writer.docComment(["Runs one query method on the wrapped querier."])
            writer.line("func forward<T>(_ call: (Base) async throws -> T) async throws -> T")
        }
        // Public forwarding methods are inlinable: a store in another module then calls its own
        // `forward` directly instead of through this generic extension and its witness table.
        writer.blankLine()
        writer.block("extension QuerierForwarding") { writer in
            for (index, plan) in plans.enumerated() {
                if index > 0 { writer.blankLine() }
                let name = SwiftKeywords.escape(plan.methodName)
                let call: String
                if plan.itemTypeName != nil {
                    call = "$0.\(name)(\(plan.itemsName))"
                } else if plan.paramsStructName != nil {
                    call = "$0.\(name)(params)"
                } else if plan.parameters.isEmpty {
                    call = "$0.\(name)()"
                } else {
                    call = "$0.\(name)(" + plan.parameters.map(\.argument).joined(separator: ", ") + ")"
                }
                if options.accessLevel == .public { writer.line("@inlinable") }
                writer.wrapped("\(access)func \(name)", plan.methodParameterList, plan.signatureSuffix + " {")
                writer.indented { writer in
                    let oneLine = "try await forward { try await \(call) }"
                    if writer.fits(oneLine) {
                        writer.line(oneLine)
                    } else {
                        writer.block("try await forward") { writer in writer.line("try await \(call)") }
                    }
                }
                writer.line("}")
            }
        }
    }
}
