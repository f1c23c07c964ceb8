import Testing

@testable import Migrations

@Suite("SQLSplitter")
struct SQLSplitterTests {
    private func texts(_ sql: String) throws -> [String] {
        try SQLSplitter.split(sql).map(\.text)
    }

    @Test("splits at semicolons and records where each statement starts")
    func simpleStatements() throws {
        let statements = try SQLSplitter.split("CREATE TABLE a (id int);\n\n  INSERT INTO a VALUES (1);\nSELECT 1")
        #expect(statements.map(\.text) == ["CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)", "SELECT 1"])
        #expect(statements.map(\.line) == [1, 3, 4])
        #expect(statements.map(\.column) == [1, 3, 1])
    }

    @Test("empty, blank and comment-only scripts give no statements")
    func emptyScripts() throws {
        #expect(try texts("").isEmpty)
        #expect(try texts("  \n\t\n").isEmpty)
        #expect(try texts("-- nothing here; really\n/* nor; here */\n;;\n").isEmpty)
    }

    @Test("comments: semicolons inside are ignored, nested block comments close properly")
    func comments() throws {
        let sql = """
            -- leading comment; with a semicolon
            CREATE TABLE t ( -- trailing; comment
              id int /* block; /* nested; */ still comment; */
            );
            /* between */ SELECT 2; -- after
            """
        let statements = try SQLSplitter.split(sql)
        #expect(statements.count == 2)
        #expect(statements[0].line == 2)
        #expect(statements[0].text.hasPrefix("CREATE TABLE t ("))
        #expect(statements[0].text.hasSuffix(")"))
        #expect(statements[0].text.contains("still comment; */"))
        #expect(statements[1].text == "SELECT 2")
        #expect(statements[1].line == 5)
        #expect(statements[1].column == 15)
    }

    @Test("quoted strings and identifiers may hold semicolons and doubled quotes")
    func quotes() throws {
        let sql = #"INSERT INTO "odd;""name" VALUES ('a;b', 'it''s; fine');SELECT ';'"#
        #expect(try texts(sql) == [#"INSERT INTO "odd;""name" VALUES ('a;b', 'it''s; fine')"#, "SELECT ';'"])
    }

    @Test("E'' strings honour backslash escapes, plain strings do not")
    func escapeStrings() throws {
        let sql = #"SELECT E'it\'s; \\'; SELECT 'back\'; SELECT e'x\';y'"#
        #expect(try texts(sql) == [#"SELECT E'it\'s; \\'"#, #"SELECT 'back\'"#, #"SELECT e'x\';y'"#])
    }

    @Test("dollar-quoted bodies, tagged or not, hide semicolons; $1 is a parameter")
    func dollarQuotes() throws {
        let sql = """
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
            BEGIN
              RETURN 1;
            END;
            $$;
            CREATE FUNCTION g(a int) RETURNS text LANGUAGE plpgsql AS $fn$
            BEGIN
              RETURN $$inner; $$ || a::text; -- $$ of a different tag stays inside
            END
            $fn$;
            PREPARE p AS SELECT $1::int; SELECT a$b$c FROM t
            """
        let statements = try SQLSplitter.split(sql)
        #expect(statements.count == 4)
        #expect(statements[0].text.hasSuffix("END;\n$$"))
        #expect(statements[1].line == 6)
        #expect(statements[1].text.hasSuffix("END\n$fn$"))
        #expect(statements[2].text == "PREPARE p AS SELECT $1::int")
        #expect(statements[3].text == "SELECT a$b$c FROM t")
    }

    @Test("BEGIN ATOMIC bodies of SQL-standard functions keep their semicolons")
    func beginAtomic() throws {
        let sql = """
            CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              SELECT CASE WHEN a > 0 THEN a ELSE 0 END + b;
            END;
            CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); END;
            BEGIN;
            END;
            """
        let statements = try SQLSplitter.split(sql)
        #expect(statements.count == 4)
        #expect(statements[0].text.hasSuffix("END"))
        #expect(statements[1].text.hasPrefix("CREATE PROCEDURE"))
        #expect(statements[2].text == "BEGIN")
        #expect(statements[3].text == "END")
    }

