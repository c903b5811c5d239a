import ContentLoading
import DialogueCore
import LetterComposition
import TestSupport
import Vocabulary
import XCTest

/// Which warnings about one kind apply to a kind is said in letters.ini (`warnings =`),
/// not in Swift (issue 19).
final class KindWarningsTests: XCTestCase {
    static let publicBuyer: [String: Answer] = [
        "sender.name": Answer("Claire Martin"), "sender.city": Answer("69003 Lyon"), "client.kind": Answer("public"),
        "client.company": Answer("Mairie de Lyon"), "client.civility": Answer("madame"),
        "client.name": Answer("Claire Dubois"), "letter.tone": Answer("neutre"),
    ]

    func warnings(_ content: Content, kind: String) throws -> [WarningCode] {
        let drafter = try XCTUnwrap(content.drafter(kind: try XCTUnwrap(content.kind(kind)), language: "fr"))
        return try drafter.draft(Self.publicBuyer, today: CivilDate(firstDayOf: 12, year: 2026)).warnings.map(\.code)
    }

    func testAKindRaisesTheKindWarningsItNamesAndNoOther() throws {
        XCTAssertEqual(Signs.content.kind("farewell")?.warnings, [.publicTermination, .noMediator])
        XCTAssertEqual(
            Signs.content.kind("suspension")?.warnings,
            [.suspensionWithoutNotice, .publicSuspension, .suspensionTooEarly])
        XCTAssertTrue(try warnings(Signs.content, kind: "farewell").contains(.publicTermination))
        // The same letter, its kind naming none of them: the warning is not raised.
        let folder = try ContentCopies.copy(self)
        try ContentCopies.edit(folder, ["letters.ini"], "warnings = GW008, GW009\n", "warnings =\n")
        let edited = try ContentLoader.load(from: folder)
        XCTAssertEqual(edited.kind("farewell")?.warnings, [])
        XCTAssertFalse(try warnings(edited, kind: "farewell").contains(.publicTermination))
    }

    func testAWarningThatIsNoKindsIsACheckErrorAtItsLine() throws {
        let folder = try ContentCopies.copy(self)
        try ContentCopies.edit(folder, ["letters.ini"], "warnings = GW008, GW009\n", "warnings = GW008, GW001, GW099\n")
        let french = try XCTUnwrap(Signs.content.texts["fr"])
        let found = ContentCompiler.compile(files: try ContentLoader.read(folder)).diagnostics
        let lines = found.map { $0.rendered(french) }
        XCTAssertEqual(found.map(\.code), [.letterKinds, .letterKinds], lines.joined(separator: "\n"))
        XCTAssertTrue(
            lines.allSatisfy { $0.hasPrefix("letters.ini:") && $0.contains("GW011, GW017") },
            lines.joined(separator: "\n"))
        XCTAssertTrue(
            lines.contains { $0.contains(fr("« GW001 »")) } && lines.contains { $0.contains(fr("« GW099 »")) },
            lines.joined(separator: "\n"))
    }

    /// A kind that does not say its warnings would lose them silently (a content folder
    /// written before the key): GB019 at its section, naming the codes to choose from.
    func testAKindWithoutItsWarningsKeyIsACheckError() throws {
        let folder = try ContentCopies.copy(self)
        try ContentCopies.edit(folder, ["letters.ini"], "warnings = GW011, GW017, GW018\n", "")
        let french = try XCTUnwrap(Signs.content.texts["fr"])
        let found = ContentCompiler.compile(files: try ContentLoader.read(folder)).diagnostics
        let lines = found.map { $0.rendered(french) }
        XCTAssertEqual(found.map(\.code), [.letterKinds], lines.joined(separator: "\n"))
        XCTAssertTrue(
            lines.first?.hasPrefix("letters.ini:") == true && lines.first?.contains(fr("« suspension »")) == true
                && lines.first?.contains("GW008, GW009, GW011, GW017, GW018") == true, lines.joined(separator: "\n"))
    }

    /// A dialogue without any `on = @kind` branch would offer a letter and never draft it
    /// (the session drafts the kind its route took): GB019 for each kind a session offers.
    func testAKindNoRouteReachesIsACheckError() throws {
        let folder = try ContentCopies.copy(self)
        try ContentCopies.edit(folder, ["dialogue.ini"], "on = @kind\n", "on = @unpaid_client\n")
        let found = ContentCompiler.compile(files: try ContentLoader.read(folder)).diagnostics
        let never = found.filter { $0.message.key == DiagnosticMessage.diagKindNeverRouted.key }
        XCTAssertEqual(never.map(\.code), Array(repeating: .letterKinds, count: never.count))
        XCTAssertEqual(
            Set(never.compactMap { $0.message.values["kind"] }),
            Set(Signs.content.kinds.filter { $0.ask != nil }.map(\.id)),
            found.map(\.description).joined(separator: "\n"))
    }
}
