/// The key of the PostgreSQL advisory lock that serialises migrators on one database.
///
/// It is derived exactly as golang-migrate derives its own (CRC-32/IEEE of
/// `schema NUL table NUL database`, multiplied by the salt 1486364155 modulo 2³²), so this
/// migrator, golang-migrate and other replicas of the same service all exclude each other on
/// the same database and schema, while different databases or schemas on one server do not.
public struct AdvisoryLockKey: Sendable, Hashable, CustomStringConvertible {
    /// The value passed to `pg_try_advisory_lock(bigint)`.
    public let value: Int64

    private static let salt: UInt32 = 1_486_364_155

    /// Derives the key for a database, schema and bookkeeping table.
    public init(database: String, schema: String, table: String) {
        let name = Array(schema.utf8) + [0] + Array(table.utf8) + [0] + Array(database.utf8)
        self.value = Int64(Self.crc32(name) &* Self.salt)
    }

    public var description: String { String(value) }

    /// CRC-32 with the IEEE polynomial (reflected 0xEDB88320), as Go's `crc32.ChecksumIEEE`.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }
}
