import Testing

@testable import SQLGen

/// The inline-hint grammar: `name`, `name!`, `name?` and `: Type` in any combination that agrees.
@Suite struct QueryHintTests {
    private let here = SourceLocation(file: "q.sql", line: 3, column: 8)

    private func parse(_ text: String) -> QueryHint? {
        try? QueryHint.parse(text, at: here).get()
    }

    @Test func readsMarkersAndTypes() {
        #expect(parse("total!")?.nullability == .nonNull)
        #expect(parse("total?")?.nullability == .nullable)
        #expect(parse("total")?.nullability == nil)
        #expect(parse("note: Note")?.swiftType == "Note")
        #expect(parse("note: Note")?.nullability == nil)
        #expect(parse("note: Note?")?.nullability == .nullable)
        #expect(parse("note!: Mod.Note")?.swiftType == "Mod.Note")
        #expect(parse(" tags : [String: Int] ")?.swiftType == "[String: Int]")
        #expect(parse("ids: Set<Tag.ID>")?.swiftType == "Set<Tag.ID>")
        #expect(parse("total!")?.name == "total")
        #expect(parse("total!")?.written == "total!")
    }

    @Test func rejectsWhatIsNotAHint() {
        for text in ["!", "?: Int", "a!?", "a!: Int?", "a: ", "a: 1Int", "a: [Int", "a: Int>", "a: Mod.", "a: (Int)", "a: Int;"] {
            #expect(parse(text) == nil, "\(text) was accepted")
        }
    }

    @Test func onlyMarkedAliasesAreHints() {
        #expect(QueryHint.isHint("total!"))
        #expect(QueryHint.isHint("total?"))
        #expect(QueryHint.isHint("note: Note"))
        #expect(!QueryHint.isHint("total"))
        #expect(!QueryHint.isHint("is active"))
    }
}
