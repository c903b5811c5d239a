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
        for bad in ["29/02/2026", "31/04/2026", "2026-13-01", "demain", "", "11/29"] {
            XCTAssertNil(parse(bad, .date), bad)
        }
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

    func testEmailAddresses() {
        XCTAssertEqual(parse(" camille@Exemple.FR ", .email), "camille@exemple.fr", "trimmed, domain in lower case")
        XCTAssertEqual(
            parse("c.dubois+goodbye@mail.atelier-lumen.fr", .email), "c.dubois+goodbye@mail.atelier-lumen.fr")
        for bad in [
            "camille@", "@exemple.fr", "camille", "camille@exemple", "camille@@exemple.fr", "camille dubois@exemple.fr",
            "camille@exemple.f", "camille@.fr", "camille@exemple..fr", "<camille@exemple.fr>", "a,b@exemple.fr",
            ".camille@exemple.fr",
            "camille@exemple.fr\r\nBcc: x@y.fr", "camille@exemple.12",
        ] {
            XCTAssertNil(parse(bad, .email), bad)
        }
    }

    func testSiretNumbersAndTheirLuhnKey() {
        XCTAssertEqual(parse("81234567600017", .siret), "812 345 676 00017")
        XCTAssertEqual(parse("812 345 676 00017", .siret), "812 345 676 00017")
        XCTAssertEqual(parse("732 829 320 00074", .siret), "732 829 320 00074", "a real SIRET (a published company's)")
        XCTAssertNil(parse("812 345 676 00018", .siret), "wrong key")
        XCTAssertNil(parse("812 345 678 00014", .siret), "wrong key")
        XCTAssertEqual(parse("356 000 000 00048", .siret), "356 000 000 00048", "La Poste's head office: the Luhn key")
        XCTAssertEqual(
            parse("356 000 000 00001", .siret), "356 000 000 00001", "a post office: digits summing to a multiple of 5")
        XCTAssertNil(parse("356 000 000 00002", .siret))
        let question = Question(id: "q", type: .siret)
        XCTAssertEqual(
            parser.parse("812 345 676", for: question), .failure(.badSiret(siren: true)), "a SIREN is told apart")
        XCTAssertEqual(
            parser.parse("812 345 677", for: question), .failure(.badSiret(siren: false)), "nine digits, not a SIREN")
        XCTAssertEqual(parser.parse("SIRET 812", for: question), .failure(.badSiret(siren: false)))
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
