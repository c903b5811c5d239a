import Foundation
import TestSupport
import XCTest

/// The ids and values an answer file takes are seen in the listing and typed in the
/// person's language: `mr` in English, `relance` for `--kind reminder` in French.
final class VisibleIdsTests: XCTestCase {
    static let letter = Paths.repository.appendingPathComponent("Scripts/bench/letter.answers").path

    func testTheListingShowsIdTypeValuesAndDefault() throws {
        let french = try goodbye(["questions"])
        XCTAssertEqual(french.status, 0)
        XCTAssertTrue(french.stdout.contains("client.civility (choix)\n"), french.stdout)
        XCTAssertTrue(french.stdout.contains("\n    madame        à une femme (Madame)\n"), french.stdout)
        XCTAssertTrue(
            french.stdout.contains(fr("client.civility (choix)\n  À qui la lettre s’adresse-t-elle ?")), french.stdout)
        XCTAssertTrue(french.stdout.contains(fr("\n  par défaut : inconnu\n\nclient.name (texte)")), french.stdout)
        XCTAssertTrue(french.stdout.contains(fr("engagement.no_feedback (oui ou non)")), french.stdout)
        let english = try goodbye(["questions", "--lang", "en"])
        XCTAssertTrue(
            english.stdout.contains("\n    mr                                   a man (Mr)\n"), english.stdout)
        XCTAssertTrue(english.stdout.contains("\n  default: unknown\n"), english.stdout)
        XCTAssertTrue(english.stdout.contains("letter.invoices (list)"), english.stdout)
    }

    /// Every value the English listing shows is accepted in an answer file, and gives
    /// the same letter as the French id.
    func testEnglishValuesAreAcceptedAndMeanTheFrenchIds() throws {
        let folder = try temporaryFolder(self)
        let base = try String(contentsOfFile: Self.letter, encoding: .utf8)
        let pairs = [
            ("client.civility = monsieur", "client.civility = mr"), ("letter.tone = ferme", "letter.tone = firm"),
            ("sender.legal_form = ei", "sender.legal_form = sole_trader"),
        ]
        var english = base
        for (french, translated) in pairs { english = english.replacingOccurrences(of: french, with: translated) }
        XCTAssertNotEqual(english, base)
        let file = folder.appendingPathComponent("en.answers")
        try english.write(to: file, atomically: true, encoding: .utf8)
        for language in ["fr", "en"] {
            let ids = try goodbye([
                "letter", "--lang", language, "--answers", Self.letter, "--no-input", "--date", "2026-12-02",
            ])
            let values = try goodbye([
                "letter", "--lang", language, "--answers", file.path, "--no-input", "--date", "2026-12-02",
            ])
            XCTAssertEqual(values.status, 0, values.stderr)
            XCTAssertEqual(values.stdout, ids.stdout)
        }
        let refused = folder.appendingPathComponent("bad.answers")
        try "client.civility = doctor\n".write(to: refused, atomically: true, encoding: .utf8)
        let said = try goodbye(["letter", "--lang", "en", "--answers", refused.path, "--no-input"])
        XCTAssertEqual(said.status, 65)
        XCTAssertTrue(said.stderr.contains("accepted answers: ms, mr, no_title, unknown, organisation"), said.stderr)
    }

    func testKindsAreNamedInTheLanguageAndTakenByEitherName() throws {
        let byId = try goodbye([
            "letter", "--kind", "formal-notice", "--answers", Self.letter, "--no-input", "--date", "2026-12-02",
        ])
        let byName = try goodbye([
            "letter", "--kind", "mise-en-demeure", "--answers", Self.letter, "--no-input", "--date", "2026-12-02",
        ])
        XCTAssertEqual(byId.status, 0, byId.stderr)
        XCTAssertEqual(byName.stdout, byId.stdout)
        XCTAssertTrue(
            byId.stdout.contains("MISE EN DEMEURE") || byId.stdout.lowercased().contains("mise en demeure"), byId.stdout
        )
        let help = try goodbye(["help", "letter"])
        // The list may be wrapped after a bar: read without the spaces.
        let squeezed = { (text: String) in text.filter { !$0.isWhitespace } }
        XCTAssertTrue(
            squeezed(help.stdout).contains(
                "fin-de-collaboration|conversation|relance|relance-ferme|mise-en-demeure|suspension"), help.stdout)
        let english = try goodbye(["help", "letter", "--lang", "en"])
        XCTAssertTrue(
            squeezed(english.stdout).contains("farewell|talk|reminder|final-reminder|formal-notice|suspension"),
            english.stdout)
        // A kind's name in any language, whatever the letter's language.
        let englishLetter = try goodbye([
            "letter", "--kind", "relance", "--lang", "en", "--answers", Self.letter, "--no-input", "--date",
            "2026-12-02",
        ])
        XCTAssertEqual(englishLetter.status, 0, englishLetter.stderr)
        XCTAssertTrue(
            englishLetter.stdout.contains("reminder") || englishLetter.stdout.contains("Reminder"), englishLetter.stdout
        )
        // The step of the recovery, in French values too.
        let step = try goodbye(
            ["run", "--answers", "-", "--no-input", "--format", "json"],
            stdin: signAnswers(Signs.mask("payment.pays_late")) + "dunning.step = rien\n")
        XCTAssertEqual(step.status, 0, step.stderr)
        let unknown = try goodbye(["letter", "--kind", "relances"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("relance (reminder)"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains(fr("Vouliez-vous dire « relance » ?")), unknown.stderr)
    }
}
