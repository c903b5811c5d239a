import ContentLoading
import DialogueCore
import LetterComposition
import LetterTemplating

extension App {
    /// `run` and `letter`: pre-fill from an answer file and a saved session, converse,
    /// then report and draft.
    func converse(_ options: Options) throws(Failure) {
        let isLetter = options.command == .letter
        let format = options.format ?? "text"
        let allowed = isLetter ? ["text", "markdown"] : ["text", "json"]
        guard allowed.contains(format) else {
            throw Failure.usage("--format \(format) ne s’applique pas à « \(options.command.rawValue) » : utilisez " + allowed.joined(separator: " ou "))
        }
        let content = try loadContent(options)
        let texts = try language(options, content)
        let today = options.date ?? self.today()
        let file = try answerFile(options, content, texts)
        let graph = content.graph
        let engine = Engine(graph: graph, parser: content.parser(for: texts.language)) { name, answers in
            LetterFacts(answers: answers, today: today, decision: DecisionRule().decide(graph: graph, answers: answers))
                .computedDefault(name)
        }
        let toStdout = !isLetter && format == "text"
        let say: (String) -> Void = toStdout ? terminal.write : terminal.writeError
        let presenter = makePresenter(graph, texts, options, onScreen: toStdout ? terminal.outputIsTerminal : terminal.errorIsTerminal)
        if !options.noInput { say(isLetter ? presenter.wrapped(presenter.text("ui.letter_intro")) + "\n" : presenter.intro()) }
        let session = Session(engine: engine, presenter: presenter, terminal: terminal, noInput: options.noInput,
            showDecision: toStdout, say: say)
        var prefilled = file?.answers ?? [:]
        let store = sessionStore(options, content, isLetter: isLetter)
        if let store {
            try resume(store, into: &prefilled, texts: texts, presenter: presenter, say: say, fresh: options.newSession && options.session == nil)
            session.persist = { state throws(Failure) in try store.save(state) }
            session.resumeHint = resumeHint(store)
            Interrupt.message = "\ngoodbye: interrompu. " + resumeHint(store) + "\n"
        }
        let end = try session.run(from: engine.begin(at: isLetter ? graph.letterStart : graph.start, answers: prefilled))
        guard case .finished(let state) = end else {
            if let store, case .quit(let state) = end { try store.save(state) }
            let hint = store.map(resumeHint)
            terminal.writeError(frenchTypography("goodbye: " + (hint ?? "séance interrompue : vos réponses n’ont pas été enregistrées (utilisez --session FICHIER).")) + "\n")
            return
        }
        try store?.save(state, finished: true)
        guard session.missing.isEmpty else {
            throw Failure(.dataError, [
                "réponses manquantes : " + session.missing.joined(separator: ", "),
                "Ajoutez-les au fichier de réponses (identifiant = valeur), ou lancez la session sans --no-input.",
            ])
        }
        if isLetter, !options.noInput { say("\n") }
        noteIgnored(file, options.answers ?? "", engine.path(state))
        let report = isLetter ? nil : engine.decide(state)
        let wantsLetter = isLetter || state.answers["letter.want"]?.value == YesNo.yes
        var letter: String?
        if wantsLetter {
            // `goodbye letter` asks no sign; signs given in its answer file still shape the letter.
            let decision = report ?? (signsGiven(prefilled, graph) ? DecisionRule().decide(graph: graph, answers: prefilled) : nil)
            let facts = LetterFacts(answers: state.answers, today: today, decision: decision)
            letter = try draft(content, texts, facts, markdown: format == "markdown")
        }
        try deliver(letter: letter, report: report, options: options, presenter: presenter, say: say, format: format)
    }

    /// How to resume: plain `goodbye` for the default session, `--session` otherwise.
    private func resumeHint(_ store: SessionStore) -> String {
        let command = store.path == SessionStore.defaultPath(environment) ? "goodbye" : "goodbye --session \(store.path)"
        return "Vos réponses sont enregistrées : relancez « \(command) » pour reprendre."
    }

    private func makePresenter(_ graph: DialogueGraph, _ texts: TextTable, _ options: Options, onScreen: Bool) -> Presenter {
        var presenter = Presenter(graph: graph, texts: texts, width: onScreen ? min(terminal.width, 100) : nil)
        presenter.plain = options.plain
        presenter.emphasis = onScreen && !options.plain && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        return presenter
    }

