import CLibPQ
import NIOCore
import PostgresNIO

/// A statement's parameters, encoded in binary with PostgresNIO's `PostgresEncodable`
/// conformances into one buffer, as libpq's `PQsendQueryPrepared` takes them.
public struct LibPQParameters: Sendable {
    private var bytes = ByteBuffer()
    /// Each value's offset in `bytes` and length; nil for SQL NULL.
    private var slices: [(offset: Int, length: Int)?] = []

    public init() {}

    public var count: Int { slices.count }

    public mutating func append<Value: PostgresEncodable>(_ value: Value) throws {
        let start = bytes.writerIndex
        try value.encode(into: &bytes, context: .default)
        slices.append((start, bytes.writerIndex - start))
    }

    public mutating func append<Value: PostgresEncodable>(_ value: Value?) throws {
        guard let value else {
            slices.append(nil)
            return
        }
        try append(value)
    }

    /// Calls `body` with the value pointers, lengths and formats (all binary) libpq takes.
    func withLibPQArrays<T>(
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) throws -> T
    ) rethrows -> T {
        let lengths = slices.map { Int32($0?.length ?? 0) }
        let formats = [Int32](repeating: 1, count: slices.count)
        // The pointers stay valid while `storage` lives; it is not mutated meanwhile.
        let storage = bytes
        let base = storage.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) }
        let values: [UnsafePointer<CChar>?] = slices.map { slice in
            slice.flatMap { UnsafePointer<CChar>(bitPattern: base + UInt($0.offset)) }
        }
        return try withExtendedLifetime(storage) {
            try body(values, lengths, formats)
        }
    }
}
