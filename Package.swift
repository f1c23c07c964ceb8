// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "swift-sqlgen",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SQLGen", targets: ["SQLGen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // PostgreSQL's own parser (Debian: libpg-query-dev).
        .systemLibrary(
            name: "CPgQuery",
            providers: [.apt(["libpg-query-dev"])]
        ),
        .target(
            name: "SQLGen",
            dependencies: [
                "CPgQuery",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SQLGenTests",
            dependencies: ["SQLGen"],
            exclude: ["Cases"],
            swiftSettings: swiftSettings
        ),
    ]
)
