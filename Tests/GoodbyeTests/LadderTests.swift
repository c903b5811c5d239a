import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// Unpaid invoices, from a friendly reminder to a formal notice: the figures as data
/// through the built program, the session's next step, and the French of every kind.
final class LadderTests: XCTestCase {
    static let kinds = ["reminder", "final-reminder", "formal-notice", "suspension"]

    static func answers(client: String, invoices: [String], extra: [String] = []) -> String {
        ([
            "sender.name = Claire Martin", "sender.city = 69003 Lyon", "client.kind = \(client)",
            "client.company = Société Dupont",
            "client.civility = monsieur", "client.name = Paul Durand", "client.address = 5 avenue Foch",
            "client.city = 75008 PARIS",
        ]
            + invoices.map { "letter.invoices = " + $0 } + extra).joined(separator: "\n") + "\n"
    }

    func json(_ answers: String, kind: String = "formal-notice", date: String) throws -> [String: Any] {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("réponses.txt")
        try answers.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try goodbye([
            "letter", "--kind", kind, "--answers", file.path, "--no-input", "--format", "json", "--date", date,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    /// The figures of ArrearsTests (computed by hand there), as the program prints them.
    func testTheFormalNoticeAsDataThroughTheProgram() throws {
        let business = try json(
            Self.answers(
                client: "entreprise",
                invoices: [
                    "G1 ; 29/01/2025 ; 1000 ; 28/02/2025",
                    "G2 ; 16/10/2025 ; 350,50 ; 15/11/2025",
                ]), date: "2025-11-29")
        XCTAssertEqual(business["kind"] as? String, "formal-notice")
        XCTAssertTrue((business["text"] as? String ?? "").contains("vaut mise en demeure"))
        XCTAssertTrue(
            (business["text"] as? String ?? "").contains("Lettre recommandée avec avis de réception"),
            "a formal notice goes by registered post")
        let invoices = try XCTUnwrap(business["invoices"] as? [[String: Any]])
        XCTAssertEqual(invoices.map { $0["days_late"] as? Int }, [274, 14])
        XCTAssertEqual(invoices.map { $0["penalty"] as? String }, ["94.55", "1.63"])
        XCTAssertEqual(invoices.map { $0["rate"] as? String }, [nil, "12.15"], "a split lateness has no single rate")
        XCTAssertEqual(invoices.map { $0["indemnity"] as? String }, ["40.00", "40.00"])
        XCTAssertEqual(invoices.map { $0["amount"] as? String }, ["1000.00", "350.50"])
        let periods = try XCTUnwrap(invoices[0]["periods"] as? [[String: Any]])
        XCTAssertEqual(periods.map { $0["rate"] as? String }, ["13.15", "12.15"])
        let totals = try XCTUnwrap(business["totals"] as? [String: Any])
        XCTAssertEqual(totals["principal"] as? String, "1350.50")
        XCTAssertEqual(totals["penalties"] as? String, "96.18")
        XCTAssertEqual(totals["indemnities"] as? String, "80.00")
        XCTAssertEqual(totals["total"] as? String, "1526.68")

        let buyer = try json(
            Self.answers(client: "public", invoices: ["E ; 01/03/2025 ; 2400 ; 31/03/2025"]), date: "2025-10-15")
        let item = try XCTUnwrap((buyer["invoices"] as? [[String: Any]])?.first)
        XCTAssertEqual(item["rate"] as? String, "11.15")
        XCTAssertEqual(item["penalty"] as? String, "145.16")

        let consumer = try json(
            Self.answers(
                client: "particulier", invoices: ["D ; 01/08/2025 ; 500 ; 31/08/2025"],
                extra: ["dunning.notice_date = 28/09/2025"]), date: "2025-11-29")
        let owed = try XCTUnwrap((consumer["invoices"] as? [[String: Any]])?.first)
        XCTAssertEqual(owed["penalty"] as? String, "2.27", "legal interest from the notice received on 1 October 2025")
        XCTAssertEqual(owed["indemnity"] as? String, "0.00", "no 40 € from a consumer")
        XCTAssertFalse((consumer["text"] as? String ?? "").contains("441-10"))

        let contract = try json(
            Self.answers(
                client: "entreprise", invoices: ["C ; 31/08/2025 ; 2000 ; 30/09/2025"],
                extra: ["letter.penalty_rate = 10 %"]), date: "2025-11-29")
        XCTAssertEqual((contract["invoices"] as? [[String: Any]])?.first?["penalty"] as? String, "32.88")

        let unchecked = try json(
            Self.answers(client: "entreprise", invoices: ["H ; 01/05/2026 ; 1000 ; 31/05/2026"]), date: "2026-11-29")
        XCTAssertTrue(
            (unchecked["invoices"] as? [[String: Any]])?.first?["penalty"] is NSNull,
            "an unchecked rate: null, never a guess")
        XCTAssertTrue((unchecked["totals"] as? [String: Any])?["total"] is NSNull)
        let text = unchecked["text"] as? String ?? ""
        XCTAssertTrue(
            text.contains("pénalités de retard courues au second semestre 2026")
                && text.contains("L.\u{A0}441-10 et D.\u{A0}441-5"),
            "the half-year without a figure named, and the rule: \(text)")

        let notDue = try json(
            Self.answers(client: "entreprise", invoices: ["F ; 01/11/2025 ; 300 ; 01/12/2025"]), kind: "reminder",
            date: "2025-11-29")
        XCTAssertEqual((notDue["invoices"] as? [[String: Any]])?.first?["days_late"] as? Int, 0)
        XCTAssertEqual((notDue["totals"] as? [String: Any])?["total"] as? String, "300.00")
        XCTAssertEqual((notDue["warnings"] as? [[String: Any]])?.first?["code"] as? String, "GW004")
    }

    /// A client who does not pay: the session asks where recovery stands and drafts the
    /// next letter of the ladder.
    func testTheSessionProposesTheNextStep() throws {
        let signs = (Signs.typed(Signs.mask("payment.pays_late")) + [""]).joined(separator: "\n")
        let letter = [
            "2", "Claire Martin", "", "", "", "", "69003 Lyon", "", "", "", "Société Dupont", "2", "Paul Durand",
            "5 avenue Foch",
            "75008 PARIS", "", "2026-041 ; 15/09/2026 ; 1250 ; 15/10/2026", "", "05/11/2026", "", "", "", "", "",
        ].joined(separator: "\n")
        let outcome = try goodbye(["--date", "2026-11-29"], stdin: signs + "\n" + letter + "\n")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains(fr("Où en êtes-vous pour vous faire payer ?")), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("seconde relance"), "the firm reminder after a friendly one")
        XCTAssertTrue(outcome.stdout.contains("Malgré ma relance du 5 novembre 2026"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("mettre fin à notre collaboration"), "not the farewell letter")
    }

    /// Every kind, for each kind of client, with and without history, through check-french.
    func testEveryKindAndClientPassesTheFrenchCheckers() throws {
        try requireTools(missingFrenchCheckers, for: "French checks (check-french)")
        var texts: [String: String] = [:]
        let content = try ContentLoader.load(from: Paths.content)
        for kind in Self.kinds {
            for client in ["entreprise", "particulier", "public"] {
                for history in [
                    [],
                    [
                        "dunning.reminder_date = 15/03/2025", "dunning.final_date = 15/10/2025",
                        "dunning.notice_date = 01/11/2025",
                    ],
                ] {
                    let answers = Self.answers(
                        client: client,
                        invoices: [
                            "2025-041 ; 29/01/2025 ; 1000 ; 28/02/2025",
                            "2025-090 ; 16/10/2025 ; 350,50 ; 15/11/2025",
                        ], extra: history)
                    let terminal = ScriptedTerminal(stdin: answers)
                    let app = App(terminal: terminal, environment: [:], content: content)
                    XCTAssertEqual(
                        app.run(["letter", "--kind", kind, "--answers", "-", "--no-input", "--date", "2025-11-29"]), 0,
                        terminal.stderr)
                    texts["\(kind)-\(client)-\(history.count)"] = terminal.stdout
                }
            }
        }
        try assertFrench(distinctLines(texts), words: ["Dupont", "Durand", "Foch"])
    }

    /// The letter drafted is picked by the answers on the conversation's path only: an
    /// answer file reused from a client who did not pay still says where recovery stood
    /// (`dunning.step = reminder`), but this client's path never asks it (issue 19's review).
    func testAnAnswerOffThePathNeverPicksTheLetter() throws {
        let answers =
            signAnswers(Signs.mask("engagement.no_feedback", "engagement.no_internal_signoff"))
            + "letter.want = oui\ndunning.step = reminder\n" + FactCheckTests.answers()
        let run = try goodbye(["run", "--answers", "-", "--no-input", "--date", "2026-11-29"], stdin: answers)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("mettre fin à notre collaboration"), "the farewell letter: \(run.stdout)")
        XCTAssertFalse(run.stdout.contains("Objet\u{A0}: relance"), run.stdout)
        XCTAssertTrue(run.stderr.contains("dunning.step"), "the answer is said to be ignored: \(run.stderr)")
    }
}
