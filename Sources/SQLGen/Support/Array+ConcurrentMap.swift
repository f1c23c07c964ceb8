import Dispatch

extension Array where Element: Sendable {
    /// `map` with the elements spread over the machine's cores. The results are in the elements'
    /// order whatever order they finish in, so output built from them stays deterministic.
    ///
    /// For independent, pure work per element (a file to parse, a query to analyze, a source file
    /// to build): the stages are pure functions, and a large project spends most of its time in
    /// work of that kind.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            withUnsafeBufferPointer { elements in
                let slots = Slots(elements: elements, results: buffer.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    (slots.results + index).initialize(to: transform(slots.elements[index]))
                }
            }
            initializedCount = count
        }
    }
}

/// The elements and the results being built, shared by the workers. Safe to share: each index
/// is run exactly once, reads its element and initializes only its own result, and the caller
/// keeps both buffers alive until every worker is done.
private struct Slots<Element, Result>: @unchecked Sendable {
    let elements: UnsafeBufferPointer<Element>
    let results: UnsafeMutablePointer<Result>
}
