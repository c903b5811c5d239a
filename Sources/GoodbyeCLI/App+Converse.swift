import BuiltInContent
import ContentLoading
import DialogueCore
import LetterComposition
import LetterTemplating
import Vocabulary

extension App {
    /// `run` and `letter`: pre-fill from an answer file and a saved session, converse, then report
    /// and draft.
    ///
    /// The drafting is the letter library's; this only dispatches.
    func converse(_ options: Options) throws(Failure) {
        let isLetter = options.command == .letter
        let format = options.format ?? options.command.formats[0]
        let content = try withUserRates(loadContent(options), options)
        let texts = try language(options, content)
        let chosenKind = try letterKind(options, content)
        try checkOutputBeforeAsking(options, format: format)
        let today = options.date ?? self.today()
        let file = try answerFile(options, content, texts)
        let graph = content.graph
        let engine = Engine(
            graph: graph, parser: content.parser(for: texts.language),
            computedDefault: LetterFacts.computedDefaults(
                today: today, kinds: content.kinds,
                kind: isLetter ? chosenKind.id : nil))
        let toStdout = !isLetter && format == .text
        let say = Report.withoutLeadingBlankLine(toStdout ? terminal.write : terminal.writeError)
        let presenter = makePresenter(
            graph, texts, options, onScreen: toStdout ? terminal.outputIsTerminal : terminal.errorIsTerminal)
        if !options.noInput {
            say(isLetter ? presenter.wrapped(presenter.text(TextKey.letterIntro)) + "\n" : presenter.intro())
        }
        let session = Session(
            engine: engine, presenter: presenter, terminal: terminal, noInput: options.noInput,
            showDecision: toStdout, say: say)
        session.stream = toStdout ? 1 : 2
        session.editing =
            !options.noInput && !options.plain && environment["TERM"].map { $0 != "dumb" } ?? false
            && terminal.canEdit(on: session.stream)
        let saved = try openSession(
            options, content, texts, session: session, say: say, isLetter: isLetter, kind: chosenKind,
            prefilled: file?.answers ?? [:])
        var first = engine.begin(
            at: isLetter ? chosenKind.start : graph.start, answers: saved.prefilled, reviewed: saved.reviewed)
        // Resumed past a confirmed review: straight to the question that was left, the
        // review and the decision already seen.
        if saved.reviewed { first.outputs.removeAll { if case .decision = $0 { true } else { false } } }
        let end = try session.run(from: first)
        guard case .finished(var state) = end else { return try saved.stopped(end) }
        try saved.save(state, finished: true)
        guard session.missing.isEmpty else {
            throw Failure(
                .dataError,
                [
                    Message(.missingAnswers, ["ids": session.missing.joined(separator: ", ")]),
                    Message(.missingAnswersFix),
                ])
        }
        if isLetter, !options.noInput { say("\n") }
        let report = isLetter ? nil : engine.decide(state)
        // The letter the conversation's route took (`@kind`): the one its questions were for.
        let kind = isLetter ? chosenKind : engine.routes(state)["kind"].flatMap { content.kind($0) }
        var letter: Letter?
        if let kind {
            let drafting = Drafting(
                content: content, kind: kind, texts: texts, today: today, engine: engine, signs: isLetter)
            letter = try letterStage(
                drafting, &state, session: session, saved: saved, strict: options.strict, interactive: !options.noInput)
        }
        noteIgnored(file, options.answers ?? "", used(state, engine, signs: isLetter).keys, texts)
        try delivery(
            letter, report: report, answers: used(state, engine, signs: isLetter), file: file, options: options,
            format: format, today: today, session: session, say: say)
    }

    /// `--kind`, checked against the content's table; the farewell letter by default.
    func letterKind(_ options: Options, _ content: Content) throws(Failure) -> LetterKind {
        let id = options.kind ?? LetterKind.defaultId
        // By its id, or by its name in any language the program speaks (`--kind relance --lang en`).
        let named =
            content.kind(named: id)
            ?? content.kinds.first { kind in
                BuiltInContent.compiled.languages.contains {
                    folded(BuiltInContent.compiled.texts($0)?[ContentTextKey.kind(KindID(kind.id)).rawValue] ?? kind.id)
                        == folded(id)
                }
            }
        guard let kind = named else {
            let texts = messages(options)
            let accepted = content.kinds.map {
                texts.kindName($0.id) == $0.id ? $0.id : "\(texts.kindName($0.id)) (\($0.id))"
            }
            let names = content.kinds.flatMap { [$0.id, texts.kindName($0.id)] }
            throw Failure.usage(
                Message(.unknownKind, ["kind": id, "accepted": accepted.joined(separator: ", ")]),
                hints: nearestWord(id, among: names).map { [Message(.didYouMean, ["word": $0])] } ?? [])
        }
        return kind
    }

