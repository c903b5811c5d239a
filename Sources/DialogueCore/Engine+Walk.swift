extension Engine {
    /// Walks forward from `id`, skipping answered questions, announcing the decision
    /// when passing it, until a question needs an answer or the dialogue ends.
    func advance(_ state: inout Conversation, from id: String?, outputs: inout [Output]) {
        var nextId = id
        // The answers do not change while walking: each computed value once.
        let computed = ComputedValues(engine: self, answers: state.answers)
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
            case .branch(let name):
                nextId = node.target(for: computed.value(name))
            case .review:
                if state.reviewed {
                    nextId = node.next
                } else {
                    state.current = node.id
                    outputs.append(.review(ids: reviewed(state, upTo: node.id)))
                    return
                }
            case .question where node.isSkipped(by: state.answers, computed: computed.value):
                nextId = node.next
            case .question(let question):
                if let answer = state.answers[question.id], !state.revisit.contains(question.id) {
                    nextId = node.target(for: answer.value)
                } else {
                    state.current = question.id
                    state.finished = false
                    outputs.append(ask(question, state))
                    return
                }
            }
        }
        state.current = nil
        outputs.append(.brokenContent(id: nextId ?? id ?? state.start))
    }

    /// The ids of the questions on the conversation's path whose answers count: walked
    /// from the start with the answers given, up to the first unanswered question.
    public func path(_ state: Conversation) -> [String] {
        walk(state, planned: false)
    }

    /// The answered questions on the path before the review node `id`, in order.
    public func reviewed(_ state: Conversation, upTo id: String) -> [String] {
        var ids: [String] = []
        _ = walk(state, planned: false, stop: id, visit: { ids.append($0) })
        return ids
    }

    /// Where `id` stands on the planned path, for "Question 3 sur 17": its number from 1
    /// and the path's length as it stands, each question still to come taken with its
    /// default. The number only moves on by one from a question to the next; the total
    /// follows the answers (a "yes" that opens the letter's questions lengthens it).
    public func progress(of id: String, in state: Conversation) -> (number: Int, total: Int)? {
        let planned = walk(state, planned: true)
        guard let index = planned.firstIndex(of: id) else { return nil }
        return (index + 1, planned.count)
    }

    /// The decision from the answers on the path only.
    public func decide(_ state: Conversation) -> DecisionReport {
        let onPath = Set(path(state))
        return rule.decide(graph: graph, answers: state.answers.filter { onPath.contains($0.key) })
    }

    private func walk(
        _ state: Conversation, planned: Bool, stop: String? = nil, visit: (String) -> Void = { _ in }
    ) -> [String] {
        var visited: [String] = []
        var seen: Set<String> = []
        var nextId: String? = state.start
        let computed = ComputedValues(engine: self, answers: state.answers)
        while let id = nextId, id != stop, let node = graph.nodes[id], !seen.contains(id) {
            seen.insert(id)
            switch node.kind {
            case .end:
                return visited
            case .review:
                nextId = node.next
            case .branch(let name):
                nextId = node.target(for: computed.value(name))
            case .decision:
                let answered = Set(visited)
                let report = rule.decide(graph: graph, answers: state.answers.filter { answered.contains($0.key) })
                nextId = node.target(for: report.decision.rawValue)
            case .question where node.isSkipped(by: state.answers, computed: computed.value):
                nextId = node.next
            case .question(let question):
                let answer = state.answers[question.id]
                guard answer != nil || planned else { return visited }
                visited.append(question.id)
                visit(question.id)
                let proposed = planned ? resolvedDefault(question, answers: state.answers, computed: computed.value) : nil
                nextId = node.target(for: answer?.value ?? proposed)
            }
        }
        return visited
    }
}

/// The computed values (`@kind`, `@unpaid_client`…) of one set of answers, each worked
/// out once: a walk asks `@kind` at every question that a kind skips.
final class ComputedValues {
    let engine: Engine
    let answers: [String: Answer]
    private var known: [String: String?] = [:]

    init(engine: Engine, answers: [String: Answer]) {
        self.engine = engine
        self.answers = answers
    }

    func value(_ name: String) -> String? {
        if let value = known[name] { return value }
        let value = engine.computedDefault(name, answers)
        known[name] = .some(value)
        return value
    }
}
