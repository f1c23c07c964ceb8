import Foundation
import Testing

/// Arrays of the geometric, money, xml, text search and time-of-day types through the real
/// PostgreSQL: bound as text through `PostgresArray` (their descriptions are PostgreSQL's text
/// forms, quoted as array elements; boxes separated by `;`), decoded from binary, copied.
@Suite struct MoreArrayTests: RuntimeFixtureTests {
    static let plans: [CopyRoutePlansParams] = [
        CopyRoutePlansParams(
            stops: [PostgresPoint(x: 1.5, y: -2), PostgresPoint(x: 0, y: 1e15)],
            zones: [PostgresPolygon(points: [PostgresPoint(x: 0, y: 0), PostgresPoint(x: 1, y: 0), PostgresPoint(x: 0, y: 1)])],
            ranges: [PostgresCircle(center: PostgresPoint(x: 2, y: 2), radius: 0.5)],
            fees: [PostgresMoney(minorUnits: 150), PostgresMoney(minorUnits: -1)],
            notes: [PostgresXML(text: #"<note a="1">x &amp; "y", {z}</note>"#)],
            keywords: [PostgresTSVector([.init("fat", positions: [.init(2, weight: .a)]), .init("rat's")])],
            queries: [PostgresTSQuery(.and(.lexeme("cat", isPrefix: true), .not(.lexeme("dog"))))],
            departures: [PostgresTime(hour: 6, minute: 30), PostgresTime(microseconds: 1)],
            arrivals: [PostgresTimeWithZone(time: PostgresTime(hour: 9, minute: 0), utcOffsetSeconds: -18_000)],
            areas: [
                PostgresBox(high: PostgresPoint(x: 2, y: 2), low: PostgresPoint(x: 0, y: -1.5)),
                PostgresBox(high: PostgresPoint(x: 0, y: 0), low: PostgresPoint(x: 0, y: 0)),
            ]),
        CopyRoutePlansParams(
            stops: [], zones: nil, ranges: [], fees: nil, notes: [], keywords: nil, queries: [], departures: nil,
            arrivals: [], areas: nil),
    ]

    private static func params(of plan: RoutePlan) -> CopyRoutePlansParams {
        CopyRoutePlansParams(
            stops: plan.stops, zones: plan.zones, ranges: plan.ranges, fees: plan.fees, notes: plan.notes,
            keywords: plan.keywords, queries: plan.queries, departures: plan.departures, arrivals: plan.arrivals,
            areas: plan.areas)
    }

    @Test func valuesRoundTrip() async throws {
        try await withQueries { queries in
            for plan in Self.plans {
                let created = try await queries.createRoutePlan(
                    CreateRoutePlanParams(
                        stops: plan.stops, zones: plan.zones, ranges: plan.ranges, fees: plan.fees, notes: plan.notes,
                        keywords: plan.keywords, queries: plan.queries, departures: plan.departures,
                        arrivals: plan.arrivals, areas: plan.areas))
                #expect(Self.params(of: created) == plan)
            }
            #expect(try await queries.copyRoutePlans(Self.plans) == Self.plans.count)
            #expect(try await queries.listRoutePlans().suffix(2).map(Self.params(of:)) == Self.plans)
        }
    }

    @Test func boxesAreSeparatedBySemicolonsAtEveryLevel() throws {
        let box = PostgresBox(high: PostgresPoint(x: 1, y: 1), low: PostgresPoint(x: 0, y: 0))
        let quoted = "\"\(box)\""
        #expect(box.description.contains(","))
        #expect(try [box, box].postgresText == "{\(quoted);\(quoted)}")
        #expect(try [[box], [box]].postgresText == "{{\(quoted)};{\(quoted)}}")
        let numbers: [[Int32]] = [[1, 2], [3]]
        #expect(try numbers.postgresText == #"{{"1","2"},{"3"}}"#)
    }
}
