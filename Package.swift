// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "argmark",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "argmark", targets: ["argmark"]),
        .library(name: "ArgmarkCore", targets: ["ArgmarkCore"]),
        .library(name: "ArgmarkFormats", targets: ["ArgmarkFormats"]),
        .library(name: "ArgmarkReports", targets: ["ArgmarkReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "ArgmarkCore",
            dependencies: ["CLibXML2"],
            resources: [.embedInCode("Resources/argmark.xsd")]
        ),
        .target(name: "ArgmarkFormats", dependencies: ["ArgmarkCore"]),
        .target(name: "ArgmarkReports", dependencies: ["ArgmarkCore"]),
        .executableTarget(
            name: "argmark",
            dependencies: [
                "ArgmarkCore",
                "ArgmarkFormats",
                "ArgmarkReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ArgmarkCoreTests", dependencies: ["ArgmarkCore"]),
        .testTarget(name: "ArgmarkEndToEndTests", dependencies: ["ArgmarkCore"]),
        .testTarget(
            name: "ArgmarkFormatsTests",
            dependencies: ["ArgmarkFormats", "ArgmarkCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ArgmarkReportsTests",
            dependencies: ["ArgmarkReports", "ArgmarkCore"],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
