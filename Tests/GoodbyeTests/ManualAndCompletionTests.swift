import Foundation
import TestSupport
import XCTest

/// The help, the manual page and the completion scripts come from the one option table:
/// every option is in each, and each is what its reader accepts.
final class ManualAndCompletionTests: XCTestCase {
    static let options = [
        "--answers", "--no-input", "--lang", "--date", "--content", "--format", "--kind", "-o", "--output", "--force",
        "--batch", "--out-dir", "--session", "--new-session", "--strict", "--plain", "-h", "--help", "-V", "--version",
    ]
    static let commands = ["run", "letter", "questions", "check", "help", "completions", "manpage"]

    func testEveryOptionIsInTheHelpTheManualAndEachCompletion() throws {
        let help = try goodbye(["--help"])
        let manual = try goodbye(["manpage"])
        XCTAssertEqual(help.status, 0)
        XCTAssertEqual(manual.status, 0)
        var texts = ["help": help.stdout, "manpage": manual.stdout.replacingOccurrences(of: "\\-", with: "-")]
        for shell in ["bash", "zsh", "fish"] {
            let script = try goodbye(["completions", shell])
            XCTAssertEqual(script.status, 0, script.stderr)
            // fish names options without their dashes: `-l answers`, `-s o`.
            texts[shell] =
                shell == "fish"
                ? script.stdout.replacingOccurrences(of: "-l ", with: "--").replacingOccurrences(of: "-s ", with: "-")
                : script.stdout
        }
        for (name, text) in texts {
            for option in Self.options {
                XCTAssertNotNil(
                    text.range(of: option + "(?![a-z-])", options: .regularExpression),
                    "\(option) is missing from \(name)")
            }
            for command in Self.commands { XCTAssertTrue(text.contains(command), "\(command) is missing from \(name)") }
        }
        for kind in ["farewell", "talk", "reminder", "final-reminder", "formal-notice", "suspension"] {
            XCTAssertTrue(texts["bash"]!.contains(kind), kind)
        }
    }

    func testTheCommittedManualPageIsTheGeneratedOne() throws {
        let manual = try goodbye(["manpage"])
        let committed = try String(
            contentsOf: Paths.repository.appendingPathComponent("docs/goodbye.1"), encoding: .utf8)
        XCTAssertEqual(
            committed, manual.stdout, "docs/goodbye.1 is out of date: .build/debug/goodbye manpage > docs/goodbye.1")
    }

    /// groff reads the page without a warning, and man shows it, in both languages.
    func testManReadsThePageWithoutAWarning() throws {
        let missing = ["/usr/bin/groff", "/usr/bin/man"].filter { !FileManager.default.isExecutableFile(atPath: $0) }
        try requireTools(
            missing.isEmpty ? [] : [missing.joined(separator: ", ") + " (" + Install.line(["man-db"]) + ")"],
            for: "The manual page")
        let folder = try temporaryFolder(self)
        for (language, heading) in [("fr", "CODES DE SORTIE"), ("en", "EXIT STATUS")] {
            let page = folder.appendingPathComponent("goodbye-\(language).1")
            try goodbye(["manpage", "--lang", language]).stdout.write(to: page, atomically: true, encoding: .utf8)
            let (status, warnings) = try runTool("/usr/bin/groff", ["-man", "-ww", "-z", "-K", "utf8", page.path])
            XCTAssertEqual(status, 0, warnings)
            XCTAssertEqual(warnings, "", "groff warns about the \(language) page")
            let (shown, text) = try runTool("/usr/bin/man", ["-P", "cat", "-l", page.path])
            XCTAssertEqual(shown, 0, text)
            XCTAssertTrue(text.contains(heading), text)
            XCTAssertTrue(text.contains("--out-dir"), text)
        }
    }

    func testEachShellAcceptsItsScript() throws {
        let folder = try temporaryFolder(self)
        for (shell, check) in [
            ("bash", ["/bin/bash", "-n"]), ("zsh", ["/usr/bin/zsh", "-n"]), ("fish", ["/usr/bin/fish", "-n"]),
        ] {
            guard FileManager.default.isExecutableFile(atPath: check[0]) else {
                try requireTools([check[0] + " (" + Install.line([shell]) + ")"], for: "The \(shell) completion syntax")
                continue
            }
            let script = folder.appendingPathComponent("goodbye.\(shell)")
            try goodbye(["completions", shell]).stdout.write(to: script, atomically: true, encoding: .utf8)
            let (status, output) = try runTool(check[0], Array(check.dropFirst()) + [script.path])
            XCTAssertEqual(status, 0, "\(shell) refuses its script: \(output)")
        }
    }

    /// Bash completes as a person sees it: `goodbye let` Tab gives `letter`.
    func testBashCompletesCommandsOptionsAndValues() throws {
        let folder = try temporaryFolder(self)
        let script = folder.appendingPathComponent("goodbye.bash")
        try goodbye(["completions", "bash"]).stdout.write(to: script, atomically: true, encoding: .utf8)
        func complete(_ words: [String]) throws -> [String] {
            let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
            let line =
                "source '\(script.path)'; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _goodbye; printf '%s\\n' \"${COMPREPLY[@]}\""
            let (status, output) = try runTool("/bin/bash", ["-c", line])
            XCTAssertEqual(status, 0, output)
            return output.split(separator: "\n").map(String.init)
        }
        XCTAssertEqual(try complete(["goodbye", "let"]), ["letter"])
        XCTAssertEqual(try complete(["goodbye", "letter", "--ki"]), ["--kind"])
        XCTAssertEqual(try complete(["goodbye", "letter", "--kind", "fo"]), ["formal-notice"])
        XCTAssertEqual(try complete(["goodbye", "letter", "--format", "p"]), ["pdf"])
        XCTAssertEqual(try complete(["goodbye", "run", "--format", ""]), ["text", "json"])
        XCTAssertEqual(try complete(["goodbye", "--la"]), ["--lang"])
        XCTAssertEqual(try complete(["goodbye", "completions", "z"]), ["zsh"])
        XCTAssertEqual(try complete(["goodbye", "check", "--ki"]), [], "check takes no --kind")
        XCTAssertEqual(try complete(["goodbye", "--lang=e"]), ["en"], "a value joined to its option")
        // A file name with a space comes whole, as one completion.
        try "".write(to: folder.appendingPathComponent("mes réponses.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(
            try complete(["goodbye", "letter", "--answers", folder.appendingPathComponent("mes r").path]),
            [folder.appendingPathComponent("mes réponses.txt").path])
    }

    func testCompletionsNeedAKnownShell() throws {
        let none = try goodbye(["completions"])
        XCTAssertEqual(none.status, 64)
        XCTAssertTrue(none.stderr.contains("bash, zsh, fish"), none.stderr)
        let bad = try goodbye(["completions", "tcsh", "--lang", "en"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("unknown shell “tcsh”"), bad.stderr)
    }
}
