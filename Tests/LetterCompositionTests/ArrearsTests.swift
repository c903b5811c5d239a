import ContentLoading
import DialogueCore
import LetterComposition
import TestSupport
import XCTest

/// What is owed, against figures computed by hand (written out in each comment):
/// amount × rate × days / 365, rounded half up to the cent per invoice.
final class ArrearsTests: XCTestCase {
    static let rates = try! ContentLoader.load(from: Paths.content).rates
    let calculator = ArrearsCalculator(rates: ArrearsTests.rates)

    func invoice(_ number: String, _ date: String, _ cents: Int, _ due: String) -> Invoice {
        Invoice(record: "\(number);\(date);\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100);\(due)")!
    }

    func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    func testALatePeriodInsideOneHalfYear() {
        // 1 000,00 € due 28 Feb 2025, letter 29 Apr 2025: 1 Mar–29 Apr = 60 days at 3,15 + 10 = 13,15 %:
        // 1000 × 0,1315 × 60 / 365 = 21,616… → 21,62 €; + 40 €.
        let item = calculator.statement(
            [invoice("A", "2025-01-29", 100_000, "2025-02-28")], on: day("2025-04-29"), client: .business,
            contractRate: nil
        ).items[0]
        XCTAssertEqual(item.daysLate, 60)
        XCTAssertEqual(item.rate, 1315)
        XCTAssertEqual(item.interestCents, 2162)
        XCTAssertEqual(item.indemnityCents, 4000)
    }

    func testALatePeriodSpanningTwoHalfYearsIsSplit() {
        // 1 000,00 € due 15 Jun 2025, letter 15 Jul 2025: 16–30 Jun = 15 days at 13,15 %, 1–15 Jul = 15 days
        // at 12,15 %: 1000 × (0,1315 × 15 + 0,1215 × 15) / 365 = 10,397… → 10,40 €.
        let item = calculator.statement(
            [invoice("B", "2025-05-15", 100_000, "2025-06-15")], on: day("2025-07-15"), client: .business,
            contractRate: nil
        ).items[0]
        XCTAssertEqual(item.parts.map(\.days), [15, 15])
        XCTAssertEqual(item.parts.map(\.rate), [1315, 1215])
        XCTAssertNil(item.rate, "no single rate")
        XCTAssertEqual(item.interestCents, 1040)
    }

    func testAContractualRate() {
        // 2 000,00 € due 30 Sep 2025 at 10 %, letter 29 Nov 2025: 60 days: 2000 × 0,10 × 60 / 365 = 32,876… → 32,88 €.
        let item = calculator.statement(
            [invoice("C", "2025-08-31", 200_000, "2025-09-30")], on: day("2025-11-29"), client: .business,
            contractRate: 1000
        ).items[0]
        XCTAssertEqual(item.interestCents, 3288)
        XCTAssertEqual(item.indemnityCents, 4000)
    }

    func testAConsumerOwesLegalInterestFromTheFormalNoticeAndNoIndemnity() {
        // 500,00 € due 31 Aug 2025, notice received 1 Oct 2025, letter 29 Nov 2025: 1 Oct–29 Nov = 60 days at the
        // legal rate "other cases" of 2025-H2, 2,76 %: 500 × 0,0276 × 60 / 365 = 2,268… → 2,27 €; no 40 €.
        let invoices = [invoice("D", "2025-08-01", 50_000, "2025-08-31")]
        let item = calculator.statement(
            invoices, on: day("2025-11-29"), client: .consumer, contractRate: nil,
            formalNotice: day("2025-10-01")
        ).items[0]
        XCTAssertEqual(item.interestCents, 227)
        XCTAssertEqual(item.indemnityCents, 0)
        let before = calculator.statement(invoices, on: day("2025-11-29"), client: .consumer, contractRate: nil).items[
            0]
        XCTAssertEqual(before.interestCents, 0, "no formal notice yet: no legal interest")
    }

    func testAPublicBuyerAtTheRateOfTheHalfYearInterestStarted() {
        // 2 400,00 € due 31 Mar 2025, letter 15 Oct 2025: 1 Apr–15 Oct = 198 days, all at 3,15 + 8 = 11,15 %
        // (the half-year in which interest started, R. 2192-31): 2400 × 0,1115 × 198 / 365 = 145,163… → 145,16 €; + 40 €.
        let item = calculator.statement(
            [invoice("E", "2025-03-01", 240_000, "2025-03-31")], on: day("2025-10-15"),
            client: .publicBuyer, contractRate: nil
        ).items[0]
        XCTAssertEqual(item.daysLate, 198)
        XCTAssertEqual(item.rate, 1115)
        XCTAssertEqual(item.interestCents, 14516)
        XCTAssertEqual(item.indemnityCents, 4000)
    }

    func testAnInvoiceNotYetDueOwesNothingMore() {
        let item = calculator.statement(
            [invoice("F", "2025-11-01", 30_000, "2025-12-01")], on: day("2025-11-29"), client: .business,
            contractRate: nil
        ).items[0]
        XCTAssertEqual(item.daysLate, 0)
        XCTAssertEqual(item.interestCents, 0)
        XCTAssertEqual(item.indemnityCents, 0)
    }

    func testSeveralInvoicesAndTheirTotals() {
        // 1 000,00 € due 28 Feb 2025: 1 Mar–30 Jun = 122 days at 13,15 %, 1 Jul–29 Nov = 152 days at 12,15 %:
        // 1000 × (0,1315 × 122 + 0,1215 × 152) / 365 = 94,550… → 94,55 €.
        // 350,50 € due 15 Nov 2025: 14 days at 12,15 %: 350,50 × 0,1215 × 14 / 365 = 1,633… → 1,63 €.
        // Totals: 1 350,50 + 96,18 + 80,00 = 1 526,68 €.
        let statement = calculator.statement(
            [
                invoice("G1", "2025-01-29", 100_000, "2025-02-28"),
                invoice("G2", "2025-10-16", 35_050, "2025-11-15"),
            ], on: day("2025-11-29"), client: .business, contractRate: nil)
        XCTAssertEqual(statement.items.map(\.interestCents), [9455, 163])
        XCTAssertEqual(statement.principalCents, 135_050)
        XCTAssertEqual(statement.interestCents, 9618)
        XCTAssertEqual(statement.indemnityCents, 8000)
        XCTAssertEqual(statement.totalCents, 152_668)
    }

    func testAnUncheckedHalfYearGivesNoFigure() {
        // 2026-H2's ECB rate is not checked: the part after 1 July 2026 has no rate, the invoice no interest figure.
        let statement = calculator.statement(
            [invoice("H", "2026-05-01", 100_000, "2026-05-31")], on: day("2026-11-29"),
            client: .business, contractRate: nil)
        XCTAssertEqual(statement.items[0].parts.map(\.rate), [1215, nil])
        XCTAssertNil(statement.interestCents)
        XCTAssertNil(statement.totalCents)
    }

    func testHugeAmountsDoNotOverflow() {
        let statement = calculator.statement(
            [invoice("I", "2015-01-01", 99_999_999_999_999, "2015-01-31")], on: day("2025-11-29"),
            client: .business, contractRate: 10_000)
        XCTAssertNotNil(statement.items[0].interestCents, "128-bit arithmetic")
    }
}
