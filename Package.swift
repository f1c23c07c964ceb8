// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "swift-sqlgen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "swift-sqlgen", targets: ["swift-sqlgen"]),
        .plugin(name: "SQLGenCommand", targets: ["SQLGenCommand"]),
        .library(name: "BankDB", targets: ["BankDB"]),
        .library(name: "Migrations", targets: ["Migrations"]),
        .executable(name: "migrate", targets: ["migrate"]),
        .executable(name: "bank-server", targets: ["bank-server"]),
        .executable(name: "bank-bench", targets: ["bank-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // MARK: The generator

        // PostgreSQL's own parser (Debian: libpg-query-dev).
        .systemLibrary(
            name: "CPgQuery",
            providers: [.apt(["libpg-query-dev"])]
        ),
        // PostgreSQL's client library (Debian: libpq-dev), for `swift-sqlgen verify`.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // The compiler behind the CLI and the plugin. Not a product: its API is an implementation
        // detail that changes with the generator, so nothing outside this package depends on it.
        .target(
            name: "SQLGen",
            dependencies: [
                "CPgQuery",
                "CLibPQ",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "swift-sqlgen",
            dependencies: [
                "SQLGen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .plugin(
            name: "SQLGenCommand",
            capability: .command(
                intent: .custom(verb: "sqlgen", description: "Run swift-sqlgen (generate, diff, compile, describe) on this package"),
                permissions: [.writeToPackageDirectory(reason: "Writes the generated Swift sources named in sqlc.yaml")]
            ),
            dependencies: ["swift-sqlgen"]
        ),

        // MARK: The bank's data layer (Generated/ is written by swift-sqlgen: `make sqlc`)

        .target(
            name: "BankDB",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // A PostgreSQL client over libpq in non-blocking mode, one reactor thread for a pool of
        // connections, with PostgresNIO's coders: an executor for the generated code measured
        // against PostgresNIO's own (`make bench`).
        // Linux's epoll and eventfd for the libpq reactor.
        .systemLibrary(name: "CEpoll"),
        .target(
            name: "PostgresLibPQ",
            dependencies: [
                "CLibPQ",
                "CEpoll",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Migrations

        .target(
            name: "Migrations",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "migrate",
            dependencies: [
                "Migrations",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: The bank server

        .target(
            name: "BankServer",
            dependencies: [
                "BankDB",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                "Migrations",
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "bank-server",
            dependencies: [
                "BankServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Benchmarks (`make bench`)

        .executableTarget(
            name: "bank-bench",
            dependencies: [
                "BankDB",
                "BankServer",
                "Migrations",
                "PostgresLibPQ",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests

        // Helpers shared by the test targets that talk to PostgreSQL (never imported by Sources).
        .target(
            name: "PostgresTestSupport",
            dependencies: ["Migrations", .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/PostgresTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SQLGenTests",
            dependencies: ["SQLGen", "PostgresTestSupport"],
            exclude: ["Cases", "Emit/Reference"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BankDBTests",
            dependencies: ["BankDB", "Migrations", "PostgresTestSupport"],
            swiftSettings: swiftSettings
        ),
        // Generated code of its own (sqlc.yaml's runtime-fixtures), run against PostgreSQL.
        .testTarget(
            name: "GeneratedRuntimeTests",
            dependencies: ["PostgresTestSupport", .product(name: "PostgresNIO", package: "postgres-nio")],
            exclude: ["SQL", "sqlc.yaml"],
            swiftSettings: swiftSettings
        ),
        // A sqlc project as a Go team wrote it (version 1 config, goose migrations), generated
        // unchanged and run against PostgreSQL.
        .testTarget(
            name: "SQLCProjectTests",
            dependencies: ["PostgresTestSupport", .product(name: "PostgresNIO", package: "postgres-nio")],
            exclude: ["db", "sqlc.yaml", "README.md"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PostgresLibPQTests",
            dependencies: [
                "PostgresLibPQ", "PostgresTestSupport",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MigrationsTests",
            dependencies: ["Migrations"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BankServerTests",
            dependencies: [
                "BankServer",
                "Migrations",
                "PostgresTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
    ]
)
