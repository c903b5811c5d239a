import ContentLoading
import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// The letter is kept: offered as a file at the end of a session at a terminal, never
/// over an existing file; an output that cannot be written is said before any question.
final class KeepTheLetterTests: XCTestCase {
    static let content = try! ContentLoader.load(from: Paths.content)

    func testAtATerminalTheLetterIsSavedUnderAFreeName() throws {
        let folder = try temporaryFolder(self)
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(folder.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let answers = folder.appendingPathComponent("r.txt")
        try FactCheckTests.completeAnswers.write(to: answers, atomically: true, encoding: .utf8)
        try "déjà là".write(
            to: folder.appendingPathComponent("societe-dupont-fin-de-collaboration-2026-11-29.txt"), atomically: true,
            encoding: .utf8)
        // Shown on a terminal: offered. Sent to a file or a pipe: kept there, not offered.
        let redirected = ScriptedTerminal(lines: [""], interactive: true)
        XCTAssertEqual(
            App(terminal: redirected, environment: [:], content: Self.content).run([
                "letter", "--answers", answers.path,
                "--date", "2026-11-29",
            ]), 0, redirected.stderr)
        XCTAssertFalse(redirected.stderr.contains(fr("Enregistrer cette lettre")), redirected.stderr)
        XCTAssertFalse(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("societe-dupont-fin-de-collaboration-2026-11-29-2.txt").path))
        let terminal = ScriptedTerminal(lines: [""], interactive: true)
        terminal.outputIsTerminal = true
        let app = App(terminal: terminal, environment: [:], content: Self.content)
        XCTAssertEqual(app.run(["letter", "--answers", answers.path, "--date", "2026-11-29"]), 0, terminal.stderr)
        XCTAssertTrue(
            terminal.stderr.contains(
                fr("Enregistrer cette lettre dans « societe-dupont-fin-de-collaboration-2026-11-29-2.txt »")),
            terminal.stderr)
        let saved = try String(
            contentsOf: folder.appendingPathComponent("societe-dupont-fin-de-collaboration-2026-11-29-2.txt"),
            encoding: .utf8)
        XCTAssertEqual(saved, terminal.stdout, "the letter shown is the letter kept")
        // The umask decides, as for -o (issue 22: it was always 0600).
        let mask = umask(0o022)
        umask(mask)
        let mode =
            try FileManager.default.attributesOfItem(
                atPath: folder.appendingPathComponent("societe-dupont-fin-de-collaboration-2026-11-29-2.txt").path)[
                .posixPermissions] as? Int
        XCTAssertEqual(mode, 0o666 & ~Int(mask))
        XCTAssertEqual(
            try String(
                contentsOf: folder.appendingPathComponent("societe-dupont-fin-de-collaboration-2026-11-29.txt"),
                encoding: .utf8),
            "déjà là", "never over an existing file")
        let refused = ScriptedTerminal(lines: ["non"], interactive: true)
        refused.outputIsTerminal = true
        XCTAssertEqual(
            App(terminal: refused, environment: [:], content: Self.content).run([
                "letter", "--answers", answers.path,
                "--date", "2026-11-29",
            ]), 0)
        XCTAssertFalse(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("societe-dupont-fin-de-collaboration-2026-11-29-3.txt").path))
    }

    func testAnOutputThatCannotBeWrittenIsSaidBeforeTheFirstQuestion() throws {
        let outcome = try goodbye(["letter", "-o", "/nonexistent/lettre.txt"], stdin: "Claire Martin\n")
        XCTAssertEqual(outcome.status, 73, outcome.stderr)
        XCTAssertFalse(
            outcome.stdout.contains("Claire Martin") || outcome.stderr.contains("Claire Martin"),
            "no question was asked")
        let folder = try temporaryFolder(self)
        let existing = folder.appendingPathComponent("lettre.txt")
        try "précieux".write(to: existing, atomically: true, encoding: .utf8)
        let taken = try goodbye(["letter", "-o", existing.path], stdin: "")
        XCTAssertEqual(taken.status, 73)
        XCTAssertTrue(taken.stderr.contains(fr("existe déjà")), taken.stderr)
    }

    /// `goodbye letter` keeps its answers like a session: interrupted, it resumes.
    func testGoodbyeLetterSavesItsAnswers() throws {
        let data = try temporaryFolder(self)
        let terminal = ScriptedTerminal(lines: ["Claire Martin", ":quitter"], interactive: true)
        let app = App(terminal: terminal, environment: ["XDG_STATE_HOME": data.path], content: Self.content)
        XCTAssertEqual(app.run(["letter", "--date", "2026-11-29"]), 0, terminal.stderr)
        let saved = try String(contentsOf: data.appendingPathComponent("goodbye/letter-session.txt"), encoding: .utf8)
        XCTAssertTrue(saved.contains("sender.name = Claire Martin"), saved)
        XCTAssertTrue(terminal.stderr.contains(fr("relancez « goodbye letter » pour reprendre")), terminal.stderr)
    }

    /// Sessions live in the user's state folder (`$XDG_STATE_HOME/goodbye`, else
    /// `~/.local/state/goodbye`), never beside installed content; one saved where 0.1.0
    /// kept it (`$XDG_DATA_HOME/goodbye`) is moved there once, and said.
    func testASessionSavedAtTheFormerPlaceIsMovedOnceAndResumed() throws {
        let home = try temporaryFolder(self)
        let former = home.appendingPathComponent(".local/share/goodbye")
        try FileManager.default.createDirectory(at: former, withIntermediateDirectories: true)
        try "sender.name = Claire Martin\n".write(
            to: former.appendingPathComponent("letter-session.txt"), atomically: true, encoding: .utf8)
        let terminal = ScriptedTerminal(lines: [":quitter"], interactive: true)
        let app = App(terminal: terminal, environment: ["HOME": home.path], content: Self.content)
        XCTAssertEqual(app.run(["letter", "--date", "2026-11-29"]), 0, terminal.stderr)
        let moved = home.appendingPathComponent(".local/state/goodbye/letter-session.txt")
        let saved = try String(contentsOf: moved, encoding: .utf8)
        XCTAssertTrue(saved.contains("sender.name = Claire Martin"), saved)
        XCTAssertFalse(FileManager.default.fileExists(atPath: former.appendingPathComponent("letter-session.txt").path))
        XCTAssertTrue(
            terminal.stderr.contains(fr("a été déplacée de « \(former.path)/letter-session.txt »")), terminal.stderr)
        let again = ScriptedTerminal(lines: [":quitter"], interactive: true)
        XCTAssertEqual(
            App(terminal: again, environment: ["HOME": home.path], content: Self.content).run([
                "letter", "--date", "2026-11-29",
            ]), 0)
        XCTAssertFalse(again.stderr.contains("déplacée"), "moved once: \(again.stderr)")
    }
}
