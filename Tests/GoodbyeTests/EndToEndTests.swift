import Foundation
import TestSupport
import XCTest

/// The program driven as a user or a script would: piped answers, exit codes. In
/// process like most tests; the whole session with its letter, and the end of input,
/// through the built binary too (`main.swift`, standard input read by the process).
final class EndToEndTests: XCTestCase {
    /// Lines typed for the article's questions, in the order the content asks them (yes to
    /// the signs of `mask`, `Signs`), then Enter at the review.
    static func typed(_ mask: Int = 0) -> [String] { Signs.typed(mask) + [""] }

    /// Runs with piped lines, then one more empty line: no to the closing reflection.
    func run(_ lines: [String], _ arguments: [String] = [], binary: Bool = false) throws -> Outcome {
        let stdin = (lines + [""]).joined(separator: "\n") + "\n"
        return try binary ? goodbyeBinary(arguments, stdin: stdin) : goodbye(arguments, stdin: stdin)
    }

    func testPipedAnswersReachStay() throws {
        let outcome = try run(Self.typed())
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains(fr("Restez : rien ne vous pousse à partir.")), outcome.stdout)
        XCTAssertTrue(asks(outcome.stdout, question: Signs.asked))
        XCTAssertFalse(outcome.stdout.contains("lettre"), "no letter is offered when staying")
    }

    func testPipedAnswersReachTalkAndSayWhatToRaise() throws {
        let outcome = try run(Self.typed(Signs.mask("engagement.no_feedback", "exhaustion.drained")) + ["non"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("Parlez-en d’abord avec votre client."))
        XCTAssertTrue(
            outcome.stdout.contains("proposer à ce client une conversation franche"), "the talk message is offered")
        XCTAssertFalse(outcome.stdout.contains("mettre fin à notre collaboration"), "never a farewell letter for talk")
        XCTAssertTrue(outcome.stdout.contains("Ce que vous pouvez aborder avec votre client"))
        XCTAssertTrue(outcome.stdout.contains("posez des limites claires"), "the exhaustion reason's point to raise")
    }

    func testPipedAnswersReachLeaveThenDeclineTheLetter() throws {
        let outcome = try run(Self.typed(Signs.mask("payment.pays_late")) + ["5", "non"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains(fr("Vous pouvez partir : une raison suffit.")))
        XCTAssertTrue(outcome.stdout.contains(fr("Où en êtes-vous pour vous faire payer ?")), "the ladder comes first")
        XCTAssertTrue(outcome.stdout.contains(fr("Le client ne paie pas : raison établie.")))
        XCTAssertTrue(outcome.stdout.contains("Voulez-vous que je prépare un brouillon de lettre"))
    }

    func testPipedAnswersReachLeaveNowAndDraftTheLetter() throws {
        let signs = Signs.mask(
            "engagement.no_feedback", "engagement.no_internal_signoff", "reluctance.no_desire",
            "reluctance.dreads_meetings")
        let letter = [
            "oui", "Claire Martin", "", "", "", "", "69003 Lyon", "", "", "1", "Studio Nord", "2", "Paul Durand",
            "5 avenue Foch", "75008 Paris", "", "01/03/2025", "", "", "", "", "", "", "", "", "", "",
        ]
        let outcome = try run(Self.typed(signs) + letter, ["--date", "2026-11-29"], binary: true)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("Partez, et sans tarder."))
        XCTAssertTrue(outcome.stdout.contains("Plusieurs raisons de quitter ce client sont établies"))
        XCTAssertTrue(outcome.stdout.contains("Lyon, le 29 novembre 2026"), outcome.stdout)
        // The person on their own line under the company (issue 21: no « À l’attention de »
        // prefix that would push the line past 38 characters).
        XCTAssertTrue(
            outcome.stdout.contains("Studio Nord\nMonsieur Paul Durand\n5 avenue Foch\n75008 PARIS\n"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("À l’attention"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("Je vous prie d’agréer, Monsieur, mes salutations distinguées."))
        XCTAssertTrue(
            outcome.stdout.contains("prendra fin le 1er janvier 2027"), "30 days of notice after 3 days of post")
    }

    func testProBonoSkipsThePaymentQuestions() throws {
        let outcome = try run(Self.typed(Signs.proBono))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertFalse(outcome.stdout.contains("refuse-t-il de payer"))
        XCTAssertTrue(outcome.stdout.contains("raison sans objet, car cette mission est bénévole par choix"))
    }

    func testARejectedPipedAnswerEndsWith65() throws {
        let outcome = try goodbye([], stdin: "oui\npeut-être\n")
        XCTAssertEqual(outcome.status, 65)
        XCTAssertTrue(
            outcome.stderr.hasPrefix(
                fr(
                    "goodbye: réponse « peut-être » non acceptée à « Ce client omet-il de faire valider en interne ce qu’il vous a demandé de produire ? » (engagement.no_internal_signoff)."
                )), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("Répondez par oui ou par non"))
    }

    func testEndOfInputBeforeTheEndExits1() throws {
        let outcome = try goodbyeBinary([], stdin: "oui\nnon\n")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("la saisie s’est terminée avant la fin des questions"), outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains("S’il a des exercices ou des défis à réaliser"), "names the question as asked")
        XCTAssertFalse(outcome.stderr.contains("engagement.skips_exercises"), "no internal id")
    }

    func testHelpAndVersion() throws {
        for arguments in [["--help"], ["-h"], ["help"], ["help", "letter"]] {
            let outcome = try goodbye(arguments)
            XCTAssertEqual(outcome.status, 0, "\(arguments)")
            XCTAssertTrue(outcome.stdout.contains("goodbye"), "\(arguments)")
            XCTAssertEqual(outcome.stderr, "")
        }
        let version = try goodbye(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("goodbye "))
    }

    func testBadCommandLinesExit64WithAHint() throws {
        let typo = try goodbye(["--anwsers", "x"])
        XCTAssertEqual(typo.status, 64)
        XCTAssertTrue(typo.stderr.contains(fr("Vouliez-vous dire « --answers » ?")), typo.stderr)
        let missing = try goodbye(["run", "--answers"])
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.contains("--answers attend une valeur"), missing.stderr)
        XCTAssertEqual(try goodbye(["--date", "31/11/2026"]).status, 64, "no 31 November")
        XCTAssertEqual(try goodbye(["--format", "pdf"]).status, 64)
        XCTAssertEqual(try goodbye(["questions", "--format", "markdown"]).status, 64)
        XCTAssertEqual(try goodbye(["lettre"]).status, 64)
        XCTAssertEqual(try goodbye(["--lang", "de"]).status, 64)
    }

    func testALanguageTheContentLacksIsABadCommandLine() throws {
        let folder = try temporaryFolder(self).appendingPathComponent("contenu")
        try FileManager.default.copyItem(at: Paths.content, to: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("en"))
        let outcome = try goodbye(["--lang", "en", "--content", folder.path])
        XCTAssertEqual(outcome.status, 64)
        XCTAssertTrue(
            outcome.stderr.contains("language “en” not available: use --lang fr"),
            "said in the language asked for: \(outcome.stderr)")
        let french = try goodbye(["--lang", "de", "--content", folder.path])
        XCTAssertTrue(
            french.stderr.contains(fr("langue « de » non disponible : utilisez --lang en, fr"))
                || french.stderr.contains(fr("langue « de » non disponible : utilisez --lang fr")), french.stderr)
        XCTAssertEqual(try goodbye([], environment: ["GOODBYE_LANG": "de"]).status, 64)
    }

    func testAMissingAnswerFileExits66() throws {
        let outcome = try goodbye(["run", "--answers", "/nonexistent/answers.txt"])
        XCTAssertEqual(outcome.status, 66)
        XCTAssertTrue(outcome.stderr.contains("introuvable"), outcome.stderr)
        let folder = try temporaryFolder(self)
        XCTAssertEqual(try goodbye(["run", "--answers", folder.path]).status, 66)
    }

    func testNoInputListsEveryMissingAnswer() throws {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("partial.txt")
        try "engagement.no_feedback = oui\npayment.pro_bono = oui\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try goodbye(["run", "--answers", file.path, "--no-input"])
        XCTAssertEqual(outcome.status, 65)
        XCTAssertTrue(
            outcome.stderr.contains("engagement.no_internal_signoff, engagement.skips_exercises"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("exhaustion.neglects_rest"))
        XCTAssertFalse(outcome.stderr.contains("payment.refuses"), "pro bono: the payment signs are not needed")
    }

    func testQuestionsListsEveryQuestionAsJSON() throws {
        let outcome = try goodbye(["questions", "--format", "json"])
        XCTAssertEqual(outcome.status, 0)
        let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let ids = list.compactMap { $0["id"] as? String }
        XCTAssertEqual(ids.first, "engagement.no_feedback")
        let proBono = try XCTUnwrap(ids.firstIndex(of: "payment.pro_bono"))
        XCTAssertEqual(
            Array(ids[proBono..<proBono + 4]),
            ["payment.pro_bono", "payment.refuses", "payment.pays_less", "payment.pays_late"])
        XCTAssertEqual(
            ids.prefix(Signs.asked).sorted(), (Signs.ids + ["payment.pro_bono"]).sorted(),
            "the article's questions first")
        let sign = try XCTUnwrap(list.first)
        XCTAssertEqual(sign["type"] as? String, "yes_no")
        XCTAssertEqual(sign["reason"] as? String, "engagement")
        XCTAssertEqual(sign["sign"] as? String, "no_feedback")
        XCTAssertEqual(sign["required"] as? Bool, true)
        XCTAssertNotNil(sign["help"])
        let tone = try XCTUnwrap(list.first { $0["id"] as? String == "letter.tone" })
        XCTAssertEqual(tone["choices"] as? [String], ["cordial", "neutre", "ferme"])
    }

    func testCheckPassesOnTheShippedContentAndFailsOnAMissingFolder() throws {
        let outcome = try goodbye(["check"])
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        XCTAssertEqual(try goodbye(["check", "--content", "/nonexistent"]).status, 66)
    }

    func testRunsFromAnotherDirectory() throws {
        let folder = try temporaryFolder(self)
        let outcome = try goodbye(["questions"], directory: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
    }
}
