import Foundation

/// RFC 3339 timestamps, as PASETO (and the payload's `issued_at`/`expired_at`) use them.
enum RFC3339 {
    private static let fractionalSeconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// UTC with a `Z`; fractional seconds (milliseconds) only when the date has them, so that
    /// tokens made by this server stay short and readable.
    ///
    /// The calendar is the proleptic Gregorian one, as PostgreSQL's: Foundation's Gregorian
    /// calendar switches to Julian before 1582, which would print PostgreSQL's
    /// `0001-01-01 00:00:00Z` (the users' default `password_changed_at`) as `0001-01-03`.
    static func format(_ date: Date) -> String {
        // Whole milliseconds first, so that binary fractions such as .123 do not print as .122.
        let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let total = totalMilliseconds >= 0 ? totalMilliseconds / 1000 : (totalMilliseconds - 999) / 1000
        let milliseconds = Int(totalMilliseconds - total * 1000)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = Int(total - days * 86_400)
        let (year, month, day) = civilDate(daysSince1970: days)
        var text =
            pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(secondOfDay / 3600, 2) + ":"
            + pad(secondOfDay % 3600 / 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if milliseconds != 0 { text += "." + pad(milliseconds, 3) }
        return text + "Z"
    }

    /// Year, month and day of a day count since 1970-01-01 in the proleptic Gregorian calendar
    /// (the civil-from-days method: 400-year eras of 146,097 days, years starting in March).
    static func civilDate(daysSince1970 days: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Accepts any offset (`Z`, `+02:00`) and optional fractional seconds.
    static func parse(_ text: String) -> Date? {
        try? fractionalSeconds.parse(text)
    }
}
