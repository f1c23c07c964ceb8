extension SwiftEmitter {
    /// `PostgresRange<Bound>` and `PostgresMultirange<Bound>` for the built-in range types
    /// (`int4range` … `tstzrange`, and their multiranges). PostgresNIO maps ranges to Swift's
    /// `Range`, which cannot hold an empty range, an unbounded side or an inclusive upper bound;
    /// these types hold every value PostgreSQL can.
    func writeRangeSupportType(_ type: SupportType, to writer: inout SwiftSourceWriter) {
        let source =
            type == .range
            ? Self.rangeSource(access: access, emitCodable: options.emitCodable)
            : Self.multirangeSource(access: access, emitCodable: options.emitCodable)
        writer.lines(of: source)
    }

    // swift-format-ignore
    private static func rangeSource(access: String, emitCodable: Bool) -> String {
        let codable =
            emitCodable
            ? "\n\nextension PostgresRange: Codable where Bound: Codable {}\n\nextension PostgresRange.Endpoint: Codable where Bound: Codable {}"
            : ""
        return #"""
        /// A bound type of PostgreSQL's built-in ranges: `Int32` (`int4range`), `Int64` (`int8range`),
        /// `Decimal` (`numrange`) and `Date` (`tsrange`, `tstzrange`, `daterange`).
        \#(access)protocol PostgresRangeBound: PostgresDecodable, Hashable, Sendable {
            /// The bound as the subtype's input function reads it.
            var postgresRangeBoundText: String { get }
        }

        extension Int32: PostgresRangeBound {
            \#(access)var postgresRangeBoundText: String { String(self) }
        }

        extension Int64: PostgresRangeBound {
            \#(access)var postgresRangeBoundText: String { String(self) }
        }

        extension Decimal: PostgresRangeBound {
            \#(access)var postgresRangeBoundText: String { description }
        }

        extension Date: PostgresRangeBound {
            /// The instant in UTC to the microsecond, which `tstzrange`, `tsrange` and `daterange`
            /// all read (a date ignores the time).
            \#(access)var postgresRangeBoundText: String { PostgresTimeKind.timestamptz.text(of: self) }
        }

        /// A value of a built-in range type: `[1,5)`, `(,10]`, `empty`. PostgreSQL stores discrete
        /// ranges (`int4range`, `int8range`, `daterange`) as `[lower,upper)`, so `[1,4]` reads back
        /// as `[1,5)`. Bound in text form; read in binary.
        \#(access)struct PostgresRange<Bound: PostgresRangeBound>:
            Sendable, Hashable, PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible
        {
            /// One end of a range.
            \#(access)enum Endpoint: Sendable, Hashable {
                /// No bound on this side (`(,5)`).
                case unbounded
                case inclusive(Bound)
                case exclusive(Bound)
            }

            \#(access)var lower: Endpoint
            \#(access)var upper: Endpoint
            /// True for the empty range, which has no bounds (`lower` and `upper` are `.unbounded`).
            \#(access)var isEmpty: Bool

            \#(access)init(lower: Endpoint, upper: Endpoint) {
                self.lower = lower
                self.upper = upper
                self.isEmpty = false
            }

            /// `lower..<upper` as `[lower,upper)`.
            \#(access)init(_ range: Range<Bound>) where Bound: Comparable {
                self.init(lower: .inclusive(range.lowerBound), upper: .exclusive(range.upperBound))
            }

            /// PostgreSQL's `empty`.
            \#(access)static var empty: PostgresRange {
                var range = PostgresRange(lower: .unbounded, upper: .unbounded)
                range.isEmpty = true
                return range
            }

            /// Typed by the statement, which names the column's range type.
            \#(access)static var psqlType: PostgresDataType { PostgresDataType(0) }
            \#(access)static var psqlFormat: PostgresFormat { .text }

            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeString(description)
            }

            /// The subtype of each built-in range type, by OID.
            static func boundType(of rangeType: PostgresDataType) -> PostgresDataType? {
                switch rangeType.rawValue {
                case 3904: .int4
                case 3926: .int8
                case 3906: .numeric
                case 3908: .timestamp
                case 3910: .timestamptz
                case 3912: .date
                default: nil
                }
            }

            /// PostgreSQL's binary form: a flags byte (1 empty, 2 lower inclusive, 4 upper inclusive,
            /// 8 no lower bound, 16 no upper bound), then each present bound as a length and its value.
            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard format == .binary, let boundType = Self.boundType(of: type), let flags = buffer.readInteger(as: UInt8.self) else {
                    throw PostgresDecodingError.Code.typeMismatch
                }
                if flags & 0x01 != 0 {
                    self = .empty
                    return
                }
                func endpoint(unbounded: UInt8, inclusive: UInt8) throws -> Endpoint {
                    if flags & unbounded != 0 { return .unbounded }
                    guard let length = buffer.readInteger(as: Int32.self), length >= 0, var bytes = buffer.readSlice(length: Int(length)) else {
                        throw PostgresDecodingError.Code.typeMismatch
                    }
                    let bound = try Bound(from: &bytes, type: boundType, format: .binary, context: context)
                    return flags & inclusive != 0 ? .inclusive(bound) : .exclusive(bound)
                }
                let lower = try endpoint(unbounded: 0x08, inclusive: 0x02)
                let upper = try endpoint(unbounded: 0x10, inclusive: 0x04)
                self.init(lower: lower, upper: upper)
            }

            /// PostgreSQL's text form (`[1,5)`, `empty`), bounds quoted where it quotes them; dates in UTC.
            \#(access)var description: String {
                guard !isEmpty else { return "empty" }
                func quoted(_ bound: Bound) -> String {
                    let text = bound.postgresRangeBoundText
                    let special = text.isEmpty || text.contains { "\"\\()[], \t\n".contains($0) }
                    guard special else { return text }
                    return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
                }
                let head: String
                switch lower {
                case .unbounded: head = "("
                case .inclusive(let bound): head = "[" + quoted(bound)
                case .exclusive(let bound): head = "(" + quoted(bound)
                }
                switch upper {
                case .unbounded: return head + ",)"
                case .inclusive(let bound): return head + "," + quoted(bound) + "]"
                case .exclusive(let bound): return head + "," + quoted(bound) + ")"
                }
            }
        }
        """# + codable
    }

    // swift-format-ignore
    private static func multirangeSource(access: String, emitCodable: Bool) -> String {
        let codable = emitCodable ? "\n\nextension PostgresMultirange: Codable where Bound: Codable {}" : ""
        return #"""
        /// A value of a built-in multirange type (PostgreSQL 14 and later): ranges in order, none
        /// overlapping or adjacent, `{[1,3),[5,7)}`. PostgreSQL merges what overlaps when it stores one.
        \#(access)struct PostgresMultirange<Bound: PostgresRangeBound>:
            Sendable, Hashable, PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible
        {
            \#(access)var ranges: [PostgresRange<Bound>]

            \#(access)init(_ ranges: [PostgresRange<Bound>]) {
                self.ranges = ranges
            }

            /// Typed by the statement, which names the column's multirange type.
            \#(access)static var psqlType: PostgresDataType { PostgresDataType(0) }
            \#(access)static var psqlFormat: PostgresFormat { .text }

            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeString(description)
            }

            /// PostgreSQL's binary form: the number of ranges, then each as a length and a range.
            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                let rangeTypes: [UInt32: UInt32] = [4451: 3904, 4536: 3926, 4532: 3906, 4533: 3908, 4534: 3910, 4535: 3912]
                guard format == .binary, let rangeType = rangeTypes[type.rawValue], let count = buffer.readInteger(as: Int32.self), count >= 0 else {
                    throw PostgresDecodingError.Code.typeMismatch
                }
                var ranges: [PostgresRange<Bound>] = []
                for _ in 0..<count {
                    guard let length = buffer.readInteger(as: Int32.self), length >= 0, var bytes = buffer.readSlice(length: Int(length)) else {
                        throw PostgresDecodingError.Code.typeMismatch
                    }
                    ranges.append(try PostgresRange(from: &bytes, type: PostgresDataType(rangeType), format: .binary, context: context))
                }
                self.init(ranges)
            }

            /// PostgreSQL's text form: `{[1,3),[5,7)}`, `{}`.
            \#(access)var description: String {
                "{" + ranges.map(\.description).joined(separator: ",") + "}"
            }
        }
        """# + codable
    }
}
