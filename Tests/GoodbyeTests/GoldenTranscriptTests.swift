import ContentLoading
import DialogueCore
import Foundation
import XCTest

/// Golden transcripts: `NAME.in` (arguments in a `# args:` line, then the lines typed)
/// piped into the binary; `NAME.out` is everything it printed and its exit status.
/// Re-record after reading the differences: `Scripts/record-golden.sh`.
final class GoldenTranscriptTests: XCTestCase {
    static let folder = Paths.repository.appendingPathComponent("Tests/GoodbyeTests/Golden/transcripts")

    func testTranscriptsMatchAndReachEveryQuestionAndDecision() throws {
        let content = try ContentLoader.load(from: Paths.content)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".in") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 12)
        var outputs: [String: [String]] = [:]
        for name in names {
            let input = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
            let arguments = lines.first { $0.hasPrefix("# args: ") }.map { $0.dropFirst(8).split(separator: " ").map(String.init) } ?? []
            let typed = lines.filter { !$0.hasPrefix("#") }.joined(separator: "\n")
            let outcome = try goodbye(arguments, stdin: typed)
            let transcript = "$ goodbye \(arguments.joined(separator: " "))\n\(outcome.stdout)\n--- stderr ---\n\(outcome.stderr)--- exit \(outcome.status) ---\n"
            let golden = Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".in", with: ".out"))
            if GoldenLetterTests.recording {
                try transcript.write(to: golden, atomically: true, encoding: .utf8)
            } else {
                XCTAssertEqual(transcript, try String(contentsOf: golden, encoding: .utf8), "\(name) differs from its transcript")
            }
            let language = arguments.contains("en") ? "en" : "fr"
            outputs[language, default: []].append(outcome.stdout + outcome.stderr)
        }
        XCTAssertFalse(GoldenLetterTests.recording, "recorded \(names.count) transcripts: read them, then run the tests without GOODBYE_RECORD")
        try checkCoverage(content, outputs)
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
        print("transcripts: coverage fr \(total - missed.filter { $0.hasPrefix("fr:") }.count)/\(total), "
            + "en \(total - missed.filter { $0.hasPrefix("en:") }.count)/\(total); not reached: "
            + (missed.isEmpty ? "none" : missed.joined(separator: ", ")))
        XCTAssertEqual(missed, [], "every question and decision is reached, in both languages")
    }
}

extension GoldenTranscriptTests {
    /// "Question 1 sur 2" then "2 sur 26" read as a broken promise: in every transcript,
    /// within a part, a total once shown never grows, and numbers follow each other.
    func testProgressTotalsNeverJumpUp() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".out") }.sorted()
        let progress = try NSRegularExpression(pattern: #"^Question (\d+)(?: (?:sur|of) (\d+))? · "#, options: .anchorsMatchLines)
        var seen = 0
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            var last: (number: Int, total: Int?)?
            for match in progress.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                seen += 1
                let number = Int(text[Range(match.range(at: 1), in: text)!])!
                let total = Range(match.range(at: 2), in: text).map { Int(text[$0])! }
                if let previous = last, number > previous.number, let before = previous.total {
                    XCTAssertLessThanOrEqual(total ?? before, before, "\(name): question \(number) after \(previous.number) of \(before)")
                    XCTAssertNotNil(total, "\(name): a total shown, then none, in the same part")
                }
                if let total { XCTAssertLessThanOrEqual(number, total, name) }
                last = (number, total)
            }
        }
        XCTAssertGreaterThan(seen, 100)
    }
}
