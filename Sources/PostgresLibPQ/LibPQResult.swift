import CLibPQ
import NIOCore
import PostgresNIO

/// The rows of a command, in binary format, decoded cell by cell with PostgresNIO's
/// `PostgresDecodable` conformances: the same decoding code as a `PostgresRow`'s.
public final class LibPQResult: @unchecked Sendable {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) { self.result = result }
    deinit { PQclear(result) }

    public var rowCount: Int { Int(PQntuples(result)) }
    public var columnCount: Int { Int(PQnfields(result)) }

    /// The rows the command affected, from its tag (`UPDATE 2` → 2), nil for commands without one.
    public var affectedRowCount: Int? { PQcmdTuples(result).flatMap { Int(String(cString: $0)) } }

    /// Decodes the cell at `row`, `column` as `T` (an optional type for a nullable column).
    @inlinable
    public func decode<T: PostgresDecodable>(_: T.Type, row: Int, column: Int) throws -> T {
        try decodeCell(row: row, column: column) { buffer, type in
            try T._decodeRaw(from: &buffer, type: type, format: .binary, context: .default)
        }
    }

    @usableFromInline
    func decodeCell<T>(row: Int, column: Int, _ body: (inout ByteBuffer?, PostgresDataType) throws -> T) rethrows -> T {
        let type = PostgresDataType(UInt32(PQftype(result, Int32(column))))
        var buffer: ByteBuffer?
        if PQgetisnull(result, Int32(row), Int32(column)) == 0, let value = PQgetvalue(result, Int32(row), Int32(column)) {
            let length = Int(PQgetlength(result, Int32(row), Int32(column)))
            buffer = ByteBuffer(bytes: UnsafeRawBufferPointer(start: value, count: length))
        }
        return try body(&buffer, type)
    }
}
