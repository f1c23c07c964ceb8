import Testing

@testable import BankServer

@Suite("TokenMakerFactory and TokenConfiguration")
struct TokenMakerFactoryTests {
    private static let seedHex = "b4cbfb43df4ce210727d953e4a713307fa19bb7d9f85041438d9e11b942a3774"
    private static let key32 = "12345678901234567890123456789012"

    // MARK: Reading values

    @Test("TOKEN_TYPE defaults to paseto-v4-public; empty values count as not set")
    func defaults() throws {
        let configuration = try TokenConfiguration(values: [:])
        #expect(configuration.type == .pasetoV4Public)
        #expect(configuration.symmetricKey == nil)
        #expect(configuration.privateKey == nil)

        let empty = try TokenConfiguration(values: ["TOKEN_TYPE": "", "TOKEN_SYMMETRIC_KEY": "", "TOKEN_PRIVATE_KEY": ""])
        #expect(empty.type == .pasetoV4Public)
        #expect(empty.symmetricKey == nil)
        #expect(empty.privateKey == nil)
    }

    @Test("reads every token type and both keys")
    func readsValues() throws {
        for type in TokenType.allCases {
            let configuration = try TokenConfiguration(values: [
                "TOKEN_TYPE": type.rawValue, "TOKEN_SYMMETRIC_KEY": Self.key32, "TOKEN_PRIVATE_KEY": Self.seedHex,
            ])
            #expect(configuration.type == type)
            #expect(configuration.symmetricKey == Self.key32)
            #expect(configuration.privateKey == Self.seedHex)
        }
    }

