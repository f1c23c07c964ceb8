import Testing

@testable import SQLGen

/// Parses `text` as `schema.sql` and applies it; parse and catalog diagnostics as printed.
func buildCatalog(_ text: String) -> (catalog: Catalog, diagnostics: [String]) {
    let (statements, parseDiagnostics) = SchemaFileParser.parse(SourceFile(path: "schema.sql", text: text))
    let (catalog, diagnostics) = CatalogBuilder.build(statements)
    return (catalog, (parseDiagnostics + diagnostics).sortedForDisplay().map(\.description))
}

@Suite struct CatalogBuilderTests {
    @Test func createsTablesWithTypesNullabilityAndDefaults() throws {
        let (catalog, diagnostics) = buildCatalog(
            """
            CREATE TYPE mood AS ENUM ('sad', 'ok');
            CREATE TABLE IF NOT EXISTS t (
                id bigserial PRIMARY KEY,
                a pg_catalog.int8,
                b varchar(10) NOT NULL,
                c timestamptz DEFAULT now(),
                d text[],
                e int[][] NOT NULL,
                f mood,
                g int GENERATED ALWAYS AS IDENTITY,
                h numeric(10, 2) UNIQUE CHECK (h > 0) REFERENCES t (id),
                i double precision,
                j int GENERATED ALWAYS AS (1) STORED,
                k uuid,
                PRIMARY KEY (k)
            );
            CREATE TABLE IF NOT EXISTS t (x int);
            """)
        #expect(diagnostics == [])
        let table = try #require(catalog.table("t"))
        #expect(table.columns.map(\.name) == ["id", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"])
        #expect(
            table.columns.map(\.type) == [
                .bigint, .bigint, .characterVarying, .timestamptz, SQLType.text.array, SQLType.integer.array,
                SQLType(name: "mood", schema: "public"), .integer, .numeric, .doublePrecision, .integer, .uuid,
            ])
        #expect(table.columns.map(\.isNotNull) == [true, false, true, false, false, true, false, true, false, false, false, true])
        #expect(table.columns.map(\.hasDefault) == [true, false, false, true, false, false, false, true, false, false, true, false])
    }

    @Test func reportsTableErrorsWithSuggestions() {
        let (_, diagnostics) = buildCatalog(
            """
            CREATE TABLE accounts (id int, owner strng, id text, note txt);
            CREATE TABLE accounts (id int);
            CREATE TABLE s.t (id int);
            CREATE TABLE k (a int, PRIMARY KEY (b));
            CREATE TABLE l (LIKE acounts);
            """)
        #expect(
            diagnostics == [
                "schema.sql:1:38: error: type \"strng\" does not exist",
                "schema.sql:1:45: error: column \"id\" specified more than once",
                "schema.sql:1:59: error: type \"txt\" does not exist (did you mean \"text\"?)",
                "schema.sql:2:14: error: relation \"accounts\" already exists",
                "schema.sql:3:14: error: schema \"s\" does not exist",
                "schema.sql:4:24: error: column \"b\" named in key does not exist",
                "schema.sql:5:22: error: relation \"acounts\" does not exist (did you mean \"accounts\"?)",
            ])
    }

    @Test func appliesAlterTable() throws {
        let (catalog, diagnostics) = buildCatalog(
            """
            CREATE TABLE t (a int, b int, c int NOT NULL, d int DEFAULT 1, e text);
            ALTER TABLE IF EXISTS ONLY t
                ADD COLUMN f bigint NOT NULL DEFAULT 0,
                ADD COLUMN IF NOT EXISTS a text,
                DROP COLUMN b,
                DROP COLUMN IF EXISTS zz,
                ALTER COLUMN a TYPE bigint,
                ALTER c DROP NOT NULL,
                ALTER a SET NOT NULL,
                ALTER d DROP DEFAULT,
                ALTER e SET DEFAULT 'x',
                ADD CONSTRAINT e_pk PRIMARY KEY (e),
                ADD CONSTRAINT u UNIQUE (a),
                ADD FOREIGN KEY (a) REFERENCES t (a),
                DROP CONSTRAINT u;
            ALTER TABLE t RENAME COLUMN f TO g;
            ALTER TABLE t RENAME TO u;
            ALTER TABLE IF EXISTS missing ADD COLUMN x int;
            """)
        #expect(diagnostics == [])
        #expect(catalog.table("t") == nil)
        let table = try #require(catalog.table("u"))
        #expect(table.columns.map(\.name) == ["a", "c", "d", "e", "g"])
        #expect(table.columns.map(\.type) == [.bigint, .integer, .integer, .text, .bigint])
        #expect(table.columns.map(\.isNotNull) == [true, false, false, true, true])
        #expect(table.columns.map(\.hasDefault) == [false, false, false, true, true])
        #expect(catalog.schemas["public"]?.tableOrder == ["u"])
    }

    @Test func reportsAlterTableErrors() {
        let (_, diagnostics) = buildCatalog(
            """
            CREATE TABLE accounts (id int, owner text);
            ALTER TABLE acounts ADD COLUMN x int;
            ALTER TABLE accounts DROP COLUMN ownr;
            ALTER TABLE accounts ADD COLUMN owner text;
            ALTER TABLE accounts ALTER COLUMN idd SET NOT NULL;
            ALTER TABLE accounts RENAME COLUMN owner TO id;
            ALTER TABLE accounts ADD PRIMARY KEY (nope);
            ALTER TABLE accounts ALTER COLUMN id TYPE bgint;
            """)
        #expect(
            diagnostics == [
                "schema.sql:2:13: error: relation \"acounts\" does not exist (did you mean \"accounts\"?)",
                "schema.sql:3:34: error: column \"ownr\" of relation \"accounts\" does not exist (did you mean \"owner\"?)",
                "schema.sql:4:33: error: column \"owner\" of relation \"accounts\" already exists",
                "schema.sql:5:35: error: column \"idd\" of relation \"accounts\" does not exist (did you mean \"id\"?)",
                "schema.sql:6:45: error: column \"id\" of relation \"accounts\" already exists",
                "schema.sql:7:26: error: column \"nope\" named in key does not exist",
                "schema.sql:8:43: error: type \"bgint\" does not exist (did you mean \"bigint\"?)",
            ])
    }

    @Test func dropsTablesAndTypes() {
        let (catalog, diagnostics) = buildCatalog(
            """
            CREATE SCHEMA s;
            CREATE TABLE a (id int);
            CREATE TABLE s.b (id int);
            CREATE TYPE m AS ENUM ('x');
            DROP TABLE IF EXISTS a, s.b, nothing CASCADE;
            DROP VIEW IF EXISTS v;
            DROP TYPE m;
            DROP TYPE IF EXISTS m;
            DROP TABLE a;
            DROP TYPE m;
            DROP INDEX whatever;
            """)
        #expect(catalog.allTables.isEmpty)
        #expect(catalog.allEnums.isEmpty)
        #expect(
            diagnostics == [
                "schema.sql:9:12: error: table \"a\" does not exist",
                "schema.sql:10:11: error: type \"m\" does not exist",
            ])
    }

    @Test func appliesEnumsAndTheirAlterations() throws {
        let (catalog, diagnostics) = buildCatalog(
            """
            CREATE TYPE status AS ENUM ('open', 'closed');
            CREATE TABLE t (s status NOT NULL, h status[]);
            ALTER TYPE status ADD VALUE 'frozen';
            ALTER TYPE status ADD VALUE IF NOT EXISTS 'frozen';
            ALTER TYPE status ADD VALUE 'pending' BEFORE 'open';
            ALTER TYPE status ADD VALUE 'reopened' AFTER 'closed';
            ALTER TYPE status RENAME VALUE 'closed' TO 'done';
            ALTER TYPE status RENAME TO account_status;
            ALTER TYPE account_status ADD VALUE 'open';
            ALTER TYPE account_status ADD VALUE 'x' AFTER 'nope';
            ALTER TYPE account_status RENAME VALUE 'nope' TO 'y';
            ALTER TYPE statuss ADD VALUE 'z';
            CREATE TYPE account_status AS ENUM ('a');
            """)
        let type = try #require(catalog.enumType("account_status"))
        #expect(type.values == ["pending", "open", "done", "reopened", "frozen"])
        #expect(catalog.enumType("status") == nil)
        #expect(catalog.table("t")?.columns.map(\.type) == [type.sqlType, type.sqlType.array])
        #expect(
            diagnostics == [
                "schema.sql:9:1: error: enum label \"open\" already exists",
                "schema.sql:10:1: error: \"nope\" is not an existing enum label",
                "schema.sql:11:1: error: \"nope\" is not an existing enum label",
                "schema.sql:12:12: error: type \"statuss\" does not exist",
                "schema.sql:13:13: error: type \"account_status\" already exists",
            ])
    }

    @Test func storesObjectsInTheirSchemas() throws {
        let (catalog, diagnostics) = buildCatalog(
            """
            CREATE SCHEMA IF NOT EXISTS bank;
            CREATE SCHEMA IF NOT EXISTS bank;
            CREATE TYPE bank.currency AS ENUM ('USD', 'EUR');
            CREATE TABLE bank.accounts (id bigint, currency bank.currency NOT NULL);
            CREATE TABLE plain (c currency);
            CREATE SCHEMA archive;
            ALTER TABLE bank.accounts SET SCHEMA archive;
            CREATE SCHEMA bank;
            """)
        #expect(catalog.table("accounts", schema: "bank") == nil)
        let table = try #require(catalog.table("accounts", schema: "archive"))
        #expect(table.schema == "archive")
        #expect(table.columns[1].type == SQLType(name: "currency", schema: "bank"))
        #expect(catalog.enumType("currency", schema: "bank")?.values == ["USD", "EUR"])
        #expect(
            diagnostics == [
                "schema.sql:5:23: error: type \"currency\" does not exist",
                "schema.sql:8:15: error: schema \"bank\" already exists",
            ])
    }

    @Test func recordsCommentsFromCommentOnAndSQLComments() throws {
        let (catalog, diagnostics) = buildCatalog(
            """
            -- People who bank with us.
            CREATE TABLE users (
                -- Login name.
                -- Unique.
                username varchar PRIMARY KEY,
                email varchar NOT NULL, -- not a doc comment of the next column
                full_name varchar NOT NULL
            );
            -- Overridden below.
            CREATE TABLE accounts (id bigint);
            CREATE TYPE role AS ENUM ('banker');
            COMMENT ON TABLE accounts IS 'Bank accounts.';
            COMMENT ON COLUMN users.email IS 'Where we write to.';
            COMMENT ON COLUMN public.users.username IS NULL;
            COMMENT ON TYPE role IS 'What a user may do.';
            COMMENT ON SCHEMA public IS 'Everything.';
            COMMENT ON COLUMN users.emial IS 'x';
            COMMENT ON TABLE userz IS 'x';
            COMMENT ON INDEX whatever IS 'ignored';
            """)
        #expect(
            diagnostics == [
                "schema.sql:17:25: error: column \"emial\" of relation \"users\" does not exist (did you mean \"email\"?)",
                "schema.sql:18:18: error: relation \"userz\" does not exist (did you mean \"users\"?)",
            ])
        let users = try #require(catalog.table("users"))
        #expect(users.comment == "People who bank with us.")
        #expect(users.columns.map(\.comment) == [nil, "Where we write to.", nil])
        #expect(catalog.table("accounts")?.comment == "Bank accounts.")
        #expect(catalog.enumType("role")?.comment == "What a user may do.")
        #expect(catalog.schemas["public"]?.comment == "Everything.")

        let (withColumnDoc, _) = buildCatalog("CREATE TABLE t (\n  -- The key.\n  id int,\n  -- Two\n  --  lines.\n  b int\n);")
        #expect(withColumnDoc.table("t")?.columns.map(\.comment) == ["The key.", "Two\n lines."])
    }

    @Test func resolvesInheritanceLikeAndDomains() throws {
        let (catalog, diagnostics) = buildCatalog(
            """
            CREATE DOMAIN positive_amount AS bigint CHECK (VALUE > 0);
            CREATE TABLE base (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE child (amount positive_amount NOT NULL) INHERITS (base);
            CREATE TABLE copy (LIKE base);
            CREATE TABLE full_copy (LIKE base INCLUDING ALL, extra int);
            """)
        #expect(diagnostics == [])
        #expect(catalog.table("child")?.columns.map(\.name) == ["id", "created_at", "amount"])
        #expect(catalog.table("child")?.columns.last?.type == .bigint)
        #expect(catalog.table("copy")?.columns.map(\.hasDefault) == [false, false])
        #expect(catalog.table("copy")?.columns.map(\.isNotNull) == [true, true])
        #expect(catalog.table("full_copy")?.columns.map(\.hasDefault) == [true, true, false])
    }

    @Test func acceptsOtherBuiltinTypesAndExtensionTypes() {
        let before = buildCatalog("CREATE TABLE t (a pg_lsn, b jsonpath[], c hstore);")
        #expect(before.diagnostics == ["schema.sql:1:43: error: type \"hstore\" does not exist"])
        #expect(before.catalog.table("t")?.columns.map(\.type) == [SQLType(name: "pg_lsn"), SQLType(name: "jsonpath").array])
        let after = buildCatalog("CREATE EXTENSION IF NOT EXISTS hstore;\nCREATE TABLE t (c hstore NOT NULL);")
        #expect(after.diagnostics == [])
        #expect(after.catalog.table("t")?.columns.first?.type == SQLType(name: "hstore"))
    }

    /// The "create the type unless it exists" idioms: the DDL inside a DO block is applied, and
    /// its errors are the block's to catch.
    @Test func typesCreatedInsideDoBlocks() {
        let (catalog, diagnostics) = buildCatalog(
            """
            DO $$ BEGIN
                CREATE TYPE kind AS ENUM ('x', 'y');
            EXCEPTION WHEN duplicate_object THEN NULL;
            END $$;
            DO $$ BEGIN
                CREATE TYPE kind AS ENUM ('x', 'y');
            EXCEPTION WHEN duplicate_object THEN NULL;
            END $$;
            DO $body$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'email') THEN
                    CREATE DOMAIN email AS text CHECK (VALUE ~ '@');
                END IF;
            END
            $body$;
            CREATE TABLE t (k kind NOT NULL, e email);
            """)
        #expect(diagnostics == [])
        #expect(catalog.enumType("kind")?.values == ["x", "y"])
        #expect(catalog.table("t")?.columns.map(\.type) == [SQLType(name: "kind", schema: "public"), .text])
    }

    @Test func schemaElementsAndForeignTables() {
        let (catalog, diagnostics) = buildCatalog(
            """
            CREATE SCHEMA billing
                CREATE TABLE invoices (id bigint PRIMARY KEY, total bigint NOT NULL)
                CREATE TABLE lines (invoice_id bigint NOT NULL);
            CREATE FOREIGN TABLE remote_users (id bigint NOT NULL, name text) SERVER elsewhere;
            """)
        #expect(diagnostics == [])
        #expect(catalog.table("invoices", schema: "billing")?.columns.map(\.name) == ["id", "total"])
        #expect(catalog.table("lines", schema: "billing") != nil)
        #expect(catalog.table("invoices") == nil)
        #expect(catalog.table("remote_users")?.columns.map(\.isNotNull) == [true, false])
    }

    @Test func ignoresHarmlessStatementsAndWarnsAboutOthers() {
        let (catalog, diagnostics) = buildCatalog(
            """
            CREATE EXTENSION IF NOT EXISTS pgcrypto;
            SET statement_timeout = 0;
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE SEQUENCE s;
            CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;
            CREATE TABLE t (id int);
            CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();
            CREATE INDEX t_id ON t (id);
            GRANT SELECT ON t TO PUBLIC;
            DO $$ BEGIN END $$;
            ALTER TABLE t OWNER TO bank;
            ALTER INDEX t_id RENAME TO t_id2;
            CREATE VIEW v AS SELECT id FROM t;
            IMPORT FOREIGN SCHEMA remote FROM SERVER elsewhere INTO public;
            CREATE MATERIALIZED VIEW mv AS SELECT 1;
            """)
        #expect(catalog.table("t") != nil)
        #expect(catalog.sequence("s") != nil)
        #expect(
            diagnostics == [
                "schema.sql:13:13: warning: skipped: a relation defined by a query needs the query analyzer",
                "schema.sql:14:1: warning: unsupported statement IMPORT FOREIGN SCHEMA ignored",
                "schema.sql:15:26: warning: skipped: a relation defined by a query needs the query analyzer",
            ])
    }

    /// COMMENT ON VIEW / MATERIALIZED VIEW / COLUMN reach views as they reach tables; a view that
    /// does not exist is PostgreSQL's error, not silence.
    @Test func commentsOnViewsAndTheirColumns() {
        let text = """
            CREATE TABLE t (id bigint NOT NULL);
            CREATE VIEW v AS SELECT id FROM t;
            CREATE MATERIALIZED VIEW m AS SELECT id FROM t;
            COMMENT ON VIEW v IS 'The view.';
            COMMENT ON MATERIALIZED VIEW m IS 'The snapshot.';
            COMMENT ON COLUMN v.id IS 'The key, seen through v.';
            COMMENT ON VIEW vw IS 'Nowhere.';
            """
        let (statements, _) = SchemaFileParser.parse(SourceFile(path: "schema.sql", text: text))
        let (catalog, diagnostics) = CatalogBuilder.build(statements, viewColumns: Analyzer.viewColumns)
        #expect(catalog.table("v")?.comment == "The view.")
        #expect(catalog.table("m")?.comment == "The snapshot.")
        #expect(catalog.table("v")?.columns.map(\.comment) == ["The key, seen through v."])
        #expect(diagnostics.map(\.description) == ["schema.sql:7:17: error: relation \"vw\" does not exist (did you mean \"v\"?)"])
    }
}
