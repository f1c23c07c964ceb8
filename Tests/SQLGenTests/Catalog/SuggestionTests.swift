import Testing

@testable import SQLGen

@Suite struct SuggestionTests {
    @Test func suggestsCloseNamesOnly() {
        #expect(Suggestion.closest(to: "acounts", among: ["entries", "accounts"]) == "accounts")
        #expect(Suggestion.closest(to: "ownr", among: ["owner", "id"]) == "owner")
        #expect(Suggestion.closest(to: "OWNR", among: ["owner"]) == "owner")
        #expect(Suggestion.closest(to: "x", among: ["y"]) == "y")
        #expect(Suggestion.closest(to: "emial", among: ["email", "id"]) == "email")
        #expect(Suggestion.closest(to: "balance", among: ["currency", "id"]) == nil)
        #expect(Suggestion.closest(to: "ab", among: []) == nil)
        // Ties resolve to the name that sorts first, whatever the input order.
        #expect(Suggestion.closest(to: "cat", among: ["cot", "bat"]) == "bat")
        #expect(Suggestion.didYouMean("ownr", among: ["owner"]) == " (did you mean \"owner\"?)")
        #expect(Suggestion.didYouMean("zzz", among: ["owner"]) == "")
    }
}
