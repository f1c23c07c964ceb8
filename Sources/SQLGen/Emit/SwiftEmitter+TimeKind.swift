extension SwiftEmitter {
    /// `PostgresTimeKind`: how a `Date` is written in PostgreSQL's text form for a column of each
    /// time type. `:copyfrom` writes dates with it, and range bounds are written with it.
    func writeTimeKind(to writer: inout SwiftSourceWriter) {
        writer.lines(of: Self.timeKindSource(access: access))
    }

    // swift-format-ignore
    private static func timeKindSource(access: String) -> String {
        #"""
        /// How a `Date` is written for a column: postgres-nio binds a `Date` as an instant, which
        /// PostgreSQL converts to the column's type; the text form holds the same instant in UTC.
        \#(access)enum PostgresTimeKind: Sendable {
            case timestamptz, timestamp, date

            /// `2026-12-03 10:00:00.000001+00` (without `+00` for `timestamp`, the day for `date`): the
            /// instant in UTC to the microsecond, truncated as postgres-nio truncates a bound `Date`.
            \#(access)func text(of date: Date) -> String {
                let microsecondsPerDay: Int64 = 86_400_000_000
                let microseconds = Int64(date.timeIntervalSince(Date(timeIntervalSince1970: 946_684_800)) * 1_000_000)
                var days = microseconds / microsecondsPerDay
                var time = microseconds % microsecondsPerDay
                if time < 0 {
                    time += microsecondsPerDay
                    days -= 1
                }
                // The proleptic Gregorian calendar from a day count (days since 0000-03-01 in 400-year eras).
                let shifted = days + 10_957 + 719_468
                let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
                let dayOfEra = shifted - era * 146_097
                let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
                let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
                let monthIndex = (5 * dayOfYear + 2) / 153
                let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
                let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
                let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)

                func padded(_ value: Int64, _ width: Int) -> String {
                    let digits = String(value)
                    return String(repeating: "0", count: max(0, width - digits.count)) + digits
                }
                var text = padded(year > 0 ? year : 1 - year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
                if self != .date {
                    text += " " + padded(time / 3_600_000_000, 2) + ":" + padded(time / 60_000_000 % 60, 2) + ":"
                    text += padded(time / 1_000_000 % 60, 2) + "." + padded(time % 1_000_000, 6)
                    if self == .timestamptz { text += "+00" }
                }
                return year > 0 ? text : text + " BC"
            }
        }
        """#
    }
}
