import Hummingbird
import HummingbirdCore
import Testing

@testable import BankServer

@Suite("Validation")
struct ValidationTests {
    private func expectBadRequest(_ detail: String, sourceLocation: SourceLocation = #_sourceLocation, _ check: () throws(APIError) -> Void) {
        do {
            try check()
            Issue.record("expected a 400 with \"\(detail)\"", sourceLocation: sourceLocation)
        } catch {
            #expect(error.status == .badRequest, sourceLocation: sourceLocation)
            #expect(error.problem.detail == detail, sourceLocation: sourceLocation)
        }
    }

    @Test("username: [a-z0-9_]{3,100}")
    func username() throws {
        for good in ["abc", "alice_01", "___", String(repeating: "a", count: 100)] {
            #expect(try Validation.username(good) == good)
        }
        for bad in ["ab", "", "Alice", "al ice", "al-ice", "ålice", "alice!", String(repeating: "a", count: 101), "abc\u{0301}"] {
            expectBadRequest("username must be 3 to 100 characters of a-z, 0-9 and _") { () throws(APIError) in try Validation.username(bad) }
        }
    }

    @Test("password: 6…100 characters, no NUL")
    func password() throws {
        for good in ["secret", "pässwörd", String(repeating: "x", count: 100), "with spaces ok"] {
            #expect(try Validation.password(good) == good)
        }
        for bad in ["12345", "", String(repeating: "x", count: 101)] {
            expectBadRequest("password must be 6 to 100 characters") { () throws(APIError) in try Validation.password(bad) }
        }
        expectBadRequest("password must not contain NUL characters") { () throws(APIError) in try Validation.password("abc\u{0}defg") }
    }

    @Test("full name: letters (any script) and spaces, 3…100")
    func fullName() throws {
        for good in ["Ann Lee", "Zoë Ångström", "李小龍", "Ólafur Arnalds", "Анна Каренина"] {
            #expect(try Validation.fullName(good) == good)
        }
        for bad in ["Al", "   ", "R2 D2", "Ann-Lee", "O'Brien", "Ann\tLee", String(repeating: "a", count: 101)] {
            expectBadRequest("full_name must be 3 to 100 characters of letters and spaces") { () throws(APIError) in try Validation.fullName(bad) }
        }
    }

    @Test("full name and password count Unicode code points, as openapi.yaml's lengths and pattern do")
    func codePoints() throws {
        // A combining accent is a mark (Mn), not a letter: \p{L} refuses it.
        expectBadRequest("full_name must be 3 to 100 characters of letters and spaces") { () throws(APIError) in
            try Validation.fullName("Zoe\u{301} Lee")
        }
        // 100 letters of two code points each are 200 code points: too long for maxLength 100.
        let decomposed = String(repeating: "\u{1112}\u{1161}", count: 50)
        #expect(try Validation.fullName(decomposed) == decomposed)
        expectBadRequest("full_name must be 3 to 100 characters of letters and spaces") { () throws(APIError) in
            try Validation.fullName(decomposed + decomposed)
        }
        // Three characters of two code points each: six code points, a valid password.
        #expect(try Validation.password("e\u{301}e\u{301}e\u{301}") == "e\u{301}e\u{301}e\u{301}")
    }

    @Test("email: a sane check, at most 200 characters")
    func email() throws {
        for good in ["a@b.co", "alice.smith+bank@example.com", "x_y@mail.example.org", "zoë@exämple.de"] {
            #expect(try Validation.email(good) == good)
        }
        let long = String(repeating: "a", count: 60) + "@" + String(repeating: "b", count: 60) + "." + String(repeating: "c", count: 60) + ".com"
        #expect(long.count <= 200)
        #expect(try Validation.email(long) == long)
        let tooLong =
            String(repeating: "a", count: 64) + "@" + Array(repeating: String(repeating: "d", count: 60), count: 3).joined(separator: ".") + ".com"
        for bad in [
            "", "plain", "@example.com", "a@", "a@b", "a@@b.com", "a b@c.com", "a@b .com", "a@-b.com", "a@b..com", ".a@b.com", "a..b@c.com",
            "a@b.com\n", tooLong,
        ] {
            expectBadRequest("email must be a valid email address of at most 200 characters") { () throws(APIError) in try Validation.email(bad) }
        }
    }

    @Test("currency: USD, EUR or CAD")
    func currency() throws {
        #expect(try Validation.currency("USD") == .usd)
        #expect(try Validation.currency("EUR") == .eur)
        #expect(try Validation.currency("CAD") == .cad)
        for bad in ["usd", "GBP", "", "US D"] {
            expectBadRequest("currency must be one of USD, EUR, CAD") { () throws(APIError) in _ = try Validation.currency(bad) }
        }
    }

    @Test("ids and amounts are at least 1; the field name is used")
    func ids() throws {
        #expect(try Validation.id(1) == 1)
        #expect(try Validation.id(.max) == .max)
        expectBadRequest("id must be at least 1") { () throws(APIError) in try Validation.id(0) }
        expectBadRequest("from_account_id must be at least 1") { () throws(APIError) in try Validation.id(-3, field: "from_account_id") }
        let parameters: Parameters = ["id": "42", "zero": "0", "text": "4x"]
        #expect(try Validation.id(parameter: "id", in: parameters) == 42)
        expectBadRequest("zero must be at least 1") { () throws(APIError) in _ = try Validation.id(parameter: "zero", in: parameters) }
        expectBadRequest("text must be an integer") { () throws(APIError) in _ = try Validation.id(parameter: "text", in: parameters) }
        expectBadRequest("missing must be an integer") { () throws(APIError) in _ = try Validation.id(parameter: "missing", in: parameters) }
        #expect(try Validation.amount(5) == 5)
        expectBadRequest("amount must be greater than 0") { () throws(APIError) in try Validation.amount(0) }
    }

    @Test("page_id ≥ 1 and page_size 5…10, from a query string")
    func pagination() throws {
        let page = try Pagination(query: URI("/accounts?page_id=3&page_size=5").queryParameters)
        #expect(page.limit == 5)
        #expect(page.offset == 10)
        #expect(try Pagination(pageID: 1, pageSize: 10).offset == 0)
        let cases: [(String, String)] = [
            ("page_size=5", "page_id is required"),
            ("page_id=1", "page_size is required"),
            ("page_id=0&page_size=5", "page_id must be at least 1"),
            ("page_id=1&page_size=4", "page_size must be between 5 and 10"),
            ("page_id=1&page_size=11", "page_size must be between 5 and 10"),
            ("page_id=one&page_size=5", "page_id must be an integer"),
        ]
        for (query, detail) in cases {
            expectBadRequest(detail) { () throws(APIError) in _ = try Pagination(query: URI("/accounts?\(query)").queryParameters) }
        }
    }
}
