/// What the person (or the shell for them) does at a question.
public enum Input: Sendable, Equatable {
    /// Typed text; empty means "the default" (or "no more items" for a list).
    case answer(String)
    /// Go back to the previous question asked.
    case back
    /// Show the help of the current question.
    case help
    /// Leave the current question unanswered and go on (for listing what is missing).
    case pass
}

/// What the engine asks the shell to show. Data only: the shell renders it.
public enum Output: Sendable, Equatable {
    case ask(id: String, defaultValue: String?)
    case rejected(id: String, Rejection)
    case help(id: String)
    case itemAdded(id: String, count: Int)
    case decision(DecisionReport)
    case cannotGoBack(id: String)
    case finished
    /// The content loops or points nowhere from this node: `goodbye check` says where.
    case brokenContent(id: String)
}

/// The conversation: a plain value, saved and restored as is.
public struct Conversation: Sendable, Codable, Equatable {
    public var start: String
    public var answers: [String: Answer]
    /// The question being asked, nil when finished.
    public var current: String?
    /// Questions answered in this session, in order: where `back` goes.
    public var history: [String] = []
    /// Items typed so far for the current list question.
    public var items: [String] = []
    public var decision: DecisionReport?
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
}

/// The dialogue engine: a pure function from (state, input) to (state, outputs).
public struct Engine: Sendable {
    public let graph: DialogueGraph
    public let parser: AnswerParser
    /// Resolves computed defaults (`@name`) from the answers; nil when there is none.
    public let computedDefault: @Sendable (String, [String: Answer]) -> String?
    let rule = DecisionRule()

    public init(
        graph: DialogueGraph, parser: AnswerParser = AnswerParser(),
        computedDefault: @escaping @Sendable (String, [String: Answer]) -> String? = { _, _ in nil }
    ) {
        self.graph = graph
        self.parser = parser
        self.computedDefault = computedDefault
    }

    /// Starts at `start` with pre-filled answers; answered questions are not asked again.
    public func begin(at start: String? = nil, answers: [String: Answer] = [:]) -> Step {
        var state = Conversation(start: start ?? graph.start, answers: answers)
        var outputs: [Output] = []
        advance(&state, from: state.start, outputs: &outputs)
        return Step(state: state, outputs: outputs)
    }

    /// Applies one input to the conversation.
    public func send(_ input: Input, to state: Conversation) -> Step {
        var state = state
        var outputs: [Output] = []
        guard let id = state.current, let node = graph.nodes[id], let question = node.question else {
            return Step(state: state, outputs: [.finished])
        }
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

    /// The default of `question` with the current answers, computed ones resolved.
    public func resolvedDefault(_ question: Question, answers: [String: Answer]) -> String? {
        guard let value = question.defaultValue else { return nil }
        if value.hasPrefix("@") { return computedDefault(String(value.dropFirst()), answers) }
        return value
    }

    // MARK: steps

    private func answer(_ raw: String, _ question: Question, _ node: Node, _ state: inout Conversation, _ outputs: inout [Output]) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
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
            if let fallback = resolvedDefault(question, answers: state.answers) {
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

    private func record(_ answer: Answer, for question: Question, _ node: Node, _ state: inout Conversation, _ outputs: inout [Output]) {
        state.answers[question.id] = answer
        state.items = []
        state.history.append(question.id)
        advance(&state, from: node.target(for: answer.value), outputs: &outputs)
    }

    private func goBack(_ state: inout Conversation, outputs: inout [Output]) {
        state.items = []
        guard let previous = state.history.popLast(), let question = graph.question(previous) else {
            if let id = state.current, let question = graph.question(id) {
                outputs = [.cannotGoBack(id: id), ask(question, state)]
            }
            return
        }
        state.current = previous
        state.decision = nil
        outputs = [ask(question, state)]
    }

    /// Walks forward from `id`, skipping answered questions, announcing the decision
    /// when passing it, until a question needs an answer or the dialogue ends.
    private func advance(_ state: inout Conversation, from id: String?, outputs: inout [Output]) {
        var nextId = id
        for _ in 0...(graph.order.count * 2 + 2) {
            guard let currentId = nextId, let node = graph.nodes[currentId] else { break }
            switch node.kind {
            case .end:
                state.current = nil
                state.finished = true
                outputs.append(.finished)
                return
            case .decision:
                let report = decide(state)
                state.decision = report
                outputs.append(.decision(report))
                nextId = node.target(for: report.decision.rawValue)
            case .question where node.isSkipped(by: state.answers):
                nextId = node.next
            case .question(let question):
                if let answer = state.answers[question.id] {
                    nextId = node.target(for: answer.value)
                } else {
                    state.current = question.id
                    outputs.append(ask(question, state))
                    return
                }
            }
        }
        state.current = nil
        outputs.append(.brokenContent(id: nextId ?? id ?? state.start))
    }

    private func ask(_ question: Question, _ state: Conversation) -> Output {
        .ask(id: question.id, defaultValue: resolvedDefault(question, answers: state.answers))
    }

    // MARK: paths

    /// The ids of the questions on the conversation's path whose answers count: walked
    /// from the start with the answers given, up to the first unanswered question.
    public func path(_ state: Conversation) -> [String] {
        walk(state, planned: false)
    }

    /// The questions the session will ask or has asked: the path, continued past
    /// unanswered questions by their default way on. For progress.
    public func plannedPath(_ state: Conversation) -> [String] {
        walk(state, planned: true)
    }

    /// Where `id` stands in its part of the planned path (the parts are split by the
    /// decision): its number from 1 and the part's size. For "Question 3 sur 16".
    public func progress(of id: String, in state: Conversation) -> (number: Int, total: Int)? {
        var parts: [[String]] = [[]]
        _ = walk(state, planned: true) { parts.append([]) } visit: { parts[parts.count - 1].append($0) }
        for part in parts { if let index = part.firstIndex(of: id) { return (index + 1, part.count) } }
        return nil
    }

    /// The decision from the answers on the path only.
    public func decide(_ state: Conversation) -> DecisionReport {
        let onPath = Set(path(state))
        return rule.decide(graph: graph, answers: state.answers.filter { onPath.contains($0.key) })
    }

    private func walk(
        _ state: Conversation, planned: Bool, decided: () -> Void = {}, visit: (String) -> Void = { _ in }
    ) -> [String] {
        var visited: [String] = []
        var seen: Set<String> = []
        var nextId: String? = state.start
        while let id = nextId, let node = graph.nodes[id], !seen.contains(id) {
            seen.insert(id)
            switch node.kind {
            case .end:
                return visited
            case .decision:
                let answered = Set(visited)
                let report = rule.decide(graph: graph, answers: state.answers.filter { answered.contains($0.key) })
                decided()
                nextId = node.target(for: report.decision.rawValue)
            case .question where node.isSkipped(by: state.answers):
                nextId = node.next
            case .question(let question):
                let answer = state.answers[question.id]
                guard answer != nil || planned else { return visited }
                visited.append(question.id)
                visit(question.id)
                nextId = node.target(for: answer?.value)
            }
        }
        return visited
    }
}
