/// Durations written the way Go's `time.ParseDuration` reads them (`300ms`, `1.5h`, `2h45m`,
/// `24h`), because the reference system's `app.env` files use that syntax and existing
/// deployments should keep working unchanged.
///
/// Grammar: an optional sign, then one or more `number unit` pairs where the number may have a
/// fraction (`1.5`, `.5`, `1.`) and the unit is one of `ns`, `us`, `µs`, `μs`, `ms`, `s`, `m`, `h`.
/// The bare string `0` is also accepted. No spaces, no other units (Go has no days).
public enum GoDuration {
    /// Nanoseconds per unit, longest names first where one is a prefix of another (`ms` before `m`).
    private static let units: [(name: String, nanoseconds: Int64)] = [
        ("ns", 1),
        ("us", 1_000),
        ("\u{00B5}s", 1_000),  // MICRO SIGN, what Go prints
        ("\u{03BC}s", 1_000),  // GREEK SMALL LETTER MU, which Go also accepts
        ("ms", 1_000_000),
        ("s", 1_000_000_000),
        ("m", 60_000_000_000),
        ("h", 3_600_000_000_000),
    ]

    /// Parses `text`, or returns nil when it is not a Go duration or does not fit in 64-bit
    /// nanoseconds (about 292 years), as Go does.
    public static func parse(_ text: String) -> Duration? {
        // Scalars, not Characters: a digit followed by a combining mark is one Character that
        // must not pass for a digit.
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var negative = false
        if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" {
            negative = scalars[index] == "-"
            index += 1
        }
        if scalars.count - index == 1, scalars[index] == "0" { return .zero }
        guard index < scalars.count else { return nil }

        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        func digitValue(_ scalar: Unicode.Scalar) -> Int64 { Int64(scalar.value) - 48 }

        var total: Int64 = 0
        while index < scalars.count {
            // Whole part.
            var whole: Int64 = 0
            var wholeDigitCount = 0
            while index < scalars.count, isDigit(scalars[index]) {
                guard let next = multiplyAdd(whole, 10, digitValue(scalars[index])) else { return nil }
                whole = next
                wholeDigitCount += 1
                index += 1
            }
            // Fraction: digits beyond what an Int64 can scale are dropped, like Go.
            var fraction: Int64 = 0
            var scale: Double = 1
            var fractionDigitCount = 0
            if index < scalars.count, scalars[index] == "." {
                index += 1
                while index < scalars.count, isDigit(scalars[index]) {
                    if scale < 1e18 {
                        fraction = fraction * 10 + digitValue(scalars[index])
                        scale *= 10
                    }
                    fractionDigitCount += 1
                    index += 1
                }
            }
            guard wholeDigitCount + fractionDigitCount > 0 else { return nil }
            // Unit: everything up to the next number.
            var unitName = ""
            while index < scalars.count, !isDigit(scalars[index]), scalars[index] != "." {
                unitName.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard let unit = units.first(where: { $0.name == unitName }) else { return nil }

            guard var segment = multiplyAdd(whole, unit.nanoseconds, 0) else { return nil }
            if fraction > 0 {
                // Go also computes the fractional part in floating point.
                let fractional = Double(fraction) * (Double(unit.nanoseconds) / scale)
                guard let sum = multiplyAdd(segment, 1, Int64(fractional)) else { return nil }
                segment = sum
            }
            guard let sum = multiplyAdd(total, 1, segment) else { return nil }
            total = sum
        }
        return .nanoseconds(negative ? -total : total)
    }

    /// `value * factor + addend`, or nil on overflow.
    private static func multiplyAdd(_ value: Int64, _ factor: Int64, _ addend: Int64) -> Int64? {
        let (product, productOverflow) = value.multipliedReportingOverflow(by: factor)
        guard !productOverflow else { return nil }
        let (sum, sumOverflow) = product.addingReportingOverflow(addend)
        return sumOverflow ? nil : sum
    }
}
