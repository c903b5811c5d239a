import BuiltInContent
import DialogueCore
import Foundation
import LetterComposition
import TestSupport
import XCTest

@testable import ContentGeneration
@testable import ContentLoading

/// Issue 15: the content is compiled into the program at build time. What it holds must
/// be exactly `Localization/` as `goodbye check` reads it, and the program must run
/// with no content folder anywhere.
final class BuiltInContentTests: XCTestCase {
    func testTheBuiltInContentIsLocalizationCompiled() throws {
        let compiled = BuiltInContent.compiled
        XCTAssertEqual(compiled.files(), try ContentLoader.read(Paths.content), "the sources, byte for byte")
        let fromFolder = try ContentLoader.load(from: Paths.content, thorough: false)
        let builtIn = compiled.content()
        XCTAssertEqual(compiled.languages, ["en", "fr"])
        XCTAssertEqual(builtIn.graph, fromFolder.graph)
        XCTAssertEqual(builtIn.graph.questions.count, fromFolder.graph.questions.count)
        XCTAssertEqual(builtIn.rates, fromFolder.rates)
        XCTAssertEqual(builtIn.kinds.map { LetterKindSummary($0) }, fromFolder.kinds.map { LetterKindSummary($0) })
        XCTAssertEqual(compiled.kindIds, fromFolder.kinds.map(\.id))
        for language in ["fr", "en"] {
            XCTAssertEqual(builtIn.texts[language]?.values, fromFolder.texts[language]?.values, language)
            XCTAssertEqual(
                builtIn.parser(for: language).choiceWords, fromFolder.parser(for: language).choiceWords, language)
            // The templates, parsed at build time: the same trees as parsed from the folder.
            for kind in fromFolder.kinds {
                let built = try XCTUnwrap(builtIn.drafter(kind: kind, language: language)).templates.templates
                let read = try XCTUnwrap(fromFolder.drafter(kind: kind, language: language)).templates.templates
                XCTAssertEqual(built.keys.sorted(), read.keys.sorted(), "\(language) \(kind.id)")
                for (name, template) in read {
                    XCTAssertEqual(built[name]?.nodes, template.nodes, "\(language) \(kind.id) \(name)")
                    XCTAssertEqual(built[name]?.name, template.name)
                    XCTAssertEqual(built[name]?.source, template.source)
                }
            }
        }
        // One language asked for: the other is not built.
        XCTAssertEqual(compiled.content(language: "en").texts.keys.sorted(), ["en"])
    }

    /// The generated source reads unambiguously: quotes, backslashes and every invisible
    /// character escaped; letters, accents and typographic signs kept as they are.
    func testLiteralsEscapeWhatCannotBeSeen() {
        XCTAssertEqual(BuiltInSource.literal("a\"b\\c"), #""a\"b\\c""#)
        XCTAssertEqual(BuiltInSource.literal("ligne\nsuite\tfin"), #""ligne\nsuite\tfin""#)
        XCTAssertEqual(
            BuiltInSource.literal("Objet\u{A0}: «\u{A0}oui\u{A0}»\u{202F}!"),
            #""Objet\u{A0}: «\u{A0}oui\u{A0}»\u{202F}!""#)
        XCTAssertEqual(BuiltInSource.literal("\u{2028}\u{200B}\u{1B}é’–€"), #""\u{2028}\u{200B}\u{1B}é’–€""#)
        XCTAssertEqual(BuiltInSource.literal("\\(interpolation)"), #""\\(interpolation)""#)
    }

    /// Content that `goodbye check` refuses fails the build: the compiler run by the
    /// build plugin names the file and line, and exits 1.
    func testTheBuildRefusesContentThatCheckRefuses() throws {
        let tool = Paths.binary.deletingLastPathComponent().appendingPathComponent("goodbye-compile-content")
        let folder = try temporaryFolder(self)
        let content = folder.appendingPathComponent("Localization")
        try FileManager.default.copyItem(at: Paths.content, to: content)
        let output = folder.appendingPathComponent("out.swift")
        let good = try Launched([content.path, output.path], binary: tool).finish(stdin: "")
        XCTAssertEqual(good.status, 0, good.stderr)
        let source = try String(contentsOf: output, encoding: .utf8)
        XCTAssertTrue(source.contains("enum BuiltInContent_generated"))
        XCTAssertTrue(source.contains(#""dialogue.ini": "#))
        let texts = content.appendingPathComponent("fr/texts.ini")
        try (String(contentsOf: texts, encoding: .utf8) + "\n[intro]\nsans égal\n").write(
            to: texts, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: output)
        let bad = try Launched([content.path, output.path], binary: tool).finish(stdin: "")
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("fr/texts.ini:"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains(": error: GB"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing generated from bad content")
    }

    /// The program needs no content folder: a copy of the binary alone in an empty
    /// folder runs a whole session and drafts its letter.
    func testTheProgramRunsWithoutAnyContentFolder() throws {
        let folder = try temporaryFolder(self)
        let binary = folder.appendingPathComponent("goodbye")
        try FileManager.default.copyItem(at: Paths.binary, to: binary)
        let answers = GoldenLetterTests.folder.appendingPathComponent("01-neutre-entreprise-preavis.answers")
        let letter = try Launched(
            ["letter", "--answers", answers.path, "--no-input", "--date", "2026-11-29"],
            directory: folder, binary: binary
        ).finish(stdin: "")
        XCTAssertEqual(letter.status, 0, letter.stderr)
        XCTAssertEqual(
            letter.stdout,
            try goodbye([
                "letter", "--content", Paths.content.path, "--answers", answers.path,
                "--no-input", "--date", "2026-11-29",
            ]).stdout, "the same letter as from the folder")
        let check = try Launched(["check"], directory: folder, binary: binary).finish(stdin: "")
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(check.stdout, "Contenu valide\u{A0}: contenu intégré au programme\n")
        let help = try Launched(["--help"], directory: folder, binary: binary).finish(stdin: "")
        XCTAssertTrue(help.stdout.contains("mise-en-demeure"), help.stdout)
        let english = try Launched(["--help", "--lang", "en"], directory: folder, binary: binary).finish(stdin: "")
        XCTAssertTrue(english.stdout.contains("formal-notice"), english.stdout)
    }
}

/// A letter kind without its samples (which the built-in structure leaves out).
private struct LetterKindSummary: Equatable {
    var id, start: String
    var ask: String?
    var decisions: [Decision]
    var registered: Bool
    init(_ kind: LetterKind) {
        (id, start, ask, decisions, registered) = (kind.id, kind.start, kind.ask, kind.decisions, kind.registered)
    }
}

extension BuiltInContentTests {
    /// The built-in parsers accept what a content folder's accept: the words of the
    /// choices, and the yes/no and duration words of every language's `[words]`.
    func testTheBuiltInParsersAreTheContentFoldersParsers() throws {
        let folder = try ContentLoader.load(from: Paths.content)
        for language in ["fr", "en"] {
            let built = BuiltInContent.compiled.content(language: language).parser(for: language)
            let loaded = folder.parser(for: language)
            XCTAssertEqual(built.choiceWords, loaded.choiceWords, language)
            XCTAssertEqual(built.yesNoWords, loaded.yesNoWords, language)
            XCTAssertEqual(built.dayWords, loaded.dayWords, language)
            XCTAssertEqual(built.monthWords, loaded.monthWords, language)
            XCTAssertEqual(built.yesNoWords["yes"], YesNo.yes, "an English word in any session")
        }
    }
}
