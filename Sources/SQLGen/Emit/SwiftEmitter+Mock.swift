extension SwiftEmitter {
    /// `MockQuerier.swift`: a `Querier` for tests of code above the data layer — a settable
    /// closure per method, the calls it received, and a clear error for a call without a handler.
    func mockFile(plans: [QueryPlan]) -> String {
        var writer = SwiftSourceWriter()
        writeHeader(&writer, source: nil, imports: plans.reduce(into: Set<String>()) { $0.formUnion($1.importModules) })
        // Override types are not known to be Hashable, so `Call` is only when no override is involved.
        let callHashable = !plans.contains { plan in plan.parameters.contains { $0.type.encodeThrows == nil } }

        writer.blankLine()
        writer.docComment(["Thrown by `MockQuerier` when a method is called whose handler is not set."])
        writer.block("\(access)struct MockQuerierError: Error, Sendable, Hashable, CustomStringConvertible") { writer in
            writer.line("\(access)var method: String")
            writer.blankLine()
            writer.block("\(access)init(method: String)") { writer in
                writer.line("self.method = method")
            }
            writer.blankLine()
            writer.line("\(access)var description: String { \"MockQuerier.\\(method) was called but \\(method)Handler is not set\" }")
        }

        writer.blankLine()
        writer.docComment([
            "A `Querier` whose methods call the matching `…Handler` closure and record each call in `calls`.",
            "Thread-safe: state is guarded by a lock.",
        ])
        writer.block("\(access)final class MockQuerier: Querier, @unchecked Sendable") { writer in
            writer.docComment(["One recorded method call with its arguments."])
            writer.block("\(access)enum Call: \(callHashable ? "Sendable, Hashable" : "Sendable")") { writer in
                for plan in plans { writer.line("case \(callCase(plan))") }
            }
            writer.blankLine()
            writer.line("private let lock = NSLock()")
            writer.line("private var recordedCalls: [Call] = []")
            for plan in plans {
                writer.line("private var stored\(plan.baseName)Handler: \(handlerType(plan))?")
            }
            writer.blankLine()
            writer.line("\(access)init() {}")
            writer.blankLine()
            writer.docComment(["The calls received so far, in order."])
            writer.block("\(access)var calls: [Call]") { writer in
                writer.line("withLock { recordedCalls }")
            }
            for plan in plans {
                writer.blankLine()
                writer.docComment(["Answers `\(plan.methodName)`; unset, the method throws `MockQuerierError`."])
                writer.block("\(access)var \(plan.methodName)Handler: \(handlerType(plan))?") { writer in
                    writer.line("get { withLock { stored\(plan.baseName)Handler } }")
                    writer.line("set { withLock { stored\(plan.baseName)Handler = newValue } }")
                }
            }
            for plan in plans {
                writer.blankLine()
                writeMockMethod(plan, to: &writer)
            }
            writer.blankLine()
            writer.block("private func withLock<Value>(_ body: () throws -> Value) rethrows -> Value") { writer in
                writer.line("lock.lock()")
                writer.line("defer { lock.unlock() }")
                writer.line("return try body()")
            }
        }
        return writer.text
    }

    /// `getAccount(id: Int64)`, `updateUser(UpdateUserParams)`, `listAll`.
    private func callCase(_ plan: QueryPlan) -> String {
        let name = SwiftKeywords.escape(plan.methodName)
        if let itemTypeName = plan.itemTypeName { return "\(name)([\(itemTypeName)])" }
        if let paramsStructName = plan.paramsStructName { return "\(name)(\(paramsStructName))" }
        if plan.parameters.isEmpty { return name }
        return "\(name)(" + plan.parameters.map { "\($0.escapedName): \($0.type.spelled)" }.joined(separator: ", ") + ")"
    }

    /// `(@Sendable (Int64) async throws -> Account?)`.
    private func handlerType(_ plan: QueryPlan) -> String {
        let arguments =
            plan.itemTypeName.map { ["[\($0)]"] } ?? plan.paramsStructName.map { [$0] }
            ?? plan.parameters.map(\.type.spelled)
        return "(@Sendable (\(arguments.joined(separator: ", "))) async throws -> \(plan.returnTypeName ?? "Void"))"
    }

    private func writeMockMethod(_ plan: QueryPlan, to writer: inout SwiftSourceWriter) {
        writer.wrapped(
            "\(access)func \(SwiftKeywords.escape(plan.methodName))", plan.methodParameterList, plan.signatureSuffix + " {")
        writer.indented { writer in
            let call: String
            let arguments: [String]
            let name = SwiftKeywords.escape(plan.methodName)
            if plan.query.command == .copyfrom {
                // The rows are kept as an array: the call records them and the handler gets them.
                writer.line("let rows = Array(rows)")
                call = ".\(name)(rows)"
                arguments = ["rows"]
            } else if plan.itemTypeName != nil {
                call = ".\(name)(items)"
                arguments = ["items"]
            } else if plan.paramsStructName != nil {
                call = ".\(name)(params)"
                arguments = ["params"]
            } else if plan.parameters.isEmpty {
                call = ".\(name)"
                arguments = []
            } else {
                call = ".\(name)(" + plan.parameters.map(\.argument).joined(separator: ", ") + ")"
                arguments = plan.parameters.map(\.localName)
            }
            writer.block("let handler = withLock") { writer in
                writer.line("recordedCalls.append(\(call))")
                writer.line("return stored\(plan.baseName)Handler")
            }
            writer.block("guard let handler else") { writer in
                writer.line("throw MockQuerierError(method: \(SwiftStringLiteral.singleLine(plan.methodName)))")
            }
            let invoke = "try await handler(\(arguments.joined(separator: ", ")))"
            writer.line(plan.returnTypeName == nil ? invoke : "return \(invoke)")
        }
        writer.line("}")
    }
}
