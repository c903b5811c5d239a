import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// The families a business lawyer found in the letters of the whole ladder (issue 21),
/// one test per family, each on the letter as a user gets it.
final class LawyerReadingTests: XCTestCase {
    /// A letter of `kind` on `date`, its text with plain spaces (the no-break spaces are
    /// the golden letters' and the French checks' business).
    func letter(
        _ extra: [String: String], invoices: [String], kind: String, date: String = "2026-11-29", lang: String = "fr",
        _ options: [String] = []
    ) -> FactCheckTests.Run {
        let terminal = ScriptedTerminal(stdin: FactCheckTests.answers(extra, invoices: invoices))
        let app = App(terminal: terminal, environment: [:], content: FactCheckTests.content)
        let status = app.run(
            ["letter", "--kind", kind, "--answers", "-", "--no-input", "--date", date, "--lang", lang] + options)
        func plain(_ text: String) -> String {
            text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        }
        return FactCheckTests.Run(
            status: status, letter: plain(terminal.stdout), errors: plain(terminal.stderr), json: nil)
    }

    static let consumer = [
        "client.kind": "particulier", "client.name": "Camille Dubois", "client.mediator": "CM2C, www.cm2c.net",
    ]

    // MARK: Consumers

    /// Legal interest from the first formal notice, the notice named and the period
    /// given; never penalties, L. 441-10 or 40 €.
    func testAConsumerOwesInterestFromTheEarlierNoticeNamedInTheLetter() {
        // 1 000,00 € due 14 Feb 2026; notice of 1 March received on the 4th; letter of 1 June:
        // 4 March–1 June = 90 days at the legal rate "other cases" of 2026-H1, 2,62 %:
        // 1000 × 0,0262 × 90 / 365 = 6,460… → 6,46 €.
        let notice = letter(
            Self.consumer.merging(["dunning.notice_date": "2026-03-01"]) { _, new in new },
            invoices: ["F1;2026-01-15;1000.00;2026-02-14"], kind: "formal-notice", date: "2026-06-01")
        XCTAssertEqual(notice.status, 0, notice.errors)
        XCTAssertTrue(
            notice.letter.contains("intérêts au taux légal de 2,62 % depuis le 4 mars 2026 : 6,46 €."), notice.letter)
        XCTAssertTrue(
            notice.letter.contains("Total dû : 1 006,46 €, dont 1 000,00 € en principal et 6,46 € d’intérêts."),
            notice.letter)
        XCTAssertTrue(
            notice.letter.contains("depuis la réception de ma mise en demeure du 1er mars 2026, et jusqu’au paiement"),
            notice.letter)
        XCTAssertTrue(notice.letter.hasPrefix("Claire Martin"), notice.letter)
        XCTAssertTrue(
            notice.letter.contains("Malgré ma mise en demeure du 1er mars 2026,"),
            "the step named, not « mes relances »")
        for never in [
            "L. 441-10", "pénalités", "40,00 €", "40 €",
            "intérêts au taux légal à compter de la réception de la présente",
        ] {
            XCTAssertFalse(notice.letter.contains(never), never)
        }
        let english = letter(
            Self.consumer.merging(["dunning.notice_date": "2026-03-01"]) { _, new in new },
            invoices: ["F1;2026-01-15;1000.00;2026-02-14"], kind: "formal-notice", date: "2026-06-01", lang: "en")
        XCTAssertTrue(english.letter.contains("since 4 March 2026"), english.letter)
        XCTAssertFalse(english.letter.contains("L. 441-10") || english.letter.contains("penalt"), english.letter)
        // A suspension to a consumer: « hors intérêts ».
        let suspension = letter(
            Self.consumer.merging(["dunning.notice_date": "2026-03-01"]) { _, new in new },
            invoices: ["F1;2026-01-15;1000.00;2026-02-14", "F2;2026-02-01;200.00;2026-03-03"], kind: "suspension",
            date: "2026-06-01")
        XCTAssertEqual(suspension.status, 0, suspension.errors)
        XCTAssertTrue(
            suspension.letter.contains("Le montant total restant dû s’élève à 1 200,00 €, hors intérêts."),
            suspension.letter)
        XCTAssertFalse(suspension.letter.contains("pénalités"), suspension.letter)
    }

