// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "inspraak",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "inspraak", targets: ["inspraak"]),
        .library(name: "InspraakCore", targets: ["InspraakCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libyaml's event parser, read straight into fields (see Load/YAMLFields.swift).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "InspraakMarkdown", dependencies: ["CCmarkGFM"]),
        .target(
            name: "InspraakCore",
            dependencies: [
                "InspraakMarkdown",
                "CLibYAML",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "inspraak",
            dependencies: [
                "InspraakCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildVersion"]
        ),
        // `git describe` at build time → `buildVersion` for `inspraak --version` (scripts/version.sh).
        .plugin(name: "BuildVersion", capability: .buildTool()),
        .testTarget(name: "InspraakMarkdownTests", dependencies: ["InspraakMarkdown"]),
        // swift-mustache is the reference the template renderer is compared against.
        .testTarget(
            name: "InspraakCoreTests",
            dependencies: ["InspraakCore", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(
            name: "InspraakEndToEndTests",
            dependencies: ["InspraakCore", .product(name: "Yams", package: "Yams")]
        ),
    ]
)
