/// Rewrites the parameter macros of one query (`sqlc.arg(x)`, `sqlc.arg('x')`, `@x`,
/// `sqlc.narg(x)`, `sqlc.slice(x)`) to positional parameters, and `sqlc.embed(t)` to `t.*`,
/// keeping a `SourceMap` from the rewritten text back to the file.
///
/// Macros are found in PostgreSQL's parse tree of the original text, not by pattern matching,
/// so a `@` inside a string literal or comment, or `@` used as the absolute-value operator on
/// an expression (`@ -1`), is left alone.
struct MacroRewriter {
    /// One macro occurrence in the original statement text.
    struct Macro: Sendable, Hashable {
        enum Kind: Sendable, Hashable {
            /// `sqlc.arg(x)` and its kin: becomes `$n`.
            case parameter(ParsedQuery.NamedParameter)
            /// `sqlc.embed(t)`: becomes `t.*`, where `reference` is `t` as written.
            case embed(name: String, reference: String)
            /// An output column's alias that is a hint (`AS "total!"`): becomes the plain name.
            case columnHint(QueryHint)
        }

        var range: Range<Int>
        var kind: Kind
        /// Written around a parameter's `$n` (`= ANY(` and `)` for `IN (sqlc.slice(x))`).
        var prefix = ""
        var suffix = ""
    }

    /// A `sqlc.…(…)` call: a macro, or a diagnostic explaining its misuse.
    enum MacroMatch: Sendable, Hashable {
        case macro(Macro)
        case misuse(Diagnostic)
    }

    /// What the rewrite produced.
    struct Output: Sendable, Hashable {
        var sql: String
        var namedParameters: [Int: ParsedQuery.NamedParameter]
        var embeds: [ParsedQuery.Embed]
        var columnHints: [QueryHint]
        var sourceMap: SourceMap
    }

    let file: SourceFile
    /// The statement text (from its first token, without the semicolon).
    let text: String
    /// Where `text` starts in the file.
    let fileOffset: Int
    private let bytes: [UInt8]

    init(file: SourceFile, text: String, fileOffset: Int) {
        self.file = file
        self.text = text
        self.fileOffset = fileOffset
        self.bytes = Array(text.utf8)
    }

    private func location(_ offset: Int?) -> SourceLocation {
        file.location(ofUTF8Offset: fileOffset + (offset ?? 0))
    }