    /// `--session FILE`, or the default file for a person at a terminal; none for scripts.
    private func sessionStore(_ options: Options, _ content: Content, isLetter: Bool) -> SessionStore? {
        if let path = options.session { return SessionStore(path: path, content: content) }
        guard !isLetter, terminal.isInteractive, options.answers == nil, !options.noInput,
            let path = SessionStore.defaultPath(environment)
        else { return nil }
        return SessionStore(path: path, content: content)
    }

    /// Adds the saved answers (they win over an answer file) and says what was resumed
    /// and which questions changed since. A finished default session starts afresh.
    private func resume(_ store: SessionStore, into answers: inout [String: Answer], texts: TextTable, presenter: Presenter,
        say: (String) -> Void, fresh: Bool) throws(Failure)
    {
        guard !fresh, let loaded = try store.load(language: texts.language), !loaded.answers.isEmpty || !loaded.changed.isEmpty else { return }
        let isDefault = store.path == SessionStore.defaultPath(environment)
        if loaded.finished, isDefault { return }
        answers.merge(loaded.answers) { _, saved in saved }
        say(presenter.wrapped(presenter.text("ui.resumed")) + "\n")
        for id in loaded.changed {
            say(presenter.wrapped(presenter.text("ui.changed", ["prompt": .string(texts.text(id + ".prompt"))])) + "\n")
        }
    }

    private func signsGiven(_ answers: [String: Answer], _ graph: DialogueGraph) -> Bool {
        graph.questions.contains { $0.sign != nil && answers[$0.id] != nil }
    }

    private func answerFile(_ options: Options, _ content: Content, _ texts: TextTable) throws(Failure) -> AnswerFile? {
        guard let path = options.answers else { return nil }
        let text: String
        if path == "-" {
            guard let all = terminal.readAll() else { throw Failure(.ioError, "lecture de l’entrée standard impossible") }
            text = all
        } else {
            text = try Files.readText(path, what: "fichier de réponses")
        }
        let name = path == "-" ? "<entrée standard>" : path
        let file = AnswerFile(text: text, file: name, graph: content.graph, parser: content.parser(for: texts.language),
            yesNoWords: (texts.text("ui.yes"), texts.text("ui.no")))
        guard file.diagnostics.isEmpty else {
            throw Failure(.dataError, file.diagnostics.sorted().map { "\($0.location): \($0.message)" }
                + ["Corrigez ces lignes ; « goodbye questions » liste les identifiants et les réponses acceptées."])
        }
        return file
    }

    /// Answers given for questions these answers never reach: not an error, a note.
    private func noteIgnored(_ file: AnswerFile?, _ path: String, _ onPath: [String]) {
        guard let file else { return }
        let reached = Set(onPath)
        for (id, line) in file.lines.sorted(by: { $0.value < $1.value }) where !reached.contains(id) {
            terminal.writeError(frenchTypography(
                "goodbye: note : \(path):\(line) : réponse à « \(id) » ignorée, cette question n’est pas posée avec vos autres réponses") + "\n")
        }
    }

    func draft(_ content: Content, _ texts: TextTable, _ facts: LetterFacts, markdown: Bool) throws(Failure) -> String {
        guard let library = content.letters[texts.language] else {
            throw Failure(.dataError, "aucune lettre en « \(texts.language) » : ajoutez \(texts.language)/letters/letter.mustache")
        }
        let composer = LetterComposer(texts: texts, rates: content.rates)
        do {
            let text = try library.render("letter", context: composer.context(facts), escaping: markdown ? .markdown : .none, strict: true)
            let tidy = LetterLayout.tidy(text)
            return markdown ? LetterLayout.markdown(tidy) + "\n" : tidy
        } catch {
            throw Failure(.software, ["gabarit de lettre : \(error.description)",
                "C’est une erreur du programme ou du contenu : merci de la signaler avec la commande lancée."])
        }
    }

