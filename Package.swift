// swift-tools-version: 6.0
import PackageDescription

// Arrows point one way: fronts (vtrack CLI, TUI) -> Core -> (ONVIF, Streaming, Store) -> Common / C shims.
// Only the CLI's diagnostic commands (VTrackDiagnostics: probe, discover, record) use engines directly.
// Only NcursesBackend imports ncurses; only ONVIF imports libcurl.
let package = Package(
    name: "VTrackONVIF",
    products: [
        .executable(name: "vtrack", targets: ["vtrack"]),
        .executable(name: "vtrack-sim", targets: ["vtrack-sim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        // C shims
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        .target(name: "CNcursesw", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "CShims"),
        // Camera pictures (issue 13): chafa draws pixels as terminal cells / sixels / kitty
        // graphics; FFmpeg's libavcodec + libswscale decode JPEG, H.264, H.265 and scale.
        .systemLibrary(name: "CChafa", pkgConfig: "chafa", providers: [.apt(["libchafa-dev", "libglib2.0-dev"])]),
        .systemLibrary(name: "CFFmpeg", pkgConfig: "libavcodec", providers: [.apt(["libavcodec-dev", "libswscale-dev"])]),

        // Libraries
        .target(name: "Common", dependencies: [
            "CShims",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ], plugins: ["ImportRules"]),
        .target(name: "ONVIF", dependencies: [
            "Common", "CCurl",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ], plugins: ["ImportRules"]),
        .target(name: "Streaming", dependencies: [
            "Common", "CShims",
            .product(name: "Logging", package: "swift-log"),
        ], plugins: ["ImportRules"]),
        // Pictures: decode a snapshot (JPEG) or a video key frame (H.264/H.265), scale it, encode
        // JPEG, and draw pixels for a terminal (cells, sixel, kitty). Used by Core, the TUI, the
        // CLI and the simulator; the only code that imports chafa or FFmpeg.
        .target(name: "Pictures", dependencies: ["Common", "CChafa", "CFFmpeg"], plugins: ["ImportRules"]),
        .target(name: "Store", dependencies: [
            "Common",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], plugins: ["ImportRules"]),
        .target(name: "Core", dependencies: [
            "Common", "ONVIF", "Streaming", "Store", "Pictures",
            .product(name: "Logging", package: "swift-log"),
        ], plugins: ["ImportRules"]),
        // The terminal app reaches the engines through Core only: an `import ONVIF` (or Store,
        // Streaming) in it fails the build (ImportRules).
        .target(name: "TUI", dependencies: ["Common", "Core", "Pictures", "CShims"], plugins: ["ImportRules"]),
        .target(name: "NcursesBackend", dependencies: ["TUI", "Common", "Pictures", "CNcursesw", "CShims"], plugins: ["ImportRules"]),
        .target(name: "Simulator", dependencies: [
            "Common", "ONVIF", "Streaming", "Pictures",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ], resources: [.copy("RTSP/Assets")], plugins: ["ImportRules"]),

        // The CLI's building blocks shared by its two targets: option groups (--lang, passwords),
        // signal handling, text tables.
        .target(name: "CLISupport", dependencies: [
            "Common",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], plugins: ["ImportRules"]),
        // The diagnostic commands (probe, discover, record): the only CLI code that uses the
        // engines directly, to check a device or a stream without the database.
        .target(name: "VTrackDiagnostics", dependencies: [
            "CLISupport", "Common", "ONVIF", "Streaming",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], plugins: ["ImportRules"]),

        // Executables
        // The fronts reach ONVIF, Streaming and Store through Core only (Simulator for `vtrack demo`).
        .executableTarget(name: "vtrack", dependencies: [
            "Core", "Common", "Pictures", "TUI", "NcursesBackend", "Simulator", "VTrackDiagnostics", "CLISupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], plugins: ["ImportRules"]),
        .executableTarget(name: "vtrack-sim", dependencies: [
            "Simulator", "Common", "ONVIF",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], plugins: ["ImportRules"]),

        // The arrows above, checked at build time: a target may import only the modules of this
        // package it depends on directly (SwiftPM alone lets it import any module built before it).
        .executableTarget(name: "import-rules"),
        .plugin(name: "ImportRules", capability: .buildTool(), dependencies: ["import-rules"]),

        // Fuzzing (Fuzz/, scripts/fuzz): one target per parser of untrusted input, behind public
        // entry points of the engines; vtrack-fuzz replays inputs or, built with
        // -DVTRACK_LIBFUZZER, runs libFuzzer; FuzzTests replays every corpus and crash file.
        .target(name: "FuzzTargets", dependencies: ["Common", "ONVIF", "Streaming", "Core", "TUI", "CLISupport", "Store", "Simulator"],
                plugins: ["ImportRules"]),
        .executableTarget(name: "vtrack-fuzz", dependencies: ["FuzzTargets"], plugins: ["ImportRules"]),

        // Benchmark tools (bench/streaming.sh)
        .executableTarget(name: "streaming-bench", dependencies: ["Streaming"]),
        // Benchmark tools (bench/pictures.sh)
        .executableTarget(name: "pictures-bench", dependencies: ["Pictures"]),
        // Benchmark tools (bench/ptz.sh): a ContinuousMove round trip against the simulator
        .executableTarget(name: "ptz-bench", dependencies: ["Core", "ONVIF", "Simulator"]),

        // Tests
        // Helpers every test target shares (built products, spawning programs, vtrack-sim as a
        // process, the simulator in-process, scratch folders, tmpfs, tmux, network namespaces…);
        // never part of a product.
        .target(name: "TestSupport", dependencies: ["ONVIF", "Simulator", .product(name: "Logging", package: "swift-log")],
                path: "Tests/TestSupport"),
        .testTarget(name: "CommonTests", dependencies: ["Common"]),
        .testTarget(name: "PicturesTests", dependencies: ["Pictures", "Common"], exclude: ["Fixtures"]),
        .testTarget(name: "ONVIFTests", dependencies: ["TestSupport", "ONVIF", "Simulator", "Common", "Pictures"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "Simulator"]),
        .testTarget(name: "DiscoveryTests", dependencies: ["TestSupport", "ONVIF", "Simulator", "Common", "Core"]),
        .testTarget(name: "StreamingTests", dependencies: ["TestSupport", "Streaming", "Simulator", "Common",
                                                          .product(name: "Logging", package: "swift-log")]),
        // Store / paths (issue 4): a helper process for the two-process database tests.
        .executableTarget(name: "vtrack-store-worker", dependencies: ["Store", "Common"], path: "Tests/StoreWorker"),
        .testTarget(name: "StoreTests", dependencies: [
            "TestSupport", "Store", "Common", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "CoreTests", dependencies: ["TestSupport", "Core", "Store", "Common", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "StoreCLITests", dependencies: ["TestSupport", "Core", "Store", "Common", "Simulator"]),
        // Downloads (issue 6): engine, files, resume, CLI end to end against the simulator.
        .testTarget(name: "DownloadTests", dependencies: ["TestSupport", "Core", "Store", "Streaming", "Simulator", "Common", "ONVIF"]),
        // Terminal app (issue 7)
        .testTarget(name: "TUITests", dependencies: ["TestSupport", "TUI", "Common", "Core", "Store", "ONVIF", "Simulator", "Pictures"], exclude: ["Goldens"]),
        // Fuzzing (issue 12): every corpus and crash file of Fuzz/ through its target.
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets"]),
        // Camera pictures (issue 13): snapshots, key frames, PictureService and live view against the simulator.
        .testTarget(name: "PictureEngineTests", dependencies: ["TestSupport", "Core", "ONVIF", "Streaming", "Simulator", "Pictures",
                                                              "Common", "Store"]),
        // PTZ (issue 14): Core's PTZService, the ONVIF PTZ calls and the simulated PTZ cameras.
        .testTarget(name: "PTZTests", dependencies: ["TestSupport", "Core", "ONVIF", "Simulator", "Pictures", "Common"]),
        // Recordings (issue 6, Profile G search / coverage / replay URIs)
        // Unattended sync (issue 15): passes against the simulator with a fast recording clock, gaps,
        // outages, kill -9, retention on a tmpfs, two syncs at once, the systemd unit.
        .testTarget(name: "SyncTests", dependencies: ["TestSupport", "Core", "Store", "Simulator", "Common", "ONVIF"]),
        .testTarget(name: "RecordingsTests", dependencies: ["TestSupport", "Core", "ONVIF", "Simulator", "Store", "Streaming", "Common"]),
    ],
    swiftLanguageModes: [.v6]
)
