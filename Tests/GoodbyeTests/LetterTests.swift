import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// Letters for every tone, civility, client type, number of invoices and pro bono:
/// French checkers, then what the checkers do not see.
final class LetterTests: XCTestCase {
    static let content = try! ContentLoader.load(from: Paths.content)
    static let today = CivilDate(year: 2026, month: 11, day: 29)!

    struct Situation: CustomStringConvertible {
        var tone: String
        var civility: String
        var kind: String
        var invoices: Int
        var proBono: Bool
        var gender: String
        var contract: String

        var description: String {
            "\(tone)-\(civility)-\(kind)-\(invoices)-\(proBono ? "probono" : "paid")-\(gender)-\(contract)"
        }

        /// An answer file for `goodbye letter`.
        var answers: String {
            var lines = [
                "sender.name = Claire Martin", "sender.business = Atelier Lumen", "sender.address = 12 rue des Lilas",
                "sender.city = 69003 Lyon", "sender.email = claire@atelier.fr", "sender.gender = \(gender)",
                "sender.legal_form = ei",
                "client.kind = \(kind)", "client.company = Société Dupont", "client.civility = \(civility)",
                "client.name = Camille Durand", "client.address = 5 avenue Foch", "client.city = 75008 Paris",
                "letter.contract_date = 01/03/2025", "letter.contract = \(contract)", "letter.notice_days = 30",
                "letter.term_date = 31/01/2027", "letter.personal_data = oui", "letter.tone = \(tone)",
                "letter.mention_reasons = \(invoices == 1 ? "oui" : "non")",
                "payment.pro_bono = \(proBono ? "oui" : "non")",
                "letter.unpaid = \(invoices > 0 ? "oui" : "non")",
            ]
            let items = ["2026-041 ; 15/09/2026 ; 1250 ; 15/10/2026", "2026-052 ; 01/10/2026 ; 980,50 ; 31/10/2026"]
            lines += items.prefix(invoices).map { "letter.invoices = " + $0 }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static var situations: [Situation] {
        var all: [Situation] = []
        let genders = ["neutre", "feminin", "masculin"]
        for tone in ["cordial", "neutre", "ferme"] {
            for civility in ["madame", "monsieur", "sans_titre", "inconnu", "organisation"] {
                for kind in ["entreprise", "particulier"] {
                    for invoices in 0...2 {
                        for proBono in [false, true] {
                            let index = all.count
                            all.append(
                                Situation(
                                    tone: tone, civility: civility, kind: kind, invoices: invoices, proBono: proBono,
                                    gender: genders[index % 3], contract: index % 4 == 0 ? "determinee" : "indeterminee"
                                ))
                        }
                    }
                }
            }
        }
        return all
    }

    static func letter(_ situation: Situation, _ extra: [String] = []) -> (Int32, String, String) {
        let terminal = ScriptedTerminal(stdin: situation.answers)
        let app = App(terminal: terminal, environment: [:], today: { today }, content: content)
        let status = app.run(["letter", "--answers", "-", "--no-input"] + extra)
        return (status, terminal.stdout, terminal.stderr)
    }

    static let letters: [(Situation, String)] = situations.map { situation in (situation, letter(situation).1) }

    func testEveryCombinationRenders() {
        XCTAssertEqual(Self.letters.count, 180)
        for situation in Self.situations.prefix(12) {
            let (status, _, stderr) = Self.letter(situation)
            XCTAssertEqual(status, 0, "\(situation): \(stderr)")
        }
        for (situation, letter) in Self.letters {
            XCTAssertTrue(
                letter.hasPrefix("Claire Martin (entrepreneur individuel)\n"),
                "\(situation): an entrepreneur individuel's name carries EI")
            XCTAssertTrue(letter.hasSuffix("\n"), "\(situation)")
        }
    }

    /// Every distinct line of the 180 letters through check-french, at once.
    func testEveryCombinationPassesTheFrenchCheckers() throws {
        var seen: Set<String> = []
        var lines: [String] = []
        for (_, letter) in Self.letters {
            for line in letter.split(separator: "\n") where seen.insert(String(line)).inserted {
                lines.append(String(line))
            }
        }
        XCTAssertGreaterThan(lines.count, 60)
        try assertFrench(
            ["letters": lines.joined(separator: "\n")],
            words: ["Lumen", "Dupont", "Durand", "Foch", "claire@atelier.fr", "SIRET"])
    }

    func appel(_ letter: String) -> String? {
        let lines = letter.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let subject = lines.firstIndex(where: { $0.hasPrefix("Objet\u{A0}:") }), subject + 2 < lines.count else {
            return nil
        }
        let line = lines[subject + 2]
        return line.hasSuffix(",") ? String(line.dropLast()) : nil
    }

    /// The closing repeats the appel exactly, between commas; tone and civility agree.
    func testAppelAndClosingAgree() throws {
        for (situation, letter) in Self.letters {
            let appel = try XCTUnwrap(appel(letter), "\(situation)\n\(letter)")
            let repeated = appel.hasPrefix("Ch") ? appel.replacingOccurrences(of: "Ch", with: "ch") : appel
            if situation.civility == "sans_titre" {
                XCTAssertFalse(
                    letter.contains("Durand, mes salutations"),
                    "\(situation): a person without a title is greeted, not named in the closing")
            } else {
                XCTAssertTrue(
                    letter.contains(", \(repeated), mes salutations"), "\(situation): the closing repeats « \(appel) »")
            }
            let expected: String
            switch (situation.civility, situation.tone) {
            case ("madame", "cordial"): expected = "Chère Madame"
            case ("monsieur", "cordial"): expected = "Cher Monsieur"
            case ("madame", _): expected = "Madame"
            case ("monsieur", _): expected = "Monsieur"
            case ("sans_titre", _): expected = "Bonjour Camille Durand"
            case ("organisation", _): expected = "Mesdames, Messieurs"
            default: expected = "Madame, Monsieur"
            }
            XCTAssertEqual(appel, expected, "\(situation)")
            XCTAssertFalse(
                appel.contains("Durand") && situation.civility != "sans_titre", "never the surname after a title")
            let closing = [
                "cordial": "Je vous prie de recevoir", "neutre": "Je vous prie d’agréer", "ferme": "Veuillez agréer",
            ]
            let named = situation.civility == "sans_titre" ? " mes salutations" : ", " + repeated + ", "
            XCTAssertTrue(letter.contains(closing[situation.tone]! + named), "\(situation)")
        }
    }

    func testNoLeftoverMarkersAndFrenchNumbers() {
        let decimalPoint = try! NSRegularExpression(pattern: #"\d\.\d{2}\s?€"#)
        for (situation, letter) in Self.letters {
            XCTAssertFalse(letter.contains("{{") || letter.contains("}}"), "\(situation)")
            XCTAssertFalse(letter.contains("\n\n\n"), "\(situation): at most one blank line")
            XCTAssertEqual(
                decimalPoint.numberOfMatches(in: letter, range: NSRange(letter.startIndex..., in: letter)), 0,
                "\(situation)")
            XCTAssertFalse(letter.contains(" 1 mars"), "\(situation): the first of the month is written 1er")
            XCTAssertTrue(letter.contains("Lyon, le 29 novembre 2026"), "\(situation)")
            if situation.invoices == 2 && !situation.proBono {
                XCTAssertTrue(
                    letter.contains("1\u{202F}250,00\u{A0}€"), "\(situation): grouped thousands, decimal comma")
                XCTAssertTrue(letter.contains("2\u{202F}230,50\u{A0}€"), "\(situation): the total")
            }
        }
    }

    func testInvoicesFollowTheClientType() {
        for (situation, letter) in Self.letters {
            let hasInvoices = situation.invoices > 0 && !situation.proBono
            XCTAssertEqual(letter.contains("impayée"), hasInvoices, "\(situation): pro bono has no payment paragraph")
            let business = hasInvoices && situation.kind == "entreprise"
            XCTAssertEqual(
                letter.contains("L.\u{A0}441-10"), business, "\(situation): penalties only between professionals")
            XCTAssertEqual(
                letter.contains("40\u{A0}€"), business, "\(situation): the 40 € indemnity only between professionals")
            if business, situation.invoices == 2 {
                XCTAssertTrue(letter.contains("soit 80\u{A0}€ au total"), "\(situation)")
            }
            for threat in ["supprimer votre site", "bloquer", "couper l’accès", "retenir", "détruire"] {
                XCTAssertFalse(letter.contains(threat), "\(situation): no threat (\(threat))")
            }
        }
    }

    func testEndDateAndRegisteredMail() {
        for (situation, letter) in Self.letters {
            XCTAssertTrue(
                letter.contains("Lettre recommandée avec avis de réception"), "\(situation): registered by default")
            if situation.contract == "determinee" {
                XCTAssertTrue(letter.contains("arrive à son terme le 31 janvier 2027"), "\(situation)")
            } else {
                XCTAssertTrue(
                    letter.contains("prendra fin le 1er janvier 2027"), "\(situation): 3 days of post + 30 days")
                XCTAssertTrue(
                    letter.contains("à compter de la réception de la présente"),
                    "\(situation): the notice starts on receipt")
            }
        }
    }

    func testSenderGenderAgreesWhenAsked() {
        for (situation, letter) in Self.letters where situation.tone == "cordial" {
            // Warm thanks only without unpaid invoices: never next to late-payment penalties.
            let warm = situation.invoices == 0 || situation.proBono
            XCTAssertEqual(letter.contains("J’ai été heureuse"), warm && situation.gender == "feminin", "\(situation)")
            XCTAssertEqual(letter.contains("J’ai été heureux"), warm && situation.gender == "masculin", "\(situation)")
            if !warm {
                XCTAssertTrue(letter.contains("Je vous remercie pour la confiance"), "\(situation): sober thanks")
            }
        }
    }

    func testOutputFileIsNeverOverwrittenWithoutForce() throws {
        let folder = try temporaryFolder(self)
        let path = folder.appendingPathComponent("lettre.txt").path
        let situation = Self.situations[0]
        XCTAssertEqual(Self.letter(situation, ["-o", path]).0, 0)
        let first = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(first, Self.letters[0].1)
        try "précieux".write(toFile: path, atomically: true, encoding: .utf8)
        let (status, stdout, stderr) = Self.letter(situation, ["-o", path])
        XCTAssertEqual(status, 73)
        XCTAssertEqual(stdout, "")
        XCTAssertTrue(stderr.contains(fr("existe déjà")), stderr)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "précieux", "the existing file is untouched")
        XCTAssertEqual(Self.letter(situation, ["-o", path, "--force"]).0, 0)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), first)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(leftovers, ["lettre.txt"], "no temporary file left behind")
        XCTAssertEqual(Self.letter(situation, ["-o", folder.appendingPathComponent("absent/lettre.txt").path]).0, 73)
        XCTAssertEqual(Self.letter(situation, ["-o", "-"]).1, first, "- is standard output")
    }

    func testMarkdownFormat() {
        let terminal = ScriptedTerminal(stdin: Self.situations[4].answers)
        let app = App(terminal: terminal, environment: [:], today: { Self.today }, content: Self.content)
        XCTAssertEqual(app.run(["letter", "--answers", "-", "--no-input", "--format", "markdown"]), 0, terminal.stderr)
        XCTAssertTrue(terminal.stdout.contains("**Objet\u{A0}:**"), terminal.stdout)
        XCTAssertTrue(
            terminal.stdout.contains("Claire Martin (entrepreneur individuel)\\\nAtelier Lumen"),
            "address lines end with hard breaks")
        XCTAssertTrue(terminal.stdout.contains("- facture n°"), "invoices as a list")
    }
}
