// swift-tools-version:6.0
import PackageDescription

/// Dependencies flow one way: the pure cores (DialogueCore, LetterTemplating) import no
/// I/O; ContentLoading reads `Localization/` into them; GoodbyeCLI is the shell.
let package = Package(
    name: "Goodbye",
    products: [
        .executable(name: "goodbye", targets: ["goodbye"])
    ],
    targets: [
        .target(name: "DialogueCore"),
        .target(name: "LetterTemplating"),
        .target(name: "ContentLoading", dependencies: ["DialogueCore", "LetterTemplating"]),
        .target(name: "GoodbyeCLI", dependencies: ["DialogueCore", "LetterTemplating", "ContentLoading"]),
        .executableTarget(name: "goodbye", dependencies: ["GoodbyeCLI"]),
        .testTarget(name: "DialogueCoreTests", dependencies: ["DialogueCore"]),
        .testTarget(name: "LetterTemplatingTests", dependencies: ["LetterTemplating"]),
        .testTarget(
            name: "GoodbyeTests",
            dependencies: ["GoodbyeCLI", "ContentLoading", "DialogueCore", "LetterTemplating", "goodbye"]
        ),
    ]
)
