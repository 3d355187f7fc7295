// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "inspraak",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "inspraak", targets: ["inspraak"]),
        .library(name: "InspraakSite", targets: ["InspraakSite"]),
        .library(name: "InspraakSource", targets: ["InspraakSource"]),
        .library(name: "InspraakTemplates", targets: ["InspraakTemplates"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // `inspraak serve` only: the HTTP server (its core product, no extras).
        // Without its default traits: serve reads no configuration files (swift-configuration).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
        // Already there for Hummingbird; named so serve can quieten its logger.
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
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
        // gperftools' tcmalloc (minimal: no profiler), the program's memory allocator. A build
        // makes and frees millions of small strings, arrays and views on two threads, and glibc's
        // malloc took ~11% of a 10,000-record build's processor time; with tcmalloc the build
        // is ~20% faster at the same peak memory (bench/README.md). Only the executable links it:
        // the libraries and their tests keep the C library's allocator.
        .systemLibrary(
            name: "CTCMalloc",
            pkgConfig: "libtcmalloc_minimal",
            providers: [.apt(["libgoogle-perftools-dev"])]
        ),
        .target(name: "InspraakMarkdown", dependencies: ["CCmarkGFM"]),
        // Diagnostics, Load, Model, Graph: the records and their graph, with no page, template
        // or output type in sight (the build checks imports: --explicit-target-dependency-import-check).
        .target(
            name: "InspraakSource",
            dependencies: [
                "CLibYAML",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The Mustache engine and its value type: Foundation only.
        .target(name: "InspraakTemplates"),
        // Views, render, write, the build façade and scaffolding, on top of the two above
        // (CLibYAML only for the library versions `inspraak --version --verbose` prints).
        .target(
            name: "InspraakSite",
            dependencies: ["InspraakSource", "InspraakTemplates", "InspraakMarkdown", "CLibYAML"]
        ),
        // `inspraak serve`: the HTTP server, the file watcher, live reload and the error overlay,
        // around the site kept in memory (InspraakSite's LiveSite). Only the CLI links it.
        .target(
            name: "InspraakServe",
            dependencies: [
                "InspraakSite",
                "InspraakSource",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "inspraak",
            dependencies: [
                "InspraakSite",
                "InspraakSource",
                "InspraakServe",
                "CTCMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildVersion"]
        ),
        // `git describe` at build time → `buildVersion` for `inspraak --version` (scripts/version.sh).
        .plugin(name: "BuildVersion", capability: .buildTool()),
        // InMemorySite: a site of inline files through load, model and graph, for the tests of
        // the source and site targets.
        .target(name: "InspraakTestSupport", dependencies: ["InspraakSource"], path: "Tests/InspraakTestSupport"),
        .testTarget(name: "InspraakMarkdownTests", dependencies: ["InspraakMarkdown"]),
        .testTarget(name: "InspraakSourceTests", dependencies: ["InspraakSource", "InspraakTestSupport"]),
        // swift-mustache is the reference the template renderer is compared against.
        .testTarget(
            name: "InspraakTemplatesTests",
            dependencies: ["InspraakTemplates", "InspraakSite", "InspraakSource", "InspraakTestSupport", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(name: "InspraakSiteTests", dependencies: ["InspraakSite", "InspraakSource", "InspraakTemplates", "InspraakTestSupport"]),
        .testTarget(name: "InspraakServeTests", dependencies: ["InspraakServe", "InspraakSite", "InspraakSource"]),
        .testTarget(
            name: "InspraakEndToEndTests",
            dependencies: ["InspraakSite", "InspraakSource", .product(name: "Yams", package: "Yams")]
        ),
    ]
)
