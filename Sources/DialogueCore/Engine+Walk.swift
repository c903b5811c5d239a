extension Engine {
    /// Walks forward from `id`, skipping answered questions, announcing the decision
    /// when passing it, until a question needs an answer or the dialogue ends.
    func advance(_ state: inout Conversation, from id: String?, outputs: inout [Output]) {
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
            case .branch(let name):
                nextId = node.target(for: computedDefault(name, state.answers))
            case .review:
                if state.reviewed {
                    nextId = node.next
                } else {
                    state.current = node.id
                    outputs.append(.review(ids: reviewed(state, upTo: node.id)))
                    return
                }
            case .question where node.isSkipped(by: state.answers):
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

    /// Where `id` stands in its part of the planned path (the parts are split by the
    /// decision): its number from 1 and the part's size, for "Question 3 sur 16". The
    /// size is nil when an answer still to come, at `id` or after it, may lengthen the
    /// part (a "yes" that opens the letter's questions): a total that would jump up is
    /// not shown. One that may only shrink (a branch that skips questions) is.
    public func progress(of id: String, in state: Conversation) -> (number: Int, total: Int?)? {
        guard let (number, total, ahead) = part(of: id, in: state) else { return nil }
        for question in ahead {
            guard let node = graph.nodes[question] else { continue }
            for value in node.branches.keys {
                var other = state
                other.answers[question] = Answer(value)
                if let longer = part(of: id, in: other), longer.total > total { return (number, nil) }
            }
        }
        return (number, total)
    }

    /// `id`'s number and its part's size on the planned path, and the unanswered
    /// questions with branches from `id` on in that part.
    private func part(of id: String, in state: Conversation) -> (number: Int, total: Int, ahead: [String])? {
        var parts: [[String]] = [[]]
        var ahead: [[String]] = [[]]
        var reached = false
        _ = walk(state, planned: true, decided: {
            parts.append([])
            ahead.append([])
        }, branching: { if reached { ahead[ahead.count - 1].append($0) } }) {
            parts[parts.count - 1].append($0)
            if $0 == id { reached = true }
        }
        for (part, branching) in zip(parts, ahead) {
            if let index = part.firstIndex(of: id) { return (index + 1, part.count, branching) }
        }
        return nil
    }

    /// The decision from the answers on the path only.
    public func decide(_ state: Conversation) -> DecisionReport {
        let onPath = Set(path(state))
        return rule.decide(graph: graph, answers: state.answers.filter { onPath.contains($0.key) })
    }

    private func walk(
        _ state: Conversation, planned: Bool, stop: String? = nil, decided: () -> Void = {}, branching: (String) -> Void = { _ in },
        visit: (String) -> Void = { _ in }
    ) -> [String] {
        var visited: [String] = []
        var seen: Set<String> = []
        var nextId: String? = state.start
        while let id = nextId, id != stop, let node = graph.nodes[id], !seen.contains(id) {
            seen.insert(id)
            switch node.kind {
            case .end:
                return visited
            case .review:
                nextId = node.next
            case .branch(let name):
                nextId = node.target(for: computedDefault(name, state.answers))
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
                if answer == nil, !node.branches.isEmpty { branching(question.id) }
                nextId = node.target(for: answer?.value)
            }
        }
        return visited
    }
}
