import XCTest

@testable import GoodbyeCLI

final class LetterLayoutTests: XCTestCase {
    func testTidyRules() {
        XCTAssertEqual(LetterLayout.tidy("\n\nA  \n\n\n\nB\n\n"), "A\n\nB\n")
        XCTAssertEqual(LetterLayout.tidy(""), "\n")
        XCTAssertEqual(LetterLayout.tidy("é ü\n"), "é ü\n")
    }

    /// The fast check agrees with tidying, on seeded random texts of the risky bytes.
    func testTheFastCheckAgreesWithTidying() {
        var random = SplitMix(seed: 7)
        let pieces = ["\n", " ", "a", "é", "\n\n", " \n"]
        for _ in 0..<5000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            XCTAssertEqual(LetterLayout.isTidy(text), LetterLayout.tidy(text) == text, text.debugDescription)
        }
    }
}
