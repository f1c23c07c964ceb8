import Foundation
import Testing

@testable import SQLGen

/// The keys the catalog records for `vet`'s one-returns-many: primary keys, UNIQUE constraints
/// and unique indexes, following renames and drops of their columns.
@Suite struct UniqueKeyTests {
    static func catalog(_ schema: String) -> (catalog: Catalog, diagnostics: [String]) {
        let parsed = SchemaFileParser.parse(SourceFile(path: "schema.sql", text: schema))
        let built = CatalogBuilder.build(parsed.statements)
        return (built.catalog, (parsed.diagnostics + built.diagnostics).map(\.description))
    }

    @Test func theBankRecordsItsKeys() throws {
        let (catalog, diagnostics) = try BankMigrationsTests.bankCatalog()
        #expect(diagnostics.map(\.description) == [])
        #expect(catalog.table("accounts")?.uniqueKeys == [["id"], ["owner", "currency"]])
        #expect(catalog.table("users")?.uniqueKeys == [["username"], ["email"]])
        #expect(catalog.table("entries")?.uniqueKeys == [["id"]])
    }

    @Test func everyKindOfKeyIsRecorded() {
        let (catalog, diagnostics) = Self.catalog(
            """
            CREATE TABLE t (
                a int,
                b int UNIQUE,
                c int,
                d int,
                PRIMARY KEY (a, c)
            );
            ALTER TABLE t ADD COLUMN e int UNIQUE;
            CREATE UNIQUE INDEX ON t (d);
            CREATE UNIQUE INDEX ON t (c) WHERE d > 0;
            CREATE UNIQUE INDEX ON t (lower(c::text));
            CREATE INDEX ON t (b, d);
            """)
        #expect(diagnostics == [])
        #expect(catalog.table("t")?.uniqueKeys == [["b"], ["a", "c"], ["e"], ["d"]])
    }

    @Test func keysFollowRenamesAndDrops() {
        let (catalog, diagnostics) = Self.catalog(
            """
            CREATE TABLE t (id int PRIMARY KEY, code text, region text, UNIQUE (code, region));
            ALTER TABLE t RENAME COLUMN code TO sku;
            ALTER TABLE t DROP COLUMN region;
            """)
        #expect(diagnostics == [])
        #expect(catalog.table("t")?.uniqueKeys == [["id"]])
        let (renamed, _) = Self.catalog("CREATE TABLE t (id int PRIMARY KEY); ALTER TABLE t RENAME COLUMN id TO key;")
        #expect(renamed.table("t")?.uniqueKeys == [["key"]])
    }
}
