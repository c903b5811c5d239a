import DialogueCore

/// A key of `texts.ini` named from the content's ids (`engagement.no_feedback.prompt`,
/// `kind.reminder`, `reason.payment.why`): the one grammar the shell, the letters and
/// `goodbye check` read, spelt here only.
///
/// The fixed keys are `TextKey`; those of the letter's wording, `LetterTextKey`.
public enum ContentTextKey: Sendable, Hashable {
    /// What a question asks.
    case prompt(QuestionID)
    /// Why a question matters (`?`); required for a sign.
    case help(QuestionID)
    /// A sign, named in a list of signs.
    case short(QuestionID)
    /// What an item of a list question looks like.
    case example(QuestionID)
    /// A choice as the person reads it.
    case choice(QuestionID, String)
    /// The values an answer file may write for a choice (`client.civility.value.madame = mrs, ms`; optional).
    case value(QuestionID, String)
    /// The name of a list question's field, from 1.
    case field(QuestionID, Int)
    /// The title, the instructions or the help of a node that is not a question (the review).
    case node(String, NodePart)
    /// The title of a group of questions (`group.letter`).
    case group(String)
    /// A letter kind's name in the language (`kind.reminder = relance`; optional).
    case kind(KindID)
    /// A reason's title, name, why it counts, what to raise.
    case reason(String, ReasonPart)
    /// A decision's title, text and summary.
    case decision(Decision, DecisionPart)

    public enum NodePart: String, Sendable, CaseIterable {
        case title, how, help
    }

    public enum ReasonPart: String, Sendable, CaseIterable {
        case title, name, why, talk
    }

    public enum DecisionPart: String, Sendable, CaseIterable {
        case title, text, summary
    }

    public var rawValue: String {
        switch self {
        case .prompt(let id): return id.rawValue + ".prompt"
        case .help(let id): return id.rawValue + ".help"
        case .short(let id): return id.rawValue + ".short"
        case .example(let id): return id.rawValue + ".example"
        case .choice(let id, let value): return "\(id.rawValue).choice.\(value)"
        case .value(let id, let value): return "\(id.rawValue).value.\(value)"
        case .field(let id, let position): return "\(id.rawValue).field.\(position)"
        case .node(let id, let part): return id + "." + part.rawValue
        case .group(let name): return "group." + name
        case .kind(let id): return "kind." + id.rawValue
        case .reason(let id, let part): return "reason.\(id).\(part.rawValue)"
        case .decision(let decision, let part): return "decision.\(decision.rawValue).\(part.rawValue)"
        }
    }

    /// The keys a language must give for `graph`: each question's prompt, a sign's short
    /// name and help, each choice, a list's example and fields, each review's texts, each
    /// group's title, each reason and each decision.
    public static func required(by graph: DialogueGraph) -> [ContentTextKey] {
        var keys: [ContentTextKey] = []
        for question in graph.questions {
            keys.append(.prompt(question.key))
            if question.sign != nil { keys += [.short(question.key), .help(question.key)] }
            if question.type == .choice { keys += question.choices.map { .choice(question.key, $0) } }
            if question.type == .list {
                keys.append(.example(question.key))
                keys += question.fields.indices.map { .field(question.key, $0 + 1) }
            }
        }
        for id in graph.order where graph.nodes[id]?.kind == .review {
            keys += NodePart.allCases.map { .node(id, $0) }
        }
        for id in graph.order {
            if let group = graph.nodes[id]?.group, graph.nodes[id]?.question != nil { keys.append(.group(group)) }
        }
        keys += DecisionRule.reasonIds.flatMap { id in ReasonPart.allCases.map { .reason(id, $0) } }
        keys += Decision.allCases.flatMap { decision in DecisionPart.allCases.map { .decision(decision, $0) } }
        return keys
    }

    /// The keys a language may give or not for `graph` and the letter `kinds`: every
    /// question's help, the values an answer file may write for a choice, a kind's name.
    public static func optional(by graph: DialogueGraph, kinds: [KindID]) -> [ContentTextKey] {
        graph.questions.map { .help($0.key) }
            + graph.questions.filter { $0.type == .choice }.flatMap { question in
                question.choices.map { .value(question.key, $0) }
            }
            + kinds.map { .kind($0) }
    }
}

extension TextTable {
    public subscript(key: ContentTextKey) -> String? { self[key.rawValue] }

    /// The text, or its key when the table lacks it (`goodbye check` reports that first).
    public func text(_ key: ContentTextKey) -> String { text(key.rawValue) }
}
