import ContentLoading
import Foundation
import TestSupport
import XCTest

/// The project's own checks that are not about one library: the pure cores stay pure.
final class ProjectTests: XCTestCase {
    /// DialogueCore, LetterTemplating, LetterComposition, Vocabulary and LineEditing import no I/O (Scripts/check-purity.sh).
    func testThePureCoresImportNoInputOrOutput() throws {
        let (status, output) = try runTool(
            "/bin/bash", [Paths.repository.appendingPathComponent("Scripts/check-purity.sh").path])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("5 passed, 0 failed"), output)
    }

    /// What a test needs is in the clone: the Mustache specification with its licence,
    /// the French checker; nothing is read from a folder beside the repository.
    func testNothingATestNeedsLivesOutsideTheRepository() throws {
        let spec = Paths.repository.appendingPathComponent("Tests/LetterTemplatingTests/mustache-spec")
        for file in ["LICENSE", "sections.json", "interpolation.json", "partials.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: spec.appendingPathComponent(file).path), file)
        }
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Paths.checkFrench.path))
        let tests = Paths.repository.appendingPathComponent("Tests")
        let files =
            FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        XCTAssertFalse(files.isEmpty)
        for url in files where url.pathExtension == "swift" && url.lastPathComponent != "ProjectTests.swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertFalse(
                text.contains("../shared") || text.contains("\"shared/"), "\(url.lastPathComponent) reads ../shared")
        }
    }

    /// Every script says what it does with --help, and does nothing else (no build).
    func testEveryScriptAnswersHelp() throws {
        let folder = Paths.repository.appendingPathComponent("Scripts")
        let scripts = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { name in
                var isFolder: ObjCBool = false
                let path = folder.appendingPathComponent(name).path
                return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
                    && FileManager.default.isExecutableFile(atPath: path)
            }
        XCTAssertGreaterThanOrEqual(scripts.count, 8, "\(scripts)")
        for script in scripts {
            let process = Process()
            process.executableURL = folder.appendingPathComponent(script)
            process.arguments = ["--help"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            // A watchdog, not a timing: a script that starts working instead would hang the suite.
            let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            watchdog.cancel()
            XCTAssertEqual(process.terminationStatus, 0, "\(script) --help: \(text)")
            XCTAssertGreaterThan(text.split(separator: "\n").count, 0, script)
            XCTAssertFalse(text.contains("Building") || text.contains("Compiling"), "\(script) --help started a build")
        }
    }

    /// The content guide's table of `goodbye check` codes is the code's own list.
    func testTheGuideListsEveryCheckCode() throws {
        let guide = try String(
            contentsOf: Paths.repository.appendingPathComponent("docs/extending.md"), encoding: .utf8)
        let rows = guide.split(separator: "\n").filter { $0.hasPrefix("| GB") }.map {
            String($0.dropFirst(2).prefix(5))
        }
        let codes = DiagnosticCode.allCases.map(\.rawValue).filter { $0.hasPrefix("GB0") }
        XCTAssertEqual(rows, codes)
    }

    /// A launched process that never ends is ended by the watchdog: the suite never hangs.
    func testTheWatchdogEndsAStuckProcess() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["600"]
        try process.run()
        let watchdog = Watchdog(process, seconds: 1, what: "sleep 600")
        process.waitUntilExit()
        XCTAssertTrue(watchdog.stuck, "ended by the watchdog, not by itself")
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        let quick = Process()
        quick.executableURL = URL(fileURLWithPath: "/bin/true")
        try quick.run()
        let calm = Watchdog(quick, seconds: 1, what: "true")
        quick.waitUntilExit()
        XCTAssertFalse(calm.stuck)
    }
    /// The bench's reference, the farewell letter written by plain interpolation, is
    /// the letter the templates write (else Scripts/bench.sh stops at its first figure):
    /// a change to the bench letter's wording must change both.
    func testTheBenchReferenceWritesTheTemplatesLetter() throws {
        let bench = Paths.binary.deletingLastPathComponent().appendingPathComponent("goodbye-bench")
        let run = try Launched([Paths.repository.path, "1", "plain"], binary: bench).finish(stdin: "")
        XCTAssertEqual(run.status, 0, run.stdout.prefix(3000) + run.stderr)
        XCTAssertGreaterThan(
            Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, 2000, "one letter's bytes")
    }
}
