/// What the person (or the shell for them) does at a question.
public enum Input: Sendable, Equatable {
    /// Typed text; empty means "the default" (or "no more items" for a list, or
    /// "confirm" at the review).
    case answer(String)
    /// Go back to the previous question asked.
    case back
    /// Show the help of the current question.
    case help
    /// Leave the current question unanswered and go on (for listing what is missing).
    case pass
}

/// What the engine asks the shell to show.
///
/// Data only: the shell renders it.
public enum Output: Sendable, Equatable {
    case ask(id: String, defaultValue: String?)
    case rejected(id: String, Rejection)
    case help(id: String)
    case itemAdded(id: String, count: Int)
    /// The answers so far, numbered from 1 in this order, to confirm or change.
    case review(ids: [String])
    case decision(DecisionReport)
    case cannotGoBack(id: String)
    /// Answers dropped because a changed answer made their questions irrelevant.
    case dropped(ids: [String])
    case finished
    /// The content loops or points nowhere from this node: `goodbye check` says where.
    case brokenContent(id: String)
}

/// The conversation: a plain value, saved and restored as is.
public struct Conversation: Sendable, Codable, Equatable {
    public var start: String
    public var answers: [String: Answer]
    /// The question (or review) waiting for input, nil when finished.
    public var current: String?
    /// Questions answered in this session, in order: where `back` goes.
    public var history: [String] = []
    /// Items typed so far for the current list question.
    public var items: [String] = []
    public var decision: DecisionReport?
    /// Questions the person went back over: asked again on the way forward, with
    /// their answer as what Enter keeps.
    public var revisit: [String] = []
    /// The review was confirmed and no answer changed since.
    public var reviewed = false
    public var finished = false

    public init(start: String, answers: [String: Answer] = [:]) {
        self.start = start
        self.answers = answers
    }
}

/// The result of one step: the new state and what to show.
public struct Step: Sendable, Equatable {
    public var state: Conversation
    public var outputs: [Output]

    public init(state: Conversation, outputs: [Output]) {
        self.state = state
        self.outputs = outputs
    }
}

/// The dialogue engine: a pure function from (state, input) to (state, outputs).
public struct Engine: Sendable {
    public let graph: DialogueGraph
    public let parser: AnswerParser
    /// Resolves computed defaults (`@name`) from the answers and the decision of their
    /// signs (computed once per change of answers, by the engine); nil when there is none.
    public let computedDefault: @Sendable (String, [String: Answer], DecisionReport) -> String?
    let rule = DecisionRule()
    let memo = ComputedMemo()

    public init(
        graph: DialogueGraph, parser: AnswerParser = AnswerParser(),
        computedDefault: @escaping @Sendable (String, [String: Answer], DecisionReport) -> String? = { _, _, _ in nil }
    ) {
        self.graph = graph
        self.parser = parser
        self.computedDefault = computedDefault
    }

    /// Starts at `start` with pre-filled answers; answered questions are not asked again.
    ///
    /// `reviewed`: the review was confirmed in an earlier session with these answers.
    public func begin(at start: String? = nil, answers: [String: Answer] = [:], reviewed: Bool = false) -> Step {
        var state = Conversation(start: start ?? graph.start, answers: answers)
        state.reviewed = reviewed
        var outputs: [Output] = []
        advance(&state, from: state.start, outputs: &outputs)
        return Step(state: state, outputs: outputs)
    }

    /// Applies one input to the conversation.
    public func send(_ input: Input, to state: Conversation) -> Step {
        var state = state
        var outputs: [Output] = []
        guard let id = state.current, let node = graph.nodes[id] else {
            return Step(state: state, outputs: [.finished])
        }
        if node.kind == .review {
            reviewInput(input, node, &state, &outputs)
            return Step(state: state, outputs: outputs)
        }
        guard let question = node.question else { return Step(state: state, outputs: [.finished]) }
        switch input {
        case .help:
            outputs = [.help(id: id), ask(question, state)]
        case .back:
            goBack(&state, outputs: &outputs)
        case .pass:
            state.items = []
            advance(&state, from: node.target(for: nil), outputs: &outputs)
        case .answer(let raw):
            answer(raw, question, node, &state, &outputs)
        }
        return Step(state: state, outputs: outputs)
    }

    /// One step with nobody to ask (`--no-input`, batch letters): the default, an empty
    /// optional answer, a confirmed review; or, for a required question without a
    /// default, the question passed over and named, so that every missing one is listed.
    public func withoutInput(_ state: Conversation) -> (step: Step, missing: String?) {
        guard let id = state.current, let question = graph.nodes[id]?.question else {
            return (send(.answer(""), to: state), nil)
        }
        let canSkip =
            resolvedDefault(question, answers: state.answers) != nil || !question.required || !state.items.isEmpty
        return (send(canSkip ? .answer("") : .pass, to: state), canSkip ? nil : question.id)
    }

    /// The conversation from `start` with these answers and nobody to ask, to its end:
    /// the final state and the required questions left unanswered.
    public func complete(at start: String? = nil, answers: [String: Answer]) -> (state: Conversation, missing: [String])
    {
        var state = begin(at: start, answers: answers).state
        var missing: [String] = []
        while !state.finished, state.current != nil {
            let (step, missed) = withoutInput(state)
            if let missed { missing.append(missed) }
            guard step.state != state else { break }  // no progress: never loop
            state = step.state
        }
        return (state, missing)
    }

