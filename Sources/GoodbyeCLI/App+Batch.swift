import ContentLoading
import DialogueCore
import LetterComposition

/// One letter of a batch, drafted and laid out, waiting to be written.
private struct BatchLetter {
    let name: String
    let bytes: [UInt8]
}

extension App {
    /// `goodbye letter --batch FILE.csv --out-dir DIR`: every row read, checked and
    /// drafted first; any problem is said with its `FILE:ROW:COLUMN` and nothing is
    /// written. Then one file per row, named from the client, never over an existing
    /// file without `--force`.
    func batch(_ options: Options) throws(Failure) {
        guard let path = options.batch, let folder = options.outDir else { throw Failure.usage(.batchNeedsBoth) }
        let content = try loadContent(options)
        let texts = try language(options, content)
        let kind = try letterKind(options, content)
        let format = options.format ?? .text
        let today = options.date ?? self.today()
        // `--batch -`: the spreadsheet on standard input, as `--answers -` reads answers.
        let bytes: [UInt8]
        if path == "-" {
            guard let all = terminal.readAll() else { throw terminal.lineTooLong ? Failure.lineTooLong : Failure(.ioError, .stdinUnreadable) }
            bytes = Array(all.utf8)
        } else {
            bytes = try Files.readBytes(path)
        }
        let file = BatchFile(bytes: bytes, file: printable(path), graph: content.graph,
            parser: content.parser(for: texts.language), texts: texts)
        guard file.diagnostics.isEmpty else { throw Failure(.dataError, file.located(texts) + [Message(.batchFix)]) }
        guard let drafter = content.drafter(kind: kind, language: texts.language) else {
            throw Failure(.dataError, .noLetterTemplates, ["kind": kind.id, "language": texts.language])
        }
        let engine = Engine(graph: content.graph, parser: content.parser(for: texts.language),
            computedDefault: LetterFacts.computedDefaults(graph: content.graph, today: today, kinds: content.kinds, kind: kind.id))
        var problems: [Message] = []
        var warnings: [Message] = []
        var letters: [BatchLetter] = []
        letters.reserveCapacity(file.rows.count)
        let output = LetterOutput(format: format, texts: texts, today: today)
        var progress = Progress(app: self, texts: texts, key: .batchDrafting, total: file.rows.count)
        for row in file.rows {
            progress.advance()
            let location = "\(printable(path)):\(row.number)"
            let (state, missing) = engine.complete(at: kind.start, answers: row.answers)
            guard missing.isEmpty else {
                problems.append(Message(.batchRowMissing, ["location": location, "ids": missing.joined(separator: ", ")]))
                continue
            }
            let letter: Letter
            do {
                letter = try drafter.draft(used(state, engine, signs: true), today: today)
            } catch {
                switch error {
                case .facts(let messages):
                    problems += messages.map { Message(.verbatim, ["text": location + ": " + texts.render($0)]) }
                    continue
                case .template(let error):
                    throw Failure.template(error)
                }
            }
            let unprintable = output.unprintable(row.answers, location: location + ": ")
            guard unprintable.isEmpty else {
                problems += unprintable
                continue
            }
            for warning in letter.warnings {
                warnings.append(Message(.verbatim, ["text": location + ": " + texts.text(.warning, ["text": texts.render(warning.message)])]))
            }
            // Named from the client: the company, or the person's name, or the row.
            let client = [LetterQuestion.company, .clientName].lazy.compactMap { row.answers[$0.rawValue]?.value }.first { !$0.isEmpty }
            let name = client.map(Files.slug) ?? "lettre-\(row.number)"
            letters.append(BatchLetter(name: name, bytes: output.bytes(letter)))
        }
        progress.end()
        guard problems.isEmpty else { throw Failure(.dataError, problems + [Message(.batchNothingWritten)]) }
        let paths = Self.paths(letters.map(\.name), in: folder, extension: format.fileExtension)
        // A letter never replaces an input (the spreadsheet, in the letters' folder).
        if path != "-", let clash = paths.first(where: { Files.sameFile($0, path) }) {
            throw Failure.usage(.batchOverwritesInput, ["path": printable(clash)])
        }
        if options.strict, !warnings.isEmpty { throw Failure(.dataError, warnings + [Message(.strictRefused)]) }
        for warning in warnings { terminal.writeError("goodbye: " + typography(texts.render(warning), texts) + "\n") }
        try writeBatch(letters, to: paths, into: folder, force: options.force, texts: texts)
    }

    /// The letters as files, checked first (the folder, and no file to replace without
    /// `--force`), with a progress line at a terminal.
    private func writeBatch(_ letters: [BatchLetter], to paths: [String], into folder: String, force: Bool, texts: TextTable)
        throws(Failure)
    {
        try Files.makeFolder(folder)
        if !force {
            let existing = paths.filter(Files.exists)
            if let first = existing.first {
                throw Failure(.cantCreate, .batchExists, ["count": String(existing.count), "path": printable(first)])
            }
        }
        var progress = Progress(app: self, texts: texts, key: .batchProgress, total: letters.count)
        for (index, (letter, path)) in zip(letters, paths).enumerated() {
            progress.advance()
            // Interrupted now, the person is told what is written and how to finish.
            Interrupt.message = "\ngoodbye: " + typography(texts.text(.batchInterrupted, ["count": String(index), "folder": printable(folder)]), texts) + "\n"
            do {
                try Files.write(bytes: letter.bytes, to: path, force: force, durable: false)
            } catch {
                progress.end()
                throw Failure(error.code, error.messages + [Message(.batchWriteStopped, ["count": String(index)])])
            }
        }
        progress.end()
        Files.flush()
        let done = texts.text(.batchWritten, ["count": String(letters.count), "folder": printable(folder)])
        terminal.writeError("goodbye: " + typography(done, texts) + "\n")
    }

    /// Each letter's file: its name, made unique across the run (« Dupont », « Dupont »
    /// and « Dupont-2 » are three files), in `folder` with `suffix`.
    static func paths(_ names: [String], in folder: String, extension suffix: String) -> [String] {
        var taken: Set<String> = []
        return names.map { wanted in
            var name = wanted
            var number = 2
            while taken.contains(name) {
                name = "\(wanted)-\(number)"
                number += 1
            }
            taken.insert(name)
            return folder + "/" + name + "." + suffix
        }
    }
}

/// A line on a terminal that counts a long batch's rows as they go (one update a
/// percent), cleared at the end; nothing when stderr is not a terminal.
private struct Progress {
    let app: App
    let texts: TextTable
    let key: MessageKey
    let total: Int
    let shown: Bool
    private var done = 0
    private var percent = -1

    init(app: App, texts: TextTable, key: MessageKey, total: Int) {
        self.app = app
        self.texts = texts
        self.key = key
        self.total = total
        shown = app.terminal.errorIsTerminal && total >= 100
    }

    mutating func advance() {
        done += 1
        guard shown, done * 100 / total != percent else { return }
        percent = done * 100 / total
        let line = texts.text(key, ["number": String(done), "total": String(total)])
        app.terminal.writeError("\r\u{1B}[2Kgoodbye: " + app.typography(line, texts))
    }

    func end() {
        if shown { app.terminal.writeError("\r\u{1B}[2K") }
    }
}
