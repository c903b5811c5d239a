import ContentLoading
import DialogueCore
import Foundation
import TestSupport
import XCTest

/// Going back, the review, `:résumé`, `:quitter`, saving and resuming, through the binary.
final class SessionTests: XCTestCase {
    /// « non » to every question before pro bono, as many as the content asks.
    static let noUntilProBono = Signs.typed(0, until: DecisionRule.proBonoQuestion)

    func lines(_ items: [String]) -> String { items.joined(separator: "\n") + "\n" }

    func testBackChangeReviewEditQuitResumeGivesTheStraightRunsDecision() throws {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("séance.txt").path
        let first =
            Self.noUntilProBono + [
                "non", "oui", ":retour", ":retour", ":retour", "", "oui", "1", "oui", ":résumé", ":quitter",
            ]
        let quit = try goodbye(["--session", file], stdin: lines(first))
        XCTAssertEqual(quit.status, 0, quit.stderr)
        XCTAssertTrue(quit.stdout.contains(fr("(oui/non ; Entrée : non)\n› ")), "going back shows the current answer")
        XCTAssertTrue(
            quit.stdout.contains(fr("certaines questions ne se posent plus")), "pro bono drops the payment answer")
        XCTAssertTrue(quit.stdout.contains("Récapitulatif de vos réponses"))
        XCTAssertTrue(quit.stdout.contains("Vos réponses jusqu’ici"), ":résumé lists the answers")
        XCTAssertTrue(quit.stderr.contains(fr("relancez « goodbye --session \(file) » pour reprendre")), quit.stderr)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(saved.contains("engagement.no_feedback = oui\n"), saved)
        XCTAssertTrue(saved.contains("payment.pro_bono = oui\n"))
        XCTAssertFalse(saved.contains("payment.refuses"), "the dropped answer is not saved")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, "readable by its owner only")

