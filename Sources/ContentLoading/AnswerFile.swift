import DialogueCore

/// An answer file read and checked against the questions: `id = value` lines.
public struct AnswerFile: Sendable {
    public var answers: [String: Answer] = [:]
    /// The line of each answer, to name it in notes.
    public var lines: [String: Int] = [:]
    public var diagnostics: [Diagnostic] = []

    /// Parses `text` (named `file` in messages) for `graph`, accepting what `parser` accepts.
    public init(text: String, file: String, graph: DialogueGraph, parser: AnswerParser, yesNoWords: (String, String)) {
        let document = KeyValueFile(text: text, file: file, sectioned: false, continuation: false)
        diagnostics = document.diagnostics.map { Self.answerDiagnostic($0) }
        var items: [String: [String]] = [:]
        for entry in document.sections.first?.entries ?? [] {
            guard let question = graph.question(entry.key) else {
                diagnostics.append(Diagnostic("GB101", file: file, line: entry.line,
                    "identifiant inconnu « \(quoted(entry.key)) » : « goodbye questions » liste les identifiants possibles"))
                continue
            }
            if question.type != .list, let first = lines[entry.key] {
                diagnostics.append(Diagnostic("GB102", file: file, line: entry.line,
                    "« \(entry.key) » a déjà une réponse ligne \(first) : gardez une seule ligne"))
                continue
            }
            lines[entry.key] = lines[entry.key] ?? entry.line
            if entry.value.isEmpty {
                if question.type == .list {
                    items[entry.key, default: []] += []
                } else if question.defaultValue == nil && !question.required {
                    answers[entry.key] = Answer("")
                } else if question.defaultValue == nil {
                    diagnostics.append(Diagnostic("GB103", file: file, line: entry.line,
                        "« \(entry.key) » : réponse vide, alors que cette question en demande une ; réponses acceptées : \(Self.accepted(question, yesNoWords))"))
                }
                continue
            }
            switch parser.parse(entry.value, for: question) {
            case .success(let value):
                if question.type == .list { items[entry.key, default: []].append(value) } else { answers[entry.key] = Answer(value) }
            case .failure:
                diagnostics.append(Diagnostic("GB103", file: file, line: entry.line,
                    "« \(entry.key) » : valeur « \(quoted(entry.value)) » non acceptée ; réponses acceptées : \(Self.accepted(question, yesNoWords))"))
            }
        }
        for (id, list) in items { answers[id] = Answer(items: list) }
    }

    private static func answerDiagnostic(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.code = "GB100"
        copy.message = "ligne illisible : écrivez identifiant = valeur, ou commencez la ligne par # pour un commentaire"
        return copy
    }

    /// What a question accepts, said plainly.
    public static func accepted(_ question: Question, _ yesNo: (String, String)) -> String {
        switch question.type {
        case .yesNo: return "\(yesNo.0), \(yesNo.1)"
        case .choice: return question.choices.joined(separator: ", ")
        case .text: return "un texte"
        case .date: return "une date (AAAA-MM-JJ ou JJ/MM/AAAA)"
        case .amount: return "un montant (1250,00)"
        case .integer: return "un nombre entier"
        case .list: return "des éléments « " + question.fields.map(\.rawValue).joined(separator: " ; ") + " »"
        }
    }
}
