import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// The person's own dated rates: `--rates FILE` or `$XDG_CONFIG_HOME/goodbye/rates.ini`,
/// checked by `goodbye check --rates`, listed by `goodbye rates`.
final class RatesFileTests: XCTestCase {
    static let checked = """
        # Mes taux
        [ecb.2026-H2]
        from = 2026-07-01
        to = 2026-12-31
        ecb_rate = 2,15
        source = BCE, communiqué (exemple de test)
        verified = oui

        """

    func app(_ environment: [String: String] = [:]) -> (App, ScriptedTerminal) {
        let terminal = ScriptedTerminal(stdin: FactCheckTests.answers(invoices: ["F1;2026-09-15;1250.00;2026-10-15"]))
        return (App(terminal: terminal, environment: environment, content: FactCheckTests.content), terminal)
    }

    func file(_ text: String, in folder: URL, _ name: String = "taux.ini") throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let notice = ["letter", "--kind", "formal-notice", "--answers", "-", "--no-input", "--date", "2026-12-02"]

    func testAUserRateFillsTheUnknownHalfYear() throws {
        let path = try file(Self.checked, in: temporaryFolder(self))
        let (app, terminal) = app()
        XCTAssertEqual(app.run(Self.notice + ["--rates", path]), 0, terminal.stderr)
        // 48 days at 12,15 % on 1 250 € = 19,97 €, plus 40 €.
        XCTAssertTrue(terminal.stdout.contains("1\u{202F}309,97\u{A0}€"), terminal.stdout)
        XCTAssertFalse(
            terminal.stderr.contains("second semestre 2026"), "no GW013 once the rate is known: \(terminal.stderr)")
    }

    func testTheConfigFileIsReadWhenItExists() throws {
        let folder = try temporaryFolder(self)
        _ = try file(Self.checked, in: folder, "goodbye/rates.ini")
        let (app, terminal) = app(["XDG_CONFIG_HOME": folder.path])
        XCTAssertEqual(app.run(Self.notice), 0, terminal.stderr)
        XCTAssertFalse(terminal.stderr.contains("second semestre 2026"), terminal.stderr)
        let (listing, listed) = self.app(["XDG_CONFIG_HOME": folder.path])
        XCTAssertEqual(listing.run(["rates"]), 0)
        XCTAssertTrue(
            listed.stdout.contains("ecb.2026-H2\u{A0}: 2,15\u{A0}%\u{202F}; vérifié\u{202F}; de votre fichier"),
            listed.stdout)
        XCTAssertTrue(
            listed.stdout.contains(
                "legal.2026-H2\u{A0}: taux inconnu\u{202F}; non vérifié\u{202F}; intégré au programme"), listed.stdout)
    }

    func testAFileWithAProblemIsSaidWithItsLineAndStopsTheRun() throws {
        let path = try file(
            "[ecb.2026-H2]\nfrom = 2026-07-01\necb_rate = deux\nverified = oui\n", in: temporaryFolder(self))
        let (checker, checked) = app()
        XCTAssertEqual(checker.run(["check", "--rates", path]), 65)
        XCTAssertTrue(checked.stderr.contains("taux.ini:1:1: GB015"), checked.stderr)
        let (letter, written) = app()
        XCTAssertEqual(letter.run(Self.notice + ["--rates", path]), 65)
        XCTAssertEqual(written.stdout, "", "nothing written")
        let good = try file(Self.checked, in: temporaryFolder(self))
        let (valid, said) = app()
        XCTAssertEqual(valid.run(["check", "--rates", good]), 0, said.stderr)
        XCTAssertTrue(said.stdout.contains("semestres décrits\u{A0}: 1"), said.stdout)
    }

    func testAnUncheckedFigureIsNeverPrintedEvenFromTheUsersFile() throws {
        let path = try file(
            Self.checked.replacingOccurrences(of: "verified = oui", with: "verified = non"), in: temporaryFolder(self))
        let (app, terminal) = app()
        XCTAssertEqual(app.run(Self.notice + ["--rates", path]), 0)
        XCTAssertTrue(terminal.stderr.contains("second semestre 2026"), terminal.stderr)
    }
}
