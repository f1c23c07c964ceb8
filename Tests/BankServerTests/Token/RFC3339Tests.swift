import Foundation
import Testing

@testable import BankServer

@Suite struct RFC3339Tests {
    @Test(arguments: [
        (-62_135_596_800.0, "0001-01-01T00:00:00Z"),  // PostgreSQL's '0001-01-01 00:00:00Z'
        (0.0, "1970-01-01T00:00:00Z"),
        (951_782_400.0, "2000-02-29T00:00:00Z"),
        (1_700_000_000.123, "2023-11-14T22:13:20.123Z"),
        (-1.5, "1969-12-31T23:59:58.500Z"),
        (4_102_444_799.0, "2099-12-31T23:59:59Z"),
    ])
    func formatsInTheProlepticGregorianCalendar(seconds: Double, expected: String) {
        #expect(RFC3339.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func recentDatesRoundTrip() throws {
        let date = Date(timeIntervalSince1970: 1_800_000_000.25)
        #expect(RFC3339.parse(RFC3339.format(date)) == date)
    }
}