    /// Limitation (C. consom. L. 218-2): two years from the invoice; past the date, the
    /// past tense, and no threat of proceedings.
    func testATimeBarredClaimIsSaidInThePastAndThreatensNothing() throws {
        let barred = letter(
            Self.consumer, invoices: ["F1;2024-01-10;300.00;2024-02-09"], kind: "formal-notice", date: "2026-06-01")
        XCTAssertEqual(barred.status, 0, barred.errors)
        XCTAssertTrue(
            barred.errors.contains("GW010") || barred.errors.contains("a expiré le 10 janvier 2026"), barred.errors)
        XCTAssertTrue(
            barred.errors.contains("le délai de prescription de la facture n° F1 a expiré le 10 janvier 2026"),
            barred.errors)
        for threat in ["injonction de payer", "commissaire de justice", "À défaut de règlement"] {
            XCTAssertFalse(barred.letter.contains(threat), "\(threat):\n\(barred.letter)")
        }
        let farewell = letter(
            Self.consumer.merging(["letter.unpaid": "oui", "letter.tone": "ferme"]) { _, new in new },
            invoices: ["F1;2024-01-10;300.00;2024-02-09"], kind: "farewell", date: "2026-06-01")
        XCTAssertFalse(farewell.letter.contains("À défaut de règlement"), farewell.letter)
        // Within three months of the date: the future tense, and the threat stays.
        let near = letter(
            Self.consumer, invoices: ["F1;2024-07-10;300.00;2024-08-09"], kind: "formal-notice", date: "2026-06-01")
        XCTAssertTrue(near.errors.contains("expire le 10 juillet 2026 (2 ans après la prestation"), near.errors)
        XCTAssertTrue(near.letter.contains("injonction de payer"), near.letter)
        // A public buyer: four years from the 1 January after the invoice's year (loi n° 68-1250).
        let mairie = letter(
            ["client.kind": "public", "client.company": "Mairie de Lyon"],
            invoices: ["F1;2022-03-01;300.00;2022-03-31"],
            kind: "formal-notice", date: "2026-11-29")
        XCTAssertTrue(
            mairie.errors.contains(
                "expire le 31 décembre 2026 (4 ans à compter du 1er janvier qui suit l’année de la facture"),
            mairie.errors)
        // A business client: five years from the due date.
        let business = letter(
            [:], invoices: ["F1;2021-09-01;300.00;2021-10-01"], kind: "formal-notice", date: "2026-11-29")
        XCTAssertTrue(
            business.errors.contains("a expiré le 1er octobre 2026 (5 ans après son échéance"), business.errors)
        XCTAssertFalse(business.letter.contains("injonction de payer"), business.letter)
    }

    // MARK: Facts that make a letter false, doubtful ones

    /// An invoice not yet due is never in a formal notice's demand, never « échue »;
    /// the warning says what the letter does; with nothing due, no such letter.
    func testAnInvoiceNotYetDueIsLeftOutOfTheDemand() {
        let invoices = ["F1;2026-09-15;1250.00;2026-10-15", "F2;2026-11-20;600.00;2026-12-20"]
        let notice = letter(
            [:], invoices: invoices, kind: "formal-notice", date: "2026-11-29", ["--rates", try! ratesFile()])
        XCTAssertEqual(notice.status, 0, notice.errors)
        XCTAssertFalse(notice.letter.contains("F2"), notice.letter)
        XCTAssertTrue(
            notice.letter.contains("facture n° F1 du 15 septembre 2026, échue le 15 octobre 2026 : 1 250,00 €"),
            notice.letter)
        XCTAssertTrue(
            notice.errors.contains(
                "la facture n° F2 n’échoit que le 20 décembre 2026 : elle n’est pas encore exigible, et la lettre la laisse de côté"
            ),
            notice.errors)
        for kind in ["final-reminder", "suspension"] {
            let run = letter(["dunning.notice_date": "2026-10-20"], invoices: invoices, kind: kind, date: "2026-11-29")
            XCTAssertEqual(run.status, 0, "\(kind): \(run.errors)")
            XCTAssertFalse(run.letter.contains("F2"), "\(kind):\n\(run.letter)")
        }
        let nothing = letter(
            [:], invoices: ["F2;2026-11-20;600.00;2026-12-20"], kind: "formal-notice", date: "2026-11-29")
        XCTAssertEqual(nothing.status, 65, nothing.errors)
        XCTAssertTrue(nothing.errors.contains("aucune facture n’est échue au 29 novembre 2026"), nothing.errors)
        XCTAssertEqual(nothing.letter, "", "nothing written")
        // A friendly reminder names it, « à échéance du ».
        let reminder = letter([:], invoices: invoices, kind: "reminder", date: "2026-11-29")
        XCTAssertTrue(
            reminder.letter.contains("facture n° F2 du 20 novembre 2026, à échéance du 20 décembre 2026"),
            reminder.letter)
        XCTAssertFalse(reminder.letter.contains("échue le 20 décembre"), reminder.letter)
    }