    private func makePresenter(_ graph: DialogueGraph, _ texts: TextTable, _ options: Options, onScreen: Bool)
        -> Presenter
    {
        var presenter = Presenter(graph: graph, texts: texts, width: nil)
        if onScreen { presenter.screenWidth = { [terminal] in terminal.width } }
        presenter.plain = options.plain
        presenter.emphasis =
            onScreen && !options.plain && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        return presenter
    }

    private func answerFile(_ options: Options, _ content: Content, _ texts: TextTable) throws(Failure) -> AnswerFile? {
        guard let path = options.answers else { return nil }
        let text: String
        if path == "-", let input = terminal.standardInputPath {
            // Standard input as a stream, judged line by line like a file, named `-`; a
            // folder or an endless line said as standard input's own problems.
            guard !Files.isFolder(input) else { throw Failure(.ioError, .stdinUnreadable) }
            do {
                text = try Files.readText(
                    input, limit: Files.maximumAnswersSize, label: "-", check: Self.itemLimit(content.graph, file: "-"))
            } catch {
                throw error.messages.first?.key == CLIMessage.fileLineTooLong.key ? Failure.lineTooLong : error
            }
        } else if path == "-" {
            guard let all = terminal.readAll() else {
                throw terminal.lineTooLong ? Failure.lineTooLong : Failure(.ioError, .stdinUnreadable)
            }
            let check = Self.itemLimit(content.graph, file: "-")
            for (index, line) in all.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                try check(index + 1, line)
            }
            text = all
        } else {
            // Comments and blank lines are read and passed over, never kept.
            text = try Files.readText(
                path, limit: Files.maximumAnswersSize, check: Self.itemLimit(content.graph, file: path)
            ) { line in
                let trimmed = line.trimmed
                return !trimmed.isEmpty && !trimmed.hasPrefix("#")
            }
        }
        let name = path == "-" ? "-" : printable(path)
        let file = AnswerFile(
            text: text, file: name, graph: content.graph, parser: content.parser(for: texts.language), texts: texts)
        guard file.diagnostics.isEmpty else { throw Failure(.dataError, file.located(texts) + [Message(.answersFix)]) }
        return file
    }

    /// Judges each line of an answer file as it is read: past `Files.maximumItems`
    /// items of a list (invoices), the file is not a letter's and reading stops there.
    static func itemLimit(_ graph: DialogueGraph, file: String) -> (Int, Substring) throws(Failure) -> Void {
        let lists = Set(graph.questions.filter { $0.type == .list }.map(\.id))
        final class Count { var value = 0 }
        let items = Count()
        return { line, text throws(Failure) in
            guard let equals = text.firstIndex(of: "="), lists.contains(text[..<equals].trimmed) else { return }
            items.value += 1
            guard items.value <= Files.maximumItems else {
                throw Failure(
                    .dataError, .tooManyItems,
                    ["location": "\(printable(file)):\(line)", "count": String(Files.maximumItems)])
            }
        }
    }

    /// Answers given for questions these answers never reach: not an error, a note.
    private func noteIgnored(
        _ file: AnswerFile?, _ path: String, _ onPath: Dictionary<String, Answer>.Keys, _ texts: TextTable
    ) {
        guard let file else { return }
        let reached = Set(onPath)
        for (id, line) in file.lines.sorted(by: { $0.value < $1.value }) where !reached.contains(id) {
            tell(Message(.ignoredAnswer, ["location": "\(printable(path)):\(line)", "id": id]), texts)
        }
    }

}

/// The JSON report of the contract.
enum Report {
    static func json(
        _ report: DecisionReport, summary: String, letter: String?, warnings: [(code: String, message: String)]? = nil,
        reflection: [(String, String)] = []
    ) -> JSON {
        var fields: [(String, JSON)] = [
            ("decision", .string(report.decision.rawValue)),
            (
                "reasons",
                .array(
                    report.reasons.map { reason in
                        .object([
                            ("id", .string(reason.id)), ("status", .string(reason.status.rawValue)),
                            ("signs", .array(reason.signs.map(JSON.string))),
                        ])
                    })
            ),
            ("pro_bono", .bool(report.proBono)),
            ("summary", .string(summary)),
        ]
        // What the person wrote in the moment of reflection, when they wrote anything.
        if !reflection.isEmpty { fields.append(("reflection", .object(reflection.map { ($0.0, JSON.string($0.1)) }))) }
        if let letter { fields.append(("letter", .string(letter))) }
        if let warnings {
            fields.append(
                (
                    "warnings",
                    .array(warnings.map { .object([("code", .string($0.code)), ("message", .string($0.message))]) })
                ))
        }
        return .object(fields)
    }

    /// `write`, except that what comes first loses its leading blank lines: the output
    /// (a pipe, a file, the screen) starts with its first word.
    static func withoutLeadingBlankLine(_ write: @escaping (String) -> Void) -> (String) -> Void {
        final class Started { var value = false }
        let started = Started()
        return { text in
            guard !started.value else { return write(text) }
            let trimmed = text.drop { $0 == "\n" }
            guard !trimmed.isEmpty else { return }
            started.value = true
            write(String(trimmed))
        }
    }
}
