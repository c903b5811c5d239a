import DialogueCore

/// A spreadsheet of answers, one letter per row (`goodbye letter --batch FILE.csv`):
/// CSV as RFC 4180 defines it, separated by `,` or `;` (the separator of the header
/// row), UTF-8 with or without a byte-order mark, quoted fields that may hold the
/// separator, quotes (`""`) and line breaks. The header row holds question ids; a list
/// question (invoices) may repeat its column. An empty cell is an unanswered question.
/// Every problem is a diagnostic at `FILE:ROW:COLUMN`, rows and columns counted from 1
/// as a spreadsheet shows them.
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

    public init(bytes: [UInt8], file: String, graph: DialogueGraph, parser: AnswerParser, texts: TextTable) {
        let records: [CSV.Record]
        switch CSV.records(bytes) {
        case .success(let parsed): records = parsed
        case .failure(let error) where error.encoding:
            // The cell's column, with the id its header names when the header reads.
            var header = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }[...]
            if header.starts(with: [0xEF, 0xBB, 0xBF]) { header = header.dropFirst(3) }
            let ids = (try? CSV.records(Array(header)).get().first?.cells) ?? nil
            let id = ids.flatMap { error.column <= $0.count ? $0[error.column - 1].trimmed : nil } ?? ""
            diagnostics.append(Diagnostic(.answerLine, file: file, line: error.row, column: error.column,
                Message(id.isEmpty ? .batchUnreadableCell : .batchUnreadableColumn, ["id": quoted(id)])))
            return
        case .failure(let error):
            diagnostics.append(Diagnostic(.answerLine, file: file, line: error.row, column: error.column, Message(.batchQuote)))
            return
        }
        guard let header = records.first, header.cells.contains(where: { !$0.trimmed.isEmpty }) else {
            diagnostics.append(Diagnostic(.answerLine, file: file, line: 1, Message(.batchNoHeader)))
            return
        }
        var questions: [Question?] = []
        var seen: [String: Int] = [:]
        for (index, cell) in header.cells.enumerated() {
            // Spreadsheets may export the invisible byte-order mark, and spaces around ids.
            let id = cell.trimmed
            let column = index + 1
            if id.isEmpty {
                questions.append(nil)
                continue
            }
            guard let question = graph.question(id) else {
                diagnostics.append(Diagnostic(.answerUnknownId, file: file, line: header.row, column: column,
                    Message(.answerUnknownId, ["id": quoted(id)])))
                questions.append(nil)
                continue
            }
            if question.type != .list, let first = seen[id] {
                diagnostics.append(Diagnostic(.answerRepeated, file: file, line: header.row, column: column,
                    Message(.batchRepeated, ["id": id, "number": String(first)])))
            }
            seen[id] = seen[id] ?? column
            questions.append(question)
        }
        for record in records.dropFirst() where record.cells.contains(where: { !$0.trimmed.isEmpty }) {
            var answers: [String: Answer] = [:]
            var items: [String: [String]] = [:]
            for (index, raw) in record.cells.enumerated() {
                let cell = raw.trimmed
                if cell.isEmpty { continue }
                guard index < questions.count, let question = questions[index] else {
                    if index >= questions.count || header.cells[index].trimmed.isEmpty {
                        diagnostics.append(Diagnostic(.answerLine, file: file, line: record.row, column: index + 1, Message(.batchNoColumn)))
                    }
                    continue
                }
                // A list cell may hold several items, one a line; elsewhere a line break
                // inside a cell (an address typed on two lines) reads as a comma.
                let values = question.type == .list ? cell.split(whereSeparator: \.isNewline).map { $0.trimmed }.filter { !$0.isEmpty }
                    : [cell.split(whereSeparator: \.isNewline).map { $0.trimmed }.filter { !$0.isEmpty }.joined(separator: ", ")]
                for value in values {
                    switch AnswerFile.parse(value, question, parser, texts) {
                    case .success(let canonical):
                        if question.type == .list { items[question.id, default: []].append(canonical) } else { answers[question.id] = Answer(canonical) }
                    case .failure(let message):
                        diagnostics.append(Diagnostic(.answerRejected, file: file, line: record.row, column: index + 1, message))
                    }
                }
            }
            for (id, list) in items { answers[id] = Answer(items: list) }
            rows.append(Row(number: record.row, answers: answers))
        }
        if rows.isEmpty, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(.answerLine, file: file, line: 2, Message(.batchNoRows)))
        }
    }

    /// Each problem as `FILE:ROW:COLUMN: message`, in the language of `texts`, in file order.
    public func located(_ texts: TextTable) -> [Message] {
        diagnostics.sorted().map { Message(.verbatim, ["text": "\($0.location): " + texts.render($0.message)]) }
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
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): if !quoted { return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",") }
            default: break
            }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The records of `text`, a byte-order mark skipped, CRLF or LF line ends.
    public static func records(_ text: String) -> Result<[Record], Failure> { records(Array(text.utf8)) }

    /// The records of a file's bytes: each cell must be UTF-8 text without NUL, or the
    /// failure names its row and column.
    public static func records(_ input: [UInt8]) -> Result<[Record], Failure> {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let separator = separator(bytes)
        var records: [Record] = []
        var cells: [String] = []
        var field: [UInt8] = []
        // Rows as a spreadsheet counts them: a line break inside quotes stays in its row.
        var recordRow = 1
        var index = 0
        var quoted = false
        var quoteStart = (row: 1, column: 1)
        var fieldRow = 1
        var badCell: (row: Int, column: Int)?
        func endField() {
            if let text = field.contains(0) ? nil : String(validating: field, as: UTF8.self) {
                cells.append(text)
            } else {
                if badCell == nil { badCell = (fieldRow, cells.count + 1) }
                cells.append("")
            }
            field.removeAll(keepingCapacity: true)
            fieldRow = recordRow
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                        // After a closing quote: a separator, a line end or the end.
                        if index < bytes.count, ![separator, UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(bytes[index]) {
                            return .failure(Failure(row: quoteStart.row, column: quoteStart.column))
                        }
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case separator:
                endField()
            case UInt8(ascii: "\"") where field.isEmpty:
                quoted = true
                quoteStart = (recordRow, cells.count + 1)
            case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
                break
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):  // LF, CRLF, or a CR alone (« CSV (Macintosh) »)
                endField()
                if let badCell { return .failure(Failure(row: badCell.row, column: badCell.column, encoding: true)) }
                records.append(Record(row: recordRow, cells: cells))
                cells.removeAll(keepingCapacity: true)
                recordRow += 1
                fieldRow = recordRow
            default:
                field.append(byte)
            }
        }
        if quoted { return .failure(Failure(row: quoteStart.row, column: quoteStart.column)) }
        if !field.isEmpty || !cells.isEmpty {
            endField()
            if let badCell { return .failure(Failure(row: badCell.row, column: badCell.column, encoding: true)) }
            records.append(Record(row: recordRow, cells: cells))
        }
        return .success(records)
    }
}
