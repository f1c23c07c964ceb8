import Foundation
import Testing

/// `oid` and the `reg…` types, `pg_lsn` and `jsonpath` through the real PostgreSQL: bound and
/// read in binary, in arrays, copied, and used by the functions that take them.
@Suite struct SystemTypeTests: RuntimeFixtureTests {
    @Test func valuesRoundTrip() async throws {
        try await withQueries { queries in
            let grids = try #require(try await queries.relationOid(name: "grids"))
            let notes = try #require(try await queries.relationOid(name: "catalog_notes"))
            #expect(grids != notes)
            let position = try #require(PostgresLSN("16/B374D848"))
            let note = CopyCatalogNotesParams(
                relation: grids, config: nil, typeOid: 23, position: position, path: "$.items[*] ? (@.price > 10)",
                relations: [grids, notes], positions: [PostgresLSN(0), PostgresLSN(UInt64.max)],
                paths: ["$.a", "strict $.b[0 to 2]"])
            let created = try await queries.createCatalogNote(Self.createParams(note))
            #expect(created.relation == grids && created.typeOid == 23 && created.relations == [grids, notes])
            #expect(created.position == position && created.position?.description == "16/B374D848")
            #expect(created.positions?.map(\.description) == ["0/0", "FFFFFFFF/FFFFFFFF"])
            // PostgreSQL normalizes the path it stores.
            #expect(created.path?.text == #"$."items"[*]?(@."price" > 10)"#)
            #expect(created.paths?.map(\.text) == [#"$."a""#, #"strict $."b"[0 to 2]"#])

            let names = try #require(try await queries.catalogNoteNames(id: created.id))
            #expect(names.relationName == "grids" && names.configName == nil)

            let document: JSONValue = .object(["items": .array([.object(["price": .number(12)])])])
            #expect(try await queries.notesMatchingPath(document: document) == [created.id])
            #expect(try await queries.notesMatchingPath(document: .object([:])) == [])

            let copied = CopyCatalogNotesParams(
                relation: notes, config: nil, typeOid: nil, position: position, path: #"$."a""#, relations: [],
                positions: nil, paths: [#"$."x""#])
            #expect(try await queries.copyCatalogNotes([copied]) == 1)
            let listed = try await queries.listCatalogNotes().last
            #expect(listed.map(Self.copyParams) == copied)
        }
    }

    private static func createParams(_ note: CopyCatalogNotesParams) -> CreateCatalogNoteParams {
        CreateCatalogNoteParams(
            relation: note.relation, config: note.config, typeOid: note.typeOid, position: note.position, path: note.path,
            relations: note.relations, positions: note.positions, paths: note.paths)
    }

    private static func copyParams(_ note: CatalogNote) -> CopyCatalogNotesParams {
        CopyCatalogNotesParams(
            relation: note.relation, config: note.config, typeOid: note.typeOid, position: note.position, path: note.path,
            relations: note.relations, positions: note.positions, paths: note.paths)
    }

    @Test func logPositionsParseOnlyPostgreSQLsTextForm() {
        #expect(PostgresLSN("0/0")?.rawValue == 0)
        #expect(PostgresLSN("1/2")?.rawValue == 1 << 32 | 2)
        #expect(PostgresLSN(0x16_B374_D848) < PostgresLSN(0x17_0000_0000))
        for text in ["", "1", "1/", "/1", "1/2/3", "G/0", "123456789/0", "-1/0", "+1/0", " 1/0"] {
            #expect(PostgresLSN(text) == nil, "\(text)")
        }
    }
}