    private func deliver(letter: String?, report: DecisionReport?, options: Options, presenter: Presenter,
        say: (String) -> Void, format: String) throws(Failure)
    {
        var letterInReport = letter
        if let letter, let path = options.output, path != "-" {
            try Files.write(letter, to: path, force: options.force)
            terminal.writeError(frenchTypography("goodbye: lettre enregistrée dans « \(path) »") + "\n")
            letterInReport = nil
        }
        if let report, format == "json" {
            terminal.write(Report.json(report, summary: presenter.summary(report), letter: letterInReport).rendered() + "\n")
            return
        }
        guard let letter = letterInReport else {
            if options.command == .run { say("\n" + presenter.text("ui.finished") + "\n") }
            return
        }
        if options.command == .letter { return terminal.write(letter) }
        let heading = presenter.text("ui.letter_heading")
        say("\n" + presenter.bold(heading) + "\n" + String(repeating: "─", count: heading.count) + "\n\n" + wrapLines(letter, width: presenter.width))
        say(String(repeating: "─", count: heading.count) + "\n" + presenter.wrapped(presenter.text("ui.letter_next")) + "\n")
    }
}

/// The JSON report of the contract.
enum Report {
    static func json(_ report: DecisionReport, summary: String, letter: String?) -> JSON {
        var fields: [(String, JSON)] = [
            ("decision", .string(report.decision.rawValue)),
            ("reasons", .array(report.reasons.map { reason in
                .object([("id", .string(reason.id)), ("status", .string(reason.status.rawValue)),
                    ("signs", .array(reason.signs.map(JSON.string)))])
            })),
            ("pro_bono", .bool(report.proBono)),
            ("summary", .string(summary)),
        ]
        if let letter { fields.append(("letter", .string(letter))) }
        return .object(fields)
    }
}

/// Blank lines and Markdown for rendered letters.
public enum LetterLayout {
    /// At most one blank line in a row, none at the ends, no trailing spaces, one
    /// final newline. One pass over the bytes: it runs once per letter drafted.
    public static func tidy(_ text: String) -> String {
        if isTidy(text) { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 1)
        var lineStart = 0
        var blankRun = 2  // as if after blank lines: none at the start
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index <= bytes.count {
                guard index == bytes.count || bytes[index] == UInt8(ascii: "\n") else {
                    index += 1
                    continue
                }
                var end = index
                while end > lineStart, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
                if end == lineStart {
                    if blankRun == 0 { output.append(UInt8(ascii: "\n")) }
                    blankRun += 1
                } else {
                    output.append(contentsOf: bytes[lineStart..<end])
                    output.append(UInt8(ascii: "\n"))
                    blankRun = 0
                }
                index += 1
                lineStart = index
            }
        } ?? { output = Array(tidySlowly(text).utf8) }()
        while output.count > 1, output[output.count - 1] == UInt8(ascii: "\n"), output[output.count - 2] == UInt8(ascii: "\n") {
            output.removeLast()
        }
        if output.isEmpty { output.append(UInt8(ascii: "\n")) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `text` already is what `tidy` makes (the usual case: the templates' tags
    /// stand alone on their lines), checked on the bytes without building a new string.
    static func isTidy(_ text: String) -> Bool {
        if text == "\n" { return true }
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, first != 10, bytes.last == 10 else { return false }
            var previous: UInt8 = 0
            var beforePrevious: UInt8 = 0
            for byte in bytes {
                if byte == 10, previous == 32 || (previous == 10 && beforePrevious == 10) { return false }
                beforePrevious = previous
                previous = byte
            }
            return !(previous == 10 && beforePrevious == 10)
        }
        return answer ?? false
    }

    private static func tidySlowly(_ text: String) -> String {
        var copy = text
        copy.makeContiguousUTF8()
        return tidy(copy)
    }

    /// Lines of a block joined by hard breaks; the subject in bold; dashes as list items.
    static func markdown(_ text: String) -> String {
        let blocks = text.split(separator: "\n\n", omittingEmptySubsequences: false)
        return blocks.map { block -> String in
            let lines = block.split(separator: "\n").map { line -> String in
                if line.hasPrefix("–\u{A0}") { return "- " + line.dropFirst(2) }
                if line.hasPrefix("Objet\u{A0}:") || line.hasPrefix("Subject:") {
                    let colon = line.firstIndex(of: ":")!
                    return "**" + line[...colon] + "**" + line[line.index(after: colon)...]
                }
                return String(line)
            }
            if lines.contains(where: { $0.hasPrefix("- ") }) { return lines.joined(separator: "\n") }
            return lines.joined(separator: "\\\n")
        }.joined(separator: "\n\n")
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return String(copy)
    }
}
