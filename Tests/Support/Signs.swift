import ContentLoading
import DialogueCore
import Vocabulary
import XCTest

/// The article's signs as the content declares them, never counted by hand: a new sign
/// question in `dialogue.ini` changes these, and the tests follow. A mask gives a bit to
/// each sign, in the order the dialogue asks them, and the next bit to pro bono.
public enum Signs {
    /// The content of `Localization/`, read once.
    public static let content: Content = {
        do { return try ContentLoader.load(from: Paths.content) } catch {
            fatalError("Localization/ does not load: \(error)")
        }
    }()

    /// The sign questions' ids, in the order `dialogue.ini` writes (and asks) them.
    public static let ids: [String] = content.graph.signQuestions.map(\.id)

    /// The bit of pro bono, after the signs'.
    public static var proBono: Int { 1 << ids.count }
    /// How many masks there are: every sign and pro bono, yes or no.
    public static var combinations: Int { 1 << (ids.count + 1) }

    /// The mask with the signs `yes` (ids of the content).
    public static func mask(_ yes: String...) -> Int {
        yes.reduce(0) { mask, id in
            guard let index = ids.firstIndex(of: id) else { fatalError("\(id) is not a sign of the content") }
            return mask | 1 << index
        }
    }

    /// The signs of `reason` in `mask`, by their short ids (`no_feedback`).
    public static func present(_ mask: Int, reason: String) -> [String] {
        ids.enumerated().compactMap { bit, id in
            guard mask & (1 << bit) != 0, let question = content.graph.question(id), question.reason == reason else {
                return nil
            }
            return question.sign
        }
    }

    /// The reasons, in the order the dialogue asks their first sign.
    public static var reasons: [String] {
        ids.compactMap { content.graph.question($0)?.reason }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The lines a person types for the article's questions, in the order the dialogue
    /// asks them (pro bono among them): yes to the signs of `mask` and to pro bono when
    /// its bit is set, no to the others; up to the first question that is neither, or
    /// up to `until`.
    public static func typed(_ mask: Int, language: String = "fr", until: String? = nil) -> [String] {
        let texts = content.texts[language]
        let (yes, no) = (texts?.text("ui.yes") ?? "oui", texts?.text("ui.no") ?? "non")
        let engine = Engine(graph: content.graph, parser: content.parser(for: language))
        var state = engine.begin().state
        var lines: [String] = []
        while let id = state.current, id != until, id == DecisionRule.proBonoQuestion || ids.contains(id),
            lines.count <= ids.count
        {
            let on =
                id == DecisionRule.proBonoQuestion
                ? mask & proBono != 0 : mask & (1 << (ids.firstIndex(of: id) ?? 0)) != 0
            lines.append(on ? yes : no)
            state = engine.send(.answer(on ? yes : no), to: state).state
        }
        return lines
    }

    /// The questions a full session asks before the review: signs and pro bono.
    public static var asked: Int { ids.count + 1 }
}

/// An answer file with every sign answered from a bit mask (`Signs`), then pro bono.
public func signAnswers(_ mask: Int) -> String {
    var lines = Signs.ids.enumerated().map { "\($1) = \(mask & (1 << $0) != 0 ? "oui" : "non")" }
    lines.append("\(DecisionRule.proBonoQuestion) = \(mask & Signs.proBono != 0 ? "oui" : "non")")
    return lines.joined(separator: "\n") + "\n"
}
