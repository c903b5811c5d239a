import ContentLoading
import DialogueCore
import LetterComposition
import Vocabulary

extension App {
    /// The delivery stage: the letter as its format writes it, to `-o` or standard output.
    ///
    /// With the decision's report for `run`; at a terminal, the offer to keep it. Nothing
    /// half-written: what a format cannot write is refused first.
    func delivery(
        _ letter: Letter?, report: DecisionReport?, answers: [String: Answer], file: AnswerFile?, options: Options,
        format: OutputFormat, today: CivilDate, session: Session, say: @escaping (String) -> Void
    ) throws(Failure) {
        let texts = session.presenter.texts
        let isLetter = options.command == .letter
        // `run --format json` carries the letter as text inside its report.
        let output = LetterOutput(format: isLetter || format != .json ? format : .text, texts: texts, today: today)
        // An e-mail without its sender's address is refused before a byte goes out.
        if let letter, case let missing = output.missing(letter), !missing.isEmpty {
            throw Failure(.dataError, missing)
        }
        if format.isBinary, let letter {
            let unprintable = output.unprintable(answers, lines: file?.lines ?? [:], file: options.answers ?? "")
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
        let reflection = isLetter ? [] : Presenter.reflectionAnswers(answers)
        try deliver(
            letter: text, name: name, warnings: letter?.warnings, report: report, reflection: reflection,
            options: options, session: session, say: say, format: format)
        // The moment of reflection given back, last, before the goodbye.
        // (Without a letter, `deliver` gives it back before its goodbye.)
        let presenter = session.presenter
        if !isLetter, format == .text, text != nil, options.output == nil || options.output == "-",
            let closing = presenter.reflection(answers)
        {
            say(closing + "\n" + presenter.wrapped(presenter.text(TextKey.finished)) + "\n")
        }
    }

    /// What delivery will refuse, said before the first question rather than after the last:
    /// binary bytes for a screen, an output that is an input or cannot be created, a session
    /// file that is the answer file or not a regular file.
    func checkOutputBeforeAsking(_ options: Options, format: OutputFormat) throws(Failure) {
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
