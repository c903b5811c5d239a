import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import TestSupport
import Vocabulary
import XCTest

/// The recipes of `docs/extending.md`, applied as written to a throw-away copy of
/// `Localization/`: what the guide promises is what a contributor gets.
final class RecipeTests: XCTestCase {
    static let guide = Paths.repository.appendingPathComponent("docs/extending.md")

    /// The ```ini blocks of the guide's section `heading`, in order.
    static func blocks(under heading: String) throws -> [String] {
        let text = try String(contentsOf: guide, encoding: .utf8)
        guard let start = text.range(of: "\n" + heading + "\n") else {
            throw TranscriptError("no « \(heading) » in the guide")
        }
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
        for section in block.components(separatedBy: "\n[").map({ $0.hasPrefix("[") ? $0 : "[" + $0 })
        where section.count > 1 {
            let body = section.hasSuffix("\n") ? section : section + "\n"
            let header = String(body.prefix { $0 != "\n" })
            if let found = text.range(of: "\n" + header + "\n") {
                let from = text.index(after: found.lowerBound)
                let to =
                    text[found.upperBound...].range(of: "\n[").map { text.index(after: $0.lowerBound) } ?? text.endIndex
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
        XCTAssertEqual(
            ContentCompiler.compile(files: try ContentLoader.read(folder)).diagnostics.map(\.description), [])
        let content = try ContentLoader.load(from: folder)
        let added = try XCTUnwrap(
            content.graph.signQuestions.first { !Signs.ids.contains($0.id) }, "the recipe adds a sign")
        XCTAssertEqual(content.graph.signQuestions.count, Signs.ids.count + 1)

        // The rule counts it with its reason's other signs.
        let terminal = ScriptedTerminal(stdin: signAnswers(Signs.mask("reluctance.no_desire")) + "\(added.id) = oui\n")
        XCTAssertEqual(
            App(terminal: terminal, environment: [:], content: content).run([
                "run", "--answers", "-", "--no-input", "--format", "json",
            ]), 0,
            terminal.stderr)
        XCTAssertTrue(terminal.stdout.contains("\"decision\": \"leave\""), terminal.stdout)
        XCTAssertTrue(terminal.stdout.contains("\"\(try XCTUnwrap(added.sign))\""), terminal.stdout)

        let names = try FileManager.default.contentsOfDirectory(atPath: GoldenTranscriptTests.folder.path).filter {
            $0.hasSuffix(".in")
        }.sorted()
        var keyed = 0
        for name in names {
            let input = try KeyedTranscript.parse(
                try String(contentsOf: GoldenTranscriptTests.folder.appendingPathComponent(name), encoding: .utf8),
                name: name)
            guard !input.positional else { continue }
            keyed += 1
            let language = input.arguments.contains("en") ? "en" : "fr"
            let terminal = KeyedTerminal(input.entries, recording: KeyedTerminal.proposal(content, language: language))
            _ = App(terminal: terminal, environment: [:], content: content).run(input.arguments)
            XCTAssertEqual(terminal.failures, [], name)
            let new = terminal.asked.filter { $0.id == added.id }
            XCTAssertEqual(
                new.map(\.line), [content.texts[language]?.text("ui.no") ?? "?"],
                "\(name): one new exchange, answered no")
            XCTAssertEqual(
                terminal.asked.filter { $0.id != added.id }, input.entries, "\(name): every other exchange as before")
        }
        XCTAssertGreaterThanOrEqual(keyed, 12)
    }

    /// « Recette : une nouvelle langue »: a copy of `en/` as a new folder passes `check`,
    /// and `--lang` offers it at once, in a whole session.
    func testALanguageIsOneFolder() throws {
        let folder = try copyOfTheContent()
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("en"), to: folder.appendingPathComponent("xx"))
        // Its own words for yes, no and a duration's units, in its texts only.
        let texts = folder.appendingPathComponent("xx/texts.ini")
        try (try String(contentsOf: texts, encoding: .utf8)).replacingOccurrences(
            of: "yes = yes, y\nno = no, n\ndays = d, day, days\n",
            with: "yes = ja\nno = nein\ndays = tag, tage\n"
        ).write(to: texts, atomically: true, encoding: .utf8)
        XCTAssertEqual(
            ContentCompiler.compile(files: try ContentLoader.read(folder)).diagnostics.map(\.description), [])
        let content = try ContentLoader.load(from: folder)
        XCTAssertNotNil(content.texts["xx"])
        let parser = content.parser(for: "xx")
        XCTAssertTrue(parser.saysYes("Ja"))
        XCTAssertEqual(parser.parse("nein", for: Question(id: "q", type: .yesNo)), .success(YesNo.no))
        XCTAssertEqual(parser.parse("30 Tage", for: Question(id: "q", type: .duration)), .success("30"))
        let lines = Signs.typed(Signs.mask("payment.pays_late"), language: "en").map { $0 == "yes" ? "ja" : "nein" }
        let terminal = KeyedTerminal(lines: lines + ["", "6", "nein"])
        let status = App(terminal: terminal, environment: [:], content: content).run([
            "--lang", "xx", "--date", "2026-11-29",
        ])
        XCTAssertEqual(status, 0, terminal.stderr)
        XCTAssertTrue(terminal.stdout.contains("You can leave: one reason is enough."), terminal.stdout)
    }
    /// A new letter kind reading new answers, in content only (0 Swift): two questions in
    /// `dialogue.ini`, the kind and its route in `letters.ini`, their texts and the
    /// templates in each language. `check` passes; `goodbye letter --kind` asks the
    /// kind's questions, not the farewell letter's, and the letter says the answers.
    func testANewKindReadingANewAnswerIsContentOnly() throws {
        let folder = try copyOfTheContent()
        func append(_ file: String, _ text: String) throws {
            let url = folder.appendingPathComponent(file)
            try (try String(contentsOf: url, encoding: .utf8) + "\n" + text).write(
                to: url, atomically: true, encoding: .utf8)
        }
        func write(_ file: String, _ text: String) throws {
            let url = folder.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try append(
            "dialogue.ini",
            """
            [price.new_rate]
            type = amount
            group = letter
            next = price.from

            [price.from]
            type = date
            group = letter
            next = reflection.want

            """)
        try append(
            "letters.ini",
            """
            [price-increase]
            start = sender.name
            decisions = stay, talk
            letter.route = price.new_rate
            warnings =

            [price-increase.sample]
            sender.name = Claire Martin
            client.name = Paul Durand
            client.civility = monsieur
            price.new_rate = 650.00
            price.from = 2027-01-01

            """)
        try append(
            "fr/texts.ini",
            """
            [price.new_rate]
            prompt = Quel sera votre nouveau tarif journalier\u{202F}?

            [price.from]
            prompt = À partir de quand s’applique-t-il\u{202F}?

            """)
        try append(
            "en/texts.ini",
            """
            [price.new_rate]
            prompt = What will your new daily rate be?

            [price.from]
            prompt = From when does it apply?

            """)
        for (language, subject, body, closing) in [
            (
                "fr", "nouveaux tarifs",
                "Notre tarif journalier passera à {{answers.price.new_rate}} à compter du {{answers.price.from}}.",
                "Je vous prie d’agréer{{#closing_appel}}, {{closing_appel}},{{/closing_appel}} mes salutations distinguées."
            ),
            (
                "en", "new rates", "Our daily rate will be {{answers.price.new_rate}} from {{answers.price.from}}.",
                "Yours sincerely,"
            ),
        ] {
            try write("\(language)/letters/price-increase/subject.mustache", subject + "\n")
            try write("\(language)/letters/price-increase/body.mustache", body + "\n")
            try write("\(language)/letters/price-increase/closing.mustache", closing + "\n")
        }
        XCTAssertEqual(
            ContentCompiler.compile(files: try ContentLoader.read(folder)).diagnostics.map(\.description), [])
        let content = try ContentLoader.load(from: folder)
        let kind = try XCTUnwrap(content.kind("price-increase"))
        let asked = content.graph.questions(reachableFrom: kind.start, computed: ["kind": kind.id]).map(\.id)
        XCTAssertTrue(asked.contains("price.new_rate") && asked.contains("price.from"), "\(asked)")
        XCTAssertFalse(
            asked.contains("letter.contract_date") || asked.contains("letter.tone"),
            "not the farewell letter's questions: \(asked)")

        let answers =
            "sender.name = Claire Martin\nsender.city = 69003 Lyon\nclient.name = Paul Durand\nclient.civility = monsieur\nprice.new_rate = 650\nprice.from = 01/01/2027\n"
        let terminal = ScriptedTerminal(stdin: answers)
        let status = App(terminal: terminal, environment: [:], content: content)
            .run(["letter", "--kind", "price-increase", "--answers", "-", "--no-input", "--date", "2026-12-04"])
        XCTAssertEqual(status, 0, terminal.stderr)
        XCTAssertTrue(
            terminal.stdout.contains("Notre tarif journalier passera à 650,00\u{A0}€ à compter du 1er janvier 2027."),
            terminal.stdout)
        XCTAssertTrue(terminal.stdout.contains("nouveaux tarifs"), terminal.stdout)
        // Asked in a session, the kind's own questions come after the sender's and the client's.
        let typed = [
            "sender.name": "Claire Martin", "sender.city": "69003 Lyon", "client.name": "Paul Durand",
            "price.new_rate": "650",
            "price.from": "01/01/2027",
        ].map { KeyedTranscript.Entry(id: $0.key, line: $0.value) }
        let session = KeyedTerminal(typed, recording: KeyedTerminal.proposal(content, language: "fr"))
        _ = App(terminal: session, environment: [:], content: content).run([
            "letter", "--kind", "price-increase", "--date", "2026-12-04",
        ])
        XCTAssertTrue(session.asked.map(\.id).contains("price.new_rate"), session.stdout + session.stderr)
        XCTAssertFalse(session.asked.map(\.id).contains("letter.contract_date"), "\(session.asked.map(\.id))")
        XCTAssertEqual(session.failures, [])
        XCTAssertTrue(
            session.stdout.contains("Notre tarif journalier passera à 650,00\u{A0}€ à compter du 1er janvier 2027."),
            session.stdout)
    }
    /// A kind's route names an `@kind` branch and an existing step; a typo in either is
    /// GB019 at its line of letters.ini, never a kind silently asking the farewell questions.
    func testARouteNamesABranchAndAStep() throws {
        for (route, key) in [
            ("letter.rout = talk.when", "diagnostic.kind_route_not_a_branch"),
            ("letter.route = talk.nowhere", "diagnostic.kind_route_missing"),
        ] {
            let folder = try copyOfTheContent()
            let file = folder.appendingPathComponent("letters.ini")
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "letter.route = talk.when", with: route).write(
                to: file, atomically: true, encoding: .utf8)
            let diagnostics = ContentCompiler.compile(files: try ContentLoader.read(folder)).diagnostics
            XCTAssertTrue(
                diagnostics.contains {
                    $0.code == .letterKinds && $0.file == "letters.ini" && $0.line > 0 && $0.description.contains(key)
                },
                diagnostics.map(\.description).joined(separator: "\n"))
        }
    }
}