    /// A suspension says the notice « restée sans effet »: only true once its delay has run.
    func testASuspensionBeforeTheNoticesDelayHasRunIsWarned() {
        // Notice of 20 November, received on the 23rd, 15 days to pay: until 8 December.
        let early = letter(
            ["dunning.notice_date": "2026-11-20"], invoices: [LetterFactsTests.invoice], kind: "suspension",
            date: "2026-11-29")
        XCTAssertEqual(early.status, 0, early.errors)
        XCTAssertTrue(
            early.errors.contains(
                "votre mise en demeure du 20 novembre 2026 n’a peut-être pas encore produit son effet"), early.errors)
        XCTAssertTrue(early.errors.contains("soit jusqu’au 8 décembre 2026"), early.errors)
        let strict = letter(
            ["dunning.notice_date": "2026-11-20"], invoices: [LetterFactsTests.invoice], kind: "suspension",
            date: "2026-11-29",
            ["--strict"])
        XCTAssertEqual(strict.status, 65, strict.errors)
        let late = letter(
            ["dunning.notice_date": "2026-10-01"], invoices: [LetterFactsTests.invoice], kind: "suspension",
            date: "2026-11-29")
        XCTAssertFalse(late.errors.contains("produit son effet"), late.errors)
    }

    /// A part-paid invoice: the invoice's total and what remains, never « impayée ».
    func testAPartPaidInvoiceSaysWhatRemains() {
        let paidInPart = "F1;2026-09-01;1500.00;2026-10-01;750.00"
        let farewell = letter(["letter.unpaid": "oui"], invoices: [paidInPart], kind: "farewell")
        XCTAssertEqual(farewell.status, 0, farewell.errors)
        XCTAssertTrue(
            farewell.letter.contains(
                "la facture n° F1 du 1er septembre 2026, échue le 1er octobre 2026, d’un montant de 1 500,00 €, n’a été réglée qu’en partie : reste dû : 750,00 €."
            ),
            farewell.letter)
        XCTAssertFalse(farewell.letter.contains("reste impayée"), farewell.letter)
        let reminder = letter([:], invoices: [paidInPart, "F2;2026-09-15;200.00;2026-10-15"], kind: "reminder")
        XCTAssertTrue(
            reminder.letter.contains(
                "facture n° F1 du 1er septembre 2026, d’un montant de 1 500,00 €, échue le 1er octobre 2026, reste dû : 750,00 €"
            ),
            reminder.letter)
        XCTAssertTrue(reminder.letter.contains("950,00 €"), "the total is what remains: \(reminder.letter)")
        let above = letter([:], invoices: ["F1;2026-09-01;500.00;2026-10-01;750.00"], kind: "reminder")
        XCTAssertEqual(above.status, 65, above.errors)
        XCTAssertTrue(
            above.errors.contains("le reste dû (750,00 €) dépasse le montant de la facture (500,00 €)"), above.errors)
        // An empty fifth field is the whole invoice.
        let whole = letter([:], invoices: ["F1;2026-09-01;500.00;2026-10-01;"], kind: "reminder")
        XCTAssertEqual(whole.status, 0, whole.errors)
        XCTAssertFalse(whole.letter.contains("reste dû"), whole.letter)
    }

    // MARK: Wording

