import DialogueCore
import Vocabulary

/// A spreadsheet of answers, one letter per row (`goodbye letter --batch FILE.csv`): CSV as RFC
/// 4180 defines it, separated by `,` or `;` (the separator of the header row), UTF-8 with or
/// without a byte-order mark, quoted fields that may hold the separator, quotes (`""`) and line
/// breaks.
///
/// The header row holds question ids; a list question (invoices) may repeat its column. An empty
/// cell is an unanswered question. Every problem is a diagnostic at `FILE:ROW:COLUMN`, rows and
/// columns counted from 1 as a spreadsheet shows them.
public struct BatchFile: Sendable {
    public struct Row: Sendable, Equatable {
        /// The row as a spreadsheet numbers it (the header is row 1).
        public var number: Int
        public var answers: [String: Answer]
    }

    public var rows: [Row] = []
    public var diagnostics: [Diagnostic] = []

    public init(text: String, file: String, graph: DialogueGraph, parser: AnswerParser, texts: TextTable) {
        self.init(bytes: Array(text.utf8), file: file, graph: graph, parser: parser, texts: texts)
    }

    /// The whole spreadsheet at once (tests, standard input): the reader's rows and problems.
    public init(bytes: [UInt8], file: String, graph: DialogueGraph, parser: AnswerParser, texts: TextTable) {
        var reader = BatchReader(file: file, graph: graph, parser: parser, texts: texts)
        var records: [CSV.Record] = []
        var stream = CSV.Stream()
        let failure = stream.feed(bytes) { records.append($0) } ?? stream.finish { records.append($0) }
        for record in records {
            let (row, problems) = reader.read(record)
            diagnostics += problems
            if let row { rows.append(row) }
        }
        if let failure {
            diagnostics.append(reader.diagnostic(failure))
            return
        }
        diagnostics += reader.end()
    }

    /// Each problem as `FILE:ROW:COLUMN: message`, in the language of `texts`, in file order.
    public func located(_ texts: TextTable) -> [Message] {
        diagnostics.sorted().map { Message(.verbatim, ["text": "\($0.location): " + texts.render($0.message)]) }
    }
}

/// The rows of a spreadsheet one record at a time, in constant memory: the header's
/// questions, then each row's answers and problems, as `BatchFile` reads them.
public struct BatchReader: Sendable {
    let file: String
    let graph: DialogueGraph
    let parser: AnswerParser
    let texts: TextTable
    private var questions: [Question?]?
    private var header: [String] = []
    /// Rows with at least one answer, so far.
    public private(set) var rowCount = 0

    public init(file: String, graph: DialogueGraph, parser: AnswerParser, texts: TextTable) {
        self.file = file
        self.graph = graph
        self.parser = parser
        self.texts = texts
    }

