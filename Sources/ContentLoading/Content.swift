import DialogueCore
import LetterComposition
import LetterTemplating

/// Everything `Localization/` holds, loaded and validated: the graph, each language's
/// text, each language's letter templates, and the dated rates.
public struct Content: Sendable {
    public var graph: DialogueGraph
    public var texts: [String: TextTable]
    public var letters: [String: TemplateLibrary]
    public var rates: RateTable

    /// Answer parsers by language, built once.
    public private(set) var parsers: [String: AnswerParser] = [:]

    public init(graph: DialogueGraph, texts: [String: TextTable], letters: [String: TemplateLibrary], rates: RateTable) {
        self.graph = graph
        self.texts = texts
        self.letters = letters
        self.rates = rates
        for language in texts.keys { parsers[language] = makeParser(for: language) }
    }

    /// The parser that accepts, for each choice, its id, its label in `language`, or its number.
    public func parser(for language: String) -> AnswerParser {
        parsers[language] ?? makeParser(for: language)
    }

    private func makeParser(for language: String) -> AnswerParser {
        var words: [String: [String: String]] = [:]
        let tables = [texts[language]].compactMap { $0 } + texts.values.filter { $0.language != language }
        for question in graph.questions where question.type == .choice {
            var map: [String: String] = [:]
            for table in tables.reversed() {
                for choice in question.choices {
                    if let label = table["\(question.id).choice.\(choice)"] { map[folded(label)] = choice }
                }
            }
            for choice in question.choices { map[folded(choice)] = choice }
            words[question.id] = map
        }
        return AnswerParser(choiceWords: words)
    }
}

/// Turns the files of a content folder (relative path -> text) into `Content`, with
/// every problem found. Pure: the folder is read elsewhere.
public enum ContentCompiler {
    public static let reference = "fr"

    /// `thorough` also renders every letter variant strictly (GB011): `goodbye check` and
    /// the tests do; a session skips it, as it would cost its start-up dearly.
    public static func compile(files: [String: String], thorough: Bool = true) -> (content: Content?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let dialogue = files[GraphCompiler.file] else {
            return (nil, [Diagnostic("GB002", file: GraphCompiler.file, line: 0,
                "fichier introuvable : le dossier de contenu doit contenir dialogue.ini")])
        }
        var compiler = GraphCompiler()
        let graph = compiler.compile(KeyValueFile(text: dialogue, file: GraphCompiler.file))
        diagnostics += compiler.diagnostics
        var texts: [String: TextTable] = [:]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix("/texts.ini") {
            let language = String(path.dropLast("/texts.ini".count))
            let (table, problems) = TextCompiler.compile(text, file: path, language: language)
            texts[language] = table
            diagnostics += problems
        }
        let (letters, letterProblems) = compileLetters(files, thorough: thorough)
        diagnostics += letterProblems
        let (rates, rateProblems) = RateCompiler.compile(files[RateCompiler.file], file: RateCompiler.file)
        diagnostics += rateProblems
        guard let graph else { return (nil, diagnostics.sorted()) }
        var validation = GraphValidation(graph: graph, compiler: compiler, computedDefaults: LetterFacts.computedNames)
        diagnostics += validation.run()
        if thorough, texts[reference] == nil {
            diagnostics.append(Diagnostic("GB008", file: "\(reference)/texts.ini", line: 0,
                "le texte français manque : créez \(reference)/texts.ini"))
        }
        diagnostics += TextValidation(graph: graph, texts: texts, thorough: thorough).run()
        let content = Content(graph: graph, texts: texts, letters: letters, rates: rates)
        let broken = Set(letterProblems.filter { $0.code == "GB010" }.compactMap { $0.file.split(separator: "/").first.map(String.init) })
        if thorough { diagnostics += LetterValidation(content: content, skipping: broken).run() }
        return (content, diagnostics.sorted())
    }

    private static func compileLetters(_ files: [String: String], thorough: Bool) -> ([String: TemplateLibrary], [Diagnostic]) {
        var sources: [String: [String: Template]] = [:]
        var diagnostics: [Diagnostic] = []
        for (path, text) in files where path.hasSuffix(".mustache") {
            let parts = path.split(separator: "/")
            guard parts.count == 3, parts[1] == "letters" else { continue }
            let name = String(parts[2].dropLast(".mustache".count))
            if thorough, parts[0] == Substring(reference) {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                    .filter { !$0.element.hasPrefix("{{!") }.map { ($0.offset + 1, 1, String($0.element)) }
                diagnostics += TypographyCheck.diagnostics(file: path, lines: lines)
            }
            do {
                sources[String(parts[0]), default: [:]][name] = try Template(text, name: name)
            } catch {
                diagnostics.append(Diagnostic("GB010", file: path, line: error.location.line, column: error.location.column,
                    error.message))
            }
        }
        return (sources.mapValues { TemplateLibrary(templates: $0) }, diagnostics)
    }
}
