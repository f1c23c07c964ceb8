import Foundation

/// A made-up sqlc project of `tables` tables and ten queries per table, of the bank's kinds:
/// get by id, list with limit/offset, insert/update returning *, delete, a join, aggregates.
///
/// Each table has nine columns of varied types and a foreign key to the table before it, so the
/// joins and the catalog are not trivial.
struct SyntheticProject: Sendable {
    var tables: Int

    /// Queries written per table.
    static let queriesPerTable = 10

    var queryCount: Int { tables * Self.queriesPerTable }

    /// Writes `sqlc.yaml`, the schema and the query files into `directory` (replacing them).
    func write(to directory: URL) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: directory)
        let migrations = directory.appendingPathComponent("db/migration")
        let queryFolder = directory.appendingPathComponent("db/query")
        try manager.createDirectory(at: migrations, withIntermediateDirectories: true)
        try manager.createDirectory(at: queryFolder, withIntermediateDirectories: true)
        try config.write(to: directory.appendingPathComponent("sqlc.yaml"), atomically: true, encoding: .utf8)
        try schema.write(to: migrations.appendingPathComponent("000001_init.up.sql"), atomically: true, encoding: .utf8)
        try "-- nothing\n".write(to: migrations.appendingPathComponent("000001_init.down.sql"), atomically: true, encoding: .utf8)
        for table in 1...tables {
            try queries(for: table).write(
                to: queryFolder.appendingPathComponent("\(Self.name(table)).sql"), atomically: true, encoding: .utf8)
        }
    }

    static func name(_ table: Int) -> String { "t" + String(format: "%04d", table) }

    private var config: String {
        """
        version: "2"
        sql:
          - name: synthetic
            engine: postgresql
            schema: db/migration
            queries: db/query
            gen:
              swift:
                module: Synthetic
                out: Generated
                access_level: public
                emit_interface: true
                query_parameter_limit: 4

        """
    }

    private var schema: String {
        (1...tables).map { table in
            let parent = table > 1 ? "bigint REFERENCES \(Self.name(table - 1)) (id)" : "bigint"
            return """
                CREATE TABLE \(Self.name(table)) (
                    id bigserial PRIMARY KEY,
                    parent_id \(parent),
                    name varchar NOT NULL,
                    amount bigint NOT NULL,
                    price numeric(12, 2),
                    ratio double precision,
                    active boolean NOT NULL DEFAULT true,
                    token uuid,
                    note text,
                    created_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX ON \(Self.name(table)) (name);

                """
        }.joined(separator: "\n")
    }

    private func queries(for table: Int) -> String {
        let t = Self.name(table)
        let type = "T" + String(format: "%04d", table)
        // The first table joins itself: it has no parent table.
        let parent = table > 1 ? Self.name(table - 1) : t
        return """
            -- name: Get\(type) :one
            SELECT * FROM \(t) WHERE id = $1 LIMIT 1;

            -- name: List\(type) :many
            SELECT * FROM \(t) ORDER BY id LIMIT $1 OFFSET $2;

            -- name: Create\(type) :one
            INSERT INTO \(t) (parent_id, name, amount, price, ratio, active, token, note)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *;

            -- name: Update\(type) :one
            UPDATE \(t) SET name = $2, amount = $3, note = $4 WHERE id = $1 RETURNING *;

            -- name: Delete\(type) :exec
            DELETE FROM \(t) WHERE id = $1;

            -- name: Add\(type)Amount :one
            UPDATE \(t) SET amount = amount + sqlc.arg(delta) WHERE id = sqlc.arg(id) RETURNING *;

            -- name: List\(type)WithParent :many
            SELECT c.id, c.name, c.amount, p.name AS parent_name, p.created_at AS parent_created_at
            FROM \(t) c LEFT JOIN \(parent) p ON p.id = c.parent_id
            WHERE c.active = $1 ORDER BY c.id LIMIT $2;

            -- name: Count\(type) :one
            SELECT count(*) FROM \(t) WHERE active = $1;

            -- name: Stats\(type) :one
            SELECT count(*) AS rows, sum(amount) AS total, avg(ratio) AS mean_ratio, max(created_at) AS newest
            FROM \(t) WHERE name = @name;

            -- name: Totals\(type)ByActive :many
            SELECT active, count(*) AS rows, sum(amount) AS total FROM \(t) GROUP BY active ORDER BY active;

            """
    }
}
