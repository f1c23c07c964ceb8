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

    /// Total unchanged, no negative balance, two entries per transfer, and every committed
    /// transfer accounted for.
    var holds: Bool {
        totalBefore == totalAfter && negativeBalances == 0 && entriesAdded == 2 * transfersAdded
            && (transfersCommittedByClients.map { $0 == transfersAdded } ?? true)
    }

    var line: String {
        let committed = transfersCommittedByClients.map { ", committed by clients \($0)" } ?? ""
        return "money invariant [\(workload)]: \(holds ? "OK" : "VIOLATED") — total \(totalBefore) → \(totalAfter), "
            + "negative balances \(negativeBalances), transfers +\(transfersAdded), entries +\(entriesAdded)\(committed)"
    }
}
