import DialogueCore
import LetterComposition
import LetterTemplating
import LineEditing
import Vocabulary

/// Turns the engine's outputs into the text a person reads, in one language.
struct Presenter {
    let graph: DialogueGraph
    let texts: TextTable
    private let fixedWidth: Int?
    /// The screen's width, read each time text is wrapped (a resized window is seen).
    var screenWidth: (() -> Int)?
    /// Columns to wrap at; nil writes each paragraph on one line.
    var width: Int? { screenWidth.map { min($0(), 100) } ?? fixedWidth }
    /// Bold titles and questions (a terminal that accepts it, `NO_COLOR` unset).
    var emphasis = false
    /// For screen readers: no decoration, one idea a line, a spoken prompt.
    var plain = false

    init(graph: DialogueGraph, texts: TextTable, width: Int?) {
        self.graph = graph
        self.texts = texts
        self.fixedWidth = width
    }

    var promptMark: String { plain ? labelled(texts.text(TextKey.answerLabel), "") : "› " }

    /// `Titre : texte` in French, `Title: text` in English (`format.label`).
    func labelled(_ label: String, _ text: String) -> String {
        self.text(TextKey.formatLabel, ["label": .string(label), "text": .string(text)])
    }

    /// Two hints side by side: `a ; b` in French, `a; b` in English (`format.pair`).
    func paired(_ items: [String]) -> String {
        items.dropFirst().reduce(items.first ?? "") {
            self.text(TextKey.formatPair, ["first": .string($0), "second": .string($1)])
        }
    }

    func bold(_ text: String) -> String { emphasis ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }

    /// French typography for French text; other languages are left as written.
    func typography(_ text: String) -> String {
        texts.language == "fr" ? frenchTypography(text) : text
    }

    func text(_ key: TextKey, _ values: [String: Value] = [:]) -> String { text(key.rawValue, values) }

    func text(_ key: ContentTextKey, _ values: [String: Value] = [:]) -> String { text(key.rawValue, values) }

    func text(_ key: String, _ values: [String: Value] = [:]) -> String {
        LanguageFormat(texts: texts).fill(key, values)
    }

    /// French typography first, so that wrapping never breaks at the no-break spaces.
    func wrapped(_ paragraph: String, indent: String = "") -> String {
        let text = typography(paragraph)
        guard let width else { return indent + text }
        return wrap(text, width: width, indent: indent)
    }

    func intro() -> String {
        [
            bold(texts.text(TextKey.introTitle)), "", wrapped(texts.text(TextKey.introText)),
            wrapped(texts.text(TextKey.introHow)),
            wrapped(texts.text(TextKey.commands)), "",
        ]
        .joined(separator: "\n") + "\n"
    }

    /// The question, its choices and what pressing Enter does, ending with the prompt mark.
    ///
    /// `progress`: "Question 3 sur 17 · Vous", on every question but an invoice after the first.
    /// `withInput: false`: the question alone, for the line editor to draw its menu, hints and
    /// prompt below.
    func question(
        _ id: String, defaultValue: String?, progress: (number: Int, total: Int)?, itemCount: Int = 0,
        withInput: Bool = true
    ) -> String {
        guard let question = graph.question(id) else { return id + "\n› " }
        var lines: [String] = [""]
        if let (number, total) = progress, itemCount == 0 {
            let group = texts[.group(graph.nodes[id]?.group ?? "")] ?? ""
            lines.append(
                text(
                    TextKey.progress,
                    ["number": .string(String(number)), "total": .string(String(total)), "group": .string(group)]))
        }
        lines.append(bold(wrapped(texts.text(.prompt(QuestionID(id))))))
        guard withInput else { return typography(lines.joined(separator: "\n")) + "\n" }
        if question.type == .choice {
            for (index, choice) in question.choices.enumerated() {
                lines.append(wrapped(texts[.choice(QuestionID(id), choice)] ?? choice, indent: "\(index + 1). "))
            }
        }
        return typography(lines.joined(separator: "\n")) + "\n"
            + reprompt(question, defaultValue: defaultValue, itemCount: itemCount)
    }

