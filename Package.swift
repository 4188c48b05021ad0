// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "argmark",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "argmark", targets: ["argmark"]),
        // The workbench: `argmark serve` runs this program, installed beside argmark.
        .executable(name: "argmark-serve", targets: ["argmark-serve"]),
        .library(name: "ArgmarkCore", targets: ["ArgmarkCore"]),
        .library(name: "ArgmarkFormats", targets: ["ArgmarkFormats"]),
        .library(name: "ArgmarkReports", targets: ["ArgmarkReports"]),
        .library(name: "ArgmarkAgreement", targets: ["ArgmarkAgreement"]),
        .library(name: "ArgmarkSuggest", targets: ["ArgmarkSuggest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The workbench's HTTP server. Its default traits (full Foundation, swift-configuration)
        // are off: the server needs neither, and they would lengthen every build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // SHA-256 on the x86 SHA extensions; ArgmarkCore falls back to its own Swift code elsewhere.
        .target(name: "CArgmarkSHA256"),
        .target(
            name: "ArgmarkCore",
            dependencies: ["CLibXML2", "CArgmarkSHA256"],
            resources: [.embedInCode("Resources/argmark.xsd")]
        ),
        .target(name: "ArgmarkFormats", dependencies: ["ArgmarkCore"]),
        .target(name: "ArgmarkReports", dependencies: ["ArgmarkCore"]),
        .target(name: "ArgmarkAgreement", dependencies: ["ArgmarkCore"]),
        .target(
            name: "ArgmarkSuggest",
            dependencies: ["ArgmarkCore", "ArgmarkAgreement"],
            // The shipped model is a base64 string literal (DefaultModel.swift, written by
            // bench/suggest/train.sh): an embedded byte array of that size takes the compiler
            // many minutes, a string literal no time at all.
            exclude: ["Resources/default-model.bin"]
        ),
        // The browser workbench (`argmark serve`): HTTP, security, the pages and their JSON API.
        .target(
            name: "ArgmarkServer",
            dependencies: [
                "ArgmarkCore",
                "ArgmarkFormats",
                "ArgmarkReports",
                "ArgmarkAgreement",
                "ArgmarkSuggest",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [
                .embedInCode("Resources/workbench.js"),
                .embedInCode("Resources/workbench.css"),
            ]
        ),
        // What both executables share: terminal output, the wording of remedies, exit codes, the
        // start (usage errors exit 2) and `serve`'s arguments.
        .target(
            name: "ArgmarkCommandLine",
            dependencies: ["ArgmarkCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The CLI. It must not depend on ArgmarkServer: Hummingbird and NIO linked into it made
        // every command start slower (bench/RESULTS.md); `argmark serve` runs argmark-serve.
        .executableTarget(
            name: "argmark",
            dependencies: [
                "ArgmarkCore",
                "ArgmarkFormats",
                "ArgmarkReports",
                "ArgmarkAgreement",
                "ArgmarkSuggest",
                "ArgmarkCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "argmark-serve",
            dependencies: [
                "ArgmarkCore",
                "ArgmarkServer",
                "ArgmarkCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What every test target shares: the runner of the built binary, the golden-file helper
        // (ARGMARK_RECORD=1 re-records), the seeded random generator, where ../shared is.
        .target(name: "ArgmarkTestSupport", path: "Tests/ArgmarkTestSupport"),
        .testTarget(name: "ArgmarkCoreTests", dependencies: ["ArgmarkCore", "ArgmarkTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ArgmarkEndToEndTests", dependencies: ["ArgmarkCore", "ArgmarkTestSupport"], exclude: ["Fixtures", "Browser"]),
        .testTarget(
            name: "ArgmarkFormatsTests",
            dependencies: ["ArgmarkFormats", "ArgmarkCore", "ArgmarkTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ArgmarkReportsTests",
            dependencies: ["ArgmarkReports", "ArgmarkCore", "ArgmarkTestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "ArgmarkAgreementTests",
            dependencies: ["ArgmarkAgreement", "ArgmarkCore", "ArgmarkTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ArgmarkSuggestTests", dependencies: ["ArgmarkSuggest", "ArgmarkCore", "ArgmarkTestSupport"]),
        .testTarget(name: "ArgmarkServerTests", dependencies: ["ArgmarkServer", "ArgmarkCore", "ArgmarkFormats", "ArgmarkAgreement"]),
    ]
)
