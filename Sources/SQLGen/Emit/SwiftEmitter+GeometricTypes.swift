extension SwiftEmitter {
    /// The geometric types (`point`, `line`, `lseg`, `box`, `path`, `polygon`, `circle`), which
    /// PostgresNIO has no Swift types for. Each is bound in binary (big-endian float8 fields), and
    /// its `description` is PostgreSQL's text form, which `:copyfrom` writes. `PostgresPoint`
    /// holds the float8 reading, writing and printing that the others share.
    func writeGeometricSupportType(_ type: SupportType, to writer: inout SwiftSourceWriter) {
        switch type {
        case .line: writeSupportSource(Self.lineSource, to: &writer)
        case .lineSegment: writeSupportSource(Self.lineSegmentSource, to: &writer)
        case .box: writeSupportSource(Self.boxSource, to: &writer)
        case .path: writeSupportSource(Self.pathSource, to: &writer)
        case .polygon: writeSupportSource(Self.polygonSource, to: &writer)
        case .circle: writeSupportSource(Self.circleSource, to: &writer)
        default: writeSupportSource(Self.pointSource, to: &writer)
        }
    }

    // swift-format-ignore
    private static func pointSource(access: String, codable: String) -> String {
        #"""
        /// A `point`: `(x,y)` in float8. `description` is PostgreSQL's text form (`(1,-0)`, `(NaN,Infinity)`).
        /// Coordinates compare as PostgreSQL's float8 does: NaN equals NaN, and -0 equals 0.
        \#(access)struct PostgresPoint: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var x: Double
            \#(access)var y: Double

            \#(access)init(x: Double, y: Double) {
                self.x = x
                self.y = y
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(600) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: x, then y, each a big-endian float8.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                write(to: &buffer)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(600), format == .binary, buffer.readableBytes == 16, let point = Self.read(from: &buffer)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self = point
            }

            \#(access)var description: String { "(\(Self.text(of: x)),\(Self.text(of: y)))" }

            \#(access)static func == (lhs: PostgresPoint, rhs: PostgresPoint) -> Bool {
                Self.key(lhs.x) == Self.key(rhs.x) && Self.key(lhs.y) == Self.key(rhs.y)
            }

            \#(access)func hash(into hasher: inout Hasher) {
                hasher.combine(Self.key(x))
                hasher.combine(Self.key(y))
            }

            /// A float8 as PostgreSQL compares it: every NaN alike, and -0 as 0.
            static func key(_ value: Double) -> UInt64 {
                value.isNaN ? Double.nan.bitPattern : value == 0 ? 0 : value.bitPattern
            }

            /// Writes x and y as big-endian float8s.
            func write(to buffer: inout ByteBuffer) {
                buffer.writeInteger(x.bitPattern)
                buffer.writeInteger(y.bitPattern)
            }

            /// Reads x and y; nil when fewer than 16 bytes remain.
            static func read(from buffer: inout ByteBuffer) -> PostgresPoint? {
                guard let x = buffer.readInteger(as: UInt64.self), let y = buffer.readInteger(as: UInt64.self) else { return nil }
                return PostgresPoint(x: Double(bitPattern: x), y: Double(bitPattern: y))
            }

            /// Reads `count` points; nil unless exactly that many fill the rest of the buffer.
            static func readPoints(_ count: Int32, from buffer: inout ByteBuffer) -> [PostgresPoint]? {
                guard count >= 0, buffer.readableBytes == Int(count) * 16 else { return nil }
                let points = (0..<count).compactMap { _ in read(from: &buffer) }
                return points.count == Int(count) ? points : nil
            }

            /// `(1,2),(3,4)`: points as PostgreSQL lists them.
            static func text(of points: [PostgresPoint]) -> String {
                points.map(\.description).joined(separator: ",")
            }

            /// A float8 as PostgreSQL prints it: the shortest digits that read back the same, in
            /// exponent form below 1e-4 and from 1e15 (`1e+15`, `1.5e-05`), `NaN`, `Infinity`, `-0`.
            static func text(of value: Double) -> String {
                if value.isNaN { return "NaN" }
                if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
                let sign = value.sign == .minus ? "-" : ""
                if value == 0 { return sign + "0" }
                // Swift's description has the same shortest digits; only the layout differs.
                var text = Substring(value.magnitude.description)
                var exponent = 0
                if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                    exponent = Int(text[text.index(after: e)...]) ?? 0
                    text = text[..<e]
                }
                let integer = text.prefix { $0 != "." }
                var digits = Array(text.filter { $0 != "." })
                exponent += integer.count - 1
                while digits.first == "0" {
                    digits.removeFirst()
                    exponent -= 1
                }
                while digits.last == "0" { digits.removeLast() }
                if exponent < -4 || exponent >= 15 {
                    let mantissa = digits.count > 1 ? "\(digits[0])." + String(digits.dropFirst()) : String(digits)
                    let power = String(abs(exponent))
                    return sign + mantissa + (exponent < 0 ? "e-" : "e+") + (power.count < 2 ? "0" : "") + power
                }
                if exponent < 0 { return sign + "0." + String(repeating: "0", count: -exponent - 1) + String(digits) }
                if digits.count <= exponent + 1 {
                    return sign + String(digits) + String(repeating: "0", count: exponent + 1 - digits.count)
                }
                return sign + String(digits[...exponent]) + "." + String(digits[(exponent + 1)...])
            }
        }
        """#
    }

    // swift-format-ignore
    private static func lineSource(access: String, codable: String) -> String {
        #"""
        /// A `line`: the points where `a·x + b·y + c = 0` (PostgreSQL rejects `a` and `b` both zero).
        /// `description` is PostgreSQL's text form (`{1,-1,0}`).
        \#(access)struct PostgresLine: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var a: Double
            \#(access)var b: Double
            \#(access)var c: Double

            \#(access)init(a: Double, b: Double, c: Double) {
                self.a = a
                self.b = b
                self.c = c
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(628) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: a, b and c, each a big-endian float8.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                for value in [a, b, c] { buffer.writeInteger(value.bitPattern) }
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(628), format == .binary, buffer.readableBytes == 24,
                    let ab = PostgresPoint.read(from: &buffer), let c = buffer.readInteger(as: UInt64.self)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.init(a: ab.x, b: ab.y, c: Double(bitPattern: c))
            }

            \#(access)var description: String {
                "{\(PostgresPoint.text(of: a)),\(PostgresPoint.text(of: b)),\(PostgresPoint.text(of: c))}"
            }

            \#(access)static func == (lhs: PostgresLine, rhs: PostgresLine) -> Bool {
                [lhs.a, lhs.b, lhs.c].map(PostgresPoint.key) == [rhs.a, rhs.b, rhs.c].map(PostgresPoint.key)
            }

            \#(access)func hash(into hasher: inout Hasher) {
                hasher.combine([a, b, c].map(PostgresPoint.key))
            }
        }
        """#
    }

    // swift-format-ignore
    private static func lineSegmentSource(access: String, codable: String) -> String {
        #"""
        /// An `lseg`: the segment between two points. `description` is PostgreSQL's text form (`[(1,2),(3,4)]`).
        \#(access)struct PostgresLineSegment: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var start: PostgresPoint
            \#(access)var end: PostgresPoint

            \#(access)init(start: PostgresPoint, end: PostgresPoint) {
                self.start = start
                self.end = end
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(601) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the two points, each x then y as big-endian float8s.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                start.write(to: &buffer)
                end.write(to: &buffer)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(601), format == .binary, let points = PostgresPoint.readPoints(2, from: &buffer)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.init(start: points[0], end: points[1])
            }

            \#(access)var description: String { "[\(PostgresPoint.text(of: [start, end]))]" }
        }
        """#
    }

    // swift-format-ignore
    private static func boxSource(access: String, codable: String) -> String {
        #"""
        /// A `box`: a rectangle by its upper-right (`high`) and lower-left (`low`) corners, which is
        /// how PostgreSQL stores it whichever opposite corners it was given. `description` is
        /// PostgreSQL's text form, high corner first (`(1,2),(0,0)`).
        \#(access)struct PostgresBox: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var high: PostgresPoint
            \#(access)var low: PostgresPoint

            /// The box with these opposite corners, reordered as PostgreSQL does (NaN counts as the largest).
            \#(access)init(high: PostgresPoint, low: PostgresPoint) {
                func greater(_ a: Double, _ b: Double) -> Bool { a.isNaN ? !b.isNaN : !b.isNaN && a > b }
                self.high = PostgresPoint(x: greater(low.x, high.x) ? low.x : high.x, y: greater(low.y, high.y) ? low.y : high.y)
                self.low = PostgresPoint(x: greater(low.x, high.x) ? high.x : low.x, y: greater(low.y, high.y) ? high.y : low.y)
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(603) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the high corner, then the low one, each x then y as big-endian float8s.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                high.write(to: &buffer)
                low.write(to: &buffer)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(603), format == .binary, let points = PostgresPoint.readPoints(2, from: &buffer)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.init(high: points[0], low: points[1])
            }

            \#(access)var description: String { PostgresPoint.text(of: [high, low]) }
        }
        """#
    }

    // swift-format-ignore
    private static func pathSource(access: String, codable: String) -> String {
        #"""
        /// A `path`: points joined in order, open (`[(0,0),(1,1)]`) or closed back to the first
        /// (`((0,0),(1,1))`), which is its `description`, PostgreSQL's text form. PostgreSQL
        /// rejects a path without points.
        \#(access)struct PostgresPath: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var points: [PostgresPoint]
            \#(access)var isClosed: Bool

            \#(access)init(points: [PostgresPoint], isClosed: Bool) {
                self.points = points
                self.isClosed = isClosed
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(602) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: a closed flag byte, the point count (int32), the points.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeInteger(UInt8(isClosed ? 1 : 0))
                buffer.writeInteger(Int32(truncatingIfNeeded: points.count))
                for point in points { point.write(to: &buffer) }
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(602), format == .binary, let closed = buffer.readInteger(as: UInt8.self), closed <= 1,
                    let count = buffer.readInteger(as: Int32.self), let points = PostgresPoint.readPoints(count, from: &buffer)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.init(points: points, isClosed: closed == 1)
            }

            \#(access)var description: String {
                isClosed ? "(\(PostgresPoint.text(of: points)))" : "[\(PostgresPoint.text(of: points))]"
            }
        }
        """#
    }

    // swift-format-ignore
    private static func polygonSource(access: String, codable: String) -> String {
        #"""
        /// A `polygon`: its vertices in order. `description` is PostgreSQL's text form
        /// (`((0,0),(1,1),(1,0))`). PostgreSQL rejects a polygon without points.
        \#(access)struct PostgresPolygon: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var points: [PostgresPoint]

            \#(access)init(points: [PostgresPoint]) {
                self.points = points
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(604) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the point count (int32), then the points.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeInteger(Int32(truncatingIfNeeded: points.count))
                for point in points { point.write(to: &buffer) }
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(604), format == .binary, let count = buffer.readInteger(as: Int32.self),
                    let points = PostgresPoint.readPoints(count, from: &buffer)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.init(points: points)
            }

            \#(access)var description: String { "(\(PostgresPoint.text(of: points)))" }
        }
        """#
    }

    // swift-format-ignore
    private static func circleSource(access: String, codable: String) -> String {
        #"""
        /// A `circle`: a center and a radius (PostgreSQL rejects a negative one). `description` is
        /// PostgreSQL's text form (`<(1,2),3>`).
        \#(access)struct PostgresCircle: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            \#(access)var center: PostgresPoint
            \#(access)var radius: Double

            \#(access)init(center: PostgresPoint, radius: Double) {
                self.center = center
                self.radius = radius
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(718) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the center's x and y, then the radius, each a big-endian float8.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                center.write(to: &buffer)
                buffer.writeInteger(radius.bitPattern)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(718), format == .binary, buffer.readableBytes == 24,
                    let center = PostgresPoint.read(from: &buffer), let radius = buffer.readInteger(as: UInt64.self)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.init(center: center, radius: Double(bitPattern: radius))
            }

            \#(access)var description: String { "<\(center),\(PostgresPoint.text(of: radius))>" }

            \#(access)static func == (lhs: PostgresCircle, rhs: PostgresCircle) -> Bool {
                lhs.center == rhs.center && PostgresPoint.key(lhs.radius) == PostgresPoint.key(rhs.radius)
            }

            \#(access)func hash(into hasher: inout Hasher) {
                hasher.combine(center)
                hasher.combine(PostgresPoint.key(radius))
            }
        }
        """#
    }
}