    /// The next record: the header first, then rows (nil for an empty one).
    public mutating func read(_ record: CSV.Record) -> (row: BatchFile.Row?, diagnostics: [Diagnostic]) {
        guard let questions else { return (nil, readHeader(record)) }
        guard !questions.isEmpty, record.cells.contains(where: { !$0.trimmed.isEmpty }) else { return (nil, []) }
        var answers: [String: Answer] = [:]
        var items: [String: [String]] = [:]
        var diagnostics: [Diagnostic] = []
        for (index, raw) in record.cells.enumerated() {
            let cell = raw.trimmed
            if cell.isEmpty { continue }
            guard index < questions.count, let question = questions[index] else {
                if index >= questions.count || header[index].trimmed.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .answerLine, file: file, line: record.row, column: index + 1, Message(.batchNoColumn)))
                }
                continue
            }
            // A list cell may hold several items, one a line; elsewhere a line break
            // inside a cell (an address typed on two lines) reads as a comma.
            let values =
                question.type == .list
                ? cell.split(whereSeparator: \.isNewline).map { $0.trimmed }.filter { !$0.isEmpty }
                : [
                    cell.split(whereSeparator: \.isNewline).map { $0.trimmed }.filter { !$0.isEmpty }.joined(
                        separator: ", ")
                ]
            for value in values {
                switch AnswerFile.parse(value, question, parser, texts) {
                case .success(let canonical):
                    if question.type == .list {
                        items[question.id, default: []].append(canonical)
                    } else {
                        answers[question.id] = Answer(canonical)
                    }
                case .failure(let message):
                    diagnostics.append(
                        Diagnostic(.answerRejected, file: file, line: record.row, column: index + 1, message))
                }
            }
        }
        for (id, list) in items { answers[id] = Answer(items: list) }
        rowCount += 1
        return (BatchFile.Row(number: record.row, answers: answers), diagnostics)
    }

    /// At the end: a spreadsheet without a header or without rows says so.
    public func end() -> [Diagnostic] {
        guard let questions, !questions.isEmpty else {
            return [Diagnostic(.answerLine, file: file, line: 1, Message(.batchNoHeader))]
        }
        return rowCount == 0 ? [Diagnostic(.answerLine, file: file, line: 2, Message(.batchNoRows))] : []
    }

    /// A record the CSV reader could not read: a quote left open, or a cell that is not
    /// UTF-8 (named with the id its column's header gives).
    public func diagnostic(_ failure: CSV.Failure) -> Diagnostic {
        guard failure.encoding else {
            return Diagnostic(.answerLine, file: file, line: failure.row, column: failure.column, Message(.batchQuote))
        }
        let id = failure.column <= header.count ? header[failure.column - 1].trimmed : ""
        return Diagnostic(
            .answerLine, file: file, line: failure.row, column: failure.column,
            Message(id.isEmpty ? .batchUnreadableCell : .batchUnreadableColumn, ["id": quoted(id)]))
    }

    private mutating func readHeader(_ record: CSV.Record) -> [Diagnostic] {
        header = record.cells
        guard record.cells.contains(where: { !$0.trimmed.isEmpty }) else {
            questions = []
            return []
        }
        var diagnostics: [Diagnostic] = []
        var found: [Question?] = []
        var seen: [String: Int] = [:]
        for (index, cell) in record.cells.enumerated() {
            // Spreadsheets may export the invisible byte-order mark, and spaces around ids.
            let id = cell.trimmed
            let column = index + 1
            if id.isEmpty {
                found.append(nil)
                continue
            }
            guard let question = graph.question(id) else {
                diagnostics.append(
                    Diagnostic(
                        .answerUnknownId, file: file, line: record.row, column: column,
                        Message(.answerUnknownId, ["id": quoted(id)])))
                found.append(nil)
                continue
            }
            if question.type != .list, let first = seen[id] {
                diagnostics.append(
                    Diagnostic(
                        .answerRepeated, file: file, line: record.row, column: column,
                        Message(.batchRepeated, ["id": id, "number": String(first)])))
            }
            seen[id] = seen[id] ?? column
            found.append(question)
        }
        questions = found
        return diagnostics
    }
}

/// Comma-separated values (RFC 4180), on the UTF-8 bytes.
public enum CSV {
    /// One record: its cells, and the row a spreadsheet shows it on.
    public struct Record: Sendable, Equatable {
        public var row: Int
        public var cells: [String]
    }

    /// A quoted field never closed, or a quote followed by text: where it starts; or a
    /// cell that is not UTF-8 text (a NUL, bytes of another encoding): where it is.
    public struct Failure: Error, Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var encoding = false

