import GoodbyeCLI
import TestSupport
import Vocabulary
import XCTest

/// The French typography the program applies to its own messages: what needs a no-break
/// space gets one, what is already typeset is left as it is (the quick check that skips
/// it must never skip a line that needs work).
final class TypographyTests: XCTestCase {
    func testSpacesBeforeHighPunctuationAndInsideGuillemets() {
        XCTAssertEqual(frenchTypography("Objet : fin"), "Objet\u{A0}: fin")
        XCTAssertEqual(frenchTypography("Vraiment ? Oui ! Et ; non"), "Vraiment\u{202F}? Oui\u{202F}! Et\u{202F}; non")
        XCTAssertEqual(frenchTypography("« oui »"), "«\u{A0}oui\u{A0}»")
        XCTAssertEqual(frenchTypography("«\u{202F}oui\u{A0}»"), "«\u{A0}oui\u{A0}»")
        XCTAssertEqual(frenchTypography("l'heure"), "l’heure")
        XCTAssertEqual(
            frenchTypography("déjà typographié\u{A0}: «\u{A0}oui\u{A0}»\u{202F}!"),
            "déjà typographié\u{A0}: «\u{A0}oui\u{A0}»\u{202F}!")
        XCTAssertEqual(frenchTypography("https://exemple.fr et 10:30"), "https://exemple.fr et 10:30")
        XCTAssertEqual(frenchTypography("«–» et « – »"), "«–» et «\u{A0}–\u{A0}»")
    }
}
