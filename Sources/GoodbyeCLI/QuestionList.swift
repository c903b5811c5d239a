import ContentLoading
import DialogueCore
import Vocabulary

/// `goodbye questions`: every question in the dialogue's order, as text or JSON.
enum QuestionList {
    static func json(_ graph: DialogueGraph, texts: TextTable) -> JSON {
        .array(
            graph.questions.map { question in
                var fields: [(String, JSON)] = [
                    ("id", .string(question.id)), ("type", .string(question.type.rawValue)),
                ]
                if question.type == .choice { fields.append(("choices", .array(question.choices.map(JSON.string)))) }
                if question.type == .list {
                    fields.append(("fields", .array(question.fields.map { .string($0.rawValue) })))
                }
                if let value = question.defaultValue { fields.append(("default", .string(value))) }
                fields.append(("required", .bool(question.required && question.defaultValue == nil)))
                if let reason = question.reason { fields.append(("reason", .string(reason))) }
                if let sign = question.sign { fields.append(("sign", .string(sign))) }
                fields.append(("prompt", .string(texts.text(.prompt(question.key)))))
                if let help = texts[.help(question.key)] { fields.append(("help", .string(help))) }
                return .object(fields)
            })
    }

    /// Each question as an answer file needs it: its id and type, the values to write
    /// (a choice's value beside its label) and the default.
    static func text(_ graph: DialogueGraph, texts: TextTable) -> String {
        let presenter = Presenter(graph: graph, texts: texts, width: nil)
        var lines: [String] = []
        for question in graph.questions {
            lines.append(question.id + " (" + texts.text(typeName(question.type)) + ")")
            lines.append("  " + texts.text(.prompt(question.key)))
            if question.type == .choice {
                let values = question.choices.map { texts.choiceValues($0, of: question).joined(separator: ", ") }
                let width = values.map(\.count).max() ?? 0
                lines.append("  " + texts.text(.listingValues))
                for (value, choice) in zip(values, question.choices) {
                    lines.append(
                        "    " + value + String(repeating: " ", count: width - value.count + 2)
                            + presenter.label(choice, for: question))
                }
            } else {
                let accepted = AnswerFile.accepted(question, texts)
                lines.append(
                    "  "
                        + texts.text(
                            question.type == .list ? .listingItems : .listingAnswers,
                            ["values": accepted, "accepted": accepted]))
            }
            if let value = question.defaultValue {
                let shown =
                    question.type == .choice
                    ? texts.choiceValue(value, of: question) : presenter.label(value, for: question)
                lines.append(
                    "  "
                        + (value.hasPrefix("@")
                            ? texts.text(.listingComputed) : texts.text(.listingDefault, ["value": shown])))
            } else if !question.required {
                lines.append("  " + texts.text(.listingOptional))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func typeName(_ type: QuestionType) -> CLIMessage {
        switch type {
        case .yesNo: return .typeYesNo
        case .choice: return .typeChoice
        case .text: return .typeText
        case .date: return .typeDate
        case .amount: return .typeAmount
        case .percent: return .typePercent
        case .duration: return .typeDuration
        case .integer: return .typeInteger
        case .email: return .typeEmail
        case .siret: return .typeSiret
        case .list: return .typeList
        }
    }
}
