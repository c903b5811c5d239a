import DialogueCore
import LetterComposition
import LetterTemplating
import Vocabulary

/// Everything `Localization/` holds, loaded and validated: the graph, each language's
/// text and messages, the letter kinds and each language's templates for them, and
/// the dated rates.
public struct Content: Sendable {
    public var graph: DialogueGraph
    public var texts: [String: TextTable]
    /// Templates by language, then by letter kind (the kind's own and the shared ones).
    public var letters: [String: [String: TemplateLibrary]]
    public var kinds: [LetterKind]
    public var rates: RateTable

    /// Answer parsers by language, built once.
    public private(set) var parsers: [String: AnswerParser] = [:]

    public init(
        graph: DialogueGraph, texts: [String: TextTable], letters: [String: [String: TemplateLibrary]],
        kinds: [LetterKind],
        rates: RateTable, parsers: [String: AnswerParser]? = nil
    ) {
        self.graph = graph
        self.texts = texts
        self.letters = letters
        self.kinds = kinds
        self.rates = rates
        // Given by the built-in content, compiled at build time; made here otherwise.
        if let parsers {
            self.parsers = parsers
        } else {
            for language in texts.keys { self.parsers[language] = makeParser(for: language) }
        }
    }

    public func kind(_ id: String) -> LetterKind? { kinds.first { $0.id == id } }

    /// The drafter of `kind` in `language`; nil when that language has no templates for it.
    public func drafter(kind: LetterKind, language: String) -> LetterDrafter? {
        guard let texts = texts[language], let library = letters[language]?[kind.id] ?? parsedLater(kind.id, language)
        else { return nil }
        return LetterDrafter(kind: kind, texts: texts, templates: library, rates: rates, graph: graph)
    }

    /// Template sources a session keeps unparsed, by language then file path: only the
    /// kind it drafts is parsed (`goodbye check` parses and renders them all).
    var unparsed: [String: [String: String]] = [:]

    /// The built-in content's templates, parsed when the program was built: by language
    /// and kind, the kind's own and the shared ones.
    var parsed: (@Sendable (_ language: String, _ kind: String) -> [String: Template]?)?

    private func parsedLater(_ kind: String, _ language: String) -> TemplateLibrary? {
        if let parsed, let templates = parsed(language, kind) { return TemplateLibrary(templates: templates) }
        guard let sources = unparsed[language] else { return nil }
        var templates: [String: Template] = [:]
        for (path, source) in sources.sorted(by: { $0.key < $1.key }) {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 3 || (parts.count == 4 && parts[2] == kind) else { continue }
            let name = String(parts[parts.count - 1].dropLast(".mustache".count))
            guard
                let template = try? Template(
                    source, name: parts.dropFirst(2).joined(separator: "/").dropLast(".mustache".count).description)
            else { return nil }
            if parts.count == 4 || templates[name] == nil { templates[name] = template }
        }
        return templates.isEmpty ? nil : TemplateLibrary(templates: templates)
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
            // A word of a label that no other choice's label has names that choice too:
            // `femme` for "à une femme (Madame)", `organisme`, `association`.
            var owners: [String: Set<String>] = [:]
            for table in tables.reversed() {
                for choice in question.choices {
                    guard let label = table[.choice(question.key, choice)] else { continue }
                    map[folded(label)] = choice
                    for word in folded(label).split(whereSeparator: { !$0.isLetter }) where word.count >= 3 {
                        owners[String(word), default: []].insert(choice)
                    }
                }
            }
            for (word, choices) in owners where choices.count == 1 && map[word] == nil { map[word] = choices.first }
            // The values each language writes (`mrs`, `company`), then the ids themselves.
            for table in tables.reversed() {
                for choice in question.choices {
                    for value in table.choiceValues(choice, of: question) { map[folded(value)] = choice }
                }
            }
            for choice in question.choices { map[folded(choice)] = choice }
            words[question.id] = map
        }
        // The yes/no words and a duration's units of every language (its own first): a
        // person may answer « yes » in a French session. 1 and 2 are yes and no always, and
        // so are the canonical values (a saved session's), whatever languages are loaded.
        var yesNo: [String: String] = ["1": YesNo.yes, "2": YesNo.no, YesNo.yes: YesNo.yes, YesNo.no: YesNo.no]
        var days: Set<String> = []
        var months: Set<String> = []
        func list(_ table: TextTable, _ key: TextKey) -> [String] {
            (table[key] ?? "").split(separator: ",").map { folded(String($0)) }.filter { !$0.isEmpty }
        }
        for table in tables.reversed() {
            for word in list(table, .wordsNo) { yesNo[word] = YesNo.no }
            for word in list(table, .wordsYes) { yesNo[word] = YesNo.yes }
            days.formUnion(list(table, .wordsDays))
            months.formUnion(list(table, .wordsMonths))
        }
        return AnswerParser(choiceWords: words, yesNoWords: yesNo, dayWords: days, monthWords: months)
    }
}

/// Turns the files of a content folder (relative path -> text) into `Content`, with every problem
/// found.
///
/// Pure: the folder is read elsewhere.
public enum ContentCompiler {
    public static let reference = "fr"

