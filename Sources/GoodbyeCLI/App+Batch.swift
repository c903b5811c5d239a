import ContentLoading
import DialogueCore
import LetterComposition
import Vocabulary

#if canImport(Glibc)
    import Glibc
#endif

extension App {
    /// `goodbye letter --batch FILE.csv --out-dir DIR`, in constant memory whatever the rows: a
    /// first pass reads, checks and drafts every row and keeps only what it must say (any problem
    /// at its `FILE:ROW:COLUMN`: then nothing is written); a second drafts each row again and
    /// writes its letter at once, named from the client, never over an existing file without
    /// `--force`.
    ///
    /// A write that fails removes what this run wrote.
    func batch(_ options: Options) throws(Failure) {
        guard let path = options.batch, let folder = options.outDir else { throw Failure.usage(.batchNeedsBoth) }
        let content = try withUserRates(loadContent(options), options)
        let texts = try language(options, content)
        let kind = try letterKind(options, content)
        let format = options.format ?? .text
        let today = options.date ?? self.today()
        // `--batch -`: the spreadsheet on standard input, kept for the two passes.
        var input: [UInt8]?
        if path == "-" {
            guard let all = terminal.readAll() else {
                throw terminal.lineTooLong ? Failure.lineTooLong : Failure(.ioError, .stdinUnreadable)
            }
            input = Array(all.utf8)
        }
        let drafter = try Drafting.drafter(content, kind: kind, texts: texts)
        let engine = Engine(
            graph: content.graph, parser: content.parser(for: texts.language),
            computedDefault: LetterFacts.computedDefaults(today: today, kinds: content.kinds, kind: kind.id))
        let output = LetterOutput(format: format, texts: texts, today: today)
        let name = printable(path)
        let reader = BatchReader(
            file: name, graph: content.graph, parser: content.parser(for: texts.language), texts: texts)

        /// Each row's letter (or why there is none), the rows read one at a time.
        func eachLetter(_ body: (BatchFile.Row, Result<Letter, BatchProblem>) throws(Failure) -> Void) throws(Failure)
            -> [Diagnostic]
        {
            var reader = reader
            var diagnostics: [Diagnostic] = []
            try Self.records(path, input) { record throws(Failure) in
                let (row, problems) = reader.read(record)
                diagnostics += problems
                guard let row, problems.isEmpty else { return }
                let location = "\(name):\(row.number)"
                let (state, missing) = engine.complete(at: kind.start, answers: row.answers)
                guard missing.isEmpty else {
                    return try body(
                        row,
                        .failure(
                            .messages([
                                Message(
                                    .batchRowMissing, ["location": location, "ids": missing.joined(separator: ", ")])
                            ])))
                }
                let unprintable = output.unprintable(row.answers, location: location + ": ")
                guard unprintable.isEmpty else { return try body(row, .failure(.messages(unprintable))) }
                let drafted: Result<Letter, BatchProblem>
                do throws(DraftError) {
                    let letter = try drafter.draft(used(state, engine, signs: true), today: today)
                    let missing = output.missing(letter)
                    drafted =
                        missing.isEmpty
                        ? .success(letter)
                        : .failure(
                            .messages(missing.map { Message(.verbatim, ["text": location + ": " + texts.render($0)]) }))
                } catch {
                    switch error {
                    case .facts(let messages):
                        drafted = .failure(
                            .messages(messages.map { Message(.verbatim, ["text": location + ": " + texts.render($0)]) })
                        )
                    case .template(let error): throw Failure.template(error)
                    }
                }
                try body(row, drafted)
            } failed: { failure in
                diagnostics.append(reader.diagnostic(failure))
            }
            return diagnostics + (diagnostics.isEmpty ? reader.end() : [])
        }

        // How many records, read once without drafting: the names' set is made at its size.
        var records = 0
        try Self.records(path, input, { _ throws(Failure) in records += 1 }, failed: { _ in })

        // First pass: every row checked; the names and what is already there.
        var problems = ProblemList()
        var warnings = ProblemList()
        var names = BatchNames(folder: folder, extension: format.fileExtension, rows: records)
        var existing = 0
        var firstExisting: String?
        var rows = 0
        let diagnostics = try eachLetter { row, drafted throws(Failure) in
            switch drafted {
            case .failure(.messages(let messages)): problems.append(messages)
            case .success(let letter):
                rows += 1
                let location = "\(name):\(row.number)"
                warnings.append(
                    letter.warnings.map {
                        Message(
                            .verbatim,
                            ["text": location + ": " + texts.text(.warning, ["text": texts.render($0.message)])])
                    })
                let file = names.next(Self.letterName(row))
                // A letter never replaces an input (the spreadsheet, in the letters' folder).
                if path != "-", Files.sameFile(file, path) {
                    throw Failure.usage(.batchOverwritesInput, ["path": printable(file)])
                }
                if !options.force, Files.exists(file) {
                    existing += 1
                    firstExisting = firstExisting ?? file
                }
            }
        }
        if !diagnostics.isEmpty {
            let located = diagnostics.sorted().map {
                Message(.verbatim, ["text": "\($0.location): " + texts.render($0.message)])
            }
            throw Failure(.dataError, located + [Message(.batchFix)])
        }
        guard problems.isEmpty else { throw Failure(.dataError, problems.messages + [Message(.batchNothingWritten)]) }
        if options.strict, !warnings.isEmpty {
            throw Failure(.dataError, warnings.messages + [Message(.strictRefused)])
        }
        tell(warnings.messages, texts)
        try Files.makeFolder(folder)
        if let firstExisting {
            throw Failure(.cantCreate, .batchExists, ["count": String(existing), "path": printable(firstExisting)])
        }

        // Second pass: each letter drafted again and written at once.
        var progress = Progress(app: self, texts: texts, key: .batchProgress, total: rows)
        var written = 0
        // Which letters this run creates (a bit a row), to remove them if a write fails.
        var created: [Bool] = []
        created.reserveCapacity(rows)
        names = BatchNames(folder: folder, extension: format.fileExtension)  // the first pass's set freed first
        names = BatchNames(folder: folder, extension: format.fileExtension, rows: rows)
        do throws(Failure) {
            _ = try eachLetter { row, drafted throws(Failure) in
                guard case .success(let letter) = drafted else { return }
                progress.advance()
                // Interrupted now, the person is told what is written and how to finish.
                Interrupt.setProgress(
                    "\ngoodbye: "
                        + typography(
                            texts.text(.batchInterrupted, ["count": String(written), "folder": printable(folder)]),
                            texts) + "\n")
                let file = names.next(Self.letterName(row))
                created.append(!Files.exists(file))
                try Files.write(bytes: output.bytes(letter), to: file, force: options.force, durable: false)
                written += 1
            }
        } catch {
            Interrupt.clearProgress()
            progress.end()
            // All or nothing: the letters this run created are removed (a file --force
            // replaced cannot be given back).
            var removal = BatchNames(folder: folder, extension: format.fileExtension)
            var index = 0
            _ = try? eachLetter { row, drafted throws(Failure) in
                guard case .success = drafted, index < written else { return }
                let file = removal.next(Self.letterName(row))
                if created[index] { withPath(file) { _ = unlink($0) } }
                index += 1
            }
            throw Failure(error.code, error.messages + [Message(.batchWriteStopped, ["count": String(written)])])
        }
        Interrupt.clearProgress()
        progress.end()
        Files.flush()
        tell(Message(.batchWritten, ["count": String(written), "folder": printable(folder)]), texts)
    }

