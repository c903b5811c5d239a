import ContentLoading
import DialogueCore
import LetterComposition
import TestSupport
import Vocabulary
import XCTest

/// The writers lay out a `Letter`'s parts; Markdown is built from the parts, never by
/// reading rendered text, so user text cannot become markup.
final class LetterWriterTests: XCTestCase {
    static let label: @Sendable (String, String) -> String = { $0 + "\u{A0}: " + $1 }

    func sample() -> Letter {
        var letter = Letter(kind: "farewell", language: "fr")
        letter.sender = ["Claire Martin", "69003 Lyon"]
        letter.recipient = ["- item", "1. Société", "# Titre"]
        letter.placeDate = "Lyon, le 29 novembre 2026"
        letter.sendingMode = "Lettre recommandée avec avis de réception"
        letter.subjectLabel = "Objet"
        letter.subject = "fin de notre collaboration"
        letter.salutation = "Madame,"
        letter.body = Letter.blocks(
            "Premier paragraphe.\n\nLes factures suivantes :\n–\u{A0}F1 ;\n–\u{A0}F2.\nTotal : 3 €.\n")
        letter.closing = Letter.blocks("Je vous prie d’agréer, Madame, mes salutations distinguées.\n")
        letter.signature = ["Claire Martin"]
        letter.enclosures = ["P. J. : copie de la facture"]
        return letter
    }

    func testBlocksSplitAtBlankLinesAndMarkListItems() {
        let blocks = Letter.blocks("\nA\nB  \n\n\n–\u{A0}x\nC\n")
        XCTAssertEqual(blocks, [Letter.Block([.text("A"), .text("B")]), Letter.Block([.item("x"), .text("C")])])
        XCTAssertEqual(
            Letter.blocks("- pas une liste\n"), [Letter.Block([.text("- pas une liste")])],
            "only the template's mark makes an item")
    }

    func testTextWriterLaysOutThePartsInFrenchOrder() {
        let text = TextLetterWriter(label: Self.label).write(sample())
        XCTAssertEqual(
            text,
            """
            Claire Martin
            69003 Lyon

            - item
            1. Société
            # Titre

            Lyon, le 29 novembre 2026

            Lettre recommandée avec avis de réception

            Objet\u{A0}: fin de notre collaboration

            Madame,

            Premier paragraphe.

            Les factures suivantes :
            –\u{A0}F1 ;
            –\u{A0}F2.
            Total : 3 €.

            Je vous prie d’agréer, Madame, mes salutations distinguées.

            Claire Martin

            P. J. : copie de la facture

            """)
    }

    func testBritishOrderPutsTheSalutationBeforeTheSubject() {
        var letter = sample()
        letter.salutationBeforeSubject = true
        letter.subjectLabel = ""
        let text = TextLetterWriter(label: Self.label).write(letter)
        XCTAssertTrue(text.contains("Madame,\n\nfin de notre collaboration\n\nPremier"), text)
    }

    func testMarkdownEscapesUserTextAndClosesListsWithABlankLine() {
        let markdown = MarkdownLetterWriter(label: Self.label).write(sample())
        XCTAssertTrue(markdown.contains("\\- item\\\n1\\. Société\\\n\\# Titre"), markdown)
        XCTAssertTrue(markdown.contains("**Objet\u{A0}:** fin de notre collaboration"), markdown)
        XCTAssertTrue(markdown.contains("Les factures suivantes :\n\n- F1 ;\n- F2.\n\nTotal : 3 €."), markdown)
        XCTAssertFalse(markdown.contains("–\u{A0}"), "list items are Markdown items")
    }

    func testTheFarewellLetterOfTheContentComesOutOfTheDrafterWithEveryPart() throws {
        let content = try ContentLoader.load(from: Paths.content)
        let kind = try XCTUnwrap(content.kind("farewell"))
        let drafter = try XCTUnwrap(content.drafter(kind: kind, language: "fr"))
        let answers: [String: Answer] = [
            "sender.name": Answer("Claire Martin"), "sender.city": Answer("69003 Lyon"),
            "client.civility": Answer("madame"),
            "client.name": Answer("Claire Dubois"), "letter.registered": Answer("oui"), "letter.tone": Answer("neutre"),
        ]
        let letter = try drafter.draft(answers, today: CivilDate(year: 2026, month: 11, day: 29)!)
        XCTAssertEqual(letter.sender, ["Claire Martin", "69003 Lyon"])
        XCTAssertEqual(letter.placeDate, "Lyon, le 29 novembre 2026")
        XCTAssertEqual(letter.salutation, "Madame,")
        XCTAssertEqual(letter.subjectLabel, "Objet")
        XCTAssertEqual(letter.subject, "fin de notre collaboration")
        XCTAssertEqual(letter.signature, ["Claire Martin"])
        XCTAssertTrue(
            letter.body.first.map { "\($0)".contains("mettre fin à notre collaboration") } ?? false, "\(letter.body)")
        XCTAssertTrue("\(letter.closing)".contains("Je vous prie d’agréer, Madame, mes salutations distinguées."))
    }
}