        let resumed = try goodbye(["--session", file], stdin: lines(["", "", ""]))
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("Je reprends votre séance enregistrée"))
        XCTAssertTrue(resumed.stdout.contains(fr("Parlez-en d’abord avec votre client.")), resumed.stdout)

        let straight = folder.appendingPathComponent("final.txt")
        try (signAnswers(Signs.mask("engagement.no_feedback") | Signs.proBono)).write(
            to: straight, atomically: true, encoding: .utf8)
        let report = try goodbye(["run", "--answers", straight.path, "--no-input", "--format", "json"])
        XCTAssertTrue(report.stdout.contains("\"decision\": \"talk\""), report.stdout)
    }

    func testEndOfInputKeepsEveryAnswerAndSaysHowToResume() throws {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("s.txt").path
        let outcome = try goodbye(["--session", file], stdin: lines(["oui", "non", "oui"]))
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("--session \(file)"), outcome.stderr)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(
            saved.contains("engagement.no_feedback = oui\nengagement.no_internal_signoff = non\n")
                || saved.contains("engagement.no_internal_signoff = non"), saved)
        XCTAssertTrue(saved.contains("engagement.skips_exercises = oui"))
        let again = try goodbye(["--session", file], stdin: "")
        XCTAssertTrue(asks(again.stdout, question: 4), "resumes at the first unanswered question")
    }

    func testAChangedQuestionIsAskedAgainAndTheUserIsTold() throws {
        let folder = try temporaryFolder(self)
        let content = folder.appendingPathComponent("contenu")
        try FileManager.default.copyItem(at: Paths.content, to: content)
        let file = folder.appendingPathComponent("s.txt").path
        _ = try goodbye(["--session", file, "--content", content.path], stdin: lines(["oui", "oui"]))
        // A reworded prompt alone changes nothing; its author raises the question's revision.
        let texts = content.appendingPathComponent("fr/texts.ini")
        let original = try String(contentsOf: texts, encoding: .utf8)
        try original.replacingOccurrences(
            of: "ce client la laisse-t-il sans avis", with: "ce client la laisse-t-il sans le moindre avis"
        )
        .write(to: texts, atomically: true, encoding: .utf8)
        let reworded = try goodbye(["--session", file, "--content", content.path], stdin: "")
        XCTAssertFalse(reworded.stdout.contains("Cette question a changé"), reworded.stdout)
        XCTAssertTrue(asks(reworded.stdout, question: 3), "both answers kept")
        let dialogue = content.appendingPathComponent("dialogue.ini")
        try String(contentsOf: dialogue, encoding: .utf8).replacingOccurrences(
            of: "[engagement.no_feedback]\n", with: "[engagement.no_feedback]\nrevision = 2\n"
        )
        .write(to: dialogue, atomically: true, encoding: .utf8)
        let outcome = try goodbye(["--session", file, "--content", content.path], stdin: "")
        XCTAssertTrue(outcome.stdout.contains("Cette question a changé depuis votre dernière séance"), outcome.stdout)
        XCTAssertTrue(asks(outcome.stdout, question: 1), "the changed question is asked again")
    }

    /// Interrupted among the letter's questions, a session resumes on the question that
    /// was left: not on the review, and without the decision again.
    func testResumeLandsOnTheQuestionThatWasLeft() throws {
        let file = try temporaryFolder(self).appendingPathComponent("s.txt").path
        let first =
            Signs.typed(Signs.mask("engagement.no_feedback", "engagement.no_internal_signoff")) + [
                "", "oui", "Claire Martin",
            ]
        let stopped = try goodbye(["--session", file, "--date", "2026-11-29"], stdin: lines(first))
        XCTAssertEqual(stopped.status, 1, stopped.stderr)
        XCTAssertTrue(stopped.stdout.contains("Récapitulatif de vos réponses"))
        XCTAssertTrue(stopped.stdout.contains("Vous pouvez partir"), stopped.stdout)
        let resumed = try goodbye(["--session", file, "--date", "2026-11-29"], stdin: "")
        XCTAssertTrue(resumed.stdout.contains("Je reprends votre séance enregistrée"), resumed.stdout)
        XCTAssertFalse(resumed.stdout.contains("Récapitulatif de vos réponses"), resumed.stdout)
        XCTAssertFalse(resumed.stdout.contains("Vous pouvez partir"), "the decision is not told again")
        XCTAssertTrue(resumed.stdout.contains("Sous quelle forme exercez-vous"), resumed.stdout)
        XCTAssertFalse(resumed.stdout.contains("Votre nom ou"), "the name was answered")
    }

    /// Fingerprints read no text: in English as in French each question has its own, and
    /// a session started in one language resumes in the other with its answers.
    func testFingerprintsDoNotDependOnTheLanguage() throws {
        for language in ["en", "fr"] {
            let content = try ContentLoader.load(from: Paths.content, thorough: false, language: language)
            let prints = content.graph.questions.map { content.fingerprint(of: $0.id) }
            XCTAssertEqual(
                Set(prints).count, content.graph.questions.count, "\(language): one fingerprint per question")
            XCTAssertEqual(
                content.fingerprint(of: "letter.tone"),
                try ContentLoader.load(from: Paths.content, thorough: false).fingerprint(of: "letter.tone"), language)
        }
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("s.txt").path
        _ = try goodbye(["--session", file, "--lang", "en"], stdin: lines(["yes", "no"]))
        let resumed = try goodbye(["--session", file, "--lang", "fr"], stdin: "")
        XCTAssertFalse(resumed.stdout.contains("a changé"), resumed.stdout)
        XCTAssertTrue(asks(resumed.stdout, question: 3), resumed.stdout)
        // A changed question is noticed in English too.
        let content = folder.appendingPathComponent("contenu")
        try FileManager.default.copyItem(at: Paths.content, to: content)
        let dialogue = content.appendingPathComponent("dialogue.ini")
        try String(contentsOf: dialogue, encoding: .utf8).replacingOccurrences(
            of: "[engagement.no_internal_signoff]\n", with: "[engagement.no_internal_signoff]\nrevision = 2\n"
        )
        .write(to: dialogue, atomically: true, encoding: .utf8)
        let changed = try goodbye(["--session", file, "--lang", "en", "--content", content.path], stdin: "")
        XCTAssertTrue(changed.stdout.contains("This question has changed"), changed.stdout)
        XCTAssertTrue(asks(changed.stdout, question: 2), changed.stdout)
    }

    func testPipedRunsNeitherSaveByDefaultNorPrintEscapes() throws {
        let folder = try temporaryFolder(self)
        let outcome = try goodbye(
            [], stdin: lines(["oui"]), environment: ["XDG_STATE_HOME": folder.path, "TERM": "xterm-256color"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("goodbye").path))
        XCTAssertFalse(outcome.stdout.contains("\u{1B}"), "no escape sequence without a terminal")
        XCTAssertFalse(outcome.stderr.contains("\u{1B}"))
    }

    func testPlainModeHasNoDecorationAndOneIdeaALine() throws {
        let outcome = try goodbye(["--plain"], stdin: lines(["oui"]))
        XCTAssertTrue(
            outcome.stdout.contains(fr("(oui/non)").dropFirst().dropLast() + "\nVotre réponse\u{A0}: oui"),
            outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("›"))
    }

    func testControlCKeepsTheAnswersAndExits130() throws {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("s.txt").path
        let launched = try Launched(["--session", file])
        let (process, input, output, error) = (launched.process, launched.input, launched.output, launched.error)
        input.fileHandleForWriting.write(Data("oui\nnon\n".utf8))
        var seen = ""
        // Until the third question is asked, whatever the dialogue's length; a watchdog
        // stops the program if it never comes, so that the test fails instead of hanging.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
        while seen.range(of: #"Question 3 sur \d+"#, options: .regularExpression) == nil {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        watchdog.cancel()
        XCTAssertNotNil(seen.range(of: #"Question 3 sur \d+"#, options: .regularExpression), seen)
        process.interrupt()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(message.contains("interrompu"), message)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(
            saved.contains("engagement.no_feedback = oui") && saved.contains("engagement.no_internal_signoff = non"),
            saved)
    }
}

/// Whether `text` shows « Question N sur M » (or "Question N of M"), whatever the
/// dialogue's length M: the tests follow the content, never a count written here.
func asks(_ text: String, question number: Int) -> Bool {
    text.range(of: "Question \(number) (sur|of) [0-9]+ ", options: .regularExpression) != nil
}
