import Foundation
import PostgresNIO
import Testing

/// Crafted binary values for the generated support types' decoders.
enum MalformedValues {
    /// A value's binary form, as the generated `encode(into:context:)` writes it.
    static func bytes<Value: PostgresNonThrowingEncodable>(_ value: Value) -> [UInt8] {
        var buffer = ByteBuffer()
        value.encode(into: &buffer, context: PostgresEncodingContext.default)
        return Array(buffer.readableBytesView)
    }

    /// Expects decoding `bytes` as `Value` with the type OID and format to throw `typeMismatch`.
    static func expectRejected<Value: PostgresDecodable>(
        _ type: Value.Type, oid: UInt32, _ bytes: [UInt8], format: PostgresFormat = .binary,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var buffer = ByteBuffer(bytes: bytes)
        #expect(throws: PostgresDecodingError.Code.typeMismatch, sourceLocation: sourceLocation) {
            _ = try Value(from: &buffer, type: PostgresDataType(oid), format: format, context: PostgresDecodingContext.default)
        }
    }
}