    /// The default of `question` with the current answers, computed ones resolved.
    ///
    /// `computed`: where computed values come from, when the caller keeps them already.
    public func resolvedDefault(_ question: Question, answers: [String: Answer], computed: ((String) -> String?)? = nil)
        -> String?
    {
        guard let value = question.defaultValue else { return nil }
        if value.hasPrefix("@") {
            let name = String(value.dropFirst())
            return computed.map { $0(name) } ?? computedValues(answers).value(name)
        }
        return value
    }

    // MARK: steps

    private func answer(
        _ raw: String, _ question: Question, _ node: Node, _ state: inout Conversation, _ outputs: inout [Output]
    ) {
        let text = raw.trimmed
        if question.type == .list {
            if !text.isEmpty {
                switch parser.parse(text, for: question) {
                case .success(let item):
                    state.items.append(item)
                    outputs = [.itemAdded(id: question.id, count: state.items.count), ask(question, state)]
                case .failure(let rejection):
                    outputs = [.rejected(id: question.id, rejection), ask(question, state)]
                }
                return
            }
            guard !state.items.isEmpty || !question.required else {
                outputs = [.rejected(id: question.id, .empty), ask(question, state)]
                return
            }
            record(Answer(items: state.items), for: question, node, &state, &outputs)
            return
        }
        let value: Result<String, Rejection>
        if text.isEmpty {
            if let fallback = state.answers[question.id]?.value ?? resolvedDefault(question, answers: state.answers) {
                value = .success(fallback)
            } else {
                value = question.required ? .failure(.empty) : .success("")
            }
        } else {
            value = parser.parse(text, for: question)
        }
        switch value {
        case .success(let canonical):
            record(Answer(canonical), for: question, node, &state, &outputs)
        case .failure(let rejection):
            outputs = [.rejected(id: question.id, rejection), ask(question, state)]
        }
    }

    /// Records an answer; when it changes an earlier one, drops the answers of the
    /// questions the change takes off the path, then walks on.
    private func record(
        _ answer: Answer, for question: Question, _ node: Node, _ state: inout Conversation, _ outputs: inout [Output]
    ) {
        let previous = state.answers[question.id]
        let before = previous.map { _ in Set(path(state)) }
        state.answers[question.id] = answer
        if let before, previous != answer {
            let dropped = before.subtracting(path(state)).filter { $0 != question.id }
            for id in dropped { state.answers[id] = nil }
            state.history.removeAll { dropped.contains($0) }
            if !dropped.isEmpty { outputs.append(.dropped(ids: graph.order.filter(dropped.contains))) }
        }
        // A changed answer among those the review lists calls for the review again; a
        // first answer after it (the letter's questions) does not.
        if let previous, previous != answer, reviewLists(question.id, state) { state.reviewed = false }
        state.revisit.removeAll { $0 == question.id }
        state.items = []
        state.history.append(question.id)
        advance(&state, from: node.target(for: answer.value), outputs: &outputs)
    }

    /// Whether the review (the first, if any) lists the answer to `id`.
    private func reviewLists(_ id: String, _ state: Conversation) -> Bool {
        guard let review = graph.order.first(where: { if case .review = graph.nodes[$0]?.kind { true } else { false } })
        else { return true }
        return reviewed(state, upTo: review).contains(id)
    }

    private func goBack(_ state: inout Conversation, outputs: inout [Output]) {
        state.items = []
        guard let previous = state.history.popLast(), let question = graph.question(previous) else {
            if let id = state.current {
                outputs = [.cannotGoBack(id: id)] + [reaskCurrent(state)].compactMap { $0 }
            }
            return
        }
        if let current = state.current, graph.question(current) != nil, !state.revisit.contains(current) {
            state.revisit.insert(current, at: 0)
        }
        state.current = previous
        state.decision = nil
        outputs = [ask(question, state)]
    }

    /// At the review: Enter (or yes) confirms; a number opens that answer again.
    private func reviewInput(_ input: Input, _ node: Node, _ state: inout Conversation, _ outputs: inout [Output]) {
        let ids = reviewed(state, upTo: node.id)
        switch input {
        case .back:
            goBack(&state, outputs: &outputs)
        case .help, .pass:
            outputs = [.help(id: node.id), .review(ids: ids)]
            if input == .pass { confirm(node, &state, &outputs) }
        case .answer(let raw):
            let text = folded(raw)
            if text.isEmpty || parser.saysYes(text) && Int(text) == nil {
                confirm(node, &state, &outputs)
            } else if let number = Int(text), ids.indices.contains(number - 1),
                let question = graph.question(ids[number - 1])
            {
                state.current = question.id
                state.history.append(node.id)
                outputs = [ask(question, state)]
            } else {
                outputs = [
                    .rejected(id: node.id, .notAChoice(accepted: ids.indices.map { String($0 + 1) })),
                    .review(ids: ids),
                ]
            }
        }
    }

    private func confirm(_ node: Node, _ state: inout Conversation, _ outputs: inout [Output]) {
        state.reviewed = true
        outputs = []
        advance(&state, from: node.next, outputs: &outputs)
    }

    private func reaskCurrent(_ state: Conversation) -> Output? {
        guard let id = state.current else { return nil }
        if let question = graph.question(id) { return ask(question, state) }
        return .review(ids: reviewed(state, upTo: id))
    }

    /// Asks `question`; its current answer, when going back to it, is what Enter keeps.
    func ask(_ question: Question, _ state: Conversation) -> Output {
        let current = question.type == .list ? nil : state.answers[question.id]?.value
        return .ask(id: question.id, defaultValue: current ?? resolvedDefault(question, answers: state.answers))
    }
}
