import ContentLoading
import DialogueCore

/// `goodbye questions`: every question in the dialogue's order, as text or JSON.
enum QuestionList {
    static func json(_ graph: DialogueGraph, texts: TextTable) -> JSON {
        .array(graph.questions.map { question in
            var fields: [(String, JSON)] = [("id", .string(question.id)), ("type", .string(question.type.rawValue))]
            if question.type == .choice { fields.append(("choices", .array(question.choices.map(JSON.string)))) }
            if question.type == .list { fields.append(("fields", .array(question.fields.map { .string($0.rawValue) }))) }
            if let value = question.defaultValue { fields.append(("default", .string(value))) }
            fields.append(("required", .bool(question.required && question.defaultValue == nil)))
            if let reason = question.reason { fields.append(("reason", .string(reason))) }
            if let sign = question.sign { fields.append(("sign", .string(sign))) }
            fields.append(("prompt", .string(texts.text(question.id + ".prompt"))))
            if let help = texts[question.id + ".help"] { fields.append(("help", .string(help))) }
            return .object(fields)
        })
    }

    static func text(_ graph: DialogueGraph, texts: TextTable) -> String {
        let presenter = Presenter(graph: graph, texts: texts, width: nil)
        var lines: [String] = []
        for question in graph.questions {
            lines.append(question.id)
            lines.append("  " + texts.text(question.id + ".prompt"))
            let accepted = question.type == .choice
                ? presenter.paired(question.choices.enumerated().map { "\($0.offset + 1). " + presenter.label($0.element, for: question) })
                : AnswerFile.accepted(question, texts)
            lines.append("  " + texts.text(question.type == .list ? .listingItems : .listingAnswers, ["values": accepted, "accepted": accepted]))
            if let value = question.defaultValue {
                lines.append("  " + (value.hasPrefix("@") ? texts.text(.listingComputed)
                    : texts.text(.listingDefault, ["value": presenter.label(value, for: question)])))
            } else if !question.required {
                lines.append("  " + texts.text(.listingOptional))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
