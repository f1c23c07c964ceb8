import PostgresNIO

extension Migrator {
    /// Drops everything in the connection's current schema: views, tables (the bookkeeping table
    /// too), free-standing sequences, functions, procedures, aggregates and types, in one
    /// transaction. Objects that belong to extensions, and the schema itself, stay.
    ///
    /// golang-migrate drops only tables; types and functions left behind would make a following
    /// `up` fail on `CREATE TYPE`, so this goes further.
    @discardableResult
    public func drop() async throws -> DropSummary {
        try await withSession { session in
            try await session.inTransaction(operation: "dropping the schema's objects") {
                var summary = DropSummary(schema: session.schema)
                summary.views = try await session.dropAll(
                    listing: """
                        SELECT format('%I.%I', n.nspname, c.relname),
                               CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END
                        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')
                          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                          WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
                        ORDER BY 1
                        """)
                summary.tables = try await session.dropAll(
                    listing: """
                        SELECT format('%I.%I', n.nspname, c.relname),
                               CASE c.relkind WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END
                        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'f')
                          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                          WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
                        ORDER BY 1
                        """)
                // Sequences owned by a column (serial, identity) went with their tables.
                summary.sequences = try await session.dropAll(
                    listing: """
                        SELECT format('%I.%I', n.nspname, c.relname), 'SEQUENCE'
                        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind = 'S'
                          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                          WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                                            AND d.deptype IN ('e', 'a', 'i'))
                        ORDER BY 1
                        """)
                summary.routines = try await session.dropAll(
                    listing: """
                        SELECT p.oid::regprocedure::text, 'ROUTINE'
                        FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = current_schema()
                          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                          WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
                        ORDER BY 1
                        """)
                // Arrays and multiranges go with their element and range types; composite types
                // of tables went with the tables.
                summary.types = try await session.dropAll(
                    listing: """
                        SELECT format('%I.%I', n.nspname, t.typname), CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END
                        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                        WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'r', 'd', 'c')
                          AND (t.typtype <> 'c' OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                                                           WHERE c.oid = t.typrelid AND c.relkind = 'c'))
                          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                          WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
                        ORDER BY 1
                        """)
                return summary
            }
        }
    }
}

extension MigrationSession {
    /// Lists objects with `listing` (name, kind) and drops each with `CASCADE`.
    ///
    /// `IF EXISTS` because an earlier `CASCADE` (a table's views, a parent's partitions) may
    /// already have removed an object of the list.
    ///
    /// - Returns: The names listed.
    fileprivate func dropAll(listing: String) async throws -> [String] {
        let operation = "dropping the schema's objects"
        var objects: [(name: String, kind: String)] = []
        do {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: listing), logger: logger)
            for try await row in rows {
                let (name, kind) = try row.decode((String, String).self)
                objects.append((name, kind))
            }
        } catch {
            throw Self.databaseError(error, operation: operation)
        }
        for object in objects {
            try await execute(
                PostgresQuery(unsafeSQL: "DROP \(object.kind) IF EXISTS \(object.name) CASCADE"), operation: operation)
        }
        return objects.map(\.name)
    }
}
