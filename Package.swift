// swift-tools-version:6.0
import PackageDescription

/// Dependencies flow one way: the pure cores (DialogueCore, LetterTemplating, LineEditing) import no
/// I/O; ContentLoading reads `Localization/` into them; GoodbyeCLI is the shell.
let package = Package(
    name: "Goodbye",
    products: [
        .executable(name: "goodbye", targets: ["goodbye"])
    ],
    targets: [
        .target(name: "DialogueCore"),
        .target(name: "LetterTemplating"),
        /// The line editor's keys-to-line logic, its menus and its drawing: pure, no terminal.
        .target(name: "LineEditing"),
        /// The words around the cores: text tables, typed text and message keys (split by owner: the
        /// program, the content's diagnostics, the letter's facts), language formats, typography.
        .target(name: "Vocabulary", dependencies: ["DialogueCore", "LetterTemplating"]),
        .target(name: "LetterComposition", dependencies: ["DialogueCore", "LetterTemplating", "Vocabulary"]),
        .target(
            name: "ContentLoading",
            dependencies: ["DialogueCore", "LetterTemplating", "LetterComposition", "Vocabulary"]),
        /// The writer of the built-in content's Swift source: build time only, never in the program.
        .target(
            name: "ContentGeneration",
            dependencies: ["ContentLoading", "DialogueCore", "LetterComposition", "Vocabulary", "LetterTemplating"]),
        /// Localization/ compiled into the program at build time (checked as `goodbye check` does).
        .executableTarget(
            name: "goodbye-compile-content",
            dependencies: ["ContentGeneration", "ContentLoading", "DialogueCore", "LetterComposition", "Vocabulary"]
        ),
        .plugin(name: "BuiltInContentPlugin", capability: .buildTool(), dependencies: ["goodbye-compile-content"]),
        .target(
            name: "BuiltInContent",
            dependencies: ["ContentLoading", "DialogueCore", "LetterComposition", "Vocabulary", "LetterTemplating"],
            plugins: ["BuiltInContentPlugin"]),
        .target(
            name: "GoodbyeCLI",
            dependencies: [
                "DialogueCore", "LetterTemplating", "LetterComposition", "Vocabulary", "ContentLoading",
                "BuiltInContent",
                "LineEditing",
            ]
        ),
        .executableTarget(name: "goodbye", dependencies: ["GoodbyeCLI"]),
        /// The in-process benchmark of Scripts/bench.sh (not installed).
        .executableTarget(
            name: "goodbye-bench",
            dependencies: ["ContentLoading", "LetterComposition", "Vocabulary", "LetterTemplating", "DialogueCore"]
        ),
        .testTarget(name: "DialogueCoreTests", dependencies: ["DialogueCore"]),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
        .testTarget(name: "LetterTemplatingTests", dependencies: ["LetterTemplating"], exclude: ["mustache-spec"]),
        /// What the test targets share: the repository's paths, launched processes with
        /// their watchdog, the French checks, the content's signs, copies of the content.
        .target(
            name: "TestSupport", dependencies: ["ContentLoading", "Vocabulary", "DialogueCore"], path: "Tests/Support"),
        .testTarget(
            name: "LetterCompositionTests",
            dependencies: [
                "LetterComposition", "Vocabulary", "ContentLoading", "DialogueCore", "LetterTemplating", "TestSupport",
            ]),
        .testTarget(
            name: "ContentLoadingTests", dependencies: ["ContentLoading", "Vocabulary", "DialogueCore", "TestSupport"],
            exclude: ["Fixtures"]),
        /// The program: in process (`App` on a scripted terminal) unless only a process shows it.
        .testTarget(
            name: "GoodbyeTests",
            dependencies: [
                "GoodbyeCLI", "ContentLoading", "BuiltInContent", "DialogueCore", "LetterTemplating",
                "LetterComposition", "Vocabulary",
                "goodbye", "goodbye-compile-content", "goodbye-bench", "ContentGeneration", "TestSupport",
            ],
            exclude: ["Golden", "Support/parse-eml.py"]
        ),
    ]
)
