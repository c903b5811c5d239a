import Synchronization

extension Engine {
    /// Walks forward from `id`, skipping answered questions, announcing the decision
    /// when passing it, until a question needs an answer or the dialogue ends.
    func advance(_ state: inout Conversation, from id: String?, outputs: inout [Output]) {
        var nextId = id
        // The answers do not change while walking: each computed value once.
        let computed = computedValues(state.answers)
        for _ in 0...(graph.order.count * 2 + 2) {
            guard let currentId = nextId, let node = graph.nodes[currentId] else { break }
            switch node.kind {
            case .end:
                state.current = nil
                state.finished = true
                outputs.append(.finished)
                return
            case .decision:
                let report = decide(state, computed)
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

    /// Where `id` stands on the planned path, for "Question 3 sur 17": its number from 1 and the
    /// path's length as it stands, each question still to come taken with its default.
    ///
    /// The number only moves on by one from a question to the next; the total follows the answers
    /// (a "yes" that opens the letter's questions lengthens it).
    public func progress(of id: String, in state: Conversation) -> (number: Int, total: Int)? {
        let planned = walk(state, planned: true)
        guard let index = planned.firstIndex(of: id) else { return nil }
        return (index + 1, planned.count)
    }

    /// The decision from the answers on the path only.
    public func decide(_ state: Conversation) -> DecisionReport {
        decide(state, computedValues(state.answers))
    }

    /// The decision of the answers on the path: the one of all the answers (worked out
    /// once for them) unless some answer lies off the path.
    private func decide(_ state: Conversation, _ computed: ComputedValues) -> DecisionReport {
        let onPath = Set(walk(state, planned: false, computed: computed))
        return computed.decision(onPath: onPath)
    }

    /// The computed values the path's branches took, from the start with the answers given.
    ///
    /// `kind` is the letter the conversation drafts: what routing chose is what the shell
    /// reads, one rule for both. A branch off the path is not there.
    public func routes(_ state: Conversation) -> [String: String] {
        // Worked out from the answers on the path only: an answer the path never reached (an
        // answer file's, say `dunning.step` for a client who pays) never picks the letter.
        let onPath = Set(path(state))
        let values = ComputedValues(
            engine: self, answers: state.answers.filter { onPath.contains($0.key) })
        var taken: [String: String] = [:]
        _ = walk(
            state, planned: false, branch: { name, _ in if let value = values.value(name) { taken[name] = value } })
        return taken
    }

    private func walk(
        _ state: Conversation, planned: Bool, stop: String? = nil, computed: ComputedValues? = nil,
        visit: (String) -> Void = { _ in }, branch: (String, String?) -> Void = { _, _ in }
    ) -> [String] {
        var visited: [String] = []
        var seen: Set<String> = []
        var nextId: String? = state.start
        let computed = computed ?? computedValues(state.answers)
        while let id = nextId, id != stop, let node = graph.nodes[id], !seen.contains(id) {
            seen.insert(id)
            switch node.kind {
            case .end:
                return visited
            case .review:
                nextId = node.next
            case .branch(let name):
                let value = computed.value(name)
                branch(name, value)
                nextId = node.target(for: value)
            case .decision:
                nextId = node.target(for: computed.decision(onPath: Set(visited)).decision.rawValue)
            case .question where node.isSkipped(by: state.answers, computed: computed.value):
                nextId = node.next
            case .question(let question):
                let answer = state.answers[question.id]
                guard answer != nil || planned else { return visited }
                visited.append(question.id)
                visit(question.id)
                let proposed =
                    planned ? resolvedDefault(question, answers: state.answers, computed: computed.value) : nil
                nextId = node.target(for: answer?.value ?? proposed)
            }
        }
        return visited
    }
}

/// The computed values (`@kind`, `@unpaid_client`…) of one set of answers, and the
/// decision their signs give, each worked out once: the engine keeps them for the last
/// answers it saw (`Engine.computedValues`), so that a change of answers computes the
/// decision once, however many walks, progress counts and defaults follow.
final class ComputedValues: Sendable {
    let graph: DialogueGraph
    let rule: DecisionRule
    let computedDefault: @Sendable (String, [String: Answer], DecisionReport) -> String?
    let answers: [String: Answer]
    private let known = Mutex<[String: String?]>([:])
    private let whole = Mutex<DecisionReport?>(nil)

    /// Not the engine itself: the engine's memo keeps these values, and they would keep it.
    init(engine: Engine, answers: [String: Answer]) {
        graph = engine.graph
        rule = engine.rule
        computedDefault = engine.computedDefault
        self.answers = answers
    }

    /// The decision of every answer given.
    var decision: DecisionReport {
        if let report = whole.withLock({ $0 }) { return report }
        let report = rule.decide(graph: graph, answers: answers)
        whole.withLock { $0 = report }
        return report
    }

    /// The decision of the answers to the questions `onPath`: the whole one when every
    /// answer the rule reads (signs, pro bono) is on it.
    func decision(onPath: Set<String>) -> DecisionReport {
        let read = graph.signQuestions.map(\.id) + [DecisionRule.proBonoQuestion]
        if read.allSatisfy({ answers[$0] == nil || onPath.contains($0) }) { return decision }
        return rule.decide(graph: graph, answers: answers.filter { onPath.contains($0.key) })
    }

    func value(_ name: String) -> String? {
        if let value = known.withLock({ $0[name] }) { return value }
        let value = computedDefault(name, answers, decision)
        known.withLock { $0[name] = .some(value) }
        return value
    }
}

/// The engine's computed values of the last answers it saw, shared by its copies.
final class ComputedMemo: Sendable {
    private let last = Mutex<ComputedValues?>(nil)

    func values(_ answers: [String: Answer], engine: Engine) -> ComputedValues {
        last.withLock { last in
            if let known = last, known.answers == answers { return known }
            let values = ComputedValues(engine: engine, answers: answers)
            last = values
            return values
        }
    }
}

extension Engine {
    /// The computed values and the decision of `answers`, worked out once per change.
    func computedValues(_ answers: [String: Answer]) -> ComputedValues {
        memo.values(answers, engine: self)
    }
}
