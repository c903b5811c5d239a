import Foundation
import TestSupport
import XCTest

/// The command examples of the README and the guides run as written (a doc-test), so
/// that they cannot drift from the program: each `goodbye …` line of a `sh` block that
/// needs no person at the keyboard is run from a folder where the repository's
/// `Scripts/`, `Localization/` and `Tests/` are at hand, and exits 0.
final class DocExamplesTests: XCTestCase {
    static let documents = ["README.md", "docs/manual.md", "docs/extending.md", "CONTRIBUTING.md"]

    /// The lines of ```sh blocks, without their comments.
    static func commands(in text: String) -> [String] {
        var inBlock = false
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock = line == "```sh" && !inBlock
                continue
            }
            guard inBlock else { continue }
            let command =
                line.split(separator: "#", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if !command.isEmpty { lines.append(command) }
        }
        return lines
    }

    /// A command that asks a person (a session, a letter without --no-input) is not run.
    static func needsAPerson(_ command: String) -> Bool {
        let words = command.split(separator: " ").map(String.init)
        guard words.first == "goodbye" else { return true }
        let subcommand = words.dropFirst().first { !$0.hasPrefix("-") } ?? "run"
        if ["questions", "check", "help", "completions", "manpage"].contains(subcommand) { return false }
        if words.contains("--help") || words.contains("-h") || words.contains("--version") || words.contains("-V") {
            return false
        }
        return !(words.contains("--no-input") || words.contains("--batch"))
    }

    func testTheDocumentedCommandsRunAsWritten() throws {
        let folder = try temporaryFolder(self)
        for name in ["Scripts", "Localization", "Tests"] {
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name),
                withDestinationURL: Paths.repository.appendingPathComponent(name))
        }
        var ran = 0
        for document in Self.documents {
            let text = try String(contentsOf: Paths.repository.appendingPathComponent(document), encoding: .utf8)
            for command in Self.commands(in: text) where command.hasPrefix("goodbye") || command.hasPrefix("mkdir") {
                if command.hasPrefix("goodbye"), Self.needsAPerson(command) { continue }
                let binaries = Paths.binary.deletingLastPathComponent().path
                let outcome = try Launched(
                    ["-c", command], environment: ["PATH": binaries + ":/usr/bin:/bin", "HOME": folder.path],
                    directory: folder, binary: URL(fileURLWithPath: "/bin/sh")
                ).finish(stdin: "")
                XCTAssertEqual(outcome.status, 0, "\(document): \(command)\n\(outcome.stderr)")
                if command.hasPrefix("goodbye") { ran += 1 }
            }
        }
        XCTAssertGreaterThanOrEqual(ran, 8, "the documents show commands")
    }

    func testTheExtractorFindsCommandsAndTellsWhoNeedsAPerson() {
        let text = "```sh\ngoodbye questions   # ids\n```\n```text\ngoodbye run\n```\n```sh\ngoodbye\n```\n"
        XCTAssertEqual(Self.commands(in: text), ["goodbye questions", "goodbye"])
        XCTAssertFalse(Self.needsAPerson("goodbye questions"))
        XCTAssertTrue(Self.needsAPerson("goodbye"))
        XCTAssertTrue(Self.needsAPerson("goodbye letter --kind talk"))
        XCTAssertFalse(Self.needsAPerson("goodbye letter --answers x --no-input"))
    }
}