        public init(row: Int, column: Int, encoding: Bool = false) {
            self.row = row
            self.column = column
            self.encoding = encoding
        }
    }

    /// The separator: `;` when the first line (outside quotes) has more of them than
    /// of `,`, as French spreadsheets export; `,` otherwise.
    public static func separator(_ bytes: some Collection<UInt8>) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ","): if !quoted { commas += 1 }
            case UInt8(ascii: ";"): if !quoted { semicolons += 1 }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if !quoted { return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",") }
            default: break
            }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The records of `text`, a byte-order mark skipped, CRLF or LF line ends.
    public static func records(_ text: String) -> Result<[Record], Failure> { records(Array(text.utf8)) }

    /// The records of a file's bytes: each cell must be UTF-8 text without NUL, or the
    /// failure names its row and column.
    public static func records(_ bytes: [UInt8]) -> Result<[Record], Failure> {
        var stream = Stream()
        var records: [Record] = []
        if let failure = stream.feed(bytes, { records.append($0) }) { return .failure(failure) }
        if let failure = stream.finish({ records.append($0) }) { return .failure(failure) }
        return .success(records)
    }

    /// The reader as a stream: bytes in, in chunks of any size, records out as each ends, so that a
    /// spreadsheet of any length is read in constant memory.
    ///
    /// The separator is the first line's (read before anything is given out).
    public struct Stream: Sendable {
        private var separator: UInt8?
        /// The first line's bytes, until its end tells the separator.
        private var first: [UInt8] = []
        private var firstQuoted = false
        private var started = false
        private var cells: [String] = []
        private var field: [UInt8] = []
        // Rows as a spreadsheet counts them: a line break inside quotes stays in its row.
        private var recordRow = 1
        private var fieldRow = 1
        private var quoted = false
        /// A quote inside a quoted field: the next byte says whether it doubles or closes.
        private var quoteSeen = false
        /// A closing quote: only a separator, a line end or the end may follow.
        private var closed = false
        /// A CR: a LF right after it belongs to the same line end.
        private var carriageReturn = false
        private var quoteStart = (row: 1, column: 1)
        private var badCell: (row: Int, column: Int)?

        public init() {}

        public mutating func feed(_ bytes: some Collection<UInt8>, _ emit: (Record) -> Void) -> Failure? {
            for byte in bytes {
                if separator == nil {
                    first.append(byte)
                    if byte == UInt8(ascii: "\"") { firstQuoted.toggle() }
                    guard !firstQuoted, byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { continue }
                    if let failure = begin(emit) { return failure }
                    continue
                }
                if let failure = take(byte, emit) { return failure }
            }
            return nil
        }

        public mutating func finish(_ emit: (Record) -> Void) -> Failure? {
            if separator == nil, let failure = begin(emit) { return failure }
            if quoteSeen {
                quoteSeen = false
                quoted = false
            }
            if quoted { return Failure(row: quoteStart.row, column: quoteStart.column) }
            if !field.isEmpty || !cells.isEmpty {
                endField()
                if let badCell { return Failure(row: badCell.row, column: badCell.column, encoding: true) }
                emit(Record(row: recordRow, cells: cells))
                cells.removeAll()
            }
            return nil
        }

        /// The first line is complete (or the input ended): its separator, then its bytes.
        private mutating func begin(_ emit: (Record) -> Void) -> Failure? {
            var bytes = first[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            separator = CSV.separator(bytes)
            first = []
            for byte in bytes { if let failure = take(byte, emit) { return failure } }
            return nil
        }

        private mutating func endField() {
            if let text = field.contains(0) ? nil : String(validating: field, as: UTF8.self) {
                cells.append(text)
            } else {
                if badCell == nil { badCell = (fieldRow, cells.count + 1) }
                cells.append("")
            }
            field.removeAll(keepingCapacity: true)
            fieldRow = recordRow
        }

        private mutating func endRecord(_ emit: (Record) -> Void) -> Failure? {
            endField()
            if let badCell { return Failure(row: badCell.row, column: badCell.column, encoding: true) }
            emit(Record(row: recordRow, cells: cells))
            cells.removeAll(keepingCapacity: true)
            recordRow += 1
            fieldRow = recordRow
            return nil
        }

        private mutating func take(_ byte: UInt8, _ emit: (Record) -> Void) -> Failure? {
            let separator = self.separator ?? UInt8(ascii: ",")
            if carriageReturn {
                carriageReturn = false
                if byte == UInt8(ascii: "\n") { return nil }
            }
            if quoteSeen {
                quoteSeen = false
                if byte == UInt8(ascii: "\"") {
                    field.append(byte)
                    return nil
                }
                quoted = false
                closed = true
            }
            if quoted {
                if byte == UInt8(ascii: "\"") { quoteSeen = true } else { field.append(byte) }
                return nil
            }
            if closed {
                closed = false
                // After a closing quote: a separator, a line end or the end.
                guard byte == separator || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") else {
                    return Failure(row: quoteStart.row, column: quoteStart.column)
                }
            }
            switch byte {
            case separator:
                endField()
            case UInt8(ascii: "\"") where field.isEmpty:
                quoted = true
                quoteStart = (recordRow, cells.count + 1)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):  // LF, CRLF, or a CR alone (« CSV (Macintosh) »)
                carriageReturn = byte == UInt8(ascii: "\r")
                return endRecord(emit)
            default:
                field.append(byte)
            }
            return nil
        }
    }
}
