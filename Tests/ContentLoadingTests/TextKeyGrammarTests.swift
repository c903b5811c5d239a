import ContentLoading
import DialogueCore
import LetterComposition
import TestSupport
import Vocabulary
import XCTest

/// The keys of `texts.ini` named from the content's ids, spelt in one place
/// (`ContentTextKey`, `LetterTextKey`) and enumerated for `goodbye check`.
final class TextKeyGrammarTests: XCTestCase {
    func testEachKeyIsSpeltAsTheTextsWriteIt() {
        let kind = QuestionID("client.kind")
        XCTAssertEqual(ContentTextKey.prompt(kind).rawValue, "client.kind.prompt")
        XCTAssertEqual(ContentTextKey.choice(kind, "particulier").rawValue, "client.kind.choice.particulier")
        XCTAssertEqual(ContentTextKey.field(QuestionID("letter.invoices"), 2).rawValue, "letter.invoices.field.2")
        XCTAssertEqual(ContentTextKey.node("review", .how).rawValue, "review.how")
        XCTAssertEqual(ContentTextKey.kind(KindID("reminder")).rawValue, "kind.reminder")
        XCTAssertEqual(ContentTextKey.reason("payment", .why).rawValue, "reason.payment.why")
        XCTAssertEqual(ContentTextKey.decision(.leaveNow, .summary).rawValue, "decision.leave_now.summary")
        XCTAssertEqual(LetterTextKey.cordialAppelInline(.madame).rawValue, "letter.appel.cordial_madame_inline")
        XCTAssertEqual(LetterTextKey.step("notice").rawValue, "letter.step.notice")
    }

    /// Every key the grammar requires for the shipped dialogue is in each language, and
    /// every key of each language is one the program reads: the grammar is the whole of it.
    func testTheGrammarIsEveryKeyOfEachLanguage() throws {
        let content = Signs.content
        let required = Set(
            ContentTextKey.required(by: content.graph).map(\.rawValue) + LetterTextKey.all.map(\.rawValue)
                + TextKey.allCases.map(\.rawValue))
        let optional = Set(
            ContentTextKey.optional(by: content.graph, kinds: content.kinds.map { KindID($0.id) }).map(\.rawValue)
                + ["format.group"])
        XCTAssertGreaterThan(required.count, 200, "the signs, the letters, the fixed keys")
        for language in ["fr", "en"] {
            let table = try XCTUnwrap(content.texts[language])
            let texts = Set(table.values.keys).subtracting(MessageKey.all.map(\.rawValue))
            XCTAssertEqual(required.subtracting(texts).sorted(), [], "\(language): required and missing")
            XCTAssertEqual(
                texts.subtracting(required).subtracting(optional).sorted(), [], "\(language): read by nothing")
        }
    }
}
