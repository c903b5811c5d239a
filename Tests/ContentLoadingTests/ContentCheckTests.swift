import ContentLoading
import Foundation
import Synchronization
import TestSupport
import XCTest

/// What `goodbye check` finds, asked of the content compiler itself: one broken fixture
/// per diagnostic code, each producing exactly it; what the code relies on in the content.
final class ContentCheckTests: XCTestCase {
    static let french = Signs.content.texts["fr"]

    func testEachFixtureProducesExactlyItsCode() throws {
        let french = try XCTUnwrap(Self.french)
        let codes = try FileManager.default.contentsOfDirectory(atPath: Paths.checkFixtures.path).filter {
            $0.hasPrefix("GB")
        }.sorted()
        XCTAssertEqual(codes.count, 20)
        let content = DiagnosticCode.allCases.filter { $0.rawValue < "GB100" && $0 != .contentFolderMissing }.map(
            \.rawValue)
        XCTAssertEqual(codes, content.sorted(), "one fixture per content code (GB000 is tested with a missing folder)")
        let folders = try codes.map { try ContentLoader.read(try ContentCopies.broken($0, self)) }
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
                let message = diagnostic.rendered(french)
                XCTAssertFalse(message.isEmpty)
                XCTAssertTrue(
                    message.dropFirst(diagnostic.location.count + 2).contains(":"),
                    "\(code): the message says how to fix it: \(message)")
            }
        }
    }

    /// What the code relies on in the content (issue 19): a shared part deleted, a
    /// question renamed are check errors; a review node renamed with its texts is not
    /// (the session follows it: `CheckTests`).
    func testContentTheCodeReliesOnIsCheckedOrFollowed() throws {
        let french = try XCTUnwrap(Self.french)
        // The signature deleted: each kind's letter would lose it silently.
        let unsigned = try ContentCopies.copy(self)
        try FileManager.default.removeItem(at: unsigned.appendingPathComponent("fr/letters/signature.mustache"))
        let missing = ContentCompiler.compile(files: try ContentLoader.read(unsigned)).diagnostics
        XCTAssertTrue(
            missing.contains { $0.code == .letterTemplate && $0.file == "fr/letters/signature.mustache" },
            missing.map(\.description).joined(separator: "\n"))
        // Where recovery stands, renamed everywhere: the kinds would no longer be routed by it.
        let renamed = try ContentCopies.copy(self)
        try ContentCopies.edit(
            renamed, ["dialogue.ini", "letters.ini", "fr/texts.ini", "en/texts.ini"], "dunning.step", "dunning.stage")
        let contract = ContentCompiler.compile(files: try ContentLoader.read(renamed)).diagnostics
        XCTAssertTrue(
            contract.contains { $0.code == .letterContract && $0.rendered(french).contains("dunning.step") },
            contract.map(\.description).joined(separator: "\n"))
        // The review renamed with its texts: accepted.
        let recap = try ContentCopies.renamedReview(self)
        XCTAssertEqual(ContentCompiler.compile(files: try ContentLoader.read(recap)).diagnostics.map(\.description), [])
    }

    /// A farewell template reading the talk message's answer, or no answer at all, is
    /// GB011 where the tag stands; the letter is never drafted with a silent blank.
    func testCheckRefusesAnAnswerTheKindNeverAsks() throws {
        let folder = try ContentCopies.copy(self)
        let body = folder.appendingPathComponent("fr/letters/farewell/body.mustache")
        try
            ("{{answers.talk.when}}{{#answers.letter.nope}}x{{/answers.letter.nope}}\n"
            + (try String(contentsOf: body, encoding: .utf8)))
            .write(to: body, atomically: true, encoding: .utf8)
        let french = try XCTUnwrap(Self.french)
        let lines = ContentCompiler.compile(files: try ContentLoader.read(folder)).diagnostics.map {
            $0.rendered(french)
        }
        XCTAssertTrue(
            lines.contains {
                $0.hasSuffix(
                    fr(
                        "fr/letters/farewell/body.mustache:1:1: GB011 « answers.talk.when » lit une réponse que la lettre « farewell » ne demande pas : nommez une question de son parcours (de sa question « start » de letters.ini jusqu’à la fin), ou ajoutez la question à ce parcours"
                    ))
            }, lines.joined(separator: "\n"))
        XCTAssertTrue(
            lines.contains {
                $0.contains("fr/letters/farewell/body.mustache:1:22: GB011") && $0.contains("answers.letter.nope")
            }, lines.joined(separator: "\n"))
    }
}
