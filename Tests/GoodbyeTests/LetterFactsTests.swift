import Foundation
import GoodbyeCLI
import LetterComposition
import TestSupport
import XCTest

/// Facts that would make a letter false are errors (65, nothing written); doubtful
/// ones are warnings (`--strict` refuses).
final class LetterFactsTests: XCTestCase {
    func run(_ extra: [String: String] = [:], invoices: [String], kind: String = "formal-notice") -> FactCheckTests.Run
    {
        let terminal = ScriptedTerminal(stdin: FactCheckTests.answers(extra, invoices: invoices))
        let app = App(terminal: terminal, environment: [:], content: FactCheckTests.content)
        let status = app.run(["letter", "--kind", kind, "--answers", "-", "--no-input", "--date", "2026-11-29"])
        return FactCheckTests.Run(status: status, letter: terminal.stdout, errors: terminal.stderr, json: nil)
    }

    static let invoice = "F1;2026-03-01;100.00;2026-03-31"

    func testAnInvoiceOrALetterDatedAfterTheLetterIsAnError() {
        let invoice = run(invoices: ["F9;2026-12-15;100.00;2027-01-15"])
        XCTAssertEqual(invoice.status, 65, invoice.errors)
        XCTAssertTrue(
            invoice.errors.contains(fr("la facture n° F9 est datée du 15 décembre 2026, après la lettre")),
            invoice.errors)
        XCTAssertEqual(invoice.letter, "", "nothing is written")
        for id in ["dunning.reminder_date", "dunning.final_date", "dunning.notice_date"] {
            let step = run([id: "2026-12-01"], invoices: [Self.invoice], kind: "suspension")
            XCTAssertEqual(step.status, 65, "\(id): \(step.errors)")
            XCTAssertTrue(
                step.errors.contains("« \u{A0}\(id)\u{A0}»".replacingOccurrences(of: "« \u{A0}", with: "«\u{A0}")),
                step.errors)
        }
    }

    func testNoDelayOfZeroDays() {
        let zero = run(["letter.pay_days": "0"], invoices: [Self.invoice])
        XCTAssertEqual(zero.status, 65, zero.errors)
        XCTAssertTrue(zero.errors.contains("0\u{A0}jour"), zero.errors)
        XCTAssertFalse(zero.letter.contains("0 jours"))
    }

    func testTheSameInvoiceTwiceAndRemindersOutOfOrderAreWarnings() {
        let twice = run(invoices: [Self.invoice, Self.invoice])
        XCTAssertEqual(twice.status, 0, twice.errors)
        XCTAssertTrue(twice.errors.contains(fr("la facture n° F1 figure deux fois")), twice.errors)
        let order = run(
            ["dunning.reminder_date": "2026-10-20", "dunning.final_date": "2026-10-05"], invoices: [Self.invoice])
        XCTAssertEqual(order.status, 0, order.errors)
        XCTAssertTrue(
            order.errors.contains("dunning.final_date") && order.errors.contains("dunning.reminder_date"), order.errors)
        let inOrder = run(
            ["dunning.reminder_date": "2026-10-05", "dunning.final_date": "2026-10-20"], invoices: [Self.invoice])
        XCTAssertFalse(inOrder.errors.contains("précède"), inOrder.errors)
    }
}

extension LetterFactsTests {
    func strict(_ extra: [String: String], kind: String) -> FactCheckTests.Run {
        let terminal = ScriptedTerminal(stdin: FactCheckTests.answers(extra, invoices: [Self.invoice]))
        let app = App(terminal: terminal, environment: [:], content: FactCheckTests.content)
        let status = app.run([
            "letter", "--kind", kind, "--answers", "-", "--no-input", "--date", "2026-06-01", "--strict",
        ])
        return FactCheckTests.Run(status: status, letter: terminal.stdout, errors: terminal.stderr, json: nil)
    }

    /// The public-procurement termination warning is the farewell letter's: a reminder,
    /// a talk message or a formal notice to a mairie is written with --strict.
    func testThePublicTerminationWarningBelongsToTheFarewellLetter() {
        let mairie = ["client.kind": "public", "client.company": "Mairie de Lyon"]
        for kind in ["reminder", "talk", "formal-notice"] {
            let run = strict(mairie, kind: kind)
            XCTAssertEqual(run.status, 0, "\(kind): \(run.errors)")
        }
        XCTAssertEqual(strict(mairie, kind: "farewell").status, 65)
        let suspension = strict(
            mairie.merging(["dunning.notice_date": "2026-05-01"]) { _, new in new }, kind: "suspension")
        XCTAssertEqual(suspension.status, 65)
        XCTAssertTrue(suspension.errors.contains("art. 1219"), suspension.errors)
    }

