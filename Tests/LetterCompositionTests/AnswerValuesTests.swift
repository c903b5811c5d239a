import ContentLoading
import DialogueCore
import Foundation
import LetterComposition
import LetterTemplating
import TestSupport
import XCTest

/// `{{answers.QUESTION_ID}}`: a template reads any answer of its kind's path, formatted
/// by its question's type; ``goodbye check` refuses one the kind never asks (`ContentLoadingTests`).
final class AnswerValuesTests: XCTestCase {
    static let content = Signs.content

    func testAnswersAreNestedByTheirIdAndFormattedByType() throws {
        let drafter = try XCTUnwrap(
            Self.content.drafter(kind: try XCTUnwrap(Self.content.kind("farewell")), language: "fr"))
        let value = drafter.answerValues.value([
            "client.name": Answer("Paul Durand"), "letter.contract_date": Answer("2025-03-01"),
            "client.kind": Answer("particulier"),
            "letter.handover": Answer("oui"), "letter.personal_data": Answer("non"),
            "letter.penalty_rate": Answer("12.50"),
            "letter.notice_days": Answer("2m"),
            "letter.invoices": Answer(items: ["F-1 ; 2026-09-01 ; 1250.00 ; 2026-10-01"]),
        ])
        let library = try TemplateLibrary(sources: [
            "t": """
            {{answers.client.name}} | {{answers.letter.contract_date}} | {{#answers.client.kind.particulier}}particulier{{/answers.client.kind.particulier}}\
             | {{#answers.letter.handover}}remise{{/answers.letter.handover}}{{^answers.letter.personal_data}} sans données{{/answers.letter.personal_data}}\
             | {{answers.letter.penalty_rate}} | {{answers.letter.notice_days}}\
             | {{#answers.letter.invoices}}{{#.}}[{{.}}]{{/.}}{{/answers.letter.invoices}}\
             | {{^answers.client.company}}sans entreprise{{/answers.client.company}}
            """
        ])
        let text = try library.render("t", context: .map(["answers": value]), strict: true)
        XCTAssertEqual(
            text,
            "Paul Durand | 1er mars 2025 | particulier | remise sans données | 12,50\u{A0}% | 2\u{A0}mois"
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

    /// Typed text reads as the composer's fields read: apostrophes typeset, except in a
    /// web or e-mail address.
    func testTextIsTypesetAsTheLettersOtherFields() throws {
        let kind = try XCTUnwrap(Self.content.kind("talk"))
        let drafter = try XCTUnwrap(Self.content.drafter(kind: kind, language: "fr"))
        let value = drafter.answerValues.value(["talk.when": Answer("jeudi, l'après-midi, sur www.l'atelier.fr")])
        XCTAssertEqual(value["talk"]?["when"], .string("jeudi, l’après-midi, sur www.l'atelier.fr"))
    }
}
