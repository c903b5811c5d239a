import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import LetterComposition
import LetterTemplating
import XCTest

/// `{{answers.QUESTION_ID}}`: a template reads any answer of its kind's path, formatted
/// by its question's type; `goodbye check` refuses one the kind never asks.
final class AnswerValuesTests: XCTestCase {
    static let content = Signs.content

    func testAnswersAreNestedByTheirIdAndFormattedByType() throws {
        let drafter = try XCTUnwrap(Self.content.drafter(kind: try XCTUnwrap(Self.content.kind("farewell")), language: "fr"))
        let value = drafter.answerValues.value([
            "client.name": Answer("Paul Durand"), "letter.contract_date": Answer("2025-03-01"), "client.kind": Answer("particulier"),
            "letter.handover": Answer("oui"), "letter.personal_data": Answer("non"), "letter.penalty_rate": Answer("12.50"),
            "letter.notice_days": Answer("2m"), "letter.invoices": Answer(items: ["F-1 ; 2026-09-01 ; 1250.00 ; 2026-10-01"]),
        ])
        let library = try TemplateLibrary(sources: ["t": """
            {{answers.client.name}} | {{answers.letter.contract_date}} | {{#answers.client.kind.particulier}}particulier{{/answers.client.kind.particulier}}\
             | {{#answers.letter.handover}}remise{{/answers.letter.handover}}{{^answers.letter.personal_data}} sans données{{/answers.letter.personal_data}}\
             | {{answers.letter.penalty_rate}} | {{answers.letter.notice_days}}\
             | {{#answers.letter.invoices}}{{#.}}[{{.}}]{{/.}}{{/answers.letter.invoices}}\
             | {{^answers.client.company}}sans entreprise{{/answers.client.company}}
            """])
        let text = try library.render("t", context: .map(["answers": value]), strict: true)
        XCTAssertEqual(text, "Paul Durand | 1er mars 2025 | particulier | remise sans données | 12,50\u{A0}% | 2\u{A0}mois"
            + " | [F-1][1er septembre 2026][1\u{202F}250,00\u{A0}€][1er octobre 2026] | sans entreprise")
        // The talk message's question is not on the farewell letter's path: absent, not null.
        XCTAssertNil(value["talk"], "only the kind's own questions")
        XCTAssertTrue(drafter.answerValues.reads(["client", "kind", "public"]))
        XCTAssertFalse(drafter.answerValues.reads(["client", "kind", "martien"]))
        XCTAssertFalse(drafter.answerValues.reads(["talk", "when"]))
        let talk = try XCTUnwrap(Self.content.drafter(kind: try XCTUnwrap(Self.content.kind("talk")), language: "fr"))
        XCTAssertTrue(talk.answerValues.reads(["talk", "when"]))
        XCTAssertFalse(talk.answerValues.reads(["letter", "tone"]), "the talk message asks no tone")
    }

    /// A farewell template reading the talk message's answer, or no answer at all, is
    /// GB011 where the tag stands; the letter is never drafted with a silent blank.
    func testCheckRefusesAnAnswerTheKindNeverAsks() throws {
        let folder = try temporaryFolder(self).appendingPathComponent("Localization")
        try FileManager.default.copyItem(at: Paths.content, to: folder)
        let body = folder.appendingPathComponent("fr/letters/farewell/body.mustache")
        try ("{{answers.talk.when}}{{#answers.letter.nope}}x{{/answers.letter.nope}}\n" + (try String(contentsOf: body, encoding: .utf8)))
            .write(to: body, atomically: true, encoding: .utf8)
        let terminal = ScriptedTerminal()
        XCTAssertEqual(App(terminal: terminal, environment: [:], content: Self.content).run(["check", "--content", folder.path]), 65)
        let lines = terminal.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasSuffix(fr("fr/letters/farewell/body.mustache:1:1: GB011 « answers.talk.when » lit une réponse que la lettre « farewell » ne demande pas : nommez une question de son parcours (de sa question « start » de letters.ini jusqu’à la fin), ou ajoutez la question à ce parcours")) }, terminal.stdout)
        XCTAssertTrue(lines.contains { $0.contains("fr/letters/farewell/body.mustache:1:22: GB011") && $0.contains("answers.letter.nope") }, terminal.stdout)
    }
}
