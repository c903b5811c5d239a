import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

final class AnswerFileTests: XCTestCase {
    static let content = try! ContentLoader.load(from: Paths.content)

    func read(_ text: String) -> AnswerFile {
        AnswerFile(
            text: text, file: "r.txt", graph: Self.content.graph, parser: Self.content.parser(for: "fr"),
            texts: Self.content.texts["fr"]!)
    }

    func testGoodLinesCommentsBlanksSpacesAccentsAndCase() {
        let file = read(
            "\u{FEFF}# séance du lundi\n\n  engagement.no_feedback   =   OUI  \r\nengagement.no_reply=n\nclient.kind = Un Particulier\n"
                + "letter.contract = À durée déterminée\nletter.invoices = A1;01/09/2026;12;01/10/2026\nletter.invoices = A2 ; 2026-09-02 ; 3,5 ; 2026-10-02\n"
        )
        XCTAssertEqual(file.diagnostics, [])
        XCTAssertEqual(file.answers["engagement.no_feedback"], Answer("oui"))
        XCTAssertEqual(file.answers["engagement.no_reply"], Answer("non"))
        XCTAssertEqual(file.answers["client.kind"], Answer("particulier"))
        XCTAssertEqual(file.answers["letter.contract"], Answer("determinee"))
        XCTAssertEqual(
            file.answers["letter.invoices"]?.values,
            ["A1;2026-09-01;12.00;2026-10-01", "A2;2026-09-02;3.50;2026-10-02"])
        XCTAssertEqual(file.lines["engagement.no_reply"], 4)
    }

    /// The words a person would type, found in the choices' labels: a word that only
    /// one label holds names its choice; a word two labels share names none.
    func testNaturalWordsFromTheLabelsNameTheirChoice() {
        let parser = Self.content.parser(for: "fr")
        func value(_ text: String, _ id: String) -> String? {
            try? parser.parse(text, for: Self.content.graph.question(id)!).get()
        }
        XCTAssertEqual(value("femme", "client.civility"), "madame")
        XCTAssertEqual(value("une femme", "client.civility"), "madame")
        XCTAssertEqual(value("Homme", "client.civility"), "monsieur")
        XCTAssertEqual(value("organisme", "client.civility"), "organisation")
        XCTAssertEqual(value("société", "client.kind"), "entreprise")
        XCTAssertEqual(value("une association", "client.kind"), "entreprise")
        XCTAssertEqual(value("la mairie", "client.kind"), "public")
        XCTAssertNil(value("personne", "client.civility"), "two labels say « personne »: ambiguous")
        XCTAssertNil(value("femme", "client.kind"))
        XCTAssertNil(value("une femme ou un homme", "client.civility"), "two choices named")
        XCTAssertEqual(
            Self.content.parser(for: "en").parse("woman", for: Self.content.graph.question("client.civility")!),
            .success("madame"))
    }

    /// An invoice with one bad field: the field is named, with what it accepts, in an
    /// answer file as at the prompt (not "write the four details").
    func testAnInvoiceWithOneBadFieldNamesTheField() throws {
        let file = read(
            "letter.invoices = F1 ; 15/09/2026 ; douze ; 15/10/2026\nletter.invoices = F2 ; 31/02/2026 ; 12 ; 15/10/2026\n"
        )
        let messages = file.located(Self.content.texts["fr"]!).map { Self.content.texts["fr"]!.render($0) }
        XCTAssertEqual(messages.count, 2)
        XCTAssertTrue(
            messages[0].contains("pour le montant de la facture (information 3 sur 5), un montant"), messages[0])
        XCTAssertTrue(messages[1].contains("pour la date de la facture (information 2 sur 5), une date"), messages[1])

        let folder = try temporaryFolder(self)
        let answers = folder.appendingPathComponent("r.txt")
        try FactCheckTests.answers([
            "letter.unpaid": "oui", "letter.contract_date": "2025-01-01", "letter.notice_days": "30",
            "letter.registered": "oui", "letter.handover": "oui", "letter.personal_data": "non",
            "letter.mention_reasons": "non",
            "sender.legal_form": "ei", "sender.business": "", "sender.address": "", "sender.siret": "",
            "sender.email": "",
            "client.email": "", "sender.gender": "neutre", "letter.contract": "indeterminee",
            "letter.notice_clause": "",
            "letter.end_date": "2027-01-01",
        ])
        .write(to: answers, atomically: true, encoding: .utf8)
        let terminal = ScriptedTerminal(
            lines: ["F1 ; 15/09/2026 ; douze ; 15/10/2026", "F1 ; 15/09/2026 ; 12 ; 15/10/2026", "F2 ; 15/09/2026"]
                + Array(repeating: "", count: 12), interactive: true)
        _ = App(terminal: terminal, environment: [:], content: Self.content).run([
            "letter", "--answers", answers.path, "--date", "2026-11-29",
        ])
        // `goodbye letter` asks on stderr: stdout holds the letter alone.
        XCTAssertTrue(
            terminal.stderr.contains(
                fr("Le montant de la facture n’est pas valide (information 3 sur 5). Écrivez un montant")),
            terminal.stderr)
        XCTAssertTrue(
            terminal.stderr.contains(
                fr(
                    "Écrivez les informations séparées par des points-virgules : numéro, date, montant et échéance, puis le reste dû"
                )), "two fields only: the count")
        XCTAssertTrue(terminal.stdout.contains("facture n°\u{A0}F1"), terminal.stdout)
    }

    func testBadLinesAreReportedWithTheirLine() {
        let file = read(
            "engagement.no_feedback = oui\nengagement.no_feedback = non\ninconnu.question = oui\npas de signe égal\n"
                + "reluctance.no_desire = peut-être\nletter.contract_date = 31/02/2026\n")
        let lines = file.diagnostics.map(\.line).sorted()
        XCTAssertEqual(lines, [2, 3, 4, 5, 6])
        let messages = file.diagnostics.sorted().map { Self.content.texts["fr"]!.render($0.message) }
        XCTAssertTrue(messages[0].contains("déjà une réponse ligne 1"), messages[0])
        XCTAssertTrue(messages[1].contains(fr("identifiant inconnu « inconnu.question »")), messages[1])
        XCTAssertTrue(messages[2].contains("identifiant = valeur"), messages[2])
        XCTAssertTrue(
            messages[3].contains(fr("valeur « peut-être » non acceptée ; réponses acceptées : oui, non")), messages[3])
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
        try "engagement.no_feedback = oui\nengagement.no_reply = bof\n".write(
            toFile: path, atomically: true, encoding: .utf8)
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