    @Test("an unknown TOKEN_TYPE names the allowed values")
    func unknownType() {
        #expect(throws: TokenConfigurationError(#"TOKEN_TYPE must be one of paseto-v4-public, paseto-v3-local, jwt (got "x")"#)) {
            try TokenConfiguration(values: ["TOKEN_TYPE": "x"])
        }
        #expect(throws: TokenConfigurationError(#"TOKEN_TYPE must be one of paseto-v4-public, paseto-v3-local, jwt (got "PASETO")"#)) {
            try TokenConfiguration(values: ["TOKEN_TYPE": "PASETO"])
        }
    }

    // MARK: paseto-v4-public

    @Test("paseto-v4-public with a 64-hex seed: no warning, and the maker works")
    func v4PublicWithSeed() async throws {
        for seed in [Self.seedHex, Self.seedHex.uppercased()] {
            let result = try await TokenMakerFactory.makeTokenMaker(TokenConfiguration(privateKey: seed), environment: "production")
            #expect(result.warning == nil)
            let maker = try #require(result.maker as? PasetoV4PublicMaker)
            #expect(Hex.encode(maker.publicKey.rawRepresentation) == "1eb9dbbbbc047c03fd70604e0071f0987e16b28b757225c11f00415d0e20b1a2")
            let (token, payload) = try await maker.createToken(username: "dave", role: "depositor", duration: .seconds(60))
            #expect(try await result.maker.verifyToken(token) == payload)
        }
    }

    @Test(
        "a TOKEN_PRIVATE_KEY that is not 64 hex characters is refused, in any environment",
        arguments: [
            "abc", String(repeating: "a", count: 63), String(repeating: "a", count: 65), String(repeating: "g", count: 64),
            " " + String(repeating: "a", count: 63),
        ]
    )
    func badPrivateKey(_ value: String) async {
        for environment in ["production", "development"] {
            await #expect(throws: TokenConfigurationError("TOKEN_PRIVATE_KEY must be 64 hexadecimal characters (the Ed25519 seed)")) {
                try await TokenMakerFactory.makeTokenMaker(TokenConfiguration(privateKey: value), environment: environment)
            }
        }
    }

    @Test("a missing TOKEN_PRIVATE_KEY is an error in production", arguments: ["production", "PRODUCTION", "Production"])
    func missingPrivateKeyInProduction(_ environment: String) async {
        await #expect(
            throws: TokenConfigurationError(
                "TOKEN_PRIVATE_KEY is required when ENVIRONMENT=production: 64 hexadecimal characters (the Ed25519 seed)"
            )
        ) {
            try await TokenMakerFactory.makeTokenMaker(TokenConfiguration(), environment: environment)
        }
    }

    @Test("a missing TOKEN_PRIVATE_KEY outside production generates a key, with a warning that holds no key", arguments: ["development", "", "test"])
    func generatedPrivateKey(_ environment: String) async throws {
        let first = try await TokenMakerFactory.makeTokenMaker(TokenConfiguration(), environment: environment)
        let second = try await TokenMakerFactory.makeTokenMaker(TokenConfiguration(), environment: environment)
        let warning = try #require(first.warning)
        #expect(warning.hasPrefix("TOKEN_PRIVATE_KEY is not set: generated a random Ed25519 key"))

        let firstMaker = try #require(first.maker as? PasetoV4PublicMaker)
        let secondMaker = try #require(second.maker as? PasetoV4PublicMaker)
        #expect(firstMaker.publicKey.rawRepresentation != secondMaker.publicKey.rawRepresentation, "a fresh key each time")
        #expect(!warning.contains(Hex.encode(firstMaker.publicKey.rawRepresentation)))
        // No run of hex long enough to be key material.
        #expect(warning.firstMatch(of: /[0-9a-fA-F]{16,}/) == nil)

        let (token, payload) = try await first.maker.createToken(username: "dave", role: "banker", duration: .seconds(60))
        #expect(try await first.maker.verifyToken(token) == payload)
        await #expect(throws: TokenError.invalid) { try await second.maker.verifyToken(token) }
    }

    // MARK: paseto-v3-local

    @Test("paseto-v3-local with a 32-character key")
    func v3Local() async throws {
        let result = try await TokenMakerFactory.makeTokenMaker(
            TokenConfiguration(type: .pasetoV3Local, symmetricKey: Self.key32),
            environment: "production"
        )
        #expect(result.warning == nil)
        #expect(result.maker is PasetoV3LocalMaker)
        let (token, payload) = try await result.maker.createToken(username: "dave", role: "depositor", duration: .seconds(60))
        #expect(token.hasPrefix("v3.local."))
        #expect(try await result.maker.verifyToken(token) == payload)
    }

    @Test(
        "paseto-v3-local needs exactly 32 characters",
        arguments: [nil, "123456789012", String(repeating: "k", count: 31), String(repeating: "k", count: 33)])
    func v3LocalKeyLength(_ key: String?) async {
        let count = key?.utf8.count ?? 0
        await #expect(throws: TokenConfigurationError("TOKEN_SYMMETRIC_KEY must be exactly 32 characters for paseto-v3-local (got \(count))")) {
            try await TokenMakerFactory.makeTokenMaker(TokenConfiguration(type: .pasetoV3Local, symmetricKey: key), environment: "development")
        }
    }

    @Test("the brief's example message, word for word")
    func v3LocalExampleMessage() async {
        await #expect(throws: TokenConfigurationError("TOKEN_SYMMETRIC_KEY must be exactly 32 characters for paseto-v3-local (got 12)")) {
            try await TokenMakerFactory.makeTokenMaker(
                TokenConfiguration(values: ["TOKEN_TYPE": "paseto-v3-local", "TOKEN_SYMMETRIC_KEY": "short-secret"]),
                environment: "development"
            )
        }
    }

    // MARK: jwt

    @Test("jwt with 32 or more characters")
    func jwt() async throws {
        for key in [Self.key32, Self.key32 + Self.key32 + "!"] {
            let result = try await TokenMakerFactory.makeTokenMaker(TokenConfiguration(type: .jwt, symmetricKey: key), environment: "production")
            #expect(result.warning == nil)
            #expect(result.maker is JWTMaker)
            let (token, payload) = try await result.maker.createToken(username: "dave", role: "depositor", duration: .seconds(60))
            #expect(token.split(separator: ".").count == 3)
            #expect(try await result.maker.verifyToken(token) == payload)
        }
    }

    @Test("jwt needs at least 32 characters", arguments: [nil, "123456789012", String(repeating: "k", count: 31)])
    func jwtKeyLength(_ key: String?) async {
        let count = key?.utf8.count ?? 0
        await #expect(throws: TokenConfigurationError("TOKEN_SYMMETRIC_KEY must be at least 32 characters for jwt (got \(count))")) {
            try await TokenMakerFactory.makeTokenMaker(TokenConfiguration(type: .jwt, symmetricKey: key), environment: "development")
        }
    }

    // MARK: Secrets stay secret

    @Test("descriptions and dumps of the configuration never show the keys")
    func redaction() throws {
        let configuration = try TokenConfiguration(values: [
            "TOKEN_TYPE": "jwt", "TOKEN_SYMMETRIC_KEY": Self.key32, "TOKEN_PRIVATE_KEY": Self.seedHex,
        ])
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [String(describing: configuration), String(reflecting: configuration), dumped, "\(configuration)"] {
            #expect(!text.contains(Self.key32))
            #expect(!text.contains(Self.seedHex.prefix(16)))
            #expect(text.contains("jwt"))
        }
        #expect(String(describing: TokenConfiguration()).contains("not set"))
    }
}
