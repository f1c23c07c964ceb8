import Foundation
import PostgresNIO
import Testing

/// `point`, `line`, `lseg`, `box`, `path`, `polygon` and `circle` through the real PostgreSQL:
/// bound in binary, read back equal, printed as PostgreSQL prints them, parsed by PostgreSQL from
/// its text form, copied, and malformed binary values rejected.
@Suite struct GeometricTypeTests: RuntimeFixtureTests {
    static func point(_ x: Double, _ y: Double) -> PostgresPoint { PostgresPoint(x: x, y: y) }

    static let shapes: [CopyShapesParams] = [
        CopyShapesParams(
            spot: point(-0.0, .nan), edge: PostgresLine(a: 1, b: -1, c: 0),
            segment: PostgresLineSegment(start: point(1e300, -1.5e-300), end: point(.infinity, -.infinity)),
            // Given low-high: PostgreSQL stores the upper-right corner first.
            frame: PostgresBox(high: point(0, 0), low: point(3.5, -2)),
            route: PostgresPath(points: [point(0, 0), point(1, 1), point(0.1, 1e15)], isClosed: false),
            outline: PostgresPolygon(points: (0..<1_000).map { point(cos(Double($0)), sin(Double($0)) * 1e-5) }),
            ring: PostgresCircle(center: point(0.1, 1.2345678901234568e17), radius: 0)),
        CopyShapesParams(
            spot: point(.greatestFiniteMagnitude, .leastNonzeroMagnitude), edge: PostgresLine(a: -0.0, b: -1.5, c: .nan),
            segment: nil, frame: PostgresBox(high: point(.nan, 1), low: point(1, .infinity)),
            route: PostgresPath(points: [point(1, 2)], isClosed: true), outline: PostgresPolygon(points: [point(-1, 1e-4)]),
            ring: PostgresCircle(center: point(-0.0, 0), radius: .infinity)),
        CopyShapesParams(
            spot: point(1e14, 1e15), edge: nil, segment: PostgresLineSegment(start: point(1, 2), end: point(1, 2)),
            frame: nil, route: PostgresPath(points: [point(1, 2), point(3, 4)], isClosed: true), outline: nil,
            ring: PostgresCircle(center: point(1, 2), radius: .nan)),
    ]

    @Test func valuesRoundTripAndPrintAsPostgreSQLDoes() async throws {
        try await withQueries { queries in try await Self.roundTrip(queries) }
    }

    private static func roundTrip(_ queries: Queries) async throws {
        for shape in shapes {
            let created = try await queries.createShape(
                CreateShapeParams(
                    spot: shape.spot, edge: shape.edge, segment: shape.segment, frame: shape.frame, route: shape.route,
                    outline: shape.outline, ring: shape.ring))
            #expect(created.spot == shape.spot)
            #expect(created.edge == shape.edge)
            #expect(created.segment == shape.segment)
            #expect(created.frame == shape.frame)
            #expect(created.route == shape.route)
            #expect(created.outline == shape.outline)
            #expect(created.ring == shape.ring)
            let texts = try #require(try await queries.shapeTexts(id: created.id))
            #expect(texts.spot == shape.spot.description)
            #expect(texts.edge == shape.edge?.description)
            #expect(texts.segment == shape.segment?.description)
            #expect(texts.frame == shape.frame?.description)
            #expect(texts.route == shape.route?.description)
            #expect(texts.outline == shape.outline?.description)
            #expect(texts.ring == shape.ring?.description)
        }
        #expect(shapes[0].spot.description == "(-0,NaN)")
        #expect(shapes[0].frame?.description == "(3.5,0),(0,-2)")
        #expect(shapes[0].ring?.description == "<(0.1,1.2345678901234568e+17),0>")
        #expect(shapes[1].spot.description == "(1.7976931348623157e+308,5e-324)")
        #expect(shapes[2].spot.description == "(100000000000000,1e+15)")
        #expect(shapes[2].route?.description == "((1,2),(3,4))")
        #expect(point(-0.0, .nan) == point(0, .nan))

        #expect(try await queries.copyShapes(shapes) == shapes.count)
    }

    @Test func postgreSQLTextFormsDecodeAndPrintTheSame() async throws {
        try await withQueries { queries in try await Self.parse(queries) }
    }

