import Foundation
import Logging
import PostgresNIO
import PostgresTestSupport
import Testing

/// The job-queue project in this folder, written for sqlc (version 1 config, goose migrations
/// with down sections, lowerCamel names, an unannotated statement, mixed `$n` and named
/// parameters, embeds under LEFT JOIN, slices, `:copyfrom`, batches, enums and enum arrays, a
/// column override) and generated with no edit: every generated method runs against PostgreSQL.
@Suite struct SQLCProjectTests {
    private static let budget = ConnectionBudget(capacity: 4)
    private static let migrations = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("db/migrations")

    /// A database of its own with the project's goose migrations applied (their Up sections).
    private func withQueries(_ body: @Sendable (Queries) async throws -> Void) async throws {
        let logger = Logger(label: "sqlc-project-tests")
        try await MigratedTestDatabase.with(
            namePrefix: "sqlc_project_", maxConnections: 2, budget: Self.budget, logger: logger, migrations: nil
        ) { database in
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.migrations.path).filter { $0.hasSuffix(".sql") }
            for file in files.sorted() {
                let text = try String(contentsOf: Self.migrations.appendingPathComponent(file), encoding: .utf8)
                try await database.client.runStatements(of: text.components(separatedBy: "-- +goose Down")[0], logger: logger)
            }
            try await body(Queries(database.client))
        }
    }

    @Test func teamsWithMixedParametersSlicesAndEmbeds() async throws {
        try await withQueries { queries in
            let acme = try await queries.createTeam(name: "acme", plan: .pro)
            let solo = try await queries.createTeam(name: "solo", plan: .free)
            #expect(acme.plan == .pro && acme.budget == 0)
            #expect(try await queries.getTeamByName(name: "solo") == solo)
            #expect(try await queries.getTeamByName(name: "nobody") == nil)

            #expect(try await queries.listTeamsByPlans(plans: [.pro, .enterprise]).map(\.id) == [acme.id])
            #expect(try await queries.listTeamsByPlans(plans: []) == [])
            #expect(try await queries.listTeamsByIDs(ids: [solo.id, acme.id, 999]).map(\.name) == ["acme", "solo"])
            #expect(try await queries.listTeamsByIDs(ids: []) == [])

            let lead = try await queries.addMember(teamID: acme.id, email: "ada@acme.test", roles: [.lead, .editor])
            _ = try await queries.addMember(teamID: acme.id, email: "bob@acme.test", roles: [])
            #expect(lead.roles == [.lead, .editor])
            #expect(try await queries.membersWithRole(teamID: acme.id, role: .editor).map(\.email) == ["ada@acme.test"])
            #expect(try await queries.setMemberRoles(roles: [.viewer], teamID: acme.id, email: "bob@acme.test") == 1)
            #expect(try await queries.setMemberRoles(roles: [.viewer], teamID: solo.id, email: "bob@acme.test") == 0)
            #expect(try await queries.membersWithRole(teamID: acme.id, role: .viewer).map(\.email) == ["bob@acme.test"])

            // The LEFT JOIN finds a lead for acme and none for solo: its member is nil.
            let leads = try await queries.teamLeads()
            #expect(leads.map(\.team) == [acme, solo])
            #expect(leads.map(\.member) == [lead, nil])
        }
    }

    @Test func jobsThroughCopyBatchesAndEveryResultKind() async throws {
        try await withQueries { queries in
            let team = try await queries.createTeam(name: "acme", plan: .enterprise)
            let later = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01
            let due = try await queries.enqueueJob(
                EnqueueJobParams(
                    teamID: team.id, kind: "email", payload: JobPayload(url: "https://acme.test/a", retries: 2), runAt: nil,
                    cost: Decimal(string: "1.25")))
            let scheduled = try await queries.enqueueJob(
                EnqueueJobParams(
                    teamID: team.id, kind: "report", payload: JobPayload(url: "https://acme.test/b"), runAt: later,
                    cost: nil))
            #expect(due.payload == JobPayload(url: "https://acme.test/a", retries: 2))
            #expect(due.state == .queued && scheduled.runAt == later)

            let bulk = (0..<500).map { EnqueueJobsParams(teamID: team.id, kind: "bulk", payload: JobPayload(url: "https://acme.test/\($0)")) }
            #expect(try await queries.enqueueJobs(bulk) == 500)

            // Due jobs in run_at order; the scheduled one stays queued.
            let claimed = try await queries.claimJobs(maxJobs: 3)
            #expect(claimed.count == 3)
            #expect(claimed.allSatisfy { $0.state == .running && $0.attempts == 1 })
            #expect(try await queries.claimJobs(maxJobs: 1000).count == 498)

            let failures = try await queries.updateJobFailed([
                UpdateJobFailedParams(error: "timeout", id: claimed[0].id),
                UpdateJobFailedParams(error: "gone", id: 424_242),
            ])
            #expect(failures.count == 2)
            for failure in failures { try failure.get() }

            let fetched = try await queries.getJobs([claimed[0].id, 424_242, scheduled.id]).map { try $0.get() }
            #expect(fetched[0]?.state == .failed && fetched[0]?.lastError == "timeout")
            #expect(fetched[1] == nil)
            #expect(fetched[2] == scheduled)

            let finished = try await queries.finishJob(id: claimed[1].id)
            #expect(finished.command == "UPDATE" && finished.rowCount == 1)
            #expect(try await queries.finishJob(id: claimed[1].id).rowCount == 0)

            let counts = try await queries.countJobsByState(teamID: team.id)
            #expect(counts.map(\.state) == [.queued, .running, .done, .failed])
            #expect(counts.map(\.total) == [1, 499, 1, 1])
            #expect(counts.first { $0.state == .running }?.totalCost == nil)

            let perTeam = try await queries.jobsForTeams([team.id, 424_242]).map { try $0.get() }
            #expect(perTeam[0].count == 502 && perTeam[1].isEmpty)
            #expect(perTeam[0].first?.kind == "email")

            #expect(try await queries.deleteFinishedJobs(before: later) == 1)
            #expect(try await queries.deleteFinishedJobs(before: later) == 0)
        }
    }
}
