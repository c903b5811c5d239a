import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// English: the dialogue and letters in English, English letter conventions, and
/// output that does not depend on the machine's locale.
final class EnglishTests: XCTestCase {
    static let content = try! ContentLoader.load(from: Paths.content)

    /// Words and marks that only French text has: an English session shows none of them.
    static func frenchFound(_ text: String) -> [String] {
        let words = [
            "vous", "votre", "réponse", "réponses", "fichier", "séance", "commande", "dossier", "inconnue", "inconnu",
            "ligne", "identifiant", "valeur", "question posée", "ignorée", "utilisez", "aide", "oui", "non",
            "entreprise",
            "particulier", "facultative", "défaut",
        ]
        let tokens = Set(text.lowercased().split { !$0.isLetter && $0 != "’" }.map(String.init))
        return words.filter { tokens.contains($0) }
            + ["«", "»", "é", "è", "à", "ç", "\u{A0}", "\u{202F}"].filter { text.contains($0) }
    }

    /// `--lang en`: a bad answer file, an unknown option, the help, the questions and a
    /// note about an ignored answer, all in English, errors included.
    func testEnglishIsEnglishFromTheFirstByteToTheLast() throws {
        let folder = try temporaryFolder(self)
        let bad = folder.appendingPathComponent("bad.txt")
        try "engagement.no_feedback = maybe\nunknown.id = yes\nthis line\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let ignored = folder.appendingPathComponent("ignored.txt")
        try (signAnswers(0) + "letter.tone = ferme\n")
            .write(to: ignored, atomically: true, encoding: .utf8)
        let runs: [(String, [String], Int32)] = [
            ("bad answer file", ["--lang", "en", "--answers", bad.path, "--no-input"], 65),
            ("unknown option", ["--lang", "en", "--anwsers", "x"], 64),
            ("option of another command", ["questions", "--lang", "en", "--force"], 64),
            ("help", ["--lang", "en", "--help"], 0),
            ("help letter", ["help", "letter", "--lang", "en"], 0),
            ("questions", ["questions", "--lang", "en"], 0),
            ("ignored answer", ["--lang", "en", "--answers", ignored.path, "--no-input"], 0),
            ("unknown kind", ["letter", "--lang", "en", "--kind", "adieu"], 64),
            ("missing file", ["--lang", "en", "--answers", folder.appendingPathComponent("none.txt").path], 66),
        ]
        for (name, arguments, status) in runs {
            let outcome = try goodbye(arguments, stdin: "", environment: ["GOODBYE_LANG": "en"])
            XCTAssertEqual(outcome.status, status, "\(name): \(outcome.stderr)")
            XCTAssertFalse(outcome.stdout.isEmpty && outcome.stderr.isEmpty, name)
            XCTAssertEqual(
                Self.frenchFound(outcome.stdout + outcome.stderr), [], "\(name):\n\(outcome.stdout)\(outcome.stderr)")
        }
        let note = try goodbye(["--lang", "en", "--answers", ignored.path, "--no-input"])
        XCTAssertTrue(note.stderr.contains("answer to “letter.tone” ignored"), note.stderr)
        XCTAssertEqual(Self.frenchFound("option inconnue « x »"), ["inconnue", "«", "»"], "the detector finds French")
    }

    func testEnglishHasEveryFrenchKey() {
        let french = Set(Self.content.texts["fr"]!.values.keys)
        let english = Set(Self.content.texts["en"]!.values.keys)
        XCTAssertEqual(french.subtracting(english).sorted(), [])
    }

    func testTheSessionSpeaksEnglish() throws {
        let outcome = try goodbye(
            ["--lang", "en"],
            stdin: (Signs.typed(Signs.mask("payment.pays_late"), language: "en") + ["", "", ""]).joined(separator: "\n")
                + "\n")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(
            outcome.stdout.contains("Question 1 of \(Signs.asked + 1) · The client does not get involved"),
            outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("(yes/no)"))
        XCTAssertTrue(outcome.stdout.contains("You can leave: one reason is enough."), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("The client does not pay: reason established."))
        XCTAssertFalse(outcome.stdout.contains("\u{A0}"), "no French spacing in English")
        let environment = try goodbye([], stdin: "", environment: ["GOODBYE_LANG": "en"])
        XCTAssertTrue(environment.stdout.contains("Leave a client, or not?"))
    }

    func testEnglishLettersFollowEnglishConventions() throws {
        for (situation, _) in LetterTests.letters {
            let terminal = ScriptedTerminal(stdin: situation.answers)
            let app = App(terminal: terminal, environment: [:], today: { LetterTests.today }, content: Self.content)
            XCTAssertEqual(app.run(["letter", "--answers", "-", "--no-input", "--lang", "en"]), 0, terminal.stderr)
            let letter = terminal.stdout
            XCTAssertFalse(letter.contains("{{") || letter.contains("\u{A0}") || letter.contains("1er"), "\(situation)")
            XCTAssertTrue(letter.contains("\n29 November 2026\n"), "\(situation)")
            let named = ["madame", "monsieur", "sans_titre"].contains(situation.civility)
            let salutation: String
            switch situation.civility {
            case "madame": salutation = "Dear Ms Durand,"
            case "monsieur": salutation = "Dear Mr Durand,"
            case "sans_titre": salutation = "Dear Camille Durand,"
            default: salutation = "Dear Sir or Madam,"
            }
            XCTAssertTrue(letter.contains("\n\(salutation)\n"), "\(situation)\n\(letter)")
            // « Dear Sir or Madam » pairs with « Yours faithfully », whatever the tone.
            let closing =
                !named ? "Yours faithfully," : situation.tone == "cordial" ? "Kind regards," : "Yours sincerely,"
            XCTAssertTrue(letter.contains("\n\(closing)\n"), "\(situation): \(closing)")
            let business = situation.invoices > 0 && !situation.proBono && situation.kind == "entreprise"
            XCTAssertEqual(letter.contains("€40"), business, "\(situation)")
            if situation.invoices == 2 && !situation.proBono {
                XCTAssertTrue(letter.contains("€2,230.50"), "\(situation)")
            }
        }
    }

    /// The locale chooses the language when nothing else does (UnixHabitsTests); once
    /// the language is chosen, the same run under any locale gives the same bytes.
    func testOutputDoesNotDependOnTheLocaleOnceTheLanguageIsChosen() throws {
        let folder = try temporaryFolder(self)
        let answers = folder.appendingPathComponent("a.txt")
        try LetterTests.situations[4].answers.write(to: answers, atomically: true, encoding: .utf8)
        for arguments in [
            ["letter", "--answers", answers.path, "--no-input", "--date", "2026-11-29", "--lang", "fr"],
            ["letter", "--answers", answers.path, "--no-input", "--date", "2026-11-29", "--lang", "en"],
            ["questions", "--format", "json", "--lang", "fr"],
        ] {
            var outputs: Set<String> = []
            for locale in ["C", "fr_FR.UTF-8", "en_US.UTF-8"] {
                let outcome = try goodbye(arguments, environment: ["LANG": locale, "LC_ALL": locale])
                XCTAssertEqual(outcome.status, 0, outcome.stderr)
                outputs.insert(outcome.stdout)
            }
            XCTAssertEqual(outputs.count, 1, "\(arguments)")
        }
    }
}
