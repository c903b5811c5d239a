import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// A half-year whose rate the program does not know (2026-H2 is left unverified in
/// Localization/data/rates.ini): the letter demands what has a figure, indemnities
/// included, names the half-year whose interest is still owed, and says so (GW013).
final class UnknownRateTests: XCTestCase {
    static func notice(_ invoices: [String], client: String = "entreprise", lang: String = "fr") -> FactCheckTests.Run {
        let extra =
            client == "public" ? ["client.kind": client, "client.company": "Mairie de Lyon"] : ["client.kind": client]
        let answers = FactCheckTests.answers(extra, invoices: invoices)
        let terminal = ScriptedTerminal(stdin: answers)
        let app = App(terminal: terminal, environment: [:], content: FactCheckTests.content)
        let status = app.run([
            "letter", "--kind", "formal-notice", "--answers", "-", "--no-input", "--date", "2026-12-02", "--lang", lang,
            "--format", "json",
        ])
        let json = try? JSONSerialization.jsonObject(with: Data(terminal.stdout.utf8)) as? [String: Any]
        // Compared with plain spaces: the letter's no-break spaces (French typography,
        // thousands) are checked by the golden letters and the French tests.
        let text = (json?["text"] as? String ?? "").replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(
            of: "\u{202F}", with: " ")
        return FactCheckTests.Run(status: status, letter: text, errors: terminal.stderr + terminal.stdout, json: json)
    }

    func testTheIndemnitiesArePartOfTheSumDemandedAndTheHalfYearIsNamed() throws {
        let run = Self.notice(["F1;2026-09-15;1250.00;2026-10-15", "F2;2026-10-01;980.50;2026-10-31"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(
            run.letter.contains(
                ("me régler la somme de 2 310,50 €, majorée des pénalités de retard courues au second semestre 2026,")),
            run.letter)
        XCTAssertTrue(
            run.letter.contains(
                ("Montant chiffré à ce jour : 2 310,50 €, dont 2 230,50 € en principal et 80,00 € d’indemnités forfaitaires. S’y ajoutent les pénalités de retard courues au second semestre 2026, au taux de refinancement de la Banque centrale européenne de ce semestre majoré de dix points, non chiffrées dans la présente.")
            ), run.letter)
        XCTAssertFalse(
            run.letter.contains("majorée des pénalités de retard dues"), "the old wording left the indemnities out")
        let warnings = try XCTUnwrap(run.json?["warnings"] as? [[String: String]])
        XCTAssertEqual(warnings.map { $0["code"] }, ["GW013"])
        XCTAssertTrue(warnings[0]["message"]?.contains("second semestre 2026") ?? false, "\(warnings)")
    }

    func testTheKnownHalfYearIsComputedAndKeptInTheSum() {
        // Late from 16 April 2026: 76 days of 2026-H1 at 12,15 % (ECB 2,15 % + 10) are known.
        let run = Self.notice(["F1;2026-03-15;1250.00;2026-04-15"])
        XCTAssertTrue(
            run.letter.contains(
                ("Montant chiffré à ce jour : 1 321,62 €, dont 1 250,00 € en principal, 31,62 € de pénalités de retard et 40,00 € d’indemnité forfaitaire.")
            ), run.letter)
    }

    func testAPublicBuyerIsOwedMoratoryInterestNotPenalties() {
        let run = Self.notice(["F1;2026-09-15;1250.00;2026-10-15"], client: "public")
        XCTAssertTrue(run.letter.contains("majorée des intérêts moratoires restant à chiffrer"), run.errors)
        // R. 2192-31: one rate for the whole lateness, the one of the half-year it began in.
        XCTAssertTrue(
            run.letter.contains(
                "les intérêts moratoires des factures dont le retard a commencé au second semestre 2026"), run.letter)
        XCTAssertFalse(run.letter.contains("S’y ajoutent les pénalités"), run.letter)
        // No injonction de payer against a public person: the administrative judge.
        XCTAssertTrue(
            run.letter.contains(
                "le juge des référés du tribunal administratif d’une demande de provision (article R. 541-1 du Code de justice administrative)"
            ), run.letter)
        XCTAssertFalse(run.letter.contains("injonction de payer") || run.letter.contains("L. 441-10"), run.letter)
        XCTAssertTrue(run.letter.contains("D. 2192-35"), "the 40 € of a public buyer cites D. 2192-35")
    }

    func testStrictRefusesALetterWithoutItsFigures() {
        let terminal = ScriptedTerminal(stdin: FactCheckTests.answers(invoices: ["F1;2026-09-15;1250.00;2026-10-15"]))
        let app = App(terminal: terminal, environment: [:], content: FactCheckTests.content)
        XCTAssertEqual(
            app.run([
                "letter", "--kind", "formal-notice", "--answers", "-", "--no-input", "--date", "2026-12-02", "--strict",
            ]), 65)
        XCTAssertTrue(terminal.stderr.contains("second semestre 2026"), terminal.stderr)
    }

    func testEnglishSaysItToo() {
        let run = Self.notice(["F1;2026-09-15;1250.00;2026-10-15"], lang: "en")
        XCTAssertTrue(
            run.letter.contains("plus the late-payment penalties accrued in the second half of 2026"), run.letter)
        XCTAssertTrue(
            run.letter.contains("Amount worked out to date: €1,290.00") || run.letter.contains("1,290.00"), run.letter)
    }

    /// The data as checked on 2 December 2026 (Localization/data/rates.ini records where).
    func testTheRatesDataAsChecked() throws {
        let rates = FactCheckTests.content.rates
        let firstHalf2018 = try XCTUnwrap(rates.legal.first { $0.id == "legal.2018-H1" })
        XCTAssertEqual(firstHalf2018.otherRate, 89, "arrêté du 28 décembre 2017: 0,89 % (0,88 % is 2018-H2's)")
        let firstHalf2019 = try XCTUnwrap(rates.legal.first { $0.id == "legal.2019-H1" })
        XCTAssertEqual([firstHalf2019.privateRate, firstHalf2019.otherRate], [340, 86])
        XCTAssertTrue(firstHalf2019.verified)
        let unknown = try XCTUnwrap(rates.periods.first { $0.id == "ecb.2026-H2" })
        XCTAssertFalse(unknown.verified, "not found: never printed")
        // An unchecked half-year holds no guessed figure: left empty (0,00 is a real ECB
        // rate, 2016 to 2022, and stays where it was checked).
        let file = try String(contentsOf: Paths.content.appendingPathComponent("data/rates.ini"), encoding: .utf8)
        for section in file.components(separatedBy: "\n[").filter({ $0.contains("verified = non") }) {
            XCTAssertFalse(
                section.contains("= 0,00") || section.contains("= 2,15"),
                "an unchecked figure is left empty: \(section)")
        }
    }

    /// « Total dû : 2 230,50 €, dont 2 230,50 € en principal » says the sum twice.
    func testNoDontWhenThePrincipalIsTheWholeSum() {
        let run = Self.notice(["F1;2026-09-15;1250.00;2026-10-15"], client: "particulier")
        XCTAssertTrue(run.letter.contains("Total dû : 1 250,00 € en principal."), run.letter)
        XCTAssertFalse(run.letter.contains("dont 1 250,00 €"), run.letter)
    }
}