    /// Rewrites `text` given its parse tree; nil output when a macro is misused (the
    /// diagnostics say why).
    func rewrite(tree: PG.Node) -> (output: Output?, diagnostics: [Diagnostic]) {
        // Walking the whole tree (a tenth of a large project's run) finds nothing in a statement
        // that has no macro: its text is kept as it is.
        var diagnostics: [Diagnostic] = []
        var macros: [Macro] = []
        for match in columnHints(of: tree) {
            switch match {
            case .macro(let macro): macros.append(macro)
            case .misuse(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        guard mayContainMacros || !macros.isEmpty || !diagnostics.isEmpty else { return (apply([], after: 0), []) }
        var positional: [PG.ParamRef] = []
        let embedSlots = Self.embedSlots(of: tree)
        for node in [tree] + tree.descendants {
            switch node {
            case .funcCall(let call):
                switch funcCallMacro(call, embedSlots: embedSlots) {
                case .none: break
                case .macro(let macro): macros.append(macro)
                case .misuse(let diagnostic): diagnostics.append(diagnostic)
                }
            case .aExpr(let expression):
                if let macro = atSignMacro(expression) { macros.append(macro) }
                if let match = sliceInListMacro(expression) {
                    switch match {
                    case .macro(let macro): macros.append(macro)
                    case .misuse(let diagnostic): diagnostics.append(diagnostic)
                    }
                }
                if let diagnostic = fusedOperatorDiagnostic(expression) { diagnostics.append(diagnostic) }
            case .paramRef(let parameter):
                positional.append(parameter)
            default:
                break
            }
        }
        macros.sort { $0.range.lowerBound < $1.range.lowerBound }
        // A macro nested in another (only possible in misuse) is covered by the outer one.
        var disjoint: [Macro] = []
        for macro in macros where disjoint.last.map({ $0.range.upperBound <= macro.range.lowerBound }) ?? true {
            disjoint.append(macro)
        }
        // `$n` and named parameters may be mixed: the named ones are numbered after the highest
        // `$n` (sqlc itself rejects the mix; accepting it loses nothing).
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (apply(disjoint, after: positional.map(\.number).max() ?? 0), diagnostics)
    }

    /// False when the text cannot hold a macro or a misuse that `rewrite` reports: each needs an
    /// `@` or the name `sqlc` (in any case, as PostgreSQL folds it), and a `U&"…"` identifier is
    /// the only other way to spell that name.
    private var mayContainMacros: Bool {
        bytes.indices.contains { index in
            bytes[index] == UInt8(ascii: "@") || startsCaseInsensitively("sqlc", at: index)
                || startsCaseInsensitively("u&", at: index)
        }
    }

    /// Whether the text at `index` is `word` (ASCII lower case) in any case.
    private func startsCaseInsensitively(_ word: StaticString, at index: Int) -> Bool {
        word.withUTF8Buffer { word in
            guard index + word.count <= bytes.count else { return false }
            // Setting bit 5 lower-cases ASCII letters; `&` has it already.
            return word.indices.allSatisfy { bytes[index + $0] | 0x20 == word[$0] }
        }
    }

    /// Replaces every macro by `$n` (same name, same number) and records the source map.
    private func apply(_ macros: [Macro], after highestPositional: Int) -> Output {
        var numbers: [String: Int] = [:]
        var parameters: [Int: ParsedQuery.NamedParameter] = [:]
        var output: [UInt8] = []
        var segments: [SourceMap.Segment] = []
        var copied = 0
        func copy(upTo end: Int) {
            guard copied < end else { return }
            segments.append(SourceMap.Segment(statementOffset: output.count, fileOffset: fileOffset + copied))
            output.append(contentsOf: bytes[copied..<end])
            copied = end
        }
        var embeds: [ParsedQuery.Embed] = []
        var hints: [QueryHint] = []
        for macro in macros {
            copy(upTo: macro.range.lowerBound)
            let replacement: String
            switch macro.kind {
            case .parameter(let parameter):
                let number: Int
                if let known = numbers[parameter.name] {
                    number = known
                    if var merged = parameters[number] {
                        merged.forcesNullable = merged.forcesNullable || parameter.forcesNullable
                        merged.isSlice = merged.isSlice || parameter.isSlice
                        parameters[number] = merged
                    }
                } else {
                    number = highestPositional + numbers.count + 1
                    numbers[parameter.name] = number
                    parameters[number] = parameter
                }
                replacement = macro.prefix + "$\(number)" + macro.suffix
            case .embed(let name, let reference):
                embeds.append(ParsedQuery.Embed(name: name, offset: output.count))
                replacement = reference + ".*"
            case .columnHint(let hint):
                hints.append(hint)
                replacement = Self.quoted(hint.name)
            }
            // The whole replacement maps to the macro's first character.
            segments.append(SourceMap.Segment(statementOffset: output.count, fileOffset: fileOffset + macro.range.lowerBound))
            output.append(contentsOf: Array(replacement.utf8))
            copied = macro.range.upperBound
            segments.append(SourceMap.Segment(statementOffset: output.count, fileOffset: fileOffset + copied))
        }
        copy(upTo: bytes.count)
        // Drop segments that a later one at the same statement offset supersedes.
        var compact: [SourceMap.Segment] = []
        for segment in segments {
            if compact.last?.statementOffset == segment.statementOffset { compact.removeLast() }
            compact.append(segment)
        }
        if compact.first?.statementOffset != 0 {
            compact.insert(SourceMap.Segment(statementOffset: 0, fileOffset: fileOffset), at: 0)
        }
        return Output(
            sql: String(decoding: output, as: UTF8.self), namedParameters: parameters, embeds: embeds, columnHints: hints,
            sourceMap: SourceMap(file: file, segments: compact))
    }

    /// The hints among the aliases of the statement's output columns: the SELECT list (of the
    /// leftmost arm of a set operation, which names the columns) or the RETURNING list.
    private func columnHints(of tree: PG.Node) -> [MacroMatch] {
        var targets: [PG.Node]
        switch tree {
        case .selectStmt(var select):
            while select.op != .none, let left = select.larg { select = left }
            targets = select.targetList
        case .insertStmt(let insert): targets = insert.returningList
        case .updateStmt(let update): targets = update.returningList
        case .deleteStmt(let delete): targets = delete.returningList
        default: targets = []
        }
        var matches: [MacroMatch] = []
        for case .resTarget(let target) in targets {
            guard let alias = target.name, QueryHint.isHint(alias), let start = target.location,
                let range = quotedIdentifierRange(alias, from: start)
            else { continue }
            let at = location(range.lowerBound)
            switch QueryHint.parse(alias, at: at) {
            case .success(let hint): matches.append(.macro(Macro(range: range, kind: .columnHint(hint))))
            case .failure(let error): matches.append(.misuse(.error(error.message, at: at)))
            }
        }
        return matches
    }

    /// `name` as a quoted identifier: `"name"`, quotes inside doubled.
    private static func quoted(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// Where `"name"` (quotes doubled inside) is written at or after `start`.
    private func quotedIdentifierRange(_ name: String, from start: Int) -> Range<Int>? {
        let quoted = Array(Self.quoted(name).utf8)
        guard quoted.count <= bytes.count else { return nil }
        var index = max(0, start)
        while index + quoted.count <= bytes.count {
            if bytes[index] == quoted[0], Array(bytes[index..<(index + quoted.count)]) == quoted {
                return index..<(index + quoted.count)
            }
            index += 1
        }
        return nil
    }

    /// Where `sqlc.embed(t)` may stand: the location of each unnamed entry of the statement's
    /// own SELECT list (not a subquery's, not a set operation's arm), as sqlc allows.
    private static func embedSlots(of tree: PG.Node) -> Set<Int> {
        guard case .selectStmt(let select) = tree, select.op == .none else { return [] }
        var slots: Set<Int> = []
        for case .resTarget(let target) in select.targetList where target.name == nil {
            if case .funcCall(let call)? = target.val, let location = call.location { slots.insert(location) }
        }
        return slots
    }

    /// `sqlc.<something>(…)`: a macro, a misuse, or (other schemas) nil.
    private func funcCallMacro(_ call: PG.FuncCall, embedSlots: Set<Int>) -> MacroMatch? {
        let names = call.funcname.names
        guard names.count == 2, names[0] == "sqlc" else { return nil }
        let function = "sqlc.\(names[1])"
        let at = location(call.location)
        let forcesNullable: Bool
        let isSlice: Bool
        switch names[1] {
        case "arg": (forcesNullable, isSlice) = (false, false)
        case "narg": (forcesNullable, isSlice) = (true, false)
        case "slice": (forcesNullable, isSlice) = (false, true)
        case "embed": return embedMacro(call, allowed: call.location.map(embedSlots.contains) ?? false)
        default: return .misuse(.error("function \"\(function)\" does not exist", at: at))
        }
        let arguments = call.args
        guard arguments.count == 1, !call.aggStar else {
            return .misuse(.error("expected 1 argument to \(function); got \(arguments.count)", at: at))
        }
        let argument = arguments[0]
        let name: String?
        switch argument {
        case .columnRef(let reference):
            let fields = reference.fields
            name = fields.count == 1 ? fields[0].stringValue : nil
        case .aConst(let constant):
            name = constant.sval?.sval
        default:
            name = nil
        }
        guard let name, !name.isEmpty else {
            return .misuse(
                Diagnostic.error(
                    "expected an identifier or a string literal as the argument of \(function)", at: location(argument.location ?? call.location)))
        }
        guard let start = call.location, let end = endOfCall(startingAt: start) else {
            return .misuse(.error("could not find the end of \(function)(…)", at: at))
        }
        return .macro(
            Macro(
                range: start..<end, kind: .parameter(.init(name: name, forcesNullable: forcesNullable, isSlice: isSlice))))
    }

    /// `sqlc.embed(t)`: an entry of the SELECT list naming one FROM item, without alias.
    private func embedMacro(_ call: PG.FuncCall, allowed: Bool) -> MacroMatch {
        let at = location(call.location)
        guard allowed else {
            return .misuse(
                .error(
                    "sqlc.embed(…) must be a whole entry of the statement's SELECT list, without AS (it stands for "
                        + "all the columns of one table)",
                    at: at))
        }
        let arguments = call.args
        guard arguments.count == 1, !call.aggStar else {
            return .misuse(.error("expected 1 argument to sqlc.embed; got \(arguments.count)", at: at))
        }
        guard case .columnRef(let reference) = arguments[0], reference.fields.count == 1,
            let name = reference.fields[0].stringValue, let argumentStart = reference.location
        else {
            return .misuse(
                .error(
                    "expected a table name or alias as the argument of sqlc.embed",
                    at: location(arguments[0].location ?? call.location)))
        }
        guard let start = call.location, let end = endOfCall(startingAt: start) else {
            return .misuse(.error("could not find the end of sqlc.embed(…)", at: at))
        }
        // The name as written (quoted or not), up to the closing parenthesis.
        let argumentEnd = SQLTrivia.trimmedEnd(bytes, from: argumentStart, to: end - 1)
        let written = String(decoding: bytes[argumentStart..<argumentEnd], as: UTF8.self)
        return .macro(Macro(range: start..<end, kind: .embed(name: name, reference: written)))
    }

    /// `x IN (sqlc.slice(ids))`, which PostgreSQL reads as `x = $n` (one value), becomes
    /// `x = ANY($n)` (and `NOT IN` becomes `<> ALL($n)`): one prepared statement then takes a
    /// list of any length. A slice among other values of an IN list cannot be rewritten.
    private func sliceInListMacro(_ expression: PG.A_Expr) -> MacroMatch? {
        guard expression.kind == .in, case .list(let list)? = expression.rexpr else { return nil }
        let slices = list.items.compactMap { item -> (PG.FuncCall, Macro)? in
            guard case .funcCall(let call) = item, call.funcname.names == ["sqlc", "slice"],
                case .macro(let macro)? = funcCallMacro(call, embedSlots: [])
            else { return nil }
            return (call, macro)
        }
        guard let (call, slice) = slices.first else { return nil }
        guard list.items.count == 1 else {
            return .misuse(
                .error(
                    "sqlc.slice(…) must be the only entry of an IN list (it stands for the whole list)",
                    at: location(call.location)))
        }
        // The expression's location is its `IN` (or the `NOT` of `NOT IN`); the list ends at the
        // `)` after the macro.
        let (_, end) = SQLTrivia.scanLeading(bytes, from: slice.range.upperBound, to: bytes.count)
        guard let start = expression.location, end < bytes.count, bytes[end] == UInt8(ascii: ")") else { return nil }
        let isNegated = expression.name.names == ["<>"]
        return .macro(
            Macro(
                range: start..<(end + 1), kind: slice.kind, prefix: isNegated ? "<> ALL(" : "= ANY(", suffix: ")"))
    }

    /// `@name`: PostgreSQL reads it as the prefix operator `@` (absolute value) applied to an
    /// expression; it is a macro when an identifier directly follows the `@`. Because `::`,
    /// `+` and others bind tighter than a prefix operator, `@x::int` is `@(x::int)`: the
    /// identifier is then the leftmost part of the operand, which is why descendants are searched.
    private func atSignMacro(_ expression: PG.A_Expr) -> Macro? {
        guard expression.kind == .op, expression.name.names == ["@"], expression.lexpr == nil,
            let at = expression.location, at < bytes.count, bytes[at] == UInt8(ascii: "@"), let operand = expression.rexpr
        else { return nil }
        let references = ([operand] + operand.descendants).lazy.compactMap { node -> PG.ColumnRef? in
            guard case .columnRef(let reference) = node, reference.location == at + 1 else { return nil }
            return reference
        }
        guard let reference = references.first, reference.fields.count == 1, let name = reference.fields[0].stringValue
        else { return nil }
        var end = at + 1
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            end += 1
            while end < bytes.count {
                if bytes[end] == UInt8(ascii: "\"") {
                    if end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "\"") {
                        end += 2
                        continue
                    }
                    end += 1
                    break
                }
                end += 1
            }
        } else {
            while end < bytes.count, SQLTrivia.isIdentifierByte(bytes[end]) { end += 1 }
        }
        return Macro(range: at..<end, kind: .parameter(.init(name: name)))
    }

    /// `id=@id` lexes as the operator `=@`, which does not exist; say how to write it.
    private func fusedOperatorDiagnostic(_ expression: PG.A_Expr) -> Diagnostic? {
        // Only operators that exist without the `@` (so not `@@` or `<@`, which are real).
        let fusible = ["=", "<>", "!=", "<=", ">=", "+", "-", "*", "/", "%", "||"]
        guard let op = expression.name.names.last, fusible.contains(String(op.dropLast())), op.hasSuffix("@"),
            case .columnRef(let operand)? = expression.rexpr, operand.fields.count == 1, let name = operand.fields[0].stringValue
        else { return nil }
        let written = String(op.dropLast())
        return .error(
            "\"\(op)\(name)\" reads as the operator \"\(op)\"; write \"\(written) @\(name)\" to use the parameter @\(name)",
            at: location(expression.location))
    }

    /// The offset just past the `)` that closes the call starting at `start`, skipping
    /// string literals, quoted identifiers and comments.
    private func endOfCall(startingAt start: Int) -> Int? {
        var index = start
        // Skip the qualified function name (possibly quoted, possibly spaced).
        while index < bytes.count, bytes[index] != UInt8(ascii: "(") { index += 1 }
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                index += 1
                while index < bytes.count {
                    if bytes[index] == byte {
                        if index + 1 < bytes.count, bytes[index + 1] == byte {
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
            case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "-"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                let (_, after) = SQLTrivia.scanLeading(bytes, from: index, to: bytes.count)
                index = max(index + 1, after) - 1
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
