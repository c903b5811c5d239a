import XCTest

@testable import DialogueCore

final class AnswerParserTests: XCTestCase {
    let parser = AnswerParser()

    func parse(_ text: String, _ type: QuestionType, fields: [FieldType] = []) -> String? {
        try? parser.parse(text, for: Question(id: "q", type: type, fields: fields)).get()
    }

    func testYesNoInEveryAcceptedForm() {
        for word in ["oui", "OUI", "o", "Yes", "y", " oui ", "1"] { XCTAssertEqual(parse(word, .yesNo), "oui", word) }
        for word in ["non", "N", "no", "NON", "2"] { XCTAssertEqual(parse(word, .yesNo), "non", word) }
        for word in ["ouii", "peut-être", "3", "oui non"] { XCTAssertNil(parse(word, .yesNo), word) }
    }

    func testAccentsAndCaseDoNotMatterForChoices() {
        let parser = AnswerParser(choiceWords: ["q": [folded("À durée déterminée"): "determinee"]])
        let question = Question(id: "q", type: .choice, choices: ["indeterminee", "determinee"])
        XCTAssertEqual(try? parser.parse("a duree DETERMINEE", for: question).get(), "determinee")
        XCTAssertEqual(try? parser.parse("Indéterminée", for: question).get(), "indeterminee")
        XCTAssertEqual(try? parser.parse("1", for: question).get(), "indeterminee")
    }

    func testDates() {
        XCTAssertEqual(parse("2026-11-29", .date), "2026-11-29")
        XCTAssertEqual(parse("29/11/2026", .date), "2026-11-29")
        XCTAssertEqual(parse("1/3/2025", .date), "2025-03-01")
        XCTAssertEqual(parse("29.02.2028", .date), "2028-02-29")
        for bad in ["29/02/2026", "31/04/2026", "2026-13-01", "demain", "", "11/29"] { XCTAssertNil(parse(bad, .date), bad) }
    }

    func testAmounts() {
        XCTAssertEqual(parse("1250", .amount), "1250.00")
        XCTAssertEqual(parse("1 250,5", .amount), "1250.50")
        XCTAssertEqual(parse("1\u{202F}250,50 €", .amount), "1250.50")
        XCTAssertEqual(parse("980.05", .amount), "980.05")
        XCTAssertEqual(parse("1,250.50", .amount), "1250.50", "English grouping")
        XCTAssertEqual(parse("1.250,50", .amount), "1250.50", "German-style grouping")
        XCTAssertNil(parse("12,345", .amount), "three decimals or a thousand? Ambiguous, refused")
        XCTAssertNil(parse("1.250", .amount), "ambiguous too")
        XCTAssertEqual(parse("1.250.000", .amount), "1250000.00", "repeated marks group thousands")
        XCTAssertEqual(parse("12 345", .amount), "12345.00")
        for bad in ["-5", "abc", "1.2.3,456", "", "€", "1,2,3"] { XCTAssertNil(parse(bad, .amount), bad) }
    }

    func testIntegers() {
        XCTAssertEqual(parse("30", .integer), "30")
        for bad in ["-1", "3.5", "trente", "12345678"] { XCTAssertNil(parse(bad, .integer), bad) }
    }

    func testCivilDateArithmetic() {
        let date = CivilDate(year: 2026, month: 11, day: 29)!
        XCTAssertEqual(date.adding(days: 33).iso, "2027-01-01")
        XCTAssertEqual(CivilDate(year: 2026, month: 1, day: 31)!.adding(months: 1).iso, "2026-02-28")
        XCTAssertEqual(CivilDate(dayNumber: date.dayNumber), date)
        XCTAssertEqual(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber, 0)
        XCTAssertNil(CivilDate(year: 2026, month: 2, day: 29))
    }
}