    /// What pressing Enter does, then the prompt mark: after a refusal or a help, the
    /// question stays on screen above and only this is repeated.
    func reprompt(_ question: Question, defaultValue: String?, itemCount: Int) -> String {
        let hints = hintTexts(question, defaultValue: defaultValue, itemCount: itemCount)
        guard !hints.isEmpty else { return promptMark }
        if plain { return hints.map { wrapped($0) }.joined(separator: "\n") + "\n" + promptMark }
        return wrapped("(" + paired(hints) + ")") + "\n" + promptMark
    }

    /// The hints as the line editor shows them under the question (it wraps them).
    func hints(_ question: Question, defaultValue: String?, itemCount: Int) -> [String] {
        let hints = hintTexts(question, defaultValue: defaultValue, itemCount: itemCount)
        return hints.isEmpty ? [] : [typography("(" + paired(hints) + ")")]
    }

    private func hintTexts(_ question: Question, defaultValue: String?, itemCount: Int) -> [String] {
        var hints: [String] = []
        if question.type == .yesNo { hints.append(texts.text(TextKey.yesNo)) }
        if question.type == .choice { hints.append(texts.text(TextKey.choose)) }
        if question.type == .list {
            hints.append(itemCount == 0 ? texts.text(.example(question.key)) : texts.text(TextKey.listDone))
        } else if let defaultValue {
            hints.append(text(TextKey.defaultHint, ["value": .string(label(defaultValue, for: question))]))
        } else if !question.required {
            hints.append(text(TextKey.optional))
        }
        return hints
    }

    /// An answer as the person would type it again (`15/03/2026`, `1250,00`), put in the
    /// line when a question is asked again.
    func editable(_ value: String, for question: Question) -> String {
        switch question.type {
        case .date:
            guard let date = CivilDate(iso: value) else { return value }
            return String(format2(date.day)) + "/" + format2(date.month) + "/" + String(date.year)
        case .amount, .percent:
            return texts.language == "fr" ? value.replacing(".", with: ",") : value
        case .duration: return label(value, for: question)
        default: return value
        }
    }

