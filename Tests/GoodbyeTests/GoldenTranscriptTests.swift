import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import TestSupport
import Vocabulary
import XCTest

/// Golden transcripts: `NAME.in` (arguments in a `# args:` line, then the lines typed)
/// piped into the binary; `NAME.out` is everything it printed and its exit status.
/// Re-record after reading the differences: `Scripts/record-golden.sh`.
final class GoldenTranscriptTests: XCTestCase {
    static let folder = Paths.repository.appendingPathComponent("Tests/GoodbyeTests/Golden/transcripts")

    func testTranscriptsMatchAndReachEveryQuestionAndDecision() throws {
        let content = try ContentLoader.load(from: Paths.content)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".in") }
            .sorted()
        XCTAssertGreaterThanOrEqual(names.count, 12)
        var outputs: [String: [String]] = [:]
        for name in names {
            let file = Self.folder.appendingPathComponent(name)
            let input = try KeyedTranscript.parse(try String(contentsOf: file, encoding: .utf8), name: name)
            let (transcript, terminal) = Self.run(input, content)
            let golden = Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".in", with: ".out"))
            if GoldenLetterTests.recording {
                try transcript.write(to: golden, atomically: true, encoding: .utf8)
                if !input.positional {
                    // The exchanges as asked: a new question shows as one new line.
                    var recorded = input
                    recorded.entries = terminal.asked
                    try recorded.text.write(to: file, atomically: true, encoding: .utf8)
                }
            } else {
                XCTAssertEqual(terminal.failures, [], "\(name): the transcript does not answer what the program asks")
                XCTAssertEqual(
                    terminal.unused.map { "\($0.id): \($0.line)" }, [], "\(name): answers to questions never asked")
                XCTAssertEqual(
                    transcript, try String(contentsOf: golden, encoding: .utf8), "\(name) differs from its transcript")
            }
            outputs[input.arguments.contains("en") ? "en" : "fr", default: []].append(terminal.stdout + terminal.stderr)
        }
        XCTAssertFalse(
            GoldenLetterTests.recording,
            "recorded \(names.count) transcripts: read them, then run the tests without GOODBYE_RECORD")
        try checkCoverage(content, outputs)
    }

    /// Runs `input` in this process as a pipe would: the program's output and status as
    /// the transcript shows them, and the terminal (what was asked, what failed).
    static func run(_ input: KeyedTranscript, _ content: Content) -> (String, KeyedTerminal) {
        let language = input.arguments.contains("en") ? "en" : "fr"
        let terminal =
            input.positional
            ? KeyedTerminal(lines: input.lines)
            : KeyedTerminal(
                input.entries,
                recording: GoldenLetterTests.recording
                    ? KeyedTerminal.proposal(content, language: language) : { _ in nil })
        let status = App(terminal: terminal, environment: [:], content: content).run(input.arguments)
        let transcript =
            "$ goodbye \(input.arguments.joined(separator: " "))\n\(terminal.stdout)\n--- stderr ---\n\(terminal.stderr)--- exit \(status) ---\n"
        return (transcript, terminal)
    }

    /// A question is reached when its prompt shows in a transcript, a decision when its
    /// title does; the coverage line names what no transcript reaches.
    func checkCoverage(_ content: Content, _ outputs: [String: [String]]) throws {
        var missed: [String] = []
        for (language, texts) in outputs.sorted(by: { $0.key < $1.key }) {
            let table = try XCTUnwrap(content.texts[language])
            let all = texts.joined(separator: "\n")
            for question in content.graph.questions where !all.contains(table.text(question.id + ".prompt")) {
                missed.append("\(language):\(question.id)")
            }
            for decision in Decision.allCases where !all.contains(table.text("decision.\(decision.rawValue).title")) {
                missed.append("\(language):\(decision.rawValue)")
            }
        }
        let total = content.graph.questions.count + Decision.allCases.count
        print(
            "transcripts: coverage fr \(total - missed.filter { $0.hasPrefix("fr:") }.count)/\(total), "
                + "en \(total - missed.filter { $0.hasPrefix("en:") }.count)/\(total); not reached: "
                + (missed.isEmpty ? "none" : missed.joined(separator: ", ")))
        XCTAssertEqual(missed, [], "every question and decision is reached, in both languages")
    }
}

extension GoldenTranscriptTests {
    /// « Question 1 sur 16 », then « Question 1 · Votre lettre » read as a broken
    /// promise: in every transcript each question shows « Question N sur M », N goes on
    /// by one from a question to the next (never restarting) in every transcript where the
    /// person does not go back (`:retour`, a number at the review), and N never passes M.
    func testProgressIsShownOnEveryQuestionAndNeverJumps() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0.hasSuffix(".out")
        }.sorted()
        let progress = try NSRegularExpression(
            pattern: #"^Question (\d+)(?: (?:sur|of) (\d+))? · "#, options: .anchorsMatchLines)
        var seen = 0
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            let input = try String(
                contentsOf: Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".out", with: ".in")),
                encoding: .utf8)
            let goesBack =
                input.contains(":retour") || input.contains(":back") || input.contains("Récapitulatif")
                || text.contains("Tapez un numéro de 1 à") || text.contains("Type a number from 1 to")
            var last: Int?
            for match in progress.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                seen += 1
                let number = Int(text[Range(match.range(at: 1), in: text)!])!
                guard let totalRange = Range(match.range(at: 2), in: text), let total = Int(text[totalRange]) else {
                    XCTFail("\(name): question \(number) without its total")
                    continue
                }
                XCTAssertLessThanOrEqual(number, total, name)
                if let last, !goesBack { XCTAssertEqual(number, last + 1, "\(name): question \(number) after \(last)") }
                last = number
            }
        }
        XCTAssertGreaterThan(seen, 100)
    }
}

extension GoldenTranscriptTests {
    /// A transcript that does not answer what is asked fails, naming both, instead of
    /// feeding its next line to the wrong question; an answer never asked fails too.
    func testAKeyedTranscriptFailsLoudlyOnAQuestionItDoesNotAnswer() throws {
        let content = try ContentLoader.load(from: Paths.content)
        let input = try KeyedTranscript.parse(
            "# args: --date 2026-11-29\nengagement.no_feedback: non\nengagement.renamed: oui\n", name: "t.in")
        let (transcript, terminal) = Self.run(input, content)
        XCTAssertEqual(
            terminal.failures,
            ["asked engagement.no_internal_signoff, the transcript answers « engagement.renamed: oui »"])
        XCTAssertEqual(terminal.unused, [.init(id: "engagement.renamed", line: "oui")])
        XCTAssertTrue(
            transcript.hasSuffix("--- exit 1 ---\n"), "input ended at the question it does not answer: \(transcript)")
        XCTAssertThrowsError(try KeyedTranscript.parse("# args:\nengagement.no_feedback non\n", name: "t.in")) {
            error in
            XCTAssertEqual("\(error)", "t.in:2: « engagement.no_feedback non » is not « QUESTION_ID: typed »")
        }
    }
}