    /// A formal notice or a suspension always goes by registered post: without the
    /// addressee's name and address, GW007 there too.
    func testARegisteredKindWithoutAnAddressIsWarned() {
        let run = strict(["client.address": "", "client.city": ""], kind: "formal-notice")
        XCTAssertEqual(run.status, 65, run.errors)
        XCTAssertTrue(run.errors.contains("recommandé") || run.errors.contains("recommandée"), run.errors)
    }

    /// The e-mail of a formal notice, a suspension or a firm reminder closes
    /// « Cordialement, » (the kind's own tone in letters.ini), a friendly reminder
    /// « Bien cordialement, ».
    func testTheEmailClosingFollowsTheKind() {
        for (kind, lang, closing) in [
            ("formal-notice", "fr", "\nCordialement,\n"), ("suspension", "fr", "\nCordialement,\n"),
            ("final-reminder", "fr", "\nCordialement,\n"), ("reminder", "fr", "\nBien cordialement,\n"),
            ("formal-notice", "en", "\nRegards,\n"),
            ("reminder", "en", "\nKind regards,\n"),
        ] {
            // An e-mail needs the sender's address (its From: header).
            let mail = ScriptedTerminal(
                stdin: FactCheckTests.answers(
                    ["dunning.notice_date": "2026-05-01", "sender.email": "claire@atelier-lumen.fr"],
                    invoices: [Self.invoice]))
            XCTAssertEqual(
                App(terminal: mail, environment: [:], content: FactCheckTests.content)
                    .run([
                        "letter", "--kind", kind, "--answers", "-", "--no-input", "--date", "2026-06-01", "--format",
                        "eml", "--lang", lang,
                    ]), 0)
            let body = mail.stdout.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(
                of: "\r\n", with: "\n")
            XCTAssertTrue(body.contains(closing), "\(kind) \(lang): \(body.suffix(300))")
        }
    }

    func testAToneTheProgramDoesNotKnowIsACheckError() throws {
        let folder = try temporaryFolder(self).appendingPathComponent("contenu")
        try FileManager.default.copyItem(at: Paths.content, to: folder)
        let letters = folder.appendingPathComponent("letters.ini")
        try String(contentsOf: letters, encoding: .utf8).replacingOccurrences(of: "tone = ferme", with: "tone = sec")
            .write(to: letters, atomically: true, encoding: .utf8)
        let terminal = ScriptedTerminal()
        XCTAssertEqual(App(terminal: terminal, environment: [:]).run(["check", "--content", folder.path]), 65)
        XCTAssertTrue(
            terminal.stdout.contains("GB019") && terminal.stdout.contains("«\u{A0}sec\u{A0}»"), terminal.stdout)
    }

    func testAConsumerIsAddressedByName() {
        let run = strict(
            ["client.kind": "particulier", "client.civility": "organisation", "client.mediator": "CM2C"],
            kind: "reminder")
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.errors.contains(fr("la lettre s’adresse à un particulier comme à un organisme")), run.errors)
    }

    /// The 40 € per late invoice, with both articles, in a reminder; a formal notice
    /// reserves termination, so that the ladder's last step needs no second notice.
    func testTheReminderCitesTheIndemnityPerInvoiceAndTheNoticeReservesTermination() {
        let reminder = run(invoices: [Self.invoice], kind: "reminder")
        XCTAssertTrue(
            reminder.letter.contains(
                "par facture en retard (articles L.\u{A0}441-10 et D.\u{A0}441-5 du Code de commerce)"), reminder.letter
        )
        let notice = run(invoices: [Self.invoice])
        XCTAssertTrue(
            notice.letter.contains("résoudre notre contrat, conformément aux articles 1224 et 1226 du Code civil"),
            notice.letter)
    }

    /// Every warning code the program gives is in the contract and the manual, each once.
    func testTheContractAndTheManualListEveryWarningCode() throws {
        let contract = try String(
            contentsOf: Paths.repository.appendingPathComponent("docs/contract.md"), encoding: .utf8)
        let manual = try String(contentsOf: Paths.repository.appendingPathComponent("docs/manual.md"), encoding: .utf8)
        for code in WarningCode.allCases.map(\.rawValue) {
            XCTAssertEqual(
                contract.components(separatedBy: "| `\(code)` |").count, 2, "\(code) in docs/contract.md's table")
            XCTAssertEqual(manual.components(separatedBy: "| \(code) |").count, 2, "\(code) in docs/manual.md's table")
        }
    }
}