    @Test("semicolons inside parentheses do not end a statement (CREATE RULE … DO (…; …))")
    func parentheses() throws {
        let sql = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO l VALUES (1); INSERT INTO l VALUES (2)); SELECT 1"
        #expect(try texts(sql).count == 2)
    }

    @Test(
        "unterminated constructs are errors at their opening line and column",
        arguments: [
            ("SELECT 1;\nSELECT 'abc", 2, 8, "quoted string"),
            ("SELECT \"abc", 1, 8, "quoted identifier"),
            ("SELECT 1;\n\n  DO $body$ BEGIN END $$", 3, 6, "dollar-quoted string $body$"),
            ("SELECT 1 /* a /* b */", 1, 10, "block comment"),
            ("SELECT E'abc\\'", 1, 8, "escape string"),
        ])
    func unterminated(sql: String, line: Int, column: Int, construct: String) {
        #expect(throws: MigrationError.unterminatedSQL(file: "x.sql", line: line, column: column, construct: construct)) {
            try SQLSplitter.split(sql, file: "x.sql")
        }
    }

    @Test("server error positions map back to file lines and columns")
    func positions() throws {
        let sql = "-- header\n\nCREATE TABLE t (\n  id int,\n  bad bad\n)"
        let statement = try #require(try SQLSplitter.split(sql).first)
        #expect(statement.line == 3)
        // "CREATE TABLE t (\n  id int,\n  bad bad": the second `bad` is character 34.
        let bad = try #require(statement.fileLocation(ofPosition: 34))
        #expect(bad == (5, 7))
        let first = try #require(statement.fileLocation(ofPosition: 1))
        #expect(first == (3, 1))
        #expect(statement.fileLocation(ofPosition: 0) == nil)
        #expect(statement.fileLocation(ofPosition: 10_000) == nil)
    }

    @Test("statements PostgreSQL refuses inside a transaction are recognised")
    func transactionRestrictions() throws {
        let outside = [
            "CREATE INDEX CONCURRENTLY i ON t (a)",
            "create unique index concurrently if not exists i on t (a)",
            "DROP INDEX CONCURRENTLY IF EXISTS i",
            "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
            "VACUUM ANALYZE t",
            "CREATE DATABASE other",
            "DROP DATABASE other",
            "ALTER SYSTEM SET work_mem = '8MB'",
            "ALTER TABLE p DETACH PARTITION c CONCURRENTLY",
            "BEGIN",
            "START TRANSACTION",
            "COMMIT",
            "ROLLBACK",
        ]
        for sql in outside {
            let statement = try #require(try SQLSplitter.split(sql).first)
            #expect(statement.outsideTransactionReason != nil, "\(sql)")
        }
        let inside = [
            "CREATE INDEX i ON t (a)",
            "-- CREATE INDEX CONCURRENTLY in a comment\nCREATE INDEX i ON t (a)",
            "SELECT 'CREATE INDEX CONCURRENTLY'",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY v",
            "ROLLBACK TO SAVEPOINT s",
            "CREATE TABLE \"vacuum\" (id int)",
        ]
        for sql in inside {
            let statement = try #require(try SQLSplitter.split(sql).first)
            #expect(statement.outsideTransactionReason == nil, "\(sql)")
        }
        let script = try MigrationScript(
            fileName: "1_x.up.sql", path: "1_x.up.sql", sql: "CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY ON t (a);")
        #expect(!script.runsInTransaction)
        #expect(script.outsideTransactionReason?.contains("CONCURRENTLY") == true)
    }

    @Test("non-ASCII text keeps positions in Unicode scalars")
    func unicode() throws {
        let statements = try SQLSplitter.split("SELECT 'é;ü'; SELECT \"naïve\"")
        #expect(statements.map(\.text) == ["SELECT 'é;ü'", "SELECT \"naïve\""])
        #expect(statements[1].column == 15)
    }
}
