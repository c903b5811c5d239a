import ContentLoading
import Foundation
import GoodbyeCLI
import TestSupport
import Vocabulary
import XCTest

/// Only the questions that matter, numbered honestly, and the reflection given back:
/// in-process runs through the scripted terminal, every prompt counted as asked.
final class ConversationShapeTests: XCTestCase {
    static let content = try! ContentLoader.load(from: Paths.content)

    /// Runs `arguments` with Enter typed at every question (defaults, empty optional
    /// answers) and `typed` for the ones named; returns what was asked, in order.
    func asked(_ arguments: [String], answers: String = "", lines: [String] = []) -> (
        prompts: [String], out: String, status: Int32
    ) {
        let terminal = ScriptedTerminal(lines: lines + Array(repeating: "", count: 60))
        let app = App(terminal: terminal, environment: [:], content: Self.content)
        var args = arguments
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("goodbye-shape-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        if !answers.isEmpty {
            let file = folder.appendingPathComponent("answers.txt")
            try? answers.write(to: file, atomically: true, encoding: .utf8)
            args += ["--answers", file.path]
        }
        let status = app.run(args)
        let text = terminal.stdout + terminal.stderr
        let table = Self.content.texts["fr"]!
        let prompts = Self.content.graph.questions.map(\.id).filter { id in
            text.contains(frenchTypography(table.text(id + ".prompt")))
        }
        return (prompts, text, status)
    }

    static let sender =
        "sender.name = Claire Martin\nsender.city = 69003 Lyon\nclient.company = Société Dupont\nclient.civility = madame\nclient.name = Camille Durand\n"
    static let invoice = "letter.invoices = F1;01/09/2026;100;01/10/2026\n"

    func testAFriendlyReminderAsksNoDateOfEarlierLetters() {
        let run = asked(["letter", "--kind", "reminder", "--date", "02/12/2026"], answers: Self.sender + Self.invoice)
        XCTAssertEqual(run.status, 0, run.out)
        XCTAssertFalse(run.prompts.contains { $0.hasPrefix("dunning.") }, "\(run.prompts)")
        let firm = asked(
            ["letter", "--kind", "final-reminder", "--date", "02/12/2026"], answers: Self.sender + Self.invoice)
        XCTAssertEqual(
            firm.prompts.filter { $0.hasPrefix("dunning.") }, ["dunning.reminder_date"],
            "a firm reminder cites the friendly one only")
        let notice = asked(
            ["letter", "--kind", "formal-notice", "--date", "02/12/2026"], answers: Self.sender + Self.invoice)
        XCTAssertEqual(
            notice.prompts.filter { $0.hasPrefix("dunning.") },
            ["dunning.reminder_date", "dunning.final_date", "dunning.notice_date"],
            "a formal notice cites both reminders, and an earlier notice (the consumer's interest runs from it)")
    }

    func testATalkMessageAsksAtMostEightQuestionsAndNoPostalDetails() {
        let run = asked(
            ["letter", "--kind", "talk", "--date", "02/12/2026"],
            lines: ["Claire Martin", "", "", "Société Dupont", "1", "Camille Durand"])
        XCTAssertEqual(run.status, 0, run.out)
        XCTAssertLessThanOrEqual(run.prompts.count, 8, "\(run.prompts)")
        for id in ["sender.siret", "sender.address", "sender.city", "client.address", "client.city", "reflection.want"]
        {
            XCTAssertFalse(run.prompts.contains(id), id)
        }
        XCTAssertTrue(run.out.contains("Question 8 sur 8 · "), run.out)
        XCTAssertTrue(run.out.contains("Le 2 décembre 2026"), "dated without a town: \(run.out)")
        XCTAssertFalse(run.out.contains("à tous les deux"), "an epicene close")
    }

    func testGoodbyeLetterNeverAsksTheReflection() {
        let run = asked(["letter", "--date", "02/12/2026"], answers: Self.sender)
        XCTAssertEqual(run.status, 0, run.out)
        XCTAssertFalse(run.prompts.contains { $0.hasPrefix("reflection.") }, "\(run.prompts)")
        XCTAssertTrue(
            run.prompts.contains("letter.tone"), "the farewell letter's own questions are asked: \(run.prompts)")
    }

    /// One count from the first question to the last: never « Question 1 » again after
    /// the decision, never a question without its total.
    func testTheNumberGoesOnAcrossTheWholeSession() throws {
        let signs = Signs.typed(Signs.mask("engagement.no_feedback", "engagement.no_internal_signoff")) + ["", "oui"]
        let run = asked(["run", "--date", "02/12/2026"], lines: signs + ["Claire Martin"])
        let numbers = try NSRegularExpression(pattern: #"^Question (\d+) sur (\d+) · "#, options: .anchorsMatchLines)
        let found = numbers.matches(in: run.out, range: NSRange(run.out.startIndex..., in: run.out)).map { match in
            (
                Int(run.out[Range(match.range(at: 1), in: run.out)!])!,
                Int(run.out[Range(match.range(at: 2), in: run.out)!])!
            )
        }
        XCTAssertGreaterThan(found.count, 20)
        XCTAssertEqual(found.map(\.0), Array(1...found.count))
        XCTAssertTrue(found.allSatisfy { $0.0 <= $0.1 })
        XCTAssertFalse(run.out.contains("Question 1 · "))
    }

    func testTheReflectionIsGivenBackAndKeptInTheReport() throws {
        let reflection =
            "reflection.want = oui\nreflection.past = Une agence qui payait en retard.\nreflection.decision = Partir en bons termes.\n"
        let stay = signAnswers(0) + reflection
        let text = asked(["run", "--no-input"], answers: stay)
        XCTAssertEqual(text.status, 0, text.out)
        XCTAssertTrue(
            text.out.contains(
                "Ce que vous avez écrit pour vous\n–\u{A0}Vos clients difficiles d’hier\u{A0}: Une agence qui payait en retard.\n–\u{A0}Ce que vous décidez aujourd’hui\u{A0}: Partir en bons termes."
            ), text.out)
        let terminal = ScriptedTerminal(stdin: stay)
        XCTAssertEqual(
            App(terminal: terminal, environment: [:], content: Self.content).run([
                "run", "--answers", "-", "--no-input", "--format", "json",
            ]), 0)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(terminal.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(
            report["reflection"] as? [String: String],
            ["past": "Une agence qui payait en retard.", "decision": "Partir en bons termes."])
        let declined = ScriptedTerminal(stdin: signAnswers(0) + "reflection.want = non\n")
        XCTAssertEqual(
            App(terminal: declined, environment: [:], content: Self.content).run([
                "run", "--answers", "-", "--no-input", "--format", "json",
            ]), 0)
        XCTAssertFalse(declined.stdout.contains("reflection"), "no reflection object when none was given")
    }
}
