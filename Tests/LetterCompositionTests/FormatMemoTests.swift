import DialogueCore
import TestSupport
import Vocabulary
import XCTest

/// A drafter's format writes each date, amount, rate and count once and reads it back
/// (issue 25): the same words as a format that writes them each time, past the memo's
/// limit too.
final class FormatMemoTests: XCTestCase {
    func testThePreparedFormatWritesWhatTheOtherWrites() throws {
        for language in ["fr", "en"] {
            let texts = try XCTUnwrap(Signs.content.texts[language])
            let plain = LanguageFormat(texts: texts)
            let prepared = LanguageFormat(texts: texts, prepared: true)
            let first = CivilDate(firstDayOf: 1, year: 2020)
            for round in 0..<2 {
                for offset in stride(from: 0, to: 6000, by: 1) {
                    let day = first.adding(days: offset)
                    XCTAssertEqual(prepared.date(day), plain.date(day), "\(language) \(day.iso), round \(round)")
                    let cents = offset * 137
                    XCTAssertEqual(prepared.amount(cents: cents), plain.amount(cents: cents))
                    XCTAssertEqual(
                        prepared.amount(cents: cents, compact: true), plain.amount(cents: cents, compact: true))
                    XCTAssertEqual(prepared.percent(hundredths: offset), plain.percent(hundredths: offset))
                    XCTAssertEqual(prepared.days(offset), plain.days(offset))
                }
            }
        }
    }
}
