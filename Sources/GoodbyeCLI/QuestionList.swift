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
            lines.append(question.id + "  (" + question.type.rawValue + ")")
            lines.append("  " + texts.text(question.id + ".prompt"))
            switch question.type {
            case .yesNo: lines.append("  réponses : oui, non")
            case .choice: lines.append("  réponses : " + question.choices.joined(separator: ", "))
            case .list: lines.append("  une ligne par élément : " + question.fields.map(\.rawValue).joined(separator: " ; "))
            default: break
            }
            if let value = question.defaultValue {
                let shown = value.hasPrefix("@") ? "calculée (" + value.dropFirst() + ")" : presenter.label(value, for: question)
                lines.append("  par défaut : " + shown)
            } else if !question.required {
                lines.append("  facultative")
            }
            lines.append("")
        }
        return frenchTypography(lines.joined(separator: "\n"))
    }
}
