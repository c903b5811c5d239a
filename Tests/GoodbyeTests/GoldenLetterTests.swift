import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// Golden letters: `Golden/letters/NAME.answers` in, `NAME.txt` out, exactly.
/// Re-record after reading the differences: `Scripts/record-golden.sh`.
final class GoldenLetterTests: XCTestCase {
    static let folder = Paths.repository.appendingPathComponent("Tests/GoodbyeTests/Golden/letters")
    static var recording: Bool { ProcessInfo.processInfo.environment["GOODBYE_RECORD"] == "1" }

    /// Each golden letter's answers drafted again, `NAME.answers` to `NAME.txt`.
    func draftAll() throws -> [String: String] {
        let content = try ContentLoader.load(from: Paths.content)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".answers") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 12)
        var letters: [String: String] = [:]
        for name in names {
            let answers = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            let date =
                answers.split(separator: "\n").first { $0.hasPrefix("# date: ") }.map { String($0.dropFirst(8)) }
                ?? "2026-11-29"
            // `# args: --kind formal-notice --lang en`: the kind and language of the letter.
            let extra =
                answers.split(separator: "\n").first { $0.hasPrefix("# args: ") }
                .map { $0.dropFirst(8).split(separator: " ").map(String.init) } ?? []
            let terminal = ScriptedTerminal(stdin: answers)
            let app = App(terminal: terminal, environment: [:], content: content)
            XCTAssertEqual(
                app.run(["letter", "--answers", "-", "--no-input", "--date", date] + extra), 0,
                "\(name): \(terminal.stderr)")
            let golden = Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".answers", with: ".txt"))
            if Self.recording {
                try terminal.stdout.write(to: golden, atomically: true, encoding: .utf8)
            } else {
                let expected = try String(contentsOf: golden, encoding: .utf8)
                XCTAssertEqual(terminal.stdout, expected, "\(name) differs from its golden letter")
            }
            letters[name] = terminal.stdout
        }
        XCTAssertFalse(
            Self.recording,
            "recorded \(names.count) golden letters: read them, then run the tests without GOODBYE_RECORD")
        return letters
    }

    func testGoldenLetters() throws {
        _ = try draftAll()
    }

    func testGoldenLettersPassTheFrenchCheckers() throws {
        try requireTools(missingFrenchCheckers, for: "French checks (check-french)")
        try assertFrench(
            distinctLines(try draftAll().filter { !$0.key.contains("-en-") }),
            words: [
                "Lumen", "Dupont", "Durand", "Dubois", "Foch", "Villeurbanne",
                "Lazare-Goujon", "Leroy", "claire@atelier-lumen.fr", "SIRET", "SARL",
            ], acronyms: ["RCS"])
    }
}
