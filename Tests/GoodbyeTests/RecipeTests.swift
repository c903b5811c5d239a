import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import XCTest

/// The recipes of `docs/extending.md`, applied as written to a throw-away copy of
/// `Localization/`: what the guide promises is what a contributor gets.
final class RecipeTests: XCTestCase {
    static let guide = Paths.repository.appendingPathComponent("docs/extending.md")

    /// The ```ini blocks of the guide's section `heading`, in order.
    static func blocks(under heading: String) throws -> [String] {
        let text = try String(contentsOf: guide, encoding: .utf8)
        guard let start = text.range(of: "\n" + heading + "\n") else { throw TranscriptError("no « \(heading) » in the guide") }
        let section = text[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        var blocks: [String] = []
        var current: [String]?
        for line in section[..<end].split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed == "```ini" {
                current = []
            } else if trimmed == "```", let lines = current {
                blocks.append(lines.joined(separator: "\n") + "\n")
                current = nil
            } else if current != nil {
                current?.append(String(trimmed))
            }
        }
        return blocks
    }

    /// `block`'s sections written into `file`: a section the file has is replaced, a new
    /// one goes after the block's section before it (or at the end).
    static func apply(_ block: String, to file: URL) throws {
        var text = try String(contentsOf: file, encoding: .utf8)
        var after: String.Index?
        for section in block.components(separatedBy: "\n[").map({ $0.hasPrefix("[") ? $0 : "[" + $0 }) where section.count > 1 {
            let body = section.hasSuffix("\n") ? section : section + "\n"
            let header = String(body.prefix { $0 != "\n" })
            if let found = text.range(of: "\n" + header + "\n") {
                let from = text.index(after: found.lowerBound)
                let to = text[found.upperBound...].range(of: "\n[").map { text.index(after: $0.lowerBound) } ?? text.endIndex
                text.replaceSubrange(from..<to, with: body)
                after = text.index(from, offsetBy: body.count)
            } else {
                let at = after ?? text.endIndex
                text.insert(contentsOf: "\n" + body, at: at)
                after = text.index(at, offsetBy: body.count + 1)
            }
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func copyOfTheContent() throws -> URL {
        let folder = try temporaryFolder(self).appendingPathComponent("Localization")
        try FileManager.default.copyItem(at: Paths.content, to: folder)
        return folder
    }

    /// « Recette : ajouter un signe »: three content files, no Swift; `check` passes, the
    /// rule counts the sign, and re-recording each golden transcript adds one exchange,
    /// the new question's, and changes no other.
    func testTheSignRecipeIsContentOnlyAndAddsOneExchangePerTranscript() throws {
        let blocks = try Self.blocks(under: "## Recette\u{A0}: ajouter un signe")
        XCTAssertEqual(blocks.count, 3, "dialogue.ini, fr/texts.ini, en/texts.ini")
        let folder = try copyOfTheContent()
        for (block, file) in zip(blocks, ["dialogue.ini", "fr/texts.ini", "en/texts.ini"]) {
            try Self.apply(block, to: folder.appendingPathComponent(file))
        }
        XCTAssertEqual(ContentCompiler.compile(files: try ContentLoader.read(folder)).diagnostics.map(\.description), [])
        let content = try ContentLoader.load(from: folder)
        let added = try XCTUnwrap(content.graph.signQuestions.first { !Signs.ids.contains($0.id) }, "the recipe adds a sign")
        XCTAssertEqual(content.graph.signQuestions.count, Signs.ids.count + 1)

        // The rule counts it with its reason's other signs.
        let terminal = ScriptedTerminal(stdin: signAnswers(Signs.mask("reluctance.no_desire")) + "\(added.id) = oui\n")
        XCTAssertEqual(App(terminal: terminal, environment: [:], content: content).run(["run", "--answers", "-", "--no-input", "--format", "json"]), 0,
            terminal.stderr)
        XCTAssertTrue(terminal.stdout.contains("\"decision\": \"leave\""), terminal.stdout)
        XCTAssertTrue(terminal.stdout.contains("\"\(try XCTUnwrap(added.sign))\""), terminal.stdout)

        let names = try FileManager.default.contentsOfDirectory(atPath: GoldenTranscriptTests.folder.path).filter { $0.hasSuffix(".in") }.sorted()
        var keyed = 0
        for name in names {
            let input = try KeyedTranscript.parse(try String(contentsOf: GoldenTranscriptTests.folder.appendingPathComponent(name), encoding: .utf8), name: name)
            guard !input.positional else { continue }
            keyed += 1
            let language = input.arguments.contains("en") ? "en" : "fr"
            let terminal = KeyedTerminal(input.entries, recording: KeyedTerminal.proposal(content, language: language))
            _ = App(terminal: terminal, environment: [:], content: content).run(input.arguments)
            XCTAssertEqual(terminal.failures, [], name)
            let new = terminal.asked.filter { $0.id == added.id }
            XCTAssertEqual(new.map(\.line), [content.texts[language]?.text("ui.no") ?? "?"], "\(name): one new exchange, answered no")
            XCTAssertEqual(terminal.asked.filter { $0.id != added.id }, input.entries, "\(name): every other exchange as before")
        }
        XCTAssertGreaterThanOrEqual(keyed, 12)
    }

    /// « Recette : une nouvelle langue »: a copy of `en/` as a new folder passes `check`,
    /// and `--lang` offers it at once, in a whole session.
    func testALanguageIsOneFolder() throws {
        let folder = try copyOfTheContent()
        try FileManager.default.copyItem(at: folder.appendingPathComponent("en"), to: folder.appendingPathComponent("xx"))
        XCTAssertEqual(ContentCompiler.compile(files: try ContentLoader.read(folder)).diagnostics.map(\.description), [])
        let content = try ContentLoader.load(from: folder)
        XCTAssertNotNil(content.texts["xx"])
        let terminal = KeyedTerminal(lines: Signs.typed(Signs.mask("payment.pays_late"), language: "en") + ["", "6", "no"])
        let status = App(terminal: terminal, environment: [:], content: content).run(["--lang", "xx", "--date", "2026-11-29"])
        XCTAssertEqual(status, 0, terminal.stderr)
        XCTAssertTrue(terminal.stdout.contains("You can leave: one reason is enough."), terminal.stdout)
    }
}
