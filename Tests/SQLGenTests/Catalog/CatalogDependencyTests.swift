import Testing

@testable import SQLGen

/// What a drop takes with it, as in PostgreSQL: views over a dropped relation, partitions and
/// inheriting tables of a dropped parent, views reading a column dropped with CASCADE, and
/// columns of a type dropped with CASCADE. Renames and moves keep the dependencies.
@Suite struct CatalogDependencyTests {
    func build(_ text: String) -> (catalog: Catalog, diagnostics: [String]) {
        let (statements, _) = SchemaFileParser.parse(SourceFile(path: "schema.sql", text: text))
        let (catalog, diagnostics) = CatalogBuilder.build(statements, viewColumns: Analyzer.viewColumns)
        return (catalog, diagnostics.map(\.description))
    }

    @Test func droppingARelationDropsWhatIsBuiltOnIt() {
        let (catalog, diagnostics) = build(
            """
            CREATE TABLE t (id bigint NOT NULL, note text);
            CREATE VIEW v1 AS SELECT id FROM t;
            CREATE VIEW v2 AS SELECT id FROM v1;
            CREATE MATERIALIZED VIEW m AS SELECT count(*) FROM v2;
            CREATE TABLE unrelated (id int);
            CREATE VIEW keep AS SELECT id FROM unrelated;
            DROP VIEW v1 CASCADE;

            CREATE TABLE log (ts date NOT NULL) PARTITION BY RANGE (ts);
            CREATE TABLE log_2023 PARTITION OF log FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
            CREATE TABLE log_2024 (ts date NOT NULL);
            ALTER TABLE log ATTACH PARTITION log_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE log_2025 (ts date NOT NULL);
            ALTER TABLE log ATTACH PARTITION log_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            ALTER TABLE log DETACH PARTITION log_2025;
            DROP TABLE log;

            CREATE TABLE base (id int);
            CREATE TABLE child (x int) INHERITS (base);
            DROP TABLE base CASCADE;
            """)
        #expect(diagnostics == [])
        #expect(catalog.table("t") != nil)
        for gone in ["v1", "v2", "m", "log", "log_2023", "log_2024", "base", "child"] {
            #expect(catalog.table(gone) == nil, "\(gone) should be dropped")
        }
        #expect(catalog.table("keep") != nil)
        #expect(catalog.table("log_2025") != nil)
    }

    @Test func droppedColumnsAndTypesTakeTheirViewsAndColumns() {
        let (catalog, diagnostics) = build(
            """
            CREATE TYPE mood AS ENUM ('sad', 'ok');
            CREATE TABLE t (id bigint NOT NULL, note text, feeling mood, moods mood[]);
            CREATE VIEW reads_note AS SELECT id, note FROM t;
            CREATE VIEW reads_id AS SELECT id FROM t;
            CREATE VIEW reads_all AS SELECT * FROM t;
            ALTER TABLE t DROP COLUMN note CASCADE;
            DROP TYPE mood CASCADE;
            """)
        #expect(diagnostics == [])
        #expect(catalog.table("t")?.columns.map(\.name) == ["id"])
        #expect(catalog.table("reads_note") == nil)
        #expect(catalog.table("reads_all") == nil)
        #expect(catalog.table("reads_id") != nil)
    }

    @Test func droppedDomainsAndFunctionsTakeTheirDependents() {
        let (catalog, diagnostics) = build(
            """
            CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
            CREATE TABLE stock (id bigint NOT NULL, quantity positive, note text);
            CREATE VIEW reads_quantity AS SELECT id, quantity FROM stock;
            CREATE FUNCTION add_one(integer) RETURNS integer LANGUAGE sql AS 'SELECT $1 + 1';
            CREATE VIEW calls_it AS SELECT add_one(1) AS two;
            CREATE VIEW plain AS SELECT id, note FROM stock;
            DROP DOMAIN positive CASCADE;
            DROP FUNCTION add_one(integer) CASCADE;
            """)
        #expect(diagnostics == [])
        #expect(catalog.table("stock")?.columns.map(\.name) == ["id", "note"])
        #expect(catalog.table("reads_quantity") == nil)
        #expect(catalog.table("calls_it") == nil)
        #expect(catalog.table("plain") != nil)
    }

    @Test func renamesAndMovesKeepDependencies() {
        let renamedAndMoved = """
            CREATE SCHEMA archive;
            CREATE TABLE t (id bigint NOT NULL);
            CREATE VIEW v AS SELECT id FROM t;
            ALTER TABLE t RENAME TO events;
            ALTER TABLE events SET SCHEMA archive;

            """
        let (catalog, diagnostics) = build(
            renamedAndMoved + """
                CREATE VIEW survives AS SELECT id FROM archive.events;
                ALTER TABLE archive.events SET SCHEMA public;
                """)
        #expect(diagnostics == [])
        #expect(catalog.table("v") != nil)
        #expect(catalog.table("survives") != nil)
        #expect(catalog.table("events")?.columns.map(\.name) == ["id"])

        let (dropped, _) = build(renamedAndMoved + "DROP TABLE archive.events CASCADE;")
        #expect(dropped.table("v") == nil)
    }
}
