import ContentLoading
import DialogueCore
import Foundation
import LetterComposition

#if canImport(Glibc)
    import Glibc
#endif

/// The program: parses the command line, runs a command, maps any failure to the
/// contract's exit status and `goodbye: ` lines on stderr.
public struct App {
    public static let version = "0.1.0"

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
            for message in error.messages { terminal.writeError("goodbye: " + frenchTypography(message) + "\n") }
            return error.code.rawValue
        }
    }

    private func execute(_ options: Options) throws(Failure) {
        if options.showVersion { return terminal.write("goodbye \(Self.version)\n") }
        switch options.command {
        case .help: terminal.write(try Help.text(for: options.helpTopic))
        case .check: try check(options)
        case .questions: try questions(options)
        case .run, .letter: try converse(options)
        }
    }

    // MARK: content and language

    func contentFolder(_ options: Options) -> URL {
        if let path = options.content ?? environment["GOODBYE_CONTENT"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return ContentLocator.builtIn()
    }

    /// The content a session needs: the requested language only, and no rendering of
    /// every letter variant (`goodbye check` does that).
    func loadContent(_ options: Options) throws(Failure) -> Content {
        if let preloaded, options.content == nil { return preloaded }
        do {
            return try ContentLoader.load(from: contentFolder(options), thorough: false, language: requestedLanguage(options))
        } catch {
            let lines = error.diagnostics.map(\.description)
            if error.missing { throw Failure(.noInput, lines) }
            throw Failure(.dataError, lines + ["Le contenu est invalide : « goodbye check » liste chaque problème."])
        }
    }

    func requestedLanguage(_ options: Options) -> String {
        options.language ?? environment["GOODBYE_LANG"].flatMap { $0.isEmpty ? nil : $0 } ?? "fr"
    }

    func language(_ options: Options, _ content: Content) throws(Failure) -> TextTable {
        let language = requestedLanguage(options)
        if let table = content.texts[language] { return table }
        let available = ContentLoader.languages(in: contentFolder(options))
        if language == "en" {
            throw Failure.usage("l’anglais n’est pas disponible dans ce contenu : utilisez --lang fr",
                hint: "Langues disponibles : \(available.joined(separator: ", ")).")
        }
        throw Failure.usage("langue « \(language) » inconnue : utilisez --lang " + available.joined(separator: " ou "))
    }

    // MARK: commands

    private func check(_ options: Options) throws(Failure) {
        let folder = contentFolder(options)
        let files: [String: String]
        do {
            files = try ContentLoader.read(folder)
        } catch {
            throw Failure(error.missing ? .noInput : .dataError, error.diagnostics.map(\.description))
        }
        let diagnostics = ContentCompiler.compile(files: files).diagnostics
        guard diagnostics.isEmpty else {
            for diagnostic in diagnostics { terminal.write(frenchTypography(diagnostic.description) + "\n") }
            throw Failure(.dataError, "\(diagnostics.count) problème(s) dans « \(folder.path) » : corrigez-les puis relancez goodbye check")
        }
        terminal.write(frenchTypography("Contenu valide : \(folder.path)") + "\n")
    }

    private func questions(_ options: Options) throws(Failure) {
        let content = try loadContent(options)
        let texts = try language(options, content)
        if options.format == "json" {
            terminal.write(QuestionList.json(content.graph, texts: texts).rendered() + "\n")
        } else {
            terminal.write(QuestionList.text(content.graph, texts: texts))
        }
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

/// Finds the built-in `Localization/` folder: beside the source tree of a development
/// build, or under `share/goodbye/` of an installed one.
enum ContentLocator {
    static func builtIn() -> URL {
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath()
        var folder = executable?.deletingLastPathComponent()
        while let current = folder, current.path != "/" {
            for candidate in ["Localization", "share/goodbye/Localization"] {
                let url = current.appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("dialogue.ini").path) { return url }
            }
            folder = current.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Localization")
    }
}
