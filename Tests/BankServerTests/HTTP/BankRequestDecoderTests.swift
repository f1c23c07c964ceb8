import Testing

@testable import BankServer

@Suite("BankRequestDecoder helpers")
struct BankRequestDecoderTests {
    @Test(
        "camelCase keys become snake_case as the encoder writes them",
        arguments: [
            ("fullName", "full_name"), ("fromAccountID", "from_account_id"), ("id", "id"), ("pageID", "page_id"),
            ("myURLProperty", "my_url_property"), ("already_snake", "already_snake"), ("a1B", "a1_b"),
        ]
    )
    func snakeCase(key: String, expected: String) {
        #expect(BankRequestDecoder.snakeCase(key) == expected)
    }

    @Test("Content-Type must be application/json, parameters and case aside")
    func contentType() {
        #expect(BankRequestDecoder.isJSON("application/json"))
        #expect(BankRequestDecoder.isJSON("application/json; charset=utf-8"))
        #expect(BankRequestDecoder.isJSON(" APPLICATION/JSON ;charset=UTF-8"))
        #expect(!BankRequestDecoder.isJSON(nil))
        #expect(!BankRequestDecoder.isJSON(""))
        #expect(!BankRequestDecoder.isJSON("text/json"))
        #expect(!BankRequestDecoder.isJSON("application/problem+json"))
    }
}
