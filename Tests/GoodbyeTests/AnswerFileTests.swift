import ContentLoading
import DialogueCore
import XCTest

final class AnswerFileTests: XCTestCase {
    static let content = try! ContentLoader.load(from: Paths.content)

    func read(_ text: String) -> AnswerFile {
        AnswerFile(text: text, file: "r.txt", graph: Self.content.graph, parser: Self.content.parser(for: "fr"), texts: Self.content.texts["fr"]!)
    }

    func testGoodLinesCommentsBlanksSpacesAccentsAndCase() {
        let file = read("\u{FEFF}# séance du lundi\n\n  engagement.no_feedback   =   OUI  \r\nengagement.no_reply=n\nclient.kind = Un Particulier\n"
            + "letter.contract = À durée déterminée\nletter.invoices = A1;01/09/2026;12;01/10/2026\nletter.invoices = A2 ; 2026-09-02 ; 3,5 ; 2026-10-02\n")
        XCTAssertEqual(file.diagnostics, [])
        XCTAssertEqual(file.answers["engagement.no_feedback"], Answer("oui"))
        XCTAssertEqual(file.answers["engagement.no_reply"], Answer("non"))
        XCTAssertEqual(file.answers["client.kind"], Answer("particulier"))
        XCTAssertEqual(file.answers["letter.contract"], Answer("determinee"))
        XCTAssertEqual(file.answers["letter.invoices"]?.values, ["A1;2026-09-01;12.00;2026-10-01", "A2;2026-09-02;3.50;2026-10-02"])
        XCTAssertEqual(file.lines["engagement.no_reply"], 4)
    }

    func testBadLinesAreReportedWithTheirLine() {
        let file = read("engagement.no_feedback = oui\nengagement.no_feedback = non\ninconnu.question = oui\npas de signe égal\n"
            + "reluctance.no_desire = peut-être\nletter.contract_date = 31/02/2026\n")
        let lines = file.diagnostics.map(\.line).sorted()
        XCTAssertEqual(lines, [2, 3, 4, 5, 6])
        let messages = file.diagnostics.sorted().map { Self.content.texts["fr"]!.render($0.message) }
        XCTAssertTrue(messages[0].contains("déjà une réponse ligne 1"), messages[0])
        XCTAssertTrue(messages[1].contains(fr("identifiant inconnu « inconnu.question »")), messages[1])
        XCTAssertTrue(messages[2].contains("identifiant = valeur"), messages[2])
        XCTAssertTrue(messages[3].contains(fr("valeur « peut-être » non acceptée ; réponses acceptées : oui, non")), messages[3])
        XCTAssertTrue(messages[4].contains("une date"), messages[4])
        XCTAssertEqual(file.diagnostics.sorted().first?.location, "r.txt:2:1")
    }

    func testAnEmptyValueForARequiredQuestionIsAnError() {
        XCTAssertEqual(read("engagement.no_feedback =\n").diagnostics.map(\.line), [1])
        XCTAssertEqual(read("client.company =\n").answers["client.company"], Answer(""), "optional: an empty answer")
        XCTAssertNil(read("letter.tone =\n").answers["letter.tone"], "a default: left to the default")
    }

    func testTheBinaryNamesFileAndLine() throws {
        let folder = try temporaryFolder(self)
        let path = folder.appendingPathComponent("réponses.txt").path
        try "engagement.no_feedback = oui\nengagement.no_reply = bof\n".write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try goodbye(["run", "--answers", path, "--no-input"])
        XCTAssertEqual(outcome.status, 65)
        XCTAssertTrue(outcome.stderr.hasPrefix("goodbye: \(path):2:1:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("engagement.no_reply"))
        XCTAssertEqual(outcome.stdout, "")
    }

    func testInvalidUTF8AndNulBytesAreDataErrors() throws {
        let folder = try temporaryFolder(self)
        let path = folder.appendingPathComponent("binaire.txt")
        try Data("engagement.no_feedback = oui\nx = \u{0}\n".utf8).write(to: path)
        let nul = try goodbye(["run", "--answers", path.path, "--no-input"])
        XCTAssertEqual(nul.status, 65)
        XCTAssertTrue(nul.stderr.contains("\(path.path):2:"), nul.stderr)
        try Data([0x6F, 0x75, 0x69, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: path)
        let latin = try goodbye(["run", "--answers", path.path, "--no-input"])
        XCTAssertEqual(latin.status, 65)
        XCTAssertTrue(latin.stderr.contains("\(path.path):2:"), latin.stderr)
    }
}
