/// How PostgreSQL picks one of several overloads of a function or operator for the argument
/// types of a call (`func_select_candidate` / `oper_select_candidate`, the "Type Conversion"
/// chapter): an exact match, else the only candidate every argument coerces to implicitly,
/// else the one with the most exact matches, then the most preferred types, then the
/// category the untyped arguments fit, then the type of the known arguments.
struct CandidateSelection {
    let coercion: TypeCoercion
    /// Each candidate's declared type at each argument position.
    private(set) var declared: [[SQLType]] = []

    init(coercion: TypeCoercion) { self.coercion = coercion }

    /// The index of the chosen candidate among `candidates`.
    ///
    /// - Parameter assumingUnknownIsOther: binary operators first look for an exact match taking
    ///   an untyped operand to have the other operand's type.
    mutating func select(_ candidates: [[SQLType]], actual: [SQLType], assumingUnknownIsOther: Bool = false)
        -> Result<Int, FunctionResolver.Failure>
    {
        declared = candidates
        if let exact = candidates.firstIndex(of: actual) { return .success(exact) }
        if assumingUnknownIsOther, actual.count == 2, actual.filter({ $0 == .unknown }).count == 1 {
            let known = actual[0] == .unknown ? actual[1] : actual[0]
            if let exact = candidates.firstIndex(of: [known, known]) { return .success(exact) }
        }
        let viable = candidates.indices.filter { index in
            accepts(candidates[index], actual)
        }
        switch viable.count {
        case 0: return .failure(.doesNotExist)
        case 1: return .success(viable[0])
        default:
            guard let best = selectCandidate(viable, actual) else { return .failure(.notUnique) }
            return .success(best)
        }
    }

    /// Whether every argument coerces implicitly to its parameter, polymorphic ones consistently.
    private func accepts(_ parameters: [SQLType], _ actual: [SQLType]) -> Bool {
        zip(actual, parameters).allSatisfy { coercion.canCoerceImplicitly($0, to: $1) }
            && PolymorphicBinding(declared: parameters, actual: actual, coercion: coercion) != nil
    }

    /// `func_select_candidate`: narrows several viable candidates down to one, or nil.
    private func selectCandidate(_ viable: [Int], _ actual: [SQLType]) -> Int? {
        var candidates = viable
        // Most exact matches on known argument types.
        candidates = keepBest(candidates) { candidate in
            zip(actual, declared[candidate]).filter { $0 != .unknown && $0 == $1 }.count
        }
        if candidates.count == 1 { return candidates[0] }
        // Most exact-or-preferred matches where a known argument needs a coercion.
        candidates = keepBest(candidates) { candidate in
            zip(actual, declared[candidate]).filter { input, declared in
                input != .unknown
                    && (input == declared
                        || (coercion.isPreferred(declared) && coercion.category(declared) == coercion.category(input)))
            }.count
        }
        if candidates.count == 1 { return candidates[0] }
        let unknownPositions = actual.indices.filter { actual[$0] == .unknown }
        guard !unknownPositions.isEmpty else { return nil }
        // Untyped arguments: the string category wins where a candidate accepts it, else the
        // category every candidate agrees on; preferred types of it beat the others.
        var resolvedAll = true
        var chosen: [Int: (category: Character, preferred: Bool)] = [:]
        for position in unknownPositions {
            var slot: (category: Character, preferred: Bool)?
            var conflict = false
            for candidate in candidates {
                let type = declared[candidate][position]
                let category = coercion.category(type)
                let preferred = coercion.isPreferred(type)
                if let current = slot {
                    if category == current.category {
                        slot = (category, current.preferred || preferred)
                    } else if category == "S" {
                        slot = (category, preferred)
                    } else {
                        conflict = true
                    }
                } else {
                    slot = (category, preferred)
                }
            }
            guard let slot, !conflict || slot.category == "S" else {
                resolvedAll = false
                break
            }
            chosen[position] = slot
        }
        if resolvedAll {
            let narrowed = candidates.filter { candidate in
                chosen.allSatisfy { position, slot in
                    let type = declared[candidate][position]
                    return coercion.category(type) == slot.category && (!slot.preferred || coercion.isPreferred(type))
                }
            }
            if narrowed.count == 1 { return narrowed[0] }
            if !narrowed.isEmpty { candidates = narrowed }
        }
        // Last gasp: the known arguments all have one type; assume the untyped ones have it too.
        let known = Set(actual.filter { $0 != .unknown })
        if known.count == 1, let type = known.first {
            let assumed = actual.map { $0 == .unknown ? type : $0 }
            let matching = candidates.filter { candidate in
                accepts(declared[candidate], assumed)
            }
            if matching.count == 1 { return matching[0] }
        }
        return nil
    }

    private func keepBest(_ candidates: [Int], score: (Int) -> Int) -> [Int] {
        let scores = candidates.map(score)
        let best = scores.max() ?? 0
        return zip(candidates, scores).filter { $0.1 == best }.map(\.0)
    }

}
