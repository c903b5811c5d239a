import ContentLoading
import Foundation
import TestSupport
import XCTest

/// `goodbye check` and a session on content it refuses or accepts, through the program
/// (the content compiler's own findings: `ContentLoadingTests`).
final class CheckTests: XCTestCase {
    func testTheBinaryListsProblemsSortedWithLocationsAndExits65() throws {
        let folder = try ContentCopies.broken("GB016", self)
        try "[intro]\nsans égal\n".write(
            to: folder.appendingPathComponent("fr/texts.ini"), atomically: true, encoding: .utf8)
        let outcome = try goodbye(["check", "--content", folder.path])
        XCTAssertEqual(outcome.status, 65)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("dialogue.ini:") && $0.contains(" GB016 ") }, outcome.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("fr/texts.ini:2:1: GB001 ") }, outcome.stdout)
        XCTAssertEqual(
            lines, lines.sorted { $0.split(separator: ":")[0] < $1.split(separator: ":")[0] || $0 == $1 },
            "sorted by file")
        XCTAssertTrue(outcome.stderr.contains("nombre de problèmes"))
        let run = try goodbye(["--content", folder.path], stdin: "")
        XCTAssertEqual(run.status, 65, "a session refuses invalid content")
    }

    /// The review node renamed with its texts (issue 19): the session shows its title,
    /// not a raw key.
    func testARenamedReviewKeepsItsTexts() throws {
        let recap = try ContentCopies.renamedReview(self)
        let session = try goodbye(
            ["--content", recap.path, "--date", "2026-11-29"], stdin: Signs.typed(0).map { $0 + "\n" }.joined() + "\n\n"
        )
        XCTAssertEqual(session.status, 0, session.stderr)
        XCTAssertTrue(session.stdout.contains("Récapitulatif de vos réponses"), session.stdout.suffix(2000).description)
        XCTAssertFalse(session.stdout.contains("recap.title") || session.stdout.contains("review.title"), "no raw key")
    }

    func testAMissingFolderIs66WithGB000() throws {
        let outcome = try goodbye(["check", "--content", "/nonexistent/contenu"])
        XCTAssertEqual(outcome.status, 66)
        XCTAssertTrue(outcome.stderr.contains("GB000"), outcome.stderr)
    }
}
