import Foundation

/// RFC 3339 timestamps, as PASETO (and the payload's `issued_at`/`expired_at`) use them.
enum RFC3339 {
    private static let wholeSeconds = Date.ISO8601FormatStyle()
    private static let fractionalSeconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// UTC with a `Z`; fractional seconds (milliseconds) only when the date has them, so that
    /// tokens made by this server stay short and readable.
    static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        return seconds.rounded(.down) == seconds ? wholeSeconds.format(date) : fractionalSeconds.format(date)
    }

    /// Accepts any offset (`Z`, `+02:00`) and optional fractional seconds.
    static func parse(_ text: String) -> Date? {
        try? fractionalSeconds.parse(text)
    }
}
