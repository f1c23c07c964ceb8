import Testing

@testable import SQLGen

@Suite struct NamingTests {
    @Test(arguments: [
        ("account_id", "accountID"), ("client_ip", "clientIP"), ("id", "id"), ("user_agent", "userAgent"),
        ("is_email_verified", "isEmailVerified"), ("created_at", "createdAt"), ("GetAccount", "getAccount"),
        ("ListAccountsByOwnerID", "listAccountsByOwnerID"), ("api_url", "apiURL"), ("uuid", "uuid"),
        ("json_payload", "jsonPayload"), ("HTTPServer", "httpServer"), ("address_2", "address2"), ("2fa", "_2fa"),
        ("in-review", "inReview"), ("ACTIVE", "active"), ("db_name", "dbName"), ("sql_text", "sqlText"),
        ("page_uri", "pageURI"), ("", "_"),
    ])
    func lowerCamelCase(input: String, expected: String) {
        #expect(Naming.lowerCamelCase(input) == expected)
    }

    @Test(arguments: [
        ("verify_email", "VerifyEmail"), ("account", "Account"), ("api_key", "APIKey"), ("user_id", "UserID"),
        ("GetAccount", "GetAccount"), ("account_status", "AccountStatus"), ("ip", "IP"), ("9lives", "_9lives"),
    ])
    func upperCamelCase(input: String, expected: String) {
        #expect(Naming.upperCamelCase(input) == expected)
    }

    @Test(arguments: [
        ("accounts", "account"), ("entries", "entry"), ("verify_emails", "verify_email"), ("users", "user"),
        ("sessions", "session"), ("transfers", "transfer"), ("addresses", "address"), ("statuses", "status"),
        ("boxes", "box"), ("people", "person"), ("data", "data"), ("news", "news"), ("status", "status"),
        ("categories", "category"), ("batches", "batch"), ("wishes", "wish"), ("user_aliases", "user_alias"),
        ("movies", "movie"), ("analysis", "analysis"), ("series", "series"), ("bus", "bus"), ("Accounts", "Account"),
        ("children", "child"), ("glass", "glass"), ("s", "s"),
    ])
    func singularize(input: String, expected: String) {
        #expect(Inflection.singularize(input) == expected)
    }

    @Test func keywordsAreEscaped() {
        for word in ["default", "class", "protocol", "Type", "self", "Self", "func", "in", "return", "true", "init"] {
            #expect(SwiftKeywords.escape(word) == "`\(word)`")
        }
        for word in ["id", "owner", "type", "name", "value"] {
            #expect(SwiftKeywords.escape(word) == word)
        }
    }

    @Test func enumCaseNamesAreSanitizedAndUnique() {
        #expect(
            TypeNames.caseNames(["open", "in-review", "IN_REVIEW", "default", "", "3d", "ünïcode"]) == [
                "open", "inReview", "inReview2", "default", "empty", "_3d", "ünïcode",
            ])
    }

    @Test func typeNamesAvoidFoundationAndGeneratedNames() {
        var options = SwiftOptions(out: "out")
        let catalog = Catalog()
        var names = TypeNames(options: options, catalog: catalog)
        #expect(names.modelName(Table(schema: "public", name: "data", columns: [])) == "DataModel")
        #expect(names.modelName(Table(schema: "public", name: "types", columns: [])) == "TypeModel")
        #expect(names.modelName(Table(schema: "audit", name: "log_entries", columns: [])) == "AuditLogEntry")
        #expect(names.enumName(EnumType(schema: "public", name: "date", values: [])) == "DateEnum")
        options.emitExactTableNames = true
        options.rename = ["users": "Customer", "client_ip": "clientAddress"]
        names = TypeNames(options: options, catalog: catalog)
        #expect(names.modelName(Table(schema: "public", name: "accounts", columns: [])) == "Accounts")
        #expect(names.modelName(Table(schema: "public", name: "users", columns: [])) == "Customer")
        #expect(names.fieldName("client_ip") == "clientAddress")
    }
}

@Suite struct SwiftStringLiteralTests {
    @Test func singleLineEscapes() {
        #expect(SwiftStringLiteral.singleLine(#"SELECT "a" FROM t WHERE b = '\n'"#) == #""SELECT \"a\" FROM t WHERE b = '\\n'""#)
        #expect(SwiftStringLiteral.singleLine("a\tb\u{1}") == #""a\tb\u{1}""#)
        #expect(SwiftStringLiteral.singleLine(#"\(x)"#) == #""\\(x)""#)
    }

    @Test func multiLineEscapesBackslashesAndTripleQuotes() {
        let body = SwiftStringLiteral.multiLineBody("SELECT \"\"\"x\"\"\", E'\\\\'\n  FROM t  \n\nWHERE 1")
        #expect(
            body == [
                "\"\"\"",
                #"SELECT ""\"x""\", E'\\\\'"#,
                #"  FROM t \u{20}"#,
                "",
                "WHERE 1",
                "\"\"\"",
            ])
        #expect(SwiftStringLiteral.needsMultiLine("a\nb"))
        #expect(!SwiftStringLiteral.needsMultiLine("a b"))
    }

    /// Characters, not bytes, decide lines and trailing spaces: CR LF is one character, and a
    /// prepended concatenation mark (U+0600) takes the space after it into its character.
    @Test(arguments: [
        ("a\r\nb", #""a\r\nb""#, [#"a\r\u{a}b"#]),
        ("a\n\r\n\r", #""a\n\r\n\r""#, ["a", #"\r\u{a}\r"#]),
        ("x \u{301}  \ny", "\"x \u{301}  \\ny\"", ["x \u{301} \\u{20}", "y"]),
        ("tab\t \n", #""tab\t \n""#, [#"tab\t\u{20}"#, ""]),
        ("\"\u{301}\\\u{301}", "\"\\\"\u{301}\\\\\u{301}\"", ["\"\u{301}\\\\\u{301}"]),
        ("é\u{7F}\u{1}\u{1B}\0end", "\"é\\u{7f}\\u{1}\\u{1b}\\0end\"", [#"é\u{7f}\u{1}\u{1b}\u{0}end"#]),
        ("\u{600} ", "\"\u{600} \"", ["\u{600} "]),
        ("\u{600}  ", "\"\u{600}  \"", ["\u{600} \\u{20}"]),
    ])
    func escapesByCharacter(text: String, singleLine: String, body: [String]) {
        #expect(SwiftStringLiteral.singleLine(text) == singleLine)
        #expect(SwiftStringLiteral.multiLineBody(text) == ["\"\"\""] + body + ["\"\"\""])
    }
}