    private static func parse(_ queries: Queries) async throws {
        let texts: [[String]] = [
            ["(1,2)", "{1,2,3}", "[(1,2),(3,4)]", "(1,2),(0,0)", "[(0,0)]", "((0,0),(1,1),(1,0))", "<(1,2),3>"],
            [
                "(-0,1e-05)", "{-1.5,0,Infinity}", "[(1e+300,-1e-300),(NaN,-Infinity)]", "(0.1,0.2),(-0.3,-0.4)",
                "((0,0),(1,1),(2,0),(3,1))", "((1234567.125,0))", "<(0,0),0.30000000000000004>",
            ],
        ]
        for text in texts {
            let row = try #require(
                try await queries.parseShapes(
                    ParseShapesParams(
                        spot: text[0], edge: text[1], segment: text[2], frame: text[3], route: text[4], outline: text[5],
                        ring: text[6])))
            let descriptions = [
                row.spot.description, row.edge.description, row.segment.description, row.frame.description,
                row.route.description, row.outline.description, row.ring.description,
            ]
            #expect(descriptions == text)
        }
    }

    @Test func valuesPostgreSQLRejectsAreItsErrors() async throws {
        try await withQueries { queries in try await Self.rejected(queries) }
    }

    private static func rejected(_ queries: Queries) async throws {
        let spot = point(0, 0)
        // A line needs a or b, a path and a polygon a point, a circle a radius of at least 0.
        let invalid = [
            CreateShapeParams(spot: spot, edge: PostgresLine(a: 0, b: 0, c: 1), segment: nil, frame: nil, route: nil, outline: nil, ring: nil),
            CreateShapeParams(
                spot: spot, edge: nil, segment: nil, frame: nil, route: PostgresPath(points: [], isClosed: false), outline: nil,
                ring: nil),
            CreateShapeParams(spot: spot, edge: nil, segment: nil, frame: nil, route: nil, outline: PostgresPolygon(points: []), ring: nil),
            CreateShapeParams(
                spot: spot, edge: nil, segment: nil, frame: nil, route: nil, outline: nil, ring: PostgresCircle(center: spot, radius: -1)),
        ]
        for params in invalid {
            await #expect(throws: PSQLError.self) { try await queries.createShape(params) }
        }
    }

    @Test func malformedBinaryValuesAreDecodingErrors() {
        let point = MalformedValues.bytes(Self.point(1, 2))
        MalformedValues.expectRejected(PostgresPoint.self, oid: 600, Array(point.dropLast()))
        MalformedValues.expectRejected(PostgresPoint.self, oid: 600, point + [0])
        MalformedValues.expectRejected(PostgresPoint.self, oid: 701, point)
        MalformedValues.expectRejected(PostgresPoint.self, oid: 600, point, format: .text)
        MalformedValues.expectRejected(PostgresLine.self, oid: 628, point)
        MalformedValues.expectRejected(PostgresLineSegment.self, oid: 601, point + point + [0])
        MalformedValues.expectRejected(PostgresBox.self, oid: 603, point)
        MalformedValues.expectRejected(PostgresCircle.self, oid: 718, point + [0, 0, 0, 0, 0, 0, 0])
        MalformedValues.expectRejected(PostgresCircle.self, oid: 600, point + point)
        // path: a closed flag other than 0 or 1, a negative count, fewer points than counted, a huge count.
        MalformedValues.expectRejected(PostgresPath.self, oid: 602, [2, 0, 0, 0, 1] + point)
        MalformedValues.expectRejected(PostgresPath.self, oid: 602, [0, 0xff, 0xff, 0xff, 0xff])
        MalformedValues.expectRejected(PostgresPath.self, oid: 602, [0, 0, 0, 0, 2] + point)
        MalformedValues.expectRejected(PostgresPath.self, oid: 602, [1, 0x7f, 0xff, 0xff, 0xff] + point)
        MalformedValues.expectRejected(PostgresPath.self, oid: 602, [1, 0, 0])
        MalformedValues.expectRejected(PostgresPolygon.self, oid: 604, [0, 0, 0, 1] + point + [0])
        MalformedValues.expectRejected(PostgresPolygon.self, oid: 604, [0x80, 0, 0, 0])
        MalformedValues.expectRejected(PostgresPolygon.self, oid: 602, [0, 0, 0, 1] + point)
    }
}
