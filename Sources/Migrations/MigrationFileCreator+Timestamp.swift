import Foundation

extension MigrationFileCreator {
    /// Formats `date` with a Go time layout, as golang-migrate's `-format` does.
    ///
    /// Supported: `unix`, `unixNano`, and layouts built from the numeric Go tokens `2006` (year),
    /// `06`, `01` (month), `02` (day), `15` (hour), `04` (minute), `05` (second), `.000`,
    /// `.000000`, `.000000000` (fractions; the dot is dropped). Anything else is copied as is, and
    /// the result must be all digits, because it becomes the version.
    public static func timestamp(_ date: Date, format: String, timeZone: TimeZone) throws(MigrationError) -> String {
        let seconds = date.timeIntervalSince1970
        switch format {
        case "unix":
            return String(Int64(seconds.rounded(.down)))
        case "unixNano":
            // Whole seconds and the fraction apart: a Double holds nanoseconds since 1970 only to ~256 ns.
            let whole = seconds.rounded(.down)
            return String(Int64(whole) * 1_000_000_000 + Int64(((seconds - whole) * 1e9).rounded()))
        default:
            break
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        func padded(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let nanoseconds = padded(parts.nanosecond, 9)
        // Longest tokens first, so `2006` is not read as `20` and `06`.
        let tokens: [(String, () -> String)] = [
            (".000000000", { nanoseconds }),
            (".000000", { String(nanoseconds.prefix(6)) }),
            (".000", { String(nanoseconds.prefix(3)) }),
            ("2006", { padded(parts.year, 4) }),
            ("06", { padded((parts.year ?? 0) % 100, 2) }),
            ("01", { padded(parts.month, 2) }),
            ("02", { padded(parts.day, 2) }),
            ("15", { padded(parts.hour, 2) }),
            ("04", { padded(parts.minute, 2) }),
            ("05", { padded(parts.second, 2) }),
        ]
        var result = ""
        var rest = Substring(format)
        outer: while !rest.isEmpty {
            for (token, value) in tokens where rest.hasPrefix(token) {
                result += value()
                rest = rest.dropFirst(token.count)
                continue outer
            }
            result.append(rest.removeFirst())
        }
        guard !result.isEmpty, result.allSatisfy({ ("0"..."9").contains($0) }) else {
            throw .invalidTimestampFormat(
                format: format, reason: "it gives '\(result)', but a version must be digits only")
        }
        return result
    }
}
