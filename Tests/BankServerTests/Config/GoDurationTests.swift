import Testing

@testable import BankServer

@Suite("Go durations")
struct GoDurationTests {
    @Test(
        "valid durations",
        arguments: [
            ("0", Duration.zero),
            ("300ms", .milliseconds(300)),
            ("1.5h", .seconds(5400)),
            ("2h45m", .seconds(2 * 3600 + 45 * 60)),
            ("15m", .seconds(900)),
            ("24h", .seconds(86_400)),
            ("1h30m10s", .seconds(5410)),
            ("-1.5h", .seconds(-5400)),
            ("+10s", .seconds(10)),
            ("1ns", .nanoseconds(1)),
            ("1us", .microseconds(1)),
            ("1\u{00B5}s", .microseconds(1)),
            ("1\u{03BC}s", .microseconds(1)),
            (".5s", .milliseconds(500)),
            ("1.s", .seconds(1)),
            ("0.000000001s", .nanoseconds(1)),
            ("1m1s1ms", .milliseconds(61_001)),
            ("0s", .zero),
            ("2562047h", .seconds(2_562_047 * 3600)),
        ]
    )
    func valid(text: String, expected: Duration) {
        #expect(GoDuration.parse(text) == expected)
    }

    @Test(
        "invalid durations",
        arguments: [
            "", "15", "15 minutes", "15 m", " 15m", "15m ", "1d", "1w", "m", ".s", "1.2.3s", "--1s", "+", "-",
            "1H", "1Ms", "1h-30m", "1h 30m", "١s", "1\u{0301}s", "9999999999999999999ns", "2562048h", "1e3s", "0x10s",
        ]
    )
    func invalid(text: String) {
        #expect(GoDuration.parse(text) == nil)
    }
}
