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
    /// Slices (of several merged with `followed(by:)`) that broke the invariant on their own.
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

    /// This check and a later one of the same variant as one: from this one's total before to the
    /// later one's total after, with the rows both added.
    func followed(by later: MoneyCheck) -> MoneyCheck {
        var merged = self
        merged.totalAfter = later.totalAfter
        merged.negativeBalances = max(negativeBalances, later.negativeBalances)
        merged.transfersAdded += later.transfersAdded
        merged.entriesAdded += later.entriesAdded
        merged.transfersCommittedByClients = transfersCommittedByClients.flatMap { mine in
            later.transfersCommittedByClients.map { mine + $0 }
        }
        // A slice that broke the invariant keeps the whole check broken, even if a later one
        // happened to even the total out again.
        merged.brokenSlices = (holds ? 0 : max(brokenSlices, 1)) + (later.holds ? 0 : max(later.brokenSlices, 1))
        return merged
    }
}
