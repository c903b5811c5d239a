import BuiltInContent
import ContentLoading
import DialogueCore
import FoundationEssentials
import LetterComposition
import Vocabulary

#if canImport(Glibc)
    import Glibc
#endif

/// The program: parses the command line, runs a command, maps any failure to the
/// contract's exit status and `goodbye: ` lines on stderr.
public struct App {
    public static let version = "0.4.0"

    let terminal: Terminal
    let environment: [String: String]
    let today: () -> CivilDate
    /// Content already loaded (tests that run the app many times); nil loads it.
    let preloaded: Content?

    public init(
        terminal: Terminal, environment: [String: String], today: @escaping () -> CivilDate = App.systemToday,
        content: Content? = nil
    ) {
        self.terminal = terminal
        self.environment = environment
        self.today = today
        self.preloaded = content
    }

    /// Runs with `arguments` (without the program name) and returns the exit status.
    public func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try Options.parse(arguments)
            try execute(options)
            return ExitCode.ok.rawValue
        } catch {
            let texts = messages(arguments)
            // Values echoed from the command line lose escapes, bells and bidi overrides.
            for message in error.messages { tell(line: printable(texts.render(message)), texts) }
            return error.code.rawValue
        }
    }

    private func execute(_ options: Options) throws(Failure) {
        if options.showVersion { return terminal.write("goodbye \(Self.version)\n") }
        if options.showHelp || options.command == .help { return try help(options) }
        switch options.command {
        case .help: break
        case .check where options.rates != nil: try checkRates(options.rates ?? "", options)
        case .check: try check(options)
        case .rates: try listRates(options)
        case .completions:
            terminal.write(
                Completions(words: commandLineWords(options)).script(
                    for: Completions.Shell(rawValue: options.shell ?? "") ?? .bash))
        case .manpage:
            terminal.write(ManPage(help: Help(texts: messages(options), words: commandLineWords(options))).text)
        case .questions: try questions(options)
        case .letter where options.batch != nil: try batch(options)
        case .run, .letter: try converse(options)
        }
    }

    /// French typography for French text; other languages as written.
    func typography(_ text: String, _ texts: TextTable) -> String {
        texts.language == "fr" ? frenchTypography(text) : text
    }

    /// The one way a note, a warning or an error reaches stderr: each message rendered in
    /// the language of `texts`, its typography applied, on a `goodbye: ` line.
    func tell(_ messages: [Message], _ texts: TextTable) {
        for message in messages { tell(line: texts.render(message), texts) }
    }

    func tell(_ message: Message, _ texts: TextTable) { tell([message], texts) }

    /// A line already rendered; `redrawn`: a progress line written over the last one.
    func tell(line: String, _ texts: TextTable, redrawn: Bool = false) {
        let text = "goodbye: " + typography(line, texts)
        terminal.writeError(redrawn ? "\r\u{1B}[2K" + text : text + "\n")
    }

    /// The line for stderr when standard output could not be written.
    public func outputFailure(_ arguments: [String]) -> String {
        let texts = messages(arguments)
        return "goodbye: " + typography(texts.text(.stdoutFailed), texts) + "\n"
    }

    /// The messages of the language asked for, even when the command line or the content is wrong:
    /// from the content folder, else the built-in one, else French.
    func messages(_ arguments: [String]) -> TextTable {
        messages(language: Options.requestedLanguage(arguments), content: (try? Options.parse(arguments))?.content)
    }

    func messages(_ options: Options) -> TextTable { messages(language: options.language, content: options.content) }

    private func messages(language requested: String?, content: String?) -> TextTable {
        let language = requested ?? environmentLanguage ?? ContentCompiler.reference
        if let preloaded, content == nil, let table = preloaded.texts[language] { return table }
        let folder = (content ?? environment["GOODBYE_CONTENT"]).flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        // A language the program lacks (`--lang de`): the environment's, else French.
        for candidate in [language, environmentLanguage ?? ContentCompiler.reference, ContentCompiler.reference] {
            if let folder {
                let url = folder.appendingPathComponent(MessageFile.path(candidate))
                if let data = FileManager.default.contents(atPath: url.path),
                    let text = String(data: data, encoding: .utf8)
                {
                    return MessageFile.compile(text, language: candidate)
                }
            }
            if let values = BuiltInContent.compiled.texts(candidate) {
                return TextTable(language: candidate, values: values)
            }
        }
        return TextTable(language: language)
    }

    // MARK: content and language

    /// The folder named by `--content` or `GOODBYE_CONTENT`; nil for the built-in content,
    /// compiled into the program when it was built.
    func contentFolder(_ options: Options) -> URL? {
        if let path = options.content ?? environment["GOODBYE_CONTENT"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return nil
    }

    /// The content a session needs: the requested language only, and no rendering of every letter
    /// variant (`goodbye check` does that).
    ///
    /// The built-in content is neither read nor validated: the build did both.
    func loadContent(_ options: Options) throws(Failure) -> Content {
        if let preloaded, options.content == nil { return preloaded }
        guard let folder = contentFolder(options) else {
            return BuiltInContent.compiled.content(language: requestedLanguage(options))
        }
        do {
            return try ContentLoader.load(from: folder, thorough: false, language: requestedLanguage(options))
        } catch {
            let texts = messages(options)
            let lines = error.diagnostics.map { Message(.verbatim, ["text": $0.rendered(texts)]) }
            if error.missing || error.unreadable { throw Failure(.noInput, lines) }
            throw Failure(.dataError, lines + [Message(.contentInvalid)])
        }
    }

    /// `GOODBYE_LANG`, else the language of the locale, as POSIX orders its variables
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`: `en_GB.UTF-8` gives `en`) when the program
    /// speaks it; `C`, `POSIX` or a language it does not speak leave the default.
    private var environmentLanguage: String? {
        if let chosen = environment["GOODBYE_LANG"], !chosen.isEmpty { return chosen }
        return localeLanguage
    }

    private var localeLanguage: String? {
        guard
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap({ environment[$0] }).first(where: {
                !$0.isEmpty
            })
        else { return nil }
        let code = String(locale.prefix { $0.isASCII && $0.isLetter }).lowercased()
        return BuiltInContent.compiled.languages.contains(code) ? code : nil
    }

    func requestedLanguage(_ options: Options) -> String {
        options.language ?? environmentLanguage ?? ContentCompiler.reference
    }

    func language(_ options: Options, _ content: Content) throws(Failure) -> TextTable {
        let language = requestedLanguage(options)
        if let table = content.texts[language] { return table }
        // A locale's language that this content folder lacks: the default, not an error.
        let chosen = options.language != nil || !(environment["GOODBYE_LANG"] ?? "").isEmpty
        if !chosen, let table = content.texts[ContentCompiler.reference] { return table }
        let available = contentFolder(options).map(ContentLoader.languages(in:)) ?? BuiltInContent.compiled.languages
        throw Failure.usage(.unknownLanguage, ["language": language, "available": available.joined(separator: ", ")])
    }

    // MARK: commands

    /// Checks the folder named, or the built-in content (which its build checked too).
    private func check(_ options: Options) throws(Failure) {
        let folder = contentFolder(options)
        let files: [String: String]
        if let folder {
            do {
                files = try ContentLoader.read(folder)
            } catch {
                let texts = messages(options)
                throw Failure(
                    error.missing || error.unreadable ? .noInput : .dataError,
                    error.diagnostics.map { Message(.verbatim, ["text": $0.rendered(texts)]) })
            }
        } else {
            files = BuiltInContent.compiled.files()
        }
        let texts = messages(options)
        let name = folder?.path ?? texts.text(.builtInContentName)
        let diagnostics = ContentCompiler.compile(files: files).diagnostics
        guard diagnostics.isEmpty else {
            for diagnostic in diagnostics { terminal.write(typography(diagnostic.rendered(texts), texts) + "\n") }
            throw Failure(.dataError, .checkFailed, ["count": String(diagnostics.count), "folder": name])
        }
        terminal.write(typography(texts.text(.contentValid, ["folder": name]), texts) + "\n")
    }

    private func questions(_ options: Options) throws(Failure) {
        let content = try loadContent(options)
        let texts = try language(options, content)
        if options.format == .json {
            terminal.write(QuestionList.json(content.graph, texts: texts).rendered() + "\n")
        } else {
            terminal.write(typography(QuestionList.text(content.graph, texts: texts), texts))
        }
    }

    private func help(_ options: Options) throws(Failure) {
        let help = Help(texts: messages(options), words: commandLineWords(options))
        let topic = options.command == .help ? options.helpTopic : options.commandNamed ? options.command.rawValue : nil
        terminal.write(try help.text(for: topic))
    }

    /// The words the command line takes as values: the content's languages (French
    /// first) and letter kinds.
    func commandLineWords(_ options: Options) -> CommandLineWords {
        let folder = contentFolder(options)
        let kinds = folder.map(ContentLoader.letterKinds(in:)) ?? BuiltInContent.compiled.kindIds
        let found = folder.map(ContentLoader.languages(in:)) ?? BuiltInContent.compiled.languages
        let languages =
            found.filter { $0 == ContentCompiler.reference } + found.filter { $0 != ContentCompiler.reference }
        // Each kind by its name in the language of the help (`relance`), and every name for completion.
        let texts = messages(options)
        let names = Set(
            kinds
                + kinds.flatMap { id in
                    (folder == nil ? languages : []).compactMap {
                        BuiltInContent.compiled.texts($0)?[ContentTextKey.kind(KindID(id)).rawValue]
                    }
                })
        return CommandLineWords(
            languages: languages, kinds: kinds.map(texts.kindName), allKinds: kinds + names.subtracting(kinds).sorted())
    }

    /// Today in the machine's time zone, from the C library (no calendar library to load).
    public static func systemToday() -> CivilDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CivilDate(dayNumber: Int(now / 86_400))
    }
}
