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
        // PDF and Word bytes are not for a screen: said before the first question.
        if let refusal = format.entry.toTerminal, options.output == nil || options.output == "-",
            terminal.outputIsTerminal
        {
            throw Failure.usage(refusal)
        }
        // Say now, not after the last question, that the output cannot be written.
        if let path = options.output, path != "-" {
            // Nor the session files, the named one or the default ones a later run reads.
            let sessions = [
                options.session, SessionStore.defaultPath(environment),
                SessionStore.defaultPath(environment, letter: true),
            ]
            for (option, input) in sessions.map({ ("--session", $0) }) + [("--answers", options.answers)] {
                if let input, input != "-", Files.sameFile(path, input) {
                    throw Failure.usage(.outputIsInput, ["path": printable(path), "option": option])
                }
            }
            try Files.checkCreatable(path, force: options.force)
        }
        if let session = options.session {
            // The hand-written answer file is never rewritten as a session (its comments lost).
            if let answers = options.answers, answers != "-", Files.sameFile(session, answers) {
                throw Failure.usage(.sessionIsAnswers, ["path": printable(session)])
            }
            // A session is a regular file: a pipe would block for ever, a device never keep it
            // (a folder is an input that cannot be read: 66, as before).
            if Files.status(session) != nil, !Files.isRegular(session), !Files.isFolder(session) {
                throw Failure(.cantCreate, .sessionNotRegular, ["path": printable(session)])
            }
        }
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
        var prefilled = file?.answers ?? [:]
        let store = sessionStore(options, content, isLetter: isLetter)
        let onInterrupt = { (hint: String) in
            // Written by the signal handler as it is: fitted to the screen now.
            let message = "goodbye: " + typography(texts.text(.interrupted, ["hint": hint]), texts)
            Interrupt.message =
                "\n" + (terminal.errorIsTerminal ? wrap(message, width: terminal.width) : message) + "\n"
        }
        onInterrupt(texts.text(.interruptedRestart))
        Interrupt.crashMessage = "\ngoodbye: " + typography(texts.text(.crashed), texts) + "\n"
        // The default session file is a convenience: when it cannot be written (say
        // XDG_DATA_HOME names a file), say so once and go on without it. A file named
        // with --session is the person's request: failing to write it stops the run.
        var saving = store != nil
        var reviewed = false
        if let store {
            try store.lock()
            reviewed = try resume(
                store, into: &prefilled, texts: texts, presenter: presenter, say: say, fresh: options.newSession)
            let hint = resumeHint(store, isLetter: isLetter, kind: chosenKind.id, texts: texts)
            session.persist = { [weak session, terminal] state throws(Failure) in
                guard saving else { return }
                do throws(Failure) {
                    try store.save(state)
                } catch {
                    guard options.session == nil else { throw error }
                    saving = false
                    tell(error.messages + [Message(.sessionNotSaving)], texts)
                    session?.resumeHint = nil
                    onInterrupt(texts.text(.notSaved))
                }
            }
            session.resumeHint = hint
            onInterrupt(texts.render(hint))
        }
        var first = engine.begin(at: isLetter ? chosenKind.start : graph.start, answers: prefilled, reviewed: reviewed)
        // Resumed past a confirmed review: straight to the question that was left, the
        // review and the decision already seen.
        if reviewed { first.outputs.removeAll { if case .decision = $0 { true } else { false } } }
        let end = try session.run(from: first)
        guard case .finished(var state) = end else {
            if saving, let store, case .quit(let state) = end { try store.save(state) }
            let hint =
                saving
                ? store.map { resumeHint($0, isLetter: isLetter, kind: chosenKind.id, texts: texts) }
                    ?? Message(.notSaved) : Message(.notSaved)
            tell(hint, texts)
            return
        }
        if saving { try store?.save(state, finished: true) }
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
            letter = try draft(
                drafting, &state, session: session, presenter: presenter, say: say, interactive: !options.noInput)
            if saving { try store?.save(state, finished: true) }
            try sayWarnings(letter?.warnings ?? [], texts, strict: options.strict)
        }
        noteIgnored(file, options.answers ?? "", used(state, engine, signs: isLetter).keys, texts)
        // `run --format json` carries the letter as text inside its report.
        let output = LetterOutput(format: isLetter || format != .json ? format : .text, texts: texts, today: today)
        // Nothing half-written: an e-mail without its sender's address is refused before a byte goes out.
        if let letter, case let missing = output.missing(letter), !missing.isEmpty {
            throw Failure(.dataError, missing)
        }
        if format.isBinary, let letter {
            let unprintable = output.unprintable(
                used(state, engine, signs: isLetter), lines: file?.lines ?? [:], file: options.answers ?? "")
            guard unprintable.isEmpty else { throw Failure(.dataError, unprintable + [Message(.unprintableFix)]) }
            let bytes = output.bytes(letter)
            if let path = options.output, path != "-" {
                try Files.write(bytes: bytes, to: path, force: options.force)
                tell(Message(.letterSaved, ["path": printable(path)]), texts)
            } else {
                terminal.writeBytes(bytes)
            }
            return
        }
        let text = letter.map(output.write)
        if format == .eml, let letter { noteMissingAddresses(letter, texts) }
        let kindName = letter.map { texts.kindName($0.kind) } ?? ""
        let name = Files.slug(
            [letter?.recipient.first ?? "", kindName, today.iso].filter { !$0.isEmpty }.joined(separator: "-"))
        let reflection = isLetter ? [] : Presenter.reflectionAnswers(used(state, engine, signs: false))
        try deliver(
            letter: text, name: name, warnings: letter?.warnings, report: report, reflection: reflection,
            options: options,
            session: session, say: say, format: format)
        // The moment of reflection given back, last, before the goodbye.
        // (Without a letter, `deliver` gives it back before its goodbye.)
        if !isLetter, format == .text, text != nil, options.output == nil || options.output == "-",
            let closing = presenter.reflection(used(state, engine, signs: false))
        {
            say(closing + "\n" + presenter.wrapped(presenter.text(TextKey.finished)) + "\n")
        }
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

    /// An e-mail without the client's address: said, the mail program will ask for it
    /// (the sender's is required: `LetterOutput.missing`).
    func noteMissingAddresses(_ letter: Letter, _ texts: TextTable) {
        for (address, id) in [(letter.email.toAddress, LetterQuestion.clientEmail)] where address == nil {
            tell(Message(.emailNoAddress, ["id": id.rawValue]), texts)
        }
        // The draft names its enclosures (« P. J. : … ») but carries none: the person attaches them.
        if !letter.enclosures.isEmpty {
            tell(Message(.emailAttach, ["text": letter.enclosures.joined(separator: " ")]), texts)
        }
    }

    /// How to resume: plain `goodbye` for the default session, `--session` otherwise.
    ///
    /// A letter of another kind than the farewell letter is resumed with its `--kind`.
    private func resumeHint(_ store: SessionStore, isLetter: Bool, kind: String, texts: TextTable) -> Message {
        let letter = "goodbye letter" + (kind == LetterKind.defaultId ? "" : " --kind " + texts.kindName(kind))
        let command =
            store.path == SessionStore.defaultPath(environment)
            ? "goodbye"
            : store.path == SessionStore.defaultPath(environment, letter: true)
                ? letter
                : (isLetter ? letter : "goodbye") + " --session \(printable(store.path))"
        return Message(.resumeHint, ["command": command])
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

    /// `--session FILE`, or the default file for a person at a terminal; none for scripts.
    private func sessionStore(_ options: Options, _ content: Content, isLetter: Bool) -> SessionStore? {
        if let path = options.session { return SessionStore(path: path, content: content) }
        guard terminal.isInteractive, options.answers == nil, !options.noInput else { return nil }
        guard let path = SessionStore.defaultPath(environment, letter: isLetter) else {
            // No HOME and no XDG_STATE_HOME: said before the first question, not after the last.
            let texts = messages(options)
            tell(Message(.noSessionFolder), texts)
            return nil
        }
        if let former = SessionStore.moveFormer(environment, letter: isLetter) {
            let texts = messages(options)
            tell(Message(.sessionMoved, ["file": printable(former), "path": printable(path)]), texts)
        }
        return SessionStore(path: path, content: content)
    }

    /// Adds the saved answers (an answer file given now wins over them) and says what was resumed
    /// and which questions changed since.
    ///
    /// A finished default session starts afresh. Returns whether the saved session had confirmed
    /// its review.
    private func resume(
        _ store: SessionStore, into answers: inout [String: Answer], texts: TextTable, presenter: Presenter,
        say: (String) -> Void, fresh: Bool
    ) throws(Failure) -> Bool {
        if fresh { store.adopt() }
        guard !fresh, let loaded = try store.load(texts: texts), !loaded.answers.isEmpty || !loaded.changed.isEmpty
        else { return false }
        let isDefault =
            store.path == SessionStore.defaultPath(environment)
            || store.path == SessionStore.defaultPath(environment, letter: true)
        if loaded.finished, isDefault { return false }
        // The answer file given now wins over what the session saved earlier.
        answers.merge(loaded.answers) { given, _ in given }
        say(presenter.wrapped(presenter.text(TextKey.resumed)) + "\n")
        for id in loaded.changed {
            say(
                presenter.wrapped(presenter.text(TextKey.changed, ["prompt": .string(texts.text(id + ".prompt"))]))
                    + "\n")
        }
        return loaded.reviewed
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

    private func deliver(
        letter: String?, name: String, warnings: [LetterWarning]?, report: DecisionReport?,
        reflection: [(name: String, id: String, text: String)], options: Options, session: Session,
        say: (String) -> Void,
        format: OutputFormat
    ) throws(Failure) {
        let presenter = session.presenter
        var letterInReport = letter
        if let letter, let path = options.output, path != "-" {
            try Files.write(letter, to: path, force: options.force)
            tell(Message(.letterSaved, ["path": printable(path)]), presenter.texts)
            letterInReport = nil
        }
        if let report, format == .json {
            let warnings = warnings.map {
                $0.map { (code: $0.code.rawValue, message: presenter.texts.render($0.message)) }
            }
            let given = reflection.map { ($0.name, $0.text) }
            terminal.write(
                Report.json(
                    report, summary: presenter.summary(report), letter: letterInReport, warnings: warnings,
                    reflection: given
                ).rendered() + "\n")
            return
        }
        guard let letter = letterInReport else {
            if options.command == .run {
                if let closing = presenter.reflection(
                    Dictionary(uniqueKeysWithValues: reflection.map { ($0.id, Answer($0.text)) }))
                {
                    say(closing)
                }
                say("\n" + presenter.text(TextKey.finished) + "\n")
            }
            return
        }
        if options.command == .letter {
            terminal.write(letter)
        } else {
            let heading = presenter.text(TextKey.letterHeading)
            say(
                "\n" + presenter.bold(heading) + "\n" + String(repeating: "─", count: heading.count) + "\n\n"
                    + wrapLines(letter, width: presenter.width))
            say(String(repeating: "─", count: heading.count) + "\n")
        }
        offerToSave(letter, name: name, format: format, session: session, say: say, options: options)
    }

    /// At a terminal, the letter is kept: a file in the current folder, named from the client and
    /// the date, never over an existing one; Enter accepts, `e` opens it in the person's editor
    /// first, and what the editor leaves is what is saved (an emptied draft saves nothing).
    ///
    /// A letter sent to a file or a pipe (`goodbye letter > lettre.txt`) is kept there: nothing to
    /// offer.
    private func offerToSave(
        _ letter: String, name: String, format: OutputFormat, session: Session, say: (String) -> Void,
        options: Options
    ) {
        let presenter = session.presenter
        guard terminal.isInteractive, terminal.outputIsTerminal, !options.noInput else {
            if options.command == .run { say(presenter.wrapped(presenter.text(TextKey.letterNext)) + "\n") }
            return
        }
        let file = Files.freeName(name, extension: format.fileExtension)
        let texts = presenter.texts
        var letter = letter
        while true {
            let answer =
                session.ask("save", "\n" + presenter.wrapped(texts.text(.savePrompt, ["path": file])) + "\n").map {
                    folded($0.trimmed)
                } ?? "non"
            if answer == "e" {
                guard let command = ExternalEditor.command(environment) else {
                    say(presenter.wrapped(texts.text(.noEditor)) + "\n")
                    continue
                }
                switch ExternalEditor.edit(
                    letter, fileExtension: format.fileExtension, command: command, environment: environment)
                {
                case .failed(let status):
                    say(
                        presenter.wrapped(
                            texts.text(.editorFailed, ["command": printable(command), "count": String(status)])) + "\n")
                    continue
                case .edited(let text):
                    guard !text.trimmed.isEmpty else {
                        say(presenter.wrapped(texts.text(.editedEmpty)) + "\n")
                        return
                    }
                    letter = text
                }
            } else if !(answer.isEmpty || session.engine.parser.saysYes(answer)) {
                return
            }
            break
        }
        do {
            try Files.write(letter, to: file, force: false)
            say(presenter.wrapped(texts.text(.saveDone, ["path": file])) + "\n")
        } catch {
            tell(error.messages, texts)
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