    /// Two decimals always; equal consecutive rates merged, the days given per period.
    func testRatesHaveTwoDecimalsAndEqualPeriodsAreMerged() {
        // Due 31 May 2025, letter of 15 June 2026: 30 days of 2025-H1 at 13,15 % (ECB 3,15 + 10), then 2025-H2 and
        // 2026-H1 both at 12,15 % (ECB 2,15 + 10): 184 + 166 = 350 days. 1000 × (0,1315 × 30 + 0,1215 × 350) / 365
        // = 127,315… → 127,32 €.
        let run = letter([:], invoices: ["F1;2025-05-01;1000.00;2025-05-31"], kind: "formal-notice", date: "2026-06-15")
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(
            run.letter.contains(
                "pénalités aux taux successifs de 13,15 % sur 30 jours puis 12,15 % sur 350 jours : 127,32 €"),
            run.letter)
        let contract = letter(
            ["letter.penalty_rate": "10"], invoices: ["F1;2026-03-01;100.00;2026-03-31"], kind: "formal-notice",
            date: "2026-06-01")
        XCTAssertTrue(contract.letter.contains("pénalités au taux de 10,00 % : "), contract.letter)
        XCTAssertFalse(contract.letter.contains("de 10 %"), contract.letter)
    }

    /// The program's own addressee line never pushes the address past 38 characters.
    func testTheAddresseeStandsOnTheirOwnLine() {
        // « À l’attention de Madame Claire Dubois-Lefebvre » would be 46 characters.
        let run = letter(
            ["client.name": "Claire Dubois-Lefebvre", "letter.unpaid": "oui"], invoices: [LetterFactsTests.invoice],
            kind: "formal-notice")
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(
            run.letter.contains("\nSociété Dupont\nMadame Claire Dubois-Lefebvre\n5 avenue Foch\n75008 PARIS\n"),
            run.letter)
        XCTAssertFalse(run.errors.contains("38"), run.errors)
    }

    /// English: the surname kept whole; « Dear Sir or Madam » with « Yours faithfully ».
    func testEnglishSurnamesAndTheClosingThatGoesWithTheSalutation() {
        for (name, civility, salutation) in [
            ("Anne Le Gall", "madame", "Dear Ms Le Gall,"),
            ("Jean de La Fontaine", "monsieur", "Dear Mr de La Fontaine,"),
        ] {
            let run = letter(
                ["client.name": name, "client.civility": civility], invoices: [LetterFactsTests.invoice],
                kind: "reminder",
                lang: "en")
            XCTAssertTrue(run.letter.contains("\n\(salutation)\n"), run.letter)
        }
        for tone in ["cordial", "neutre"] {
            let unnamed = letter(
                ["client.civility": "organisme", "letter.tone": tone], invoices: [], kind: "farewell",
                lang: "en")
            XCTAssertTrue(unnamed.letter.contains("\nDear Sir or Madam,\n"), unnamed.letter)
            XCTAssertTrue(unnamed.letter.contains("\nYours faithfully,\n"), "\(tone): \(unnamed.letter)")
        }
    }

    // MARK: The second reading (a lawyer's review of the whole ladder, company and EI)

    static let company = [
        "sender.legal_form": "societe", "sender.company": "Atelier Lumen", "sender.company_form": "SARL",
        "sender.capital": "5000", "sender.rcs": "RCS Lyon 812 345 676", "sender.function": "gérante",
    ]

    /// An invoice issued after the reminders was not in them; an overdue invoice never
    /// gets a later date to be paid by.
    func testOverdueAndUpcomingInvoicesAreAskedForEachByItsOwnDate() {
        let invoices = ["F-1;2026-09-01;600.00;2026-10-01", "F-3;2026-11-20;400.00;2026-12-20"]
        let steps = ["dunning.reminder_date": "2026-10-25", "letter.unpaid": "oui", "letter.tone": "ferme"]
        let farewell = letter(steps, invoices: invoices, kind: "farewell")
        XCTAssertEqual(farewell.status, 0, farewell.errors)
        XCTAssertTrue(
            farewell.letter.contains("La facture échue reste due malgré ma relance du 25 octobre 2026."),
            farewell.letter)
        XCTAssertFalse(farewell.letter.contains("Ces sommes restent dues malgré"), "F-3 was not in the reminder")
        XCTAssertTrue(
            farewell.letter.contains(
                "Je vous demande de régler la facture échue dans un délai de 15 jours à compter de la réception de la présente, soit au plus tard le 17 décembre 2026, et l’autre à son échéance. La présente vaut mise en demeure de payer la facture échue."
            ),
            farewell.letter)
        let reminder = letter([:], invoices: invoices, kind: "reminder")
        XCTAssertTrue(
            reminder.letter.contains(
                "régler la facture échue dans un délai de 15 jours à compter de la réception de ce courrier, soit au plus tard le 17 décembre 2026, et l’autre à son échéance."
            ),
            reminder.letter)
        XCTAssertFalse(reminder.letter.contains("à l’échéance de la dernière facture"), reminder.letter)
        let english = letter([:], invoices: invoices, kind: "reminder", lang: "en")
        XCTAssertTrue(
            english.letter.contains(
                "settle the overdue invoice within 15 days of receiving this letter, that is by 17 December 2026, and the other one when due."
            ),
            english.letter)
    }

