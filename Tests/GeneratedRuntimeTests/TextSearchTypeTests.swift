import Foundation
import PostgresNIO
import Testing

/// `tsvector` and `tsquery` through the real PostgreSQL: bound in binary, read back equal,
/// printed as PostgreSQL prints them, parsed by PostgreSQL from its text form, matched with `@@`,
/// copied, and malformed binary values rejected.
@Suite struct TextSearchTypeTests: RuntimeFixtureTests {
    typealias Lexeme = PostgresTSVector.Lexeme
    typealias Position = PostgresTSVector.Position
    typealias Node = PostgresTSQuery.Node

    static let vectors: [PostgresTSVector] = [
        PostgresTSVector([
            Lexeme("it's", positions: [Position(3, weight: .a), Position(1), Position(2, weight: .c), Position(2, weight: .b)]),
            Lexeme(#"back\slash"#), Lexeme("é", positions: [Position(16383, weight: .b)]), Lexeme("a b", positions: [Position(7)]),
            Lexeme("ab"), Lexeme("a"), Lexeme("a", positions: [Position(4, weight: .d)]), Lexeme("😀 \"quoted\""),
        ]),
        PostgresTSVector([]),
        PostgresTSVector((1...300).map { Lexeme("w\($0)", positions: [Position(UInt16($0) * 50, weight: .c)]) }),
    ]

    static let queries: [PostgresTSQuery?] = [
        // !a & (b:AB | c:*) <-> d <2> e
        PostgresTSQuery(
            .and(
                .not(.lexeme("a")),
                .phrase(
                    .phrase(.or(.lexeme("b", weights: [.a, .b]), .lexeme("c", isPrefix: true)), .lexeme("d")), .lexeme("e"),
                    distance: 2))),
        PostgresTSQuery(
            .or(.lexeme("it's", weights: [.d, .a], isPrefix: true), .and(.lexeme(#"back\slash"#), .not(.not(.lexeme("x")))))),
        PostgresTSQuery(.phrase(.lexeme("a"), .phrase(.lexeme("b"), .lexeme("c")), distance: 0)),
        PostgresTSQuery(.not(.or(.lexeme("a b"), .lexeme("é")))),
        PostgresTSQuery(.lexeme("wörd", weights: Set(PostgresTextSearchWeight.allCases))),
        nil,
    ]

    @Test func valuesRoundTripAndPrintAsPostgreSQLDoes() async throws {
        try await withQueries { queries in try await Self.roundTrip(queries) }
    }

    private static func roundTrip(_ database: Queries) async throws {
        var ids: [Int64] = []
        for (words, search) in zip(vectors + vectors, queries) {
            let created = try await database.createDocument(words: words, search: search)
            #expect(created.words == words)
            #expect(created.search == search)
            let texts = try #require(try await database.documentTexts(id: created.id))
            #expect(texts.words == words.description)
            #expect(texts.search == search?.description)
            ids.append(created.id)
        }
        #expect(vectors[0].description == #"'a':4 'a b':7 'ab' 'back\\slash' 'it''s':1,2B,3A 'é':16383B '😀 "quoted"'"#)
        #expect(queries[0]?.description == "!'a' & ( 'b':AB | 'c':* ) <-> 'd' <2> 'e'")
        #expect(queries[1]?.description == #"'it''s':*AD | 'back\\slash' & !!'x'"#)
        #expect(queries[2]?.description == "'a' <0> ( 'b' <-> 'c' )")
        #expect(queries[4]?.description == "'wörd':ABCD")
        #expect(PostgresTSQuery(nil).description == "")
        // PostgreSQL sends the empty query in binary but does not read it back in binary: bound,
        // it is the server's error. COPY writes its text form, which PostgreSQL reads.
        await #expect(throws: PSQLError.self) { try await database.createDocument(words: vectors[1], search: PostgresTSQuery(nil)) }

        let matching = PostgresTSQuery(.and(.lexeme("it's", weights: [.a]), .lexeme("a b")))
        #expect(try await database.matchingDocuments(query: matching) == [ids[0], ids[3]])
        #expect(try await database.matchingDocuments(query: PostgresTSQuery(.lexeme("w", isPrefix: true))) == [ids[2], ids[5]])

        let copied =
            zip(vectors + vectors, queries).map { CopyDocumentsParams(words: $0, search: $1) }
            + [CopyDocumentsParams(words: vectors[1], search: PostgresTSQuery(nil))]
        #expect(try await database.copyDocuments(copied) == copied.count)
        #expect(try await database.matchingDocuments(query: matching).count == 4)
    }

    @Test func postgreSQLTextFormsDecodeAndPrintTheSame() async throws {
        try await withQueries { queries in try await Self.parse(queries) }
    }

    private static func parse(_ database: Queries) async throws {
        let samples: [(words: String, search: String)] = [
            (#"'a':1,2A,3 'b':1 'back\\slash' 'it''s' 'zz' 'é'"#, "!'a' & ( 'b':AB | 'c':* ) <-> 'd' <2> 'e'"),
            ("", #"'it''s' & 'b':A & 'c':*D & 'd':*ABCD & 'back\\slash' & !!'x'"#),
            ("'a' 'aa' 'ab' 'b' 'c'", "!( 'a' & 'b' )"),
            ("'x':16383C", "'a' <0> 'b'"),
            ("'a'", "!'a' <-> 'b'"),
            ("'b'", "'a' | 'b' & 'c'"),
            ("'c'", "( 'a' | 'b' ) & 'c'"),
            ("'d'", "'a' <-> ( 'b' <-> 'c' )"),
            ("'e'", "!( 'a' <-> 'b' ) | 'c' <-> !'d' <16384> 'e'"),
            ("'f'", ""),
        ]
        for sample in samples {
            let row = try #require(try await database.parseTextSearch(words: sample.words, search: sample.search))
            #expect(row.words.description == sample.words)
            #expect(row.search.description == sample.search)
        }
    }

    @Test func malformedBinaryValuesAreDecodingErrors() {
        let vector = MalformedValues.bytes(PostgresTSVector([Lexeme("a", positions: [Position(1, weight: .a)])]))
        #expect(vector == [0, 0, 0, 1, 0x61, 0, 0, 1, 0xc0, 0x01])
        MalformedValues.expectRejected(PostgresTSVector.self, oid: 3614, Array(vector.dropLast()))
        MalformedValues.expectRejected(PostgresTSVector.self, oid: 3614, vector + [0])
        MalformedValues.expectRejected(PostgresTSVector.self, oid: 3614, [0xff, 0xff, 0xff, 0xff])
        MalformedValues.expectRejected(PostgresTSVector.self, oid: 3614, [0, 0, 0, 1, 0x61])
        MalformedValues.expectRejected(PostgresTSVector.self, oid: 3614, [0, 0, 0, 1, 0xff, 0, 0, 0])
        MalformedValues.expectRejected(PostgresTSVector.self, oid: 3614, [0x7f, 0xff, 0xff, 0xff, 0x61, 0, 0, 0])
        MalformedValues.expectRejected(PostgresTSVector.self, oid: 3615, vector)
        MalformedValues.expectRejected(PostgresTSVector.self, oid: 3614, vector, format: .text)

        let query = MalformedValues.bytes(PostgresTSQuery(.and(.lexeme("a"), .lexeme("b", weights: [.a], isPrefix: true))))
        #expect(query == [0, 0, 0, 3, 2, 2, 1, 8, 1, 0x62, 0, 1, 0, 0, 0x61, 0])
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, Array(query.dropLast()))
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, query + [0])
        // An operator without its operands, two operands without an operator, more items than there are.
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, [0, 0, 0, 1, 2, 2])
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, [0, 0, 0, 2, 1, 0, 0, 0x61, 0, 1, 0, 0, 0x62, 0])
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, [0, 0, 0, 4] + query.dropFirst(4))
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, [0xff, 0xff, 0xff, 0xff])
        // An unknown item type or operator, a weight mask beyond A–D, a prefix flag beyond 1, a cut distance.
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, [0, 0, 0, 1, 3, 0, 0, 0x61, 0])
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, [0, 0, 0, 3, 2, 5, 1, 0, 0, 0x62, 0, 1, 0, 0, 0x61, 0])
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, [0, 0, 0, 1, 1, 0x10, 0, 0x61, 0])
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, [0, 0, 0, 1, 1, 0, 2, 0x61, 0])
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, [0, 0, 0, 3, 2, 4, 0])
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3615, [0, 0, 0, 0, 0])
        MalformedValues.expectRejected(PostgresTSQuery.self, oid: 3614, query)
    }
}
