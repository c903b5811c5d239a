import DialogueCore
import LetterComposition
import LetterTemplating
import Vocabulary

/// The built-in content, compiled when the program is built (the BuiltInContent plugin runs
/// `goodbye-compile-content` over `Localization/`, which fails the build on any problem `goodbye
/// check` would report).
///
/// A session starts from it without reading, parsing or validating a file: each language's text
/// table and choice words are Swift dictionary literals, the graph, letter kinds and rates Swift
/// expressions that build them (no decoding: JSON with Codable cost a third of the start-up).
/// Nothing is built before it is asked for.
public struct CompiledContent: Sendable {
    /// The languages, sorted.
    public let languages: [String]
    /// Every source file by relative path: what `goodbye check` checks, and the letter
    /// templates, parsed when a letter of their kind is drafted.
    public let files: @Sendable () -> [String: String]
    /// A language's text table (texts and messages merged).
    public let texts: @Sendable (String) -> [String: String]?
    /// A language's answer parser: the words of its choices, and the yes/no and
    /// duration words of every language.
    public let parser: @Sendable (String) -> AnswerParser?
    /// The graph, the letter kinds (without their samples) and the rates.
    public let structure: @Sendable () -> Structure
    /// The templates of a kind in a language, parsed: its own and the shared ones.
    public let templates: @Sendable (_ language: String, _ kind: String) -> [String: Template]?

    public init(
        languages: [String], files: @escaping @Sendable () -> [String: String],
        texts: @escaping @Sendable (String) -> [String: String]?,
        parser: @escaping @Sendable (String) -> AnswerParser?, structure: @escaping @Sendable () -> Structure,
        templates: @escaping @Sendable (_ language: String, _ kind: String) -> [String: Template]?
    ) {
        self.templates = templates
        self.languages = languages
        self.files = files
        self.texts = texts
        self.parser = parser
        self.structure = structure
    }

    public struct Structure: Sendable {
        public var graph: DialogueGraph
        public var kinds: [LetterKind]
        public var rates: RateTable

        public init(graph: DialogueGraph, kinds: [LetterKind], rates: RateTable) {
            self.graph = graph
            self.kinds = kinds
            self.rates = rates
        }
    }

    /// The content a session needs: `language` only (all of them when nil).
    public func content(language: String? = nil) -> Content {
        let structure = self.structure()
        var texts: [String: TextTable] = [:]
        var parsers: [String: AnswerParser] = [:]
        for code in languages where language == nil || language == code {
            texts[code] = TextTable(language: code, values: self.texts(code) ?? [:])
            parsers[code] = parser(code) ?? AnswerParser()
        }
        var content = Content(
            graph: structure.graph, texts: texts, letters: [:], kinds: structure.kinds,
            rates: structure.rates, parsers: parsers)
        content.parsed = templates
        return content
    }

    /// The letter kinds, for the help.
    public var kindIds: [String] { structure().kinds.map(\.id) }
}
