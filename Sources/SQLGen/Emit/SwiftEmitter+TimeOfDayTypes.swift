extension SwiftEmitter {
    /// `PostgresTime` (`time`) and `PostgresTimeWithZone` (`timetz`), which PostgresNIO has no
    /// Swift types for (a `Date` is an instant, not a time of day). Both are bound in binary; their
    /// `description` is PostgreSQL's text form, which `:copyfrom` writes.
    func writeTimeOfDaySupportType(_ type: SupportType, to writer: inout SwiftSourceWriter) {
        writeSupportSource(type == .time ? Self.timeSource : Self.timeWithZoneSource, to: &writer)
    }

    // swift-format-ignore
    private static func timeSource(access: String, codable: String) -> String {
        #"""
        /// A `time` value: a time of day to the microsecond, from `00:00:00` to `24:00:00` inclusive.
        \#(access)struct PostgresTime: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            /// Microseconds since midnight.
            \#(access)var microseconds: Int64

            \#(access)init(microseconds: Int64) {
                self.microseconds = microseconds
            }

            \#(access)init(hour: Int, minute: Int, second: Int = 0, microsecond: Int = 0) {
                self.init(microseconds: ((Int64(hour) * 60 + Int64(minute)) * 60 + Int64(second)) * 1_000_000 + Int64(microsecond))
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(1083) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the microseconds as a big-endian int64.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeInteger(microseconds)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(1083), format == .binary, buffer.readableBytes == 8,
                    let microseconds = buffer.readInteger(as: Int64.self)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.init(microseconds: microseconds)
            }

            /// `13:05:09`, `13:05:09.5`: as PostgreSQL writes it, without trailing zeros in the fraction.
            \#(access)var description: String {
                func padded(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
                let seconds = microseconds / 1_000_000
                var text = padded(seconds / 3600) + ":" + padded(seconds / 60 % 60) + ":" + padded(seconds % 60)
                let fraction = microseconds % 1_000_000
                if fraction != 0 {
                    var digits = String(fraction)
                    digits = String(repeating: "0", count: 6 - digits.count) + digits
                    while digits.hasSuffix("0") { digits.removeLast() }
                    text += "." + digits
                }
                return text
            }
        }
        """#
    }

    // swift-format-ignore
    private static func timeWithZoneSource(access: String, codable: String) -> String {
        #"""
        /// A `timetz` value: a time of day and the UTC offset it was given with.
        \#(access)struct PostgresTimeWithZone: Sendable, Hashable\#(codable), PostgresNonThrowingEncodable, PostgresDecodable, CustomStringConvertible {
            /// The local time of day.
            \#(access)var time: PostgresTime
            /// Seconds east of UTC (`+02:00` is 7200), as written; PostgreSQL stores the opposite sign.
            \#(access)var utcOffsetSeconds: Int32

            \#(access)init(time: PostgresTime, utcOffsetSeconds: Int32) {
                self.time = time
                self.utcOffsetSeconds = utcOffsetSeconds
            }

            \#(access)static var psqlType: PostgresDataType { PostgresDataType(1266) }
            \#(access)static var psqlFormat: PostgresFormat { .binary }

            /// PostgreSQL's binary form: the microseconds as an int64, then the zone in seconds west of
            /// UTC as an int32.
            \#(access)func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
                buffer.writeInteger(time.microseconds)
                buffer.writeInteger(-utcOffsetSeconds)
            }

            \#(access)init<JSONDecoder: PostgresJSONDecoder>(
                from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
            ) throws {
                guard type == PostgresDataType(1266), format == .binary, buffer.readableBytes == 12,
                    let microseconds = buffer.readInteger(as: Int64.self), let zone = buffer.readInteger(as: Int32.self)
                else { throw PostgresDecodingError.Code.typeMismatch }
                self.init(time: PostgresTime(microseconds: microseconds), utcOffsetSeconds: -zone)
            }

            /// `13:05:09.5+02`, `08:00:00-03:30`: as PostgreSQL writes it.
            \#(access)var description: String {
                func padded(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
                let offset = abs(utcOffsetSeconds)
                var zone = (utcOffsetSeconds < 0 ? "-" : "+") + padded(offset / 3600)
                if offset % 3600 != 0 { zone += ":" + padded(offset / 60 % 60) }
                if offset % 60 != 0 { zone += ":" + padded(offset % 60) }
                return time.description + zone
            }
        }
        """#
    }
}
