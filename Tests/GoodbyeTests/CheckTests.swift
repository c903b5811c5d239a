import ContentLoading
import Foundation
import Synchronization
import XCTest

/// `goodbye check`: one broken fixture per diagnostic code, each producing exactly it.
final class CheckTests: XCTestCase {
    static let fixtures = Paths.fixtures.appendingPathComponent("check")
    static let french = try! ContentLoader.load(from: Paths.content).texts["fr"]!

    /// A copy of the shipped content with the fixture's edits applied.
    func brokenContent(_ code: String) throws -> URL {
        let folder = try temporaryFolder(self).appendingPathComponent("Localization")
        try FileManager.default.copyItem(at: Paths.content, to: folder)
        let edits = try String(contentsOf: Self.fixtures.appendingPathComponent("\(code)/edit.txt"), encoding: .utf8)
        for line in edits.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.components(separatedBy: " | ").map { $0.replacingOccurrences(of: "\\n", with: "\n") }
            XCTAssertEqual(parts.count, 3, "\(code): \(line)")
            if parts[0] == "COPY" {
                try FileManager.default.copyItem(at: folder.appendingPathComponent(parts[1]), to: folder.appendingPathComponent(parts[2]))
                continue
            }
            let file = folder.appendingPathComponent(parts[0])
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertTrue(text.contains(parts[1]), "\(code): the fixture's text to replace is no longer in \(parts[0])")
            try text.replacingOccurrences(of: parts[1], with: parts[2]).write(to: file, atomically: true, encoding: .utf8)
        }
        return folder
    }

    func testEachFixtureProducesExactlyItsCode() throws {
        let codes = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasPrefix("GB") }.sorted()
        XCTAssertEqual(codes.count, 20)
        let content = DiagnosticCode.allCases.filter { $0.rawValue < "GB100" && $0 != .contentFolderMissing }.map(\.rawValue)
        XCTAssertEqual(codes, content.sorted(), "one fixture per content code (GB000 is tested with a missing folder)")
        let folders = try codes.map { try ContentLoader.read(try brokenContent($0)) }
        // Compiled on every core: each compilation is independent and pure.
        let results = Mutex([String: [Diagnostic]]())
        DispatchQueue.concurrentPerform(iterations: codes.count) { index in
            let diagnostics = ContentCompiler.compile(files: folders[index]).diagnostics
            results.withLock { $0[codes[index]] = diagnostics }
        }
        for code in codes {
            let diagnostics = results.withLock { $0[code] } ?? []
            XCTAssertEqual(Set(diagnostics.map(\.code.rawValue)), [code], "\(code): \(diagnostics.map(\.description))")
            for diagnostic in diagnostics {
                let message = diagnostic.rendered(Self.french)
                XCTAssertFalse(message.isEmpty)
                XCTAssertTrue(message.dropFirst(diagnostic.location.count + 2).contains(":"), "\(code): the message says how to fix it: \(message)")
            }
        }
    }

    func testTheBinaryListsProblemsSortedWithLocationsAndExits65() throws {
        let folder = try brokenContent("GB016")
        try "[intro]\nsans égal\n".write(to: folder.appendingPathComponent("fr/texts.ini"), atomically: true, encoding: .utf8)
        let outcome = try goodbye(["check", "--content", folder.path])
        XCTAssertEqual(outcome.status, 65)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("dialogue.ini:") && $0.contains(" GB016 ") }, outcome.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("fr/texts.ini:2:1: GB001 ") }, outcome.stdout)
        XCTAssertEqual(lines, lines.sorted { $0.split(separator: ":")[0] < $1.split(separator: ":")[0] || $0 == $1 } , "sorted by file")
        XCTAssertTrue(outcome.stderr.contains("nombre de problèmes"))
        let run = try goodbye(["--content", folder.path], stdin: "")
        XCTAssertEqual(run.status, 65, "a session refuses invalid content")
    }

    /// What the code relies on in the content (issue 19): a shared part deleted, a
    /// question renamed are check errors; a review node renamed keeps its texts.
    func testContentTheCodeReliesOnIsCheckedOrFollowed() throws {
        func copy() throws -> URL {
            let folder = try temporaryFolder(self).appendingPathComponent("Localization")
            try FileManager.default.copyItem(at: Paths.content, to: folder)
            return folder
        }
        func edit(_ folder: URL, _ files: [String], _ from: String, _ to: String) throws {
            for name in files {
                let file = folder.appendingPathComponent(name)
                try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
            }
        }
        // The signature deleted: each kind's letter would lose it silently.
        let unsigned = try copy()
        try FileManager.default.removeItem(at: unsigned.appendingPathComponent("fr/letters/signature.mustache"))
        let missing = ContentCompiler.compile(files: try ContentLoader.read(unsigned)).diagnostics
        XCTAssertTrue(missing.contains { $0.code == .letterTemplate && $0.file == "fr/letters/signature.mustache" }, missing.map(\.description).joined(separator: "\n"))
        // Where recovery stands, renamed everywhere: the kinds would no longer be routed by it.
        let renamed = try copy()
        try edit(renamed, ["dialogue.ini", "letters.ini", "fr/texts.ini", "en/texts.ini"], "dunning.step", "dunning.stage")
        let contract = ContentCompiler.compile(files: try ContentLoader.read(renamed)).diagnostics
        XCTAssertTrue(contract.contains { $0.code == .letterContract && $0.rendered(Self.french).contains("dunning.step") }, contract.map(\.description).joined(separator: "\n"))
        // The review renamed with its texts: the session shows its title, not a raw key.
        let recap = try copy()
        try edit(recap, ["dialogue.ini", "fr/texts.ini", "en/texts.ini"], "[review]\n", "[recap]\n")
        try edit(recap, ["dialogue.ini"], "next = review\n", "next = recap\n")
        try edit(recap, ["dialogue.ini"], "next.oui = review\n", "next.oui = recap\n")
        XCTAssertEqual(ContentCompiler.compile(files: try ContentLoader.read(recap)).diagnostics.map(\.description), [])
        let session = try goodbye(["--content", recap.path, "--date", "2026-11-29"], stdin: Signs.typed(0).map { $0 + "\n" }.joined() + "\n\n")
        XCTAssertTrue(session.stdout.contains("Récapitulatif de vos réponses"), session.stdout.suffix(2000).description)
        XCTAssertFalse(session.stdout.contains("recap.title") || session.stdout.contains("review.title"), "no raw key")
    }

    func testAMissingFolderIs66WithGB000() throws {
        let outcome = try goodbye(["check", "--content", "/nonexistent/contenu"])
        XCTAssertEqual(outcome.status, 66)
        XCTAssertTrue(outcome.stderr.contains("GB000"), outcome.stderr)
    }
}