    private func format2(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

    /// Every answer so far, grouped by part of the dialogue and numbered.
    func answerList(_ ids: [String], answers: [String: Answer]) -> [String] {
        var lines: [String] = []
        var group: String?
        for (index, id) in ids.enumerated() {
            guard let question = graph.question(id), let answer = answers[id] else { continue }
            let title = texts[.group(graph.nodes[id]?.group ?? "")] ?? ""
            if title != group {
                lines += ["", bold(title)]
                group = title
            }
            let shown =
                question.type == .list
                ? answer.values.map { paired($0.components(separatedBy: ";")) }.joined(separator: " | ")
                : answer.value.isEmpty ? "–" : label(answer.value, for: question)
            lines.append(
                wrapped(
                    texts.text(.prompt(QuestionID(id))) + " " + labelled(texts.text(TextKey.answerLabel), shown) + ".",
                    indent: "\(index + 1). "))
        }
        return lines
    }

    /// The review node's id in the content (`review`): its texts are `ID.title`, `ID.how`
    /// (goodbye check asks for them), whatever the content names it.
    var reviewId: String { graph.order.first { graph.nodes[$0]?.kind == .review } ?? "review" }

    /// The review before the decision: the numbered answers, then how to confirm.
    func review(_ ids: [String], answers: [String: Answer], withPrompt: Bool = true) -> String {
        let lines = ["", bold(texts.text(.node(reviewId, .title)))] + answerList(ids, answers: answers)
        return typography(lines.joined(separator: "\n")) + "\n\n" + (withPrompt ? reviewPrompt() : "")
    }

    func reviewPrompt() -> String {
        wrapped(texts.text(.node(reviewId, .how))) + "\n" + promptMark
    }

    /// `:résumé`: the answers so far, outside the review.
    func summary(_ ids: [String], answers: [String: Answer]) -> String {
        guard !ids.isEmpty else { return wrapped(texts.text(TextKey.summaryEmpty)) + "\n" }
        let lines = ["", bold(texts.text(TextKey.summaryHeading))] + answerList(ids, answers: answers)
        return typography(lines.joined(separator: "\n")) + "\n"
    }

    /// A canonical value as the person would say it.
    func label(_ value: String, for question: Question) -> String {
        switch question.type {
        case .yesNo: return value == YesNo.yes ? texts.text(TextKey.yes) : texts.text(TextKey.no)
        case .choice: return texts[.choice(question.key, value)] ?? value
        case .date: return CivilDate(iso: value).map(LanguageFormat(texts: texts).date) ?? value
        case .duration: return Duration(answer: value).map(LanguageFormat(texts: texts).duration) ?? value
        default: return value
        }
    }

    func rejection(_ rejection: Rejection, for id: String) -> String {
        let key: TextKey
        switch rejection {
        case .empty where graph.question(id)?.type == .list: key = .rejectedEmptyList
        case _ where graph.nodes[id]?.kind == .review: key = .rejectedReview
        case .notYesNo: key = .rejectedYesNo
        case .notAChoice: key = .rejectedChoice
        case .badDate: key = .rejectedDate
        case .badAmount: key = .rejectedAmount
        case .badPercent: key = .rejectedPercent
        case .badDuration: key = .rejectedDuration
        case .badInteger: key = .rejectedInteger
        case .badEmail: key = .rejectedEmail
        case .badSiret(let siren): key = siren ? .rejectedSiren : .rejectedSiret
        case .badListItem, .badListField: key = .rejectedItem
        case .empty: key = .rejectedEmpty
        case .controlCharacter: key = .rejectedControl
        }
        if case .badListField(let position, let fields) = rejection {
            let reasons: [FieldType: TextKey] = [
                .date: .rejectedDate, .amount: .rejectedAmount, .integer: .rejectedInteger,
            ]
            let values: [String: Value] = [
                "label": .string(fieldLabel(id, position)), "number": .string(String(position)),
                "total": .string(String(fields.count)),
                "reason": .string(reasons[fields[position - 1]].map(texts.text) ?? ""),
            ]
            return text(
                reasons[fields[position - 1]] == nil ? TextKey.rejectedFieldMissing : TextKey.rejectedField, values)
        }
        if key == .rejectedReview, case .notAChoice(let accepted) = rejection {
            return text(key, ["count": .string(String(accepted.count))])
        }
        return texts.text(key)
    }

    /// `Le montant`: the name of a list item's field, with a capital to open a sentence.
    func fieldLabel(_ id: String, _ position: Int) -> String {
        let label = texts[.field(QuestionID(id), position)] ?? String(position)
        return label.prefix(1).uppercased() + label.dropFirst()
    }

    func help(_ id: String) -> String {
        var paragraphs: [String] = []
        if let help = texts[.help(QuestionID(id))] { paragraphs.append(help) }
        if let reason = graph.question(id)?.reason, let why = texts[.reason(reason, .why)] { paragraphs.append(why) }
        if paragraphs.isEmpty { paragraphs.append(texts.text(TextKey.noHelp)) }
        return paragraphs.map { wrapped($0) }.joined(separator: "\n") + "\n"
    }

    /// The decision, what it rests on, and for `talk` what to raise with the client.
    func decision(_ report: DecisionReport) -> String {
        var lines = [
            "", bold(texts.text(.decision(report.decision, .title))),
            wrapped(texts.text(.decision(report.decision, .text))), "",
        ]
        lines.append(labelled(texts.text(TextKey.reasonsHeading), "").trimmed)
        for reason in report.reasons {
            lines.append("")
            lines.append(contentsOf: reasonLines(reason))
        }
        if report.decision == .talk {
            lines.append("")
            lines.append(labelled(texts.text(TextKey.talkHeading), "").trimmed)
            for reason in report.reasons where reason.status == .signs {
                lines.append(
                    wrapped(
                        labelled(texts.text(.reason(reason.id, .title)), texts.text(.reason(reason.id, .talk))),
                        indent: "–\u{A0}"))
            }
        }
        return lines.map(typography).joined(separator: "\n") + "\n"
    }

    private func reasonLines(_ reason: ReasonReport) -> [String] {
        let title = texts.text(.reason(reason.id, .title))
        switch reason.status {
        case .notApplicable:
            return [wrapped(labelled(title, texts.text(TextKey.paymentNotApplicable)))]
        case .absent:
            return [wrapped(labelled(title, texts.text(TextKey.absent)) + ".")]
        case .signs, .established:
            let status = reason.status == .established ? texts.text(TextKey.established) : texts.text(TextKey.signsOnly)
            let signs = reason.signs.map { texts.text(.short(QuestionID("\(reason.id).\($0)"))) }
            var lines = [wrapped(labelled(title, status) + ".")]
            lines.append(
                wrapped(labelled(texts.text(TextKey.signsSeen), LanguageFormat(texts: texts).list(signs)) + "."))
            if reason.status == .established { lines.append(wrapped(texts.text(.reason(reason.id, .why)))) }
            return lines
        }
    }

    /// The reflection's questions, with the line that gives each answer back.
    static let reflection: [(id: String, key: TextKey)] = [
        ("reflection.past", .reflectionPast), ("reflection.common", .reflectionCommon),
        ("reflection.decision", .reflectionDecision),
    ]

    /// The reflection's answers given (not left empty), by the name the JSON report uses.
    static func reflectionAnswers(_ answers: [String: Answer]) -> [(name: String, id: String, text: String)] {
        reflection.compactMap { id, _ in
            guard let text = answers[id]?.value.trimmed, !text.isEmpty else { return nil }
            return (String(id.split(separator: ".").last ?? ""), id, text)
        }
    }

    /// The end of a session: what the person wrote in the moment of reflection, given
    /// back in a short paragraph; nil when nothing was written.
    func reflection(_ answers: [String: Answer]) -> String? {
        let given = Self.reflectionAnswers(answers)
        guard !given.isEmpty else { return nil }
        let keys = Dictionary(uniqueKeysWithValues: Self.reflection.map { ($0.id, $0.key) })
        let lines =
            ["", bold(texts.text(TextKey.reflectionHeading))]
            + given.map { wrapped(text(keys[$0.id] ?? .reflectionPast, ["text": .string($0.text)]), indent: "–\u{A0}") }
            + [wrapped(texts.text(TextKey.reflectionEnd))]
        return lines.map(typography).joined(separator: "\n") + "\n"
    }

    /// The decision in one or two sentences (the JSON report's `summary`).
    func summary(_ report: DecisionReport) -> String {
        let names = report.established.map { texts.text(.reason($0.id, .name)) }
        return text(
            ContentTextKey.decision(report.decision, .summary).rawValue,
            ["reasons": .string(LanguageFormat(texts: texts).list(names))])
    }
}

/// Wraps each line of a text (a letter) for the screen; the text itself is unchanged.
func wrapLines(_ text: String, width: Int?) -> String {
    guard let width else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.count > width ? wrap(String($0), width: width) : String($0) }.joined(separator: "\n")
}

/// Wraps a paragraph at `width` columns, breaking only at ordinary spaces (never at a
/// no-break space), continuing lines under the text after `indent`.
func wrap(_ paragraph: String, width: Int, indent: String = "") -> String {
    Wrap.paragraph(paragraph, width: width, indent: indent)
}
