/// The money invariant across a transfer workload: what it started with, what it ended with, and
/// whether the bank is still consistent.
struct MoneyCheck: Sendable, Codable {
    var workload: String
    var totalBefore: Int64
    var totalAfter: Int64
    var negativeBalances: Int64
    var transfersAdded: Int64
    var entriesAdded: Int64
    /// Transfers the Swift clients saw committed (nil for pgbench and wrk, which only count).
    var transfersCommittedByClients: Int64?
    /// Slices (of several merged with `init(merging:)`) that broke the invariant on their own.
    var brokenSlices = 0

    /// Total unchanged, no negative balance, two entries per transfer, and every committed
    /// transfer accounted for.
    var holds: Bool {
        brokenSlices == 0 && totalBefore == totalAfter && negativeBalances == 0 && entriesAdded == 2 * transfersAdded
            && (transfersCommittedByClients.map { $0 == transfersAdded } ?? true)
    }

    var line: String {
        let committed = transfersCommittedByClients.map { ", committed by clients \($0)" } ?? ""
        return "money invariant [\(workload)]: \(holds ? "OK" : "VIOLATED") — total \(totalBefore) → \(totalAfter), "
            + "negative balances \(negativeBalances), transfers +\(transfersAdded), entries +\(entriesAdded)\(committed)"
    }
}

extension MoneyCheck {
    /// One variant's slice checks, in order, as one: from the first one's total before to the last
    /// one's total after, with the rows they all added. A slice that broke the invariant keeps the
    /// whole check broken, even if a later one happened to even the total out again.
    init?(merging slices: [MoneyCheck]) {
        guard var merged = slices.first, let last = slices.last else { return nil }
        merged.totalAfter = last.totalAfter
        merged.negativeBalances = slices.map(\.negativeBalances).max() ?? 0
        merged.transfersAdded = slices.reduce(0) { $0 + $1.transfersAdded }
        merged.entriesAdded = slices.reduce(0) { $0 + $1.entriesAdded }
        merged.transfersCommittedByClients = slices.reduce(Int64?.some(0)) { sum, slice in
            sum.flatMap { total in slice.transfersCommittedByClients.map { total + $0 } }
        }
        merged.brokenSlices = slices.filter { !$0.holds }.count
        self = merged
    }
}
