import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import LetterComposition
import TestSupport
import XCTest

/// A letter that may go by registered post: every case of "Letters you can send by
/// registered post" is refused, warned about or worded correctly, in both languages.
final class FactCheckTests: XCTestCase {
    static let content = try! ContentLoader.load(from: Paths.content)

    /// A farewell letter's answers, with `extra` lines replacing or adding to them.
    static func answers(_ extra: [String: String] = [:], invoices: [String] = []) -> String {
        var base: [String: String] = [
            "sender.name": "Claire Martin", "sender.city": "69003 Lyon", "client.kind": "entreprise",
            "client.company": "Société Dupont", "client.civility": "madame", "client.name": "Claire Dubois",
            "client.address": "5 avenue Foch", "client.city": "75008 Paris", "letter.tone": "neutre",
        ]
        base.merge(extra) { _, new in new }
        var lines = base.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
        lines += invoices.map { "letter.invoices = " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    struct Run {
        var status: Int32
        var letter: String
        var errors: String
        var json: [String: Any]?
    }

    static func letter(_ answers: String, date: String = "2026-11-29", lang: String = "fr", _ extra: [String] = [])
        -> Run
    {
        let terminal = ScriptedTerminal(stdin: answers)
        let app = App(terminal: terminal, environment: [:], content: content)
        let status = app.run(["letter", "--answers", "-", "--no-input", "--date", date, "--lang", lang] + extra)
        return Run(status: status, letter: terminal.stdout, errors: terminal.stderr, json: nil)
    }

    // MARK: errors: nothing is written

    func testFactsThatMakeTheLetterFalseAreErrors() {
        let cases: [(String, String, String)] = [
            (
                "end date before the letter", Self.answers(["letter.end_date": "2026-11-01"]),
                "antérieure à la date de la lettre"
            ),
            (
                "invoice of zero",
                Self.answers(["letter.unpaid": "oui"], invoices: ["F1 ; 01/09/2026 ; 0 ; 01/10/2026"]), "montant nul"
            ),
            (
                "due before the invoice",
                Self.answers(["letter.unpaid": "oui"], invoices: ["F1 ; 01/10/2026 ; 100 ; 01/09/2026"]),
                "avant sa date"
            ),
        ]
        for (name, answers, message) in cases {
            let run = Self.letter(answers)
            XCTAssertEqual(run.status, 65, name)
            XCTAssertEqual(run.letter, "", "\(name): nothing written")
            XCTAssertTrue(run.errors.contains(message), "\(name): \(run.errors)")
            XCTAssertTrue(run.errors.contains(fr("rien n’a été écrit")), name)
            let english = Self.letter(answers, lang: "en")
            XCTAssertEqual(english.status, 65, "\(name) in English")
            XCTAssertTrue(english.errors.contains("nothing was written"), english.errors)
        }
    }

    /// Issue 14: 92 234 invoices of 999 999 999 999,99 € overflowed the total (SIGILL).
    func testATotalTooLargeToNameIsAnErrorNotACrash() {
        let huge = "F ; 01/09/2026 ; 999999999999,99 ; 01/10/2026"
        // Past 1 000 invoices, a file is not a letter's (issue 22): refused while read.
        let tooMany = Self.letter(
            Self.answers(["letter.unpaid": "oui"], invoices: Array(repeating: huge, count: 92_234)))
        XCTAssertEqual(tooMany.status, 65)
        XCTAssertTrue(tooMany.errors.contains(fr("plus de 1000 factures pour une seule lettre")), tooMany.errors)
        for count in [2, 1_000] {
            let run = Self.letter(
                Self.answers(["letter.unpaid": "oui"], invoices: Array(repeating: huge, count: count)))
            XCTAssertEqual(run.status, 65, "\(count) invoices")
            XCTAssertEqual(run.letter, "", "\(count) invoices: nothing written")
            XCTAssertTrue(run.errors.contains(fr("les \(count) factures totalisent plus de")), run.errors)
            XCTAssertTrue(
                run.errors.contains("999\u{202F}999\u{202F}999\u{202F}999,99")
                    || run.errors.contains("999 999 999 999,99"),
                "the limit is named: \(run.errors)")
        }
        let largest = Self.letter(Self.answers(["letter.unpaid": "oui"], invoices: [huge]))
        XCTAssertEqual(largest.status, 0, "one invoice of the largest amount is a letter: \(largest.errors)")
        XCTAssertFalse(largest.letter.isEmpty)
    }

    func testAmbiguousOrMalformedNumbersAndDatesAreRefused() {
        for (id, value) in [
            ("letter.invoices", "F1 ; 01/09/2026 ; 12,345 ; 01/10/2026"), ("letter.penalty_rate", "1 000 000,999"),
            ("letter.contract_date", "01/-1/2026"), ("letter.contract_date", "+202-01-01"),
            ("letter.notice_days", "trente"),
        ] {
            let run = Self.letter(Self.answers([id: value, "letter.unpaid": "oui"]))
            XCTAssertEqual(run.status, 65, "\(id) = \(value)")
            XCTAssertTrue(
                run.errors.contains(":1:") || run.errors.contains("<") || run.errors.contains("-:"), run.errors)
        }
        let rate = Self.letter(
            Self.answers(
                ["letter.unpaid": "oui", "letter.penalty_rate": "10 %"],
                invoices: ["F1 ; 01/09/2026 ; 100 ; 01/10/2026"]))
        XCTAssertEqual(rate.status, 0, "a percent sign is accepted: \(rate.errors)")
        XCTAssertTrue(rate.letter.contains("au taux de 10,00\u{A0}% prévu par notre contrat"), rate.letter)
        for date in ["+202-01-01", "1899-12-31", "3000-01-01", "2026-02-30"] {
            XCTAssertEqual(Self.letter(Self.answers(), date: date).status, 64, "--date \(date)")
        }
        XCTAssertEqual(AnswerParser.parsePercent("12,5 %"), "12.50")
        XCTAssertNil(AnswerParser.parsePercent("10 €"), "a rate is not an amount")
        XCTAssertNil(AnswerParser.parsePercent("101"), "at most 100 %")
    }

    // MARK: warnings: the letter is written, the doubt said; --strict refuses it

    func testDoubtfulFactsAreWarningsAndStrictRefusesThem() throws {
        let cases: [(name: String, answers: String, code: String, french: String, letter: String)] = [
            (
                "end before the notice", Self.answers(["letter.end_date": "2026-12-10", "letter.notice_days": "30"]),
                "GW001",
                "au plus tôt le 1er janvier 2027", "prendra fin le 10 décembre 2026"
            ),
            (
                "no notice", Self.answers(["letter.notice_days": "0"]), "GW002", "art. 1211",
                "Cette décision prend effet à la réception de la présente."
            ),
            (
                "term passed", Self.answers(["letter.contract": "determinee", "letter.term_date": "2026-11-15"]),
                "GW003",
                "tacite reconduction", "est arrivé à son terme le 15 novembre 2026"
            ),
            (
                "invoice not yet due",
                Self.answers(["letter.unpaid": "oui"], invoices: ["F9 ; 15/11/2026 ; 300 ; 20/12/2026"]), "GW004",
                "n’échoit que le 20 décembre 2026", "arrive à échéance le 20 décembre 2026"
            ),
            (
                "rate below the floor",
                Self.answers(
                    ["letter.unpaid": "oui", "letter.penalty_rate": "5"],
                    invoices: ["F1 ; 01/09/2026 ; 100 ; 01/10/2026"]), "GW005", "7,86\u{A0}%",
                "au taux de 5,00\u{A0}% prévu"
            ),
            (
                "contract after the letter", Self.answers(["letter.contract_date": "2027-01-01"]), "GW006",
                "après la lettre",
                "contrat du 1er janvier 2027"
            ),
            (
                "registered without address", Self.answers(["client.address": "", "letter.registered": "oui"]), "GW007",
                "adresse complète", "Lettre recommandée"
            ),
            (
                "public buyer", Self.answers(["client.kind": "public", "client.company": "Mairie de Lyon"]), "GW008",
                "L.\u{A0}2195-1", "Mairie de Lyon"
            ),
            (
                "consumer without mediator", Self.answers(["client.kind": "particulier"]), "GW009", "L.\u{A0}616-1",
                "Madame,"
            ),
        ]
        for item in cases {
            let run = Self.letter(item.answers)
            XCTAssertEqual(run.status, 0, "\(item.name): \(run.errors)")
            XCTAssertTrue(run.letter.contains(item.letter), "\(item.name):\n\(run.letter)")
            let warning = run.errors.split(separator: "\n").first { $0.hasPrefix("goodbye: attention\u{A0}: ") }
            XCTAssertNotNil(warning, "\(item.name): \(run.errors)")
            XCTAssertTrue(run.errors.contains(item.french), "\(item.name): \(run.errors)")
            let english = Self.letter(item.answers, lang: "en")
            XCTAssertTrue(english.errors.contains("goodbye: warning: "), "\(item.name): \(english.errors)")
            let strict = Self.letter(item.answers, ["--strict"])
            XCTAssertEqual(strict.status, 65, "\(item.name): --strict refuses")
            XCTAssertEqual(strict.letter, "", "\(item.name): --strict writes nothing")
            // The JSON report of a whole run carries the warning's stable code.
            // Two engagement signs: leave, for a reason other than payment.
            let terminal = ScriptedTerminal(
                stdin: signAnswers(Signs.mask("engagement.no_feedback", "engagement.no_internal_signoff"))
                    + "letter.want = oui\n" + item.answers)
            let app = App(terminal: terminal, environment: [:], content: Self.content)
            XCTAssertEqual(
                app.run(["run", "--answers", "-", "--no-input", "--format", "json", "--date", "2026-11-29"]), 0,
                terminal.stderr)
            let object = try XCTUnwrap(
                try JSONSerialization.jsonObject(with: Data(terminal.stdout.utf8)) as? [String: Any])
            let codes = (object["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            XCTAssertTrue(codes.contains(item.code), "\(item.name): \(codes)")
        }
        let clean = Self.letter(Self.answers())
        XCTAssertEqual(clean.errors, "", "an ordinary letter has no warning")
    }

    // MARK: wording

    func testRatesFollowTheHalfYearOfTheLatenessNotTheLetter() {
        let answers = Self.answers(
            ["letter.unpaid": "oui", "letter.tone": "ferme"], invoices: ["F1 ; 01/03/2025 ; 500 ; 31/03/2025"])
        let run = Self.letter(answers, date: "2025-10-15")
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(
            run.letter.contains("au taux de 13,15\u{A0}%"), "ECB 3,15 % on 1 January 2025 + 10 points:\n\(run.letter)")
        let second = Self.letter(
            Self.answers(["letter.unpaid": "oui"], invoices: ["F1 ; 01/06/2025 ; 500 ; 31/07/2025"]),
            date: "2025-10-15")
        XCTAssertTrue(second.letter.contains("au taux de 12,15\u{A0}%"), second.letter)
        let unchecked = Self.letter(
            Self.answers(["letter.unpaid": "oui"], invoices: ["F1 ; 01/08/2026 ; 500 ; 31/08/2026"]))
        XCTAssertTrue(unchecked.letter.contains("au taux prévu par cet article"), "2026-H2 is not checked: no figure")
        let buyer = Self.letter(
            Self.answers(
                ["letter.unpaid": "oui", "client.kind": "public", "client.company": "Mairie"],
                invoices: ["F1 ; 01/03/2025 ; 500 ; 31/03/2025"]), date: "2025-10-15")
        XCTAssertTrue(
            buyer.letter.contains("intérêts moratoires au taux de 11,15\u{A0}%"),
            "public buyers: + 8 points:\n\(buyer.letter)")
        XCTAssertTrue(
            buyer.letter.contains("L.\u{A0}2192-13") && !buyer.letter.contains("L.\u{A0}441-10"), buyer.letter)
        let table = Self.content.rates
        XCTAssertEqual(table.periods.count, 24, "every half-year from 2015 to 2026")
        XCTAssertNil(table.period(on: CivilDate(year: 2026, month: 8, day: 1)!), "2026-H2 is unchecked")
        XCTAssertEqual(table.legalPeriod(on: CivilDate(year: 2026, month: 1, day: 1)!)?.otherRate, 262)
    }

    func testWordingALawyerWouldNotCorrect() {
        let months = Self.letter(Self.answers(["letter.notice_days": "2 mois", "letter.notice_clause": "clause 11"]))
        XCTAssertTrue(
            months.letter.contains("l’article 11 de notre contrat, qui prévoit un préavis de 2\u{A0}mois"),
            months.letter)
        XCTAssertTrue(
            months.letter.contains("prendra fin le 2 février 2027"), "2 calendar months after receipt on 2 December")
        let one = Self.letter(Self.answers(["letter.notice_days": "1"]))
        XCTAssertTrue(one.letter.contains("un préavis d’un jour à compter de la réception"), one.letter)
        for clause in ["art 8", "Art. 8", "article 8", "l'article 8", "§ 8", "clause 8"] {
            let run = Self.letter(Self.answers(["letter.notice_clause": clause]))
            XCTAssertTrue(
                run.letter.contains("Conformément à l’article 8 de notre contrat"), "\(clause): \(run.letter)")
            let english = Self.letter(Self.answers(["letter.notice_clause": clause]), lang: "en")
            XCTAssertTrue(
                english.letter.contains("In accordance with clause 8 of our contract"), "\(clause): \(english.letter)")
        }
        let apostrophes = Self.letter(
            Self.answers(["client.company": "L'Atelier d'en face", "sender.email": "o'neil@example.fr"]))
        XCTAssertTrue(apostrophes.letter.contains("L’Atelier d’en face"), apostrophes.letter)
        XCTAssertTrue(apostrophes.letter.contains("o'neil@example.fr"), "an e-mail address keeps its apostrophe")
        let untitled = Self.letter(
            Self.answers(["client.civility": "sans_titre", "client.name": "Marie-Hélène de La Tour d'Auvergne"]))
        XCTAssertTrue(untitled.letter.contains("\nBonjour Marie-Hélène de La Tour d’Auvergne,\n"), untitled.letter)
        XCTAssertTrue(
            untitled.letter.contains("Je vous prie d’agréer mes salutations distinguées."), "the closing names nobody")
        let proBono = Self.letter(Self.answers(["payment.pro_bono": "oui", "letter.handover": "oui"]))
        XCTAssertTrue(
            proBono.letter.contains("les livrables réalisés") && !proBono.letter.contains("réglés"), proBono.letter)
        let tired = Self.letter(
            Self.answers([
                "letter.mention_reasons": "oui", "exhaustion.drained": "oui",
                "exhaustion.odd_hours": "oui",
            ]))
        XCTAssertFalse(tired.letter.contains("qualité"), "no admission of poor service: \(tired.letter)")
        let firm = Self.letter(
            Self.answers(
                ["letter.unpaid": "oui", "letter.tone": "ferme"], invoices: ["F1 ; 01/09/2026 ; 100 ; 01/10/2026"]))
        XCTAssertTrue(firm.letter.contains("La présente vaut mise en demeure de payer."), firm.letter)
        XCTAssertTrue(
            firm.letter.contains(
                "dans un délai de 15\u{A0}jours à compter de la réception de la présente, soit au plus tard le 17 décembre 2026"
            ),
            firm.letter)
        let cordial = Self.letter(
            Self.answers(
                ["letter.unpaid": "oui", "letter.tone": "cordial", "sender.gender": "feminin"],
                invoices: ["F1 ; 01/09/2026 ; 100 ; 01/10/2026"]))
        XCTAssertFalse(cordial.letter.contains("heureuse"), "no warm thanks next to penalties")
        let half = Self.letter(
            Self.answers(
                ["letter.unpaid": "oui", "letter.penalty_rate": "12,5"],
                invoices: ["F1 ; 01/09/2026 ; 100 ; 01/10/2026"]))
        // Issue 21: rates with two decimals always, as the lawyer asked (10,00 %, 12,50 %).
        XCTAssertTrue(half.letter.contains("au taux de 12,50\u{A0}% prévu"), "12,50 %, two decimals: \(half.letter)")
        let ei = Self.letter(Self.answers(["sender.legal_form": "ei"]))
        XCTAssertTrue(ei.letter.hasPrefix("Claire Martin (entrepreneur individuel)\n"), ei.letter)
        let other = Self.letter(Self.answers(["sender.legal_form": "autre"]))
        XCTAssertTrue(other.letter.hasPrefix("Claire Martin\n"), other.letter)
        // A company: its identity block (C. com. R. 123-237), « nous », a person and their function under the letter.
        let company = Self.letter(
            Self.answers([
                "sender.legal_form": "societe", "sender.company": "Atelier Lumen", "sender.company_form": "SARL",
                "sender.capital": "5000", "sender.rcs": "RCS Lyon 812 345 676", "sender.function": "gérante",
            ]))
        XCTAssertEqual(company.status, 0, company.errors)
        XCTAssertTrue(
            company.letter.hasPrefix(
                "Atelier Lumen\nSARL au capital de 5\u{202F}000\u{A0}€\nSiège social\u{A0}: 69003 Lyon\nRCS Lyon 812 345 676\n"
            ),
            company.letter)
        XCTAssertTrue(company.letter.contains("Nous vous informons par la présente de notre décision"), company.letter)
        XCTAssertTrue(company.letter.contains("\nClaire Martin\nGérante\n"), company.letter)
        XCTAssertFalse(company.letter.contains(" je ") || company.letter.contains("Je "), company.letter)
        let unnamed = Self.letter(Self.answers(["sender.legal_form": "societe"]))
        XCTAssertEqual(unnamed.status, 65, "a company is named: \(unnamed.errors)")
        XCTAssertTrue(unnamed.errors.contains("sender.company"), unnamed.errors)
        let mediator = Self.letter(
            Self.answers(["client.kind": "particulier", "client.mediator": "CM2C, www.cm2c.net"]))
        XCTAssertTrue(
            mediator.letter.contains("médiateur de la consommation dont je relève\u{A0}: CM2C"), mediator.letter)
        XCTAssertFalse(
            mediator.errors.contains("attention"), "no warning once the mediator is named: \(mediator.errors)")
    }

    /// `goodbye run` drafts no farewell letter for "talk": it offers the talk message,
    /// and a letter.want in an answer file is noted as ignored, never used.
    func testTheDecisionAndTheLetterAgree() {
        let answers = Signs.mask("engagement.no_feedback")
        let terminal = ScriptedTerminal(
            stdin: signAnswers(answers) + "letter.want = oui\ntalk.want = oui\n" + Self.answers())
        let app = App(terminal: terminal, environment: [:], content: Self.content)
        XCTAssertEqual(app.run(["run", "--answers", "-", "--no-input", "--date", "2026-11-29"]), 0, terminal.stderr)
        XCTAssertTrue(terminal.stdout.contains("proposition d’échange sur notre collaboration"), terminal.stdout)
        XCTAssertFalse(terminal.stdout.contains("mettre fin à notre collaboration"))
        XCTAssertTrue(terminal.stderr.contains(fr("« letter.want » est ignorée")), terminal.stderr)
        XCTAssertFalse(terminal.stderr.contains("client.name"), "used answers are never said to be ignored")
        // A short message asks neither the tone nor the postal details.
        let notAsked = [
            "letter.tone", "sender.business", "sender.address", "sender.city", "sender.siret", "sender.gender",
            "client.kind", "client.address", "client.city",
        ]
        var talk =
            Self.answers().split(separator: "\n").filter { line in !notAsked.contains { line.hasPrefix($0 + " ") } }
            .joined(separator: "\n") + "\n"
        talk += "engagement.no_reply = oui\nreluctance.no_desire = oui\n"
        let letter = Self.letter(talk, ["--kind", "talk"])
        XCTAssertEqual(letter.status, 0, letter.errors)
        XCTAssertTrue(
            letter.letter.contains("–\u{A0}nos échanges"), "the topics come from the signs given: \(letter.letter)")
        XCTAssertEqual(letter.errors, "", "signs given to goodbye letter are used, not ignored")
    }

    /// The new wording and every warning and error, through check-french.
    func testTheNewWordingAndMessagesPassTheFrenchCheckers() throws {
        try requireTools(missingFrenchCheckers, for: "French checks (check-french)")
        var texts: [String: String] = [:]
        let answers: [String: String] = [
            "months": Self.answers(["letter.notice_days": "2 mois", "letter.notice_clause": "§ 4"]),
            "one-day": Self.answers(["letter.notice_days": "1"]),
            "no-notice": Self.answers(["letter.notice_days": "0", "letter.end_date": "2026-12-10"]),
            "term-passed": Self.answers([
                "letter.contract": "determinee", "letter.term_date": "2026-11-15", "letter.contract_date": "2027-01-01",
            ]),
            "upcoming": Self.answers(
                ["letter.unpaid": "oui", "letter.tone": "cordial", "letter.penalty_rate": "5"],
                invoices: ["2026-070 ; 15/11/2026 ; 300 ; 20/12/2026", "2026-041 ; 01/09/2026 ; 100 ; 01/10/2026"]),
            "public": Self.answers(
                ["client.kind": "public", "client.company": "Mairie", "letter.unpaid": "oui", "client.address": ""],
                invoices: ["F1 ; 01/09/2026 ; 100 ; 01/10/2026"]),
            "consumer": Self.answers(
                ["client.kind": "particulier", "letter.unpaid": "oui", "letter.tone": "ferme"],
                invoices: ["F1 ; 01/09/2026 ; 100 ; 01/10/2026"]),
            "errors": Self.answers(
                ["letter.end_date": "2026-11-01", "letter.unpaid": "oui"],
                invoices: ["F1 ; 01/10/2026 ; 0 ; 01/09/2026"]),
        ]
        for (name, text) in answers {
            let run = Self.letter(text)
            texts[name] = run.letter + FrenchTests.prose(run.errors)
        }
        let talk = Self.letter(
            Self.answers() + "engagement.no_reply = oui\nexhaustion.drained = oui\n", ["--kind", "talk"])
        texts["talk"] = talk.letter
        try assertFrench(texts, words: ["Dupont", "Dubois", "Foch", "SIRET"])
    }

    /// Every question of the farewell letter answered: a terminal is asked nothing else.
    static let completeAnswers = answers([
        "sender.legal_form": "ei", "sender.business": "", "sender.address": "1 rue", "sender.siret": "",
        "sender.email": "", "client.email": "",
        "sender.gender": "neutre", "letter.contract_date": "", "letter.contract": "indeterminee",
        "letter.notice_days": "30",
        "letter.notice_clause": "", "letter.end_date": "2027-01-01", "letter.registered": "oui",
        "letter.handover": "oui",
        "letter.personal_data": "non", "letter.unpaid": "non", "letter.mention_reasons": "non",
        "reflection.want": "non",
    ])

    /// At a terminal, doubtful facts are shown before the letter, and the person may
    /// change the answer behind one; Enter drafts the letter as it is.
    func testAtATerminalAWarningLeadsBackToItsQuestion() {
        // Every question answered, so that the terminal is asked about the warnings only.
        let file = Self.answers([
            "letter.notice_days": "0", "letter.end_date": "2026-12-02", "sender.legal_form": "ei",
            "sender.business": "",
            "sender.address": "1 rue", "sender.siret": "", "sender.email": "", "client.email": "",
            "sender.gender": "neutre", "letter.contract_date": "",
            "letter.contract": "indeterminee", "letter.notice_clause": "", "letter.registered": "oui",
            "letter.handover": "oui",
            "letter.personal_data": "non", "letter.unpaid": "non", "letter.mention_reasons": "non",
            "reflection.want": "non",
        ])
        let terminal = ScriptedTerminal(lines: ["1", "30", ""], interactive: true)
        let app = App(terminal: terminal, environment: [:], content: Self.content)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("goodbye-warn-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("r.txt")
        try? file.write(to: answers, atomically: true, encoding: .utf8)
        let status = app.run([
            "letter", "--answers", answers.path, "--date", "2026-11-29", "-o",
            folder.appendingPathComponent("l.txt").path,
        ])
        XCTAssertEqual(status, 0, terminal.stderr)
        let screen = terminal.stdout + terminal.stderr
        XCTAssertTrue(screen.contains("quelques points à vérifier"), screen)
        XCTAssertTrue(screen.contains("1. Sans préavis"), "the notice warning, numbered")
        XCTAssertTrue(screen.contains("Quel préavis respecter"), "back to the notice question")
        XCTAssertTrue(screen.contains("préavis de 30\u{A0}jours, qui court"), "then the end date is doubtful")
        let letter = (try? String(contentsOf: folder.appendingPathComponent("l.txt"), encoding: .utf8)) ?? ""
        XCTAssertTrue(letter.contains("un préavis de 30\u{A0}jours à compter de la réception"), letter)
        XCTAssertTrue(letter.contains("prendra fin le 2 décembre 2026"), "Enter kept the end date as it was")
    }
}
