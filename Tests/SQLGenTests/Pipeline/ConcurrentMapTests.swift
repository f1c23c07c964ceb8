import Testing

@testable import SQLGen

@Suite struct ConcurrentMapTests {
    @Test func keepsTheElementsOrder() {
        let numbers = Array(0..<10_000)
        #expect(numbers.concurrentMap { $0 * 3 } == numbers.map { $0 * 3 })
        #expect([Int]().concurrentMap { $0 } == [])
        #expect([7].concurrentMap { String($0) } == ["7"])
    }
}