    /// The part of the penalties with a figure shows its rates and days, so the debtor can check it.
    func testTheKnownPartOfThePenaltiesShowsItsRates() {
        // Due 31 May 2025, letter of 29 November 2026, 2026-H2 unknown: 30 days at 13,15 % then 365 at 12,15 % on 750 €:
        // 750 × (0,1315 × 30 + 0,1215 × 365) / 365 = 99,229… → 99,23 €.
        let run = letter([:], invoices: ["F-1;2025-05-01;1500.00;2025-05-31;750.00"], kind: "formal-notice")
        XCTAssertTrue(
            run.letter.contains(
                "pénalités jusqu’au 30 juin 2026, aux taux successifs de 13,15 % sur 30 jours puis 12,15 % sur 365 jours : 99,23 €"
            ),
            run.letter)
        let english = letter(
            [:], invoices: ["F-1;2025-05-01;1500.00;2025-05-31;750.00"], kind: "formal-notice", lang: "en")
        XCTAssertTrue(
            english.letter.contains(
                "penalties up to 30 June 2026, at 13.15% for 30 days, then 12.15% for 365 days: €99.23"), english.letter
        )
    }

    /// A public buyer's contract is administrative: neither C. civ. 1344 nor 1219 and 1220.
    func testAPublicBuyersLettersDoNotRelyOnTheCivilCode() {
        let mairie = ["client.kind": "public", "client.company": "Mairie de Lyon", "dunning.notice_date": "2026-10-01"]
        let notice = letter(mairie, invoices: [LetterFactsTests.invoice], kind: "formal-notice")
        XCTAssertTrue(notice.letter.contains("La présente lettre vaut mise en demeure.\n"), notice.letter)
        XCTAssertTrue(notice.letter.contains("le juge des référés du tribunal administratif"), notice.letter)
        XCTAssertFalse(notice.letter.contains("Code civil"), notice.letter)
        let suspension = letter(mairie, invoices: [LetterFactsTests.invoice], kind: "suspension")
        XCTAssertFalse(suspension.letter.contains("1219"), suspension.letter)
        XCTAssertTrue(suspension.errors.contains("art. 1219"), "GW017 says why: \(suspension.errors)")
        let english = letter(mairie, invoices: [LetterFactsTests.invoice], kind: "suspension", lang: "en")
        XCTAssertTrue(english.letter.contains("Accordingly, I hereby notify you"), english.letter)
    }

    /// A company speaks in its own name; a SARL names its capital (C. com. R. 123-238).
    func testACompanyWritesWeAndNamesItsCapital() {
        for kind in ["farewell", "reminder", "final-reminder", "formal-notice", "suspension"] {
            for lang in ["fr", "en"] {
                let run = letter(
                    Self.company.merging(["letter.unpaid": "oui", "dunning.notice_date": "2026-10-01"]) { _, new in new
                    },
                    invoices: [LetterFactsTests.invoice], kind: kind, lang: lang)
                XCTAssertEqual(run.status, 0, "\(kind) \(lang): \(run.errors)")
                let body = run.letter.components(separatedBy: "\n").dropFirst(8).joined(separator: "\n")
                let singular =
                    lang == "fr"
                    ? [" je ", "Je ", " j’", "J’", " ma ", "Ma ", " mes ", "Mes ", " me ", " moi"]
                    : [" I ", "I ", " my ", "My ", " me "]
                for word in singular {
                    XCTAssertFalse(body.contains(word), "\(kind) \(lang): « \(word) »\n\(body)")
                }
                XCTAssertTrue(
                    run.letter.contains("\nClaire Martin\nGérante\n"),
                    "\(kind) \(lang): signed by the person and their function")
                XCTAssertTrue(run.letter.hasPrefix("Atelier Lumen\nSARL"), "\(kind) \(lang): the company's block")
            }
        }
        let noCapital = letter(
            Self.company.merging(["sender.capital": ""]) { _, new in new }, invoices: [], kind: "farewell")
        XCTAssertEqual(noCapital.status, 0, noCapital.errors)
        XCTAssertTrue(noCapital.errors.contains("art. R. 123-238"), noCapital.errors)
        let variable = letter(
            Self.company.merging(["sender.capital": "", "sender.company_form": "SAS à capital variable"]) { _, new in
                new
            },
            invoices: [], kind: "farewell")
        XCTAssertFalse(variable.errors.contains("R. 123-238"), variable.errors)
        let partnership = letter(
            Self.company.merging(["sender.capital": "", "sender.company_form": "SNC"]) { _, new in new }, invoices: [],
            kind: "farewell")
        XCTAssertFalse(partnership.errors.contains("R. 123-238"), "a partnership need not: \(partnership.errors)")
        XCTAssertEqual(
            letter(
                Self.company.merging(["sender.capital": ""]) { _, new in new }, invoices: [], kind: "farewell",
                ["--strict"]
            ).status, 65)
    }

