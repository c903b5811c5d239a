import DialogueCore
import Vocabulary

/// An answer file read and checked against the questions: `id = value` lines.
public struct AnswerFile: Sendable {
    public var answers: [String: Answer] = [:]
    /// The line of each answer, to name it in notes.
    public var lines: [String: Int] = [:]
    public var diagnostics: [Diagnostic] = []

    /// Parses `text` (named `file` in messages) for `graph`, accepting what `parser` accepts.
    public init(text: String, file: String, graph: DialogueGraph, parser: AnswerParser, texts: TextTable) {
        let document = KeyValueFile(text: text, file: file, sectioned: false, continuation: false)
        diagnostics = document.diagnostics.map { Self.answerDiagnostic($0) }
        var items: [String: [String]] = [:]
        for entry in document.sections.first?.entries ?? [] {
            guard let question = graph.question(entry.key) else {
                diagnostics.append(
                    Diagnostic(
                        .answerUnknownId, file: file, line: entry.line,
                        Message(.answerUnknownId, ["id": quoted(entry.key)])))
                continue
            }
            if question.type != .list, let first = lines[entry.key] {
                diagnostics.append(
                    Diagnostic(
                        .answerRepeated, file: file, line: entry.line,
                        Message(.answerRepeated, ["id": entry.key, "line": String(first)])))
                continue
            }
            lines[entry.key] = lines[entry.key] ?? entry.line
            if entry.value.isEmpty {
                if question.type == .list {
                    items[entry.key, default: []] += []
                } else if question.defaultValue == nil && !question.required {
                    answers[entry.key] = Answer("")
                } else if question.defaultValue == nil {
                    diagnostics.append(
                        Diagnostic(
                            .answerRejected, file: file, line: entry.line,
                            Message(.answerEmpty, ["id": entry.key, "accepted": Self.accepted(question, texts)])))
                }
                continue
            }
            switch Self.parse(entry.value, question, parser, texts) {
            case .success(let value):
                if question.type == .list {
                    items[entry.key, default: []].append(value)
                } else {
                    answers[entry.key] = Answer(value)
                }
            case .failure(let message):
                diagnostics.append(Diagnostic(.answerRejected, file: file, line: entry.line, message))
            }
        }
        for (id, list) in items { answers[id] = Answer(items: list) }
    }

    private static func answerDiagnostic(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.code = .answerLine
        copy.message = Message(.answerLineUnreadable)
        return copy
    }

    /// The canonical value of one written answer, or the message that says what is
    /// wrong and what the question accepts (an answer file's line, a CSV cell).
    static func parse(_ value: String, _ question: Question, _ parser: AnswerParser, _ texts: TextTable) -> Result<
        String, Message
    > {
        switch parser.parse(value, for: question) {
        case .success(let value): return .success(value)
        case .failure(let rejection):
            var accepted =
                rejection == .badSiret(siren: true)
                ? texts.text(.acceptsSiretNotSiren)
                : rejection == .controlCharacter ? texts.text(.acceptsPlainText) : accepted(question, texts)
            if case .badListField(let position, let fields) = rejection {
                let types: [FieldType: CLIMessage] = [
                    .text: .acceptsText, .date: .acceptsDate, .amount: .acceptsAmount, .integer: .acceptsInteger,
                ]
                accepted = texts.text(
                    .acceptsField,
                    [
                        "label": texts[.field(question.key, position)] ?? String(position),
                        "number": String(position), "total": String(fields.count),
                        "accepted": texts.text(types[fields[position - 1], default: .acceptsText]),
                    ])
            }
            return .failure(
                Message(.answerNotAccepted, ["id": question.id, "value": quoted(value), "accepted": accepted]))
        }
    }

    /// What a question accepts, said plainly in the language of `texts`.
    public static func accepted(_ question: Question, _ texts: TextTable) -> String {
        switch question.type {
        case .yesNo: return texts.text(TextKey.yes) + ", " + texts.text(TextKey.no)
        case .choice: return question.choices.map { texts.choiceValue($0, of: question) }.joined(separator: ", ")
        case .text: return texts.text(.acceptsText)
        case .date: return texts.text(.acceptsDate)
        case .amount: return texts.text(.acceptsAmount)
        case .percent: return texts.text(.acceptsPercent)
        case .duration: return texts.text(.acceptsDuration)
        case .integer: return texts.text(.acceptsInteger)
        case .email: return texts.text(.acceptsEmail)
        case .siret: return texts.text(.acceptsSiret)
        case .list: return texts.text(.acceptsList, ["example": texts.text(question.id + ".example")])
        }
    }
}

extension AnswerFile {
    /// Each problem as `file:line: message`, in the language of `texts`, in file order.
    public func located(_ texts: TextTable) -> [Message] {
        diagnostics.sorted().map { Message(.verbatim, ["text": "\($0.location): " + texts.render($0.message)]) }
    }
}
