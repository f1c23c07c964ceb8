import Foundation

/// The JSON conventions of the bank API: snake_case keys (Swift `fullName` is JSON `full_name`)
/// and RFC 3339 timestamps in UTC (`2026-11-29T00:32:07Z`, with milliseconds when present).
///
/// Pitfalls of Foundation's key strategies, which types crossing the API must respect:
/// - Decoding converts the JSON key to camelCase *before* matching it against a type's coding
///   keys, so a type whose `CodingKeys` are already snake_case (`case fullName = "full_name"`)
///   cannot be decoded with ``makeDecoder()``: request types should use plain camelCase
///   properties and no raw values. Encoding such a type is fine (`full_name` stays `full_name`).
/// - Encoding also converts the keys of `[String: …]` dictionaries.
public enum BankJSON {
    /// The encoder for response bodies.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.format(date))
        }
        // Stable output: easier to read in logs and to compare in tests.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The decoder for request bodies.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 timestamp")
            }
            return date
        }
        return decoder
    }
}