    /// A consumer is no data controller (GDPR art. 2(2)(c)): no « pour votre compte ».
    func testAConsumersPersonalDataAreNotProcessedOnTheirBehalf() {
        let run = letter(
            Self.consumer.merging(["letter.personal_data": "oui"]) { _, new in new }, invoices: [], kind: "farewell")
        XCTAssertTrue(
            run.letter.contains(
                "Les données personnelles vous concernant seront supprimées à la fin de notre collaboration, sous réserve des durées de conservation que la loi m’impose"
            ),
            run.letter)
        XCTAssertFalse(run.letter.contains("pour votre compte"), run.letter)
        let business = letter(["letter.personal_data": "oui"], invoices: [], kind: "farewell")
        XCTAssertTrue(
            business.letter.contains("Les données personnelles que je traite pour votre compte"), business.letter)
    }

    /// An e-mail draft names its enclosures but carries none: the note says to attach them.
    func testAnEmailWithEnclosuresSaysToAttachThem() {
        let run = letter(
            ["sender.email": "claire@atelier-lumen.fr"], invoices: [LetterFactsTests.invoice], kind: "reminder",
            ["--format", "eml"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(
            run.errors.contains(
                "note : le courriel annonce « P. J. : copie de la facture n° F1 » : joignez-y ces pièces avant de l’envoyer"
            ), run.errors)
        let none = letter(["sender.email": "claire@atelier-lumen.fr"], invoices: [], kind: "talk", ["--format", "eml"])
        XCTAssertFalse(none.errors.contains("joignez-y"), none.errors)
    }

    /// The end worked out from a receipt assumed three days after the letter: the letter
    /// says what holds if it arrives later, so the notice given is never shorter (C. com.
    /// L. 442-1 II); an end date the person chose later stands alone.
    func testANoticeCountedFromReceiptSaysWhatHoldsIfTheLetterArrivesLater() {
        let run = letter(["letter.notice_days": "30"], invoices: [], kind: "farewell")
        XCTAssertTrue(
            run.letter.contains(
                "notre collaboration prendra fin le 1er janvier 2027 ou, si la présente vous parvient après le 2 décembre 2026, 30 jours après sa réception."
            ),
            run.letter)
        let clause = letter(
            ["letter.notice_days": "2 mois", "letter.notice_clause": "11"], invoices: [], kind: "farewell", lang: "en")
        XCTAssertTrue(
            clause.letter.contains(
                "it will end on 2 February 2027 (or, should this letter reach you after 2 December 2026, 2 months after you receive it)."
            ),
            clause.letter)
        let chosen = letter(
            ["letter.notice_days": "30", "letter.end_date": "2027-03-31"], invoices: [], kind: "farewell")
        XCTAssertTrue(chosen.letter.contains("prendra fin le 31 mars 2027."), chosen.letter)
        XCTAssertFalse(chosen.letter.contains("vous parvient après"), chosen.letter)
    }

    /// A rates file where 2026-H2 is known, for letters whose lateness reaches it.
    func ratesFile() throws -> String {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("rates.ini")
        try "[ecb.2026-H2]\nfrom = 2026-07-01\nto = 2026-12-31\necb_rate = 2,15\nsource = test\nverified = oui\n"
            .write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
