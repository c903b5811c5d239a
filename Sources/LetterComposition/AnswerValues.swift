import DialogueCore
import LetterTemplating
import Vocabulary

/// The answers as templates read them, `{{answers.QUESTION_ID}}`: the dotted id as nested names,
/// each answer formatted by its question's type in the letter's language.
///
/// Only the questions of the kind's path are there (a template reading another is a `goodbye check`
/// error, GB011); one left unanswered is null, so that a template says what it does without it
/// (`{{#answers.letter.new_rate}}…{{/answers.letter.new_rate}}`).
public struct AnswerValues: Sendable {
    public let questions: [Question]
    let format: LanguageFormat

    public init(questions: [Question], format: LanguageFormat) {
        self.questions = questions
        self.format = format
    }

    /// `answers` as the value of the context's `answers` name.
    public func value(_ answers: [String: Answer]) -> Value {
        var root = Fields()
        for question in questions {
            Self.insert(
                value(answers[question.id], question), at: question.id.split(separator: ".").map(String.init)[...],
                into: &root)
        }
        return .map(root)
    }

    /// One answer by its type: a date and an amount as the letter writes them, yes/no a
    /// boolean, a choice `{value: true}`, a list the list of its items (each the list of
    /// its fields, formatted); unanswered, null.
    func value(_ answer: Answer?, _ question: Question) -> Value {
        guard let answer, !answer.value.isEmpty else { return .null }
        switch question.type {
        case .yesNo: return .bool(answer.value == YesNo.yes)
        case .choice: return .map(Fields([answer.value: .bool(true)]))
        case .date, .amount, .percent, .duration, .text, .email, .siret, .integer:
            return .string(formatted(answer.value, question.type))
        case .list:
            return .list(
                answer.values.map { item in
                    let fields = item.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmed }
                    return .list(
                        fields.enumerated().map { index, field in
                            let type: QuestionType =
                                switch question.fields.indices.contains(index) ? question.fields[index] : .text {
                                case .date: .date
                                case .amount: .amount
                                case .integer: .integer
                                case .text: .text
                                }
                            return .string(formatted(field, type))
                        })
                })
        }
    }

    /// A canonical answer (`2026-12-31`, `1250.50`, `12.50`, `2m`) as the letter writes it.
    func formatted(_ canonical: String, _ type: QuestionType) -> String {
        switch type {
        case .date: return CivilDate(iso: canonical).map(format.date) ?? canonical
        case .amount: return cents(canonical).map { format.amount(cents: $0) } ?? canonical
        case .percent: return cents(canonical).map { format.percent(hundredths: $0) } ?? canonical
        case .duration: return Duration(answer: canonical).map(format.duration) ?? canonical
        case .text: return LetterComposer.typographic(canonical)
        default: return canonical
        }
    }

    /// Whether `path` (the names after `answers`) reads one of these answers: a
    /// question's id, a choice of it (`answers.client.kind.particulier`), or a group of
    /// ids (`answers.sender`, opened as a section).
    public func reads(_ path: [String]) -> Bool {
        let joined = path.joined(separator: ".")
        return questions.contains { question in
            if question.id == joined || question.id.hasPrefix(joined + ".") { return true }
            guard question.type == .choice, path.count >= 2 else { return false }
            return question.id == path.dropLast().joined(separator: ".")
                && question.choices.contains(path[path.count - 1])
        }
    }

    private static func insert(_ value: Value, at path: ArraySlice<String>, into fields: inout Fields) {
        guard let name = path.first else { return }
        guard path.count > 1 else {
            fields[name] = value
            return
        }
        var inner: Fields
        if case .map(let existing) = fields[name] { inner = existing } else { inner = Fields() }
        insert(value, at: path.dropFirst(), into: &inner)
        fields[name] = .map(inner)
    }
}
