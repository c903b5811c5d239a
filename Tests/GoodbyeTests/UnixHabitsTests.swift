import Foundation
import TestSupport
import XCTest

/// What a user of a Unix tool expects: dates as they write them, -V, the locale's
/// language, output that starts with its first word.
final class UnixHabitsTests: XCTestCase {
    static let letter = Paths.repository.appendingPathComponent("Scripts/bench/letter.answers").path
    static let session = Paths.repository.appendingPathComponent("Scripts/bench/session.answers").path

    func testDateIsTakenInBothFormsAndABadOneSaysBoth() throws {
        let iso = try goodbye(["letter", "--answers", Self.letter, "--no-input", "--date", "2026-12-02"])
        let french = try goodbye(["letter", "--answers", Self.letter, "--no-input", "--date", "02/12/2026"])
        XCTAssertEqual(iso.status, 0, iso.stderr)
        XCTAssertEqual(french.status, 0, french.stderr)
        XCTAssertTrue(iso.stdout.contains("2 décembre 2026"), iso.stdout)
        XCTAssertEqual(iso.stdout, french.stdout)
        let bad = try goodbye(["letter", "--date", "demain"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("AAAA-MM-JJ ou JJ/MM/AAAA"), bad.stderr)
        // The right form, a day that does not exist, a year out of range: each said as it is.
        let day = try goodbye(["letter", "--date", "31/02/2026"])
        XCTAssertEqual(day.status, 64)
        XCTAssertTrue(day.stderr.contains(fr("la date « 31/02/2026 » n’existe pas")), day.stderr)
        let far = try goodbye(["letter", "--date", "3026-01-01", "--lang", "en"])
        XCTAssertEqual(far.status, 64)
        XCTAssertTrue(far.stderr.contains("give a year from 1900 to 2999"), far.stderr)
    }

    func testVersionHasItsShortOption() throws {
        let long = try goodbye(["--version"])
        let short = try goodbye(["-V"])
        XCTAssertEqual(long.status, 0)
        XCTAssertEqual(short.status, 0)
        XCTAssertEqual(short.stdout, long.stdout)
        XCTAssertTrue(short.stdout.hasPrefix("goodbye 0."), short.stdout)
    }

    /// --lang, then GOODBYE_LANG, then LC_ALL, LC_MESSAGES and LANG (the first set), else French.
    func testTheLanguageFollowsTheLocaleAfterTheProgramsOwnChoices() throws {
        let english = "Usage:"
        let french = "Utilisation"
        let cases: [([String], [String: String], String)] = [
            ([], ["LANG": "en_GB.UTF-8"], english),
            ([], ["LANG": "en_US.UTF-8", "LC_ALL": "fr_FR.UTF-8"], french),
            ([], ["LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], english),
            ([], ["LANG": "de_DE.UTF-8"], french),
            ([], ["LANG": "C.UTF-8"], french),
            ([], ["LANG": "en_GB.UTF-8", "GOODBYE_LANG": "fr"], french),
            (["--lang", "fr"], ["LANG": "en_GB.UTF-8"], french),
            (["--lang", "en"], ["LANG": "fr_FR.UTF-8"], english),
        ]
        for (arguments, environment, expected) in cases {
            let outcome = try goodbye(arguments + ["--help"], environment: environment)
            XCTAssertEqual(outcome.status, 0)
            XCTAssertTrue(
                outcome.stdout.contains(expected), "\(arguments) \(environment): \(outcome.stdout.prefix(200))")
        }
        // A locale's language is a preference, never an error; GOODBYE_LANG is a request.
        let asked = try goodbye(["questions"], environment: ["GOODBYE_LANG": "de"])
        XCTAssertEqual(asked.status, 64, asked.stderr)
        let preferred = try goodbye(["questions"], environment: ["LANG": "de_DE.UTF-8"])
        XCTAssertEqual(preferred.status, 0, preferred.stderr)
    }

    func testAPipedRunStartsWithItsFirstWord() throws {
        let text = try goodbye(["run", "--answers", Self.session, "--no-input", "--date", "2026-12-02"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertFalse(text.stdout.hasPrefix("\n"), text.stdout)
        XCTAssertTrue(text.stdout.hasPrefix("Partez"), text.stdout)
        let json = try goodbye([
            "run", "--answers", Self.session, "--no-input", "--format", "json", "--date", "2026-12-02",
        ])
        XCTAssertTrue(json.stdout.hasPrefix("{"), json.stdout)
    }
}