    /// `thorough` also renders every letter variant strictly (GB011): `goodbye check` and
    /// the tests do; a session skips it, as it would cost its start-up dearly.
    public static func compile(files: [String: String], thorough: Bool = true) -> (
        content: Content?, diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        guard let dialogue = files[GraphCompiler.file] else {
            return (
                nil,
                [
                    Diagnostic(
                        .missingTarget, file: GraphCompiler.file, line: 0,
                        Message(.diagDialogueMissing, [:]))
                ]
            )
        }
        var compiler = GraphCompiler()
        let graph = compiler.compile(KeyValueFile(text: dialogue, file: GraphCompiler.file))
        diagnostics += compiler.diagnostics
        var texts: [String: TextTable] = [:]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix("/texts.ini") {
            let language = String(path.dropLast("/texts.ini".count))
            var (table, problems) = TextCompiler.compile(text, file: path, language: language)
            if let messages = files[MessageFile.path(language)] {
                let (catalog, messageProblems) = TextCompiler.compile(
                    messages, file: MessageFile.path(language), language: language)
                table.merge(catalog)
                problems += messageProblems
            }
            texts[language] = table
            diagnostics += problems
        }
        let (kinds, kindProblems, kindLines) = KindCompiler.compile(files[KindCompiler.file], samples: thorough)
        diagnostics += kindProblems
        let (letters, letterProblems) = thorough ? compileLetters(files, kinds: kinds, thorough: thorough) : ([:], [])
        diagnostics += letterProblems
        let (rates, rateProblems) = RateCompiler.compile(files[RateCompiler.file], file: RateCompiler.file)
        diagnostics += rateProblems
        guard var graph else { return (nil, diagnostics.sorted()) }
        diagnostics += KindCompiler.route(kinds, lines: kindLines, into: &graph)
        var validation = GraphValidation(graph: graph, compiler: compiler, computedDefaults: LetterFacts.computedNames)
        validation.entries = kinds.map(\.start)
        diagnostics += validation.run()
        diagnostics += contentContractProblems(graph).map { problem in
            let line = compiler.lines[problem.id] ?? 0
            return Diagnostic(.letterContract, file: GraphCompiler.file, line: line, problem.problem)
        }
        diagnostics += KindCompiler.validate(kinds, lines: kindLines, graph: graph)
        if thorough, texts[reference] == nil {
            diagnostics.append(
                Diagnostic(
                    .missingText, file: "\(reference)/texts.ini", line: 0,
                    Message(.diagReferenceMissing, ["language": reference])))
        }
        diagnostics += TextValidation(graph: graph, texts: texts, kindIds: kinds.map(\.id), thorough: thorough).run()
        var content = Content(graph: graph, texts: texts, letters: letters, kinds: kinds, rates: rates)
        if !thorough {
            for (path, text) in files where path.hasSuffix(".mustache") && path.contains("/letters/") {
                content.unparsed[String(path.prefix { $0 != "/" }), default: [:]][path] = text
            }
        }
        let broken = Set(
            letterProblems.filter { $0.code == .letterTemplate }.compactMap {
                $0.file.split(separator: "/").first.map(String.init)
            })
        if thorough { diagnostics += LetterValidation(content: content, skipping: broken).run() }
        return (content, diagnostics.sorted())
    }

    /// Each language's templates for each kind: the kind's folder over the shared parts of the
    /// language.
    ///
    /// A template that does not parse is GB010.
    private static func compileLetters(_ files: [String: String], kinds: [LetterKind], thorough: Bool)
        -> ([String: [String: TemplateLibrary]], [Diagnostic])
    {
        var shared: [String: [String: Template]] = [:]
        var own: [String: [String: [String: Template]]] = [:]
        var diagnostics: [Diagnostic] = []
        for (path, text) in files where path.hasSuffix(".mustache") {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 3 || parts.count == 4, parts[1] == "letters" else { continue }
            let name = String(parts[parts.count - 1].dropLast(".mustache".count))
            if thorough, parts[0] == reference {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                    .filter { !$0.element.hasPrefix("{{!") }.map { ($0.offset + 1, 1, String($0.element)) }
                diagnostics += TypographyCheck.diagnostics(file: path, lines: lines)
            }
            do {
                let template = try Template(
                    text, name: parts.dropFirst(2).joined(separator: "/").dropLast(".mustache".count).description)
                if parts.count == 3 {
                    shared[parts[0], default: [:]][name] = template
                } else {
                    own[parts[0], default: [:]][parts[2], default: [:]][name] = template
                }
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .letterTemplate, file: path, line: error.location.line, column: error.location.column,
                        error.localized))
            }
        }
        var letters: [String: [String: TemplateLibrary]] = [:]
        for language in Set(shared.keys).union(own.keys) {
            for kind in kinds {
                guard let templates = own[language]?[kind.id] else { continue }
                letters[language, default: [:]][kind.id] = TemplateLibrary(
                    templates: (shared[language] ?? [:]).merging(templates) { _, mine in mine })
            }
        }
        return (letters, diagnostics)
    }
}

extension TextTable {
    /// The values an answer file may write for `choice` in this language
    /// (`client.civility.value.madame = mrs, ms`), the id itself when none is given.
    public func choiceValues(_ choice: String, of question: Question) -> [String] {
        let given =
            self[.value(question.key, choice)].map {
                $0.split(separator: ",").map(\.trimmed).filter { !$0.isEmpty }
            } ?? []
        return given.isEmpty ? [choice] : given
    }

    /// The value to write for `choice` in this language: the first one it gives.
    public func choiceValue(_ choice: String, of question: Question) -> String {
        choiceValues(choice, of: question).first ?? choice
    }

    /// A letter kind's name in this language (`relance` for `reminder`), its id when none is given.
    public func kindName(_ id: String) -> String { self[.kind(KindID(id))] ?? id }
}

extension Content {
    /// The kind named by its id (`reminder`) or by its name in any language (`relance`).
    public func kind(named name: String) -> LetterKind? {
        kind(name) ?? kinds.first { kind in texts.values.contains { folded($0.kindName(kind.id)) == folded(name) } }
    }
}
