/// A type whose JSON object ``JSONObjectWriter`` writes directly, without `JSONEncoder`.
///
/// The `Encodable` conformance stays the definition of the JSON: `JSONObjectWriterTests` checks
/// that both give the same bytes, so a property added to the type but not here fails a test.
protocol JSONObjectWritable {
    /// Adds every field, in the order of their JSON keys (the snake_case names, sorted bytewise).
    func writeJSONFields(to json: inout JSONObjectWriter)
}