    /// Named from the client: the company, or the person's name, or the row.
    static func letterName(_ row: BatchFile.Row) -> String {
        let client = [LetterQuestion.company, .clientName].lazy.compactMap { row.answers[$0.rawValue]?.value }.first {
            !$0.isEmpty
        }
        return client.map(Files.slug) ?? "lettre-\(row.number)"
    }

    /// The records of the spreadsheet, read in chunks from its file (or from what
    /// standard input gave), each given to `body` as it ends.
    static func records(
        _ path: String, _ input: [UInt8]?, _ body: (CSV.Record) throws(Failure) -> Void,
        failed: (CSV.Failure) -> Void
    ) throws(Failure) {
        var stream = CSV.Stream()
        var pending: [CSV.Record] = []
        func feed(_ chunk: ArraySlice<UInt8>) throws(Failure) -> Bool {
            if let failure = stream.feed(chunk, { pending.append($0) }) {
                for record in pending { try body(record) }
                failed(failure)
                return false
            }
            for record in pending { try body(record) }
            pending.removeAll(keepingCapacity: true)
            return true
        }
        if let input {
            guard try feed(input[...]) else { return }
        } else {
            var going = true
            try Files.readChunks(path) { chunk throws(Failure) in
                if going { going = try feed(chunk) }
            }
            guard going else { return }
        }
        if let failure = stream.finish({ pending.append($0) }) { failed(failure) }
        for record in pending { try body(record) }
    }

    /// The letters' file names, unique across the run (« Dupont », « Dupont » and
    /// « Dupont-2 » are three files), kept as hashes: memory does not grow with the names.
    struct BatchNames {
        let folder: String
        let `extension`: String
        private var taken: Set<Int> = []

        /// `rows`: how many names, so that the set is made once at its size (growing,
        /// it would hold its old and new tables at once).
        init(folder: String, extension: String, rows: Int = 0) {
            self.folder = folder
            self.extension = `extension`
            taken.reserveCapacity(rows)
        }

        mutating func next(_ wanted: String) -> String {
            var name = wanted
            var number = 2
            while taken.contains(name.hashValue) {
                name = "\(wanted)-\(number)"
                number += 1
            }
            taken.insert(name.hashValue)
            return folder + "/" + name + "." + `extension`
        }
    }
}

/// Why a row has no letter: what to say, at its row.
enum BatchProblem: Error {
    case messages([Message])
}

/// Problems or warnings of a batch: the first thousand said, the others counted, so
/// that a spreadsheet bad in every row does not fill the memory with what to say.
struct ProblemList {
    static let shown = 1_000
    private var shownMessages: [Message] = []
    private var more = 0

    var isEmpty: Bool { shownMessages.isEmpty }

    var messages: [Message] { shownMessages + (more > 0 ? [Message(.batchMoreProblems, ["count": String(more)])] : []) }

    mutating func append(_ new: [Message]) {
        for message in new {
            if shownMessages.count < Self.shown { shownMessages.append(message) } else { more += 1 }
        }
    }
}

/// A line on a terminal that counts a long batch's rows as they go (one update a
/// percent), cleared at the end; nothing when stderr is not a terminal.
private struct Progress {
    let app: App
    let texts: TextTable
    let key: CLIMessage
    let total: Int
    let shown: Bool
    private var done = 0
    private var percent = -1

    init(app: App, texts: TextTable, key: CLIMessage, total: Int) {
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
        app.tell(line: texts.text(key, ["number": String(done), "total": String(total)]), texts, redrawn: true)
    }

    func end() {
        if shown { app.terminal.writeError("\r\u{1B}[2K") }
    }
}
