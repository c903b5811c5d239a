import DialogueCore
import Vocabulary

/// The question ids the contract fixes: the article's signs, by reason, and pro bono.
public enum FixedIds {
    public static let signs: [(reason: String, signs: [String])] = [
        ("engagement", ["no_feedback", "no_internal_signoff", "skips_exercises", "no_reply"]),
        ("reluctance", ["no_desire", "dreads_meetings", "dreads_messages", "only_this_client"]),
        ("exhaustion", ["drained", "constant_struggle", "odd_hours", "neglects_rest"]),
        ("payment", ["refuses", "pays_less", "pays_late"]),
    ]
    public static let proBono = DecisionRule.proBonoQuestion
}

/// Checks a compiled graph: targets, reachability, loops, fixed ids, values.
struct GraphValidation {
    let graph: DialogueGraph
    let compiler: GraphCompiler
    let computedDefaults: Set<String>
    /// Where else a conversation may start: the first question of each letter kind.
    var entries: [String] = []
    var diagnostics: [Diagnostic] = []

    init(graph: DialogueGraph, compiler: GraphCompiler, computedDefaults: Set<String>) {
        self.graph = graph
        self.compiler = compiler
        self.computedDefaults = computedDefaults
    }

    mutating func run() -> [Diagnostic] {
        checkEntryPoints()
        for id in graph.order { if let node = graph.nodes[id] { checkTargets(node) } }
        // A broken start or target makes later questions unreachable: fix that first.
        if !diagnostics.contains(where: { $0.code == .missingTarget || $0.code == .badCondition }) {
            checkReachability()
        }
        checkTermination()
        checkFixedIds()
        return diagnostics
    }

    private func line(_ id: String, _ key: String? = nil) -> (Int, Int) {
        if let key, let entry = compiler.keyLines[id + "." + key] { return (entry.line, entry.column) }
        return (compiler.lines[id] ?? 1, 1)
    }

    private mutating func report(_ code: DiagnosticCode, _ id: String, _ key: String?, _ message: Message) {
        let (line, column) = line(id, key)
        diagnostics.append(Diagnostic(code, file: GraphCompiler.file, line: line, column: column, message))
    }

    private mutating func checkEntryPoints() {
        for (key, id) in [("start", graph.start)] where graph.nodes[id] == nil {
            report(.missingTarget, "dialogue", key, Message(.diagTargetMissing, ["key": key, "id": id]))
        }
    }

    private mutating func checkTargets(_ node: Node) {
        if case .end = node.kind { return }
        if node.next == nil, node.kind != .decision || node.branches.count < Decision.allCases.count {
            report(.badCondition, node.id, nil, Message(.diagDeadEnd, ["id": node.id]))
        }
        if let next = node.next, graph.nodes[next] == nil {
            report(.badCondition, node.id, "next", Message(.diagNextMissing, ["id": node.id, "target": next]))
        }
        for (value, target) in node.branches.sorted(by: { $0.key < $1.key }) {
            if graph.nodes[target] == nil {
                report(
                    .badCondition, node.id, "next." + value,
                    Message(.diagBranchMissing, ["id": node.id, "target": target, "value": value]))
            }
            if let allowed = possibleValues(node), !allowed.contains(value) {
                report(
                    .computedDefault, node.id, "next." + value,
                    Message(
                        .diagImpossibleBranch,
                        ["value": value, "id": node.id, "accepted": allowed.sorted().joined(separator: ", ")]))
            }
        }
        if let condition = node.skipIf, let name = condition.computed {
            if !computedDefaults.contains(name) { reportUnknownComputed(name, node.id, "skip_if") }
        } else if let condition = node.skipIf, graph.question(condition.question) == nil {
            report(.badCondition, node.id, "skip_if", Message(.diagConditionMissing, ["id": condition.question]))
        }
        if let question = node.question { checkDefault(question) }
        if case .branch(let name) = node.kind, !computedDefaults.contains(name) {
            reportUnknownComputed(name, node.id, "on")
        }
    }

    /// `@name` is no computed value the program gives: said at `field` of node `id`.
    private mutating func reportUnknownComputed(_ name: String, _ id: String, _ field: String) {
        let accepted = computedDefaults.sorted().map { "@" + $0 }.joined(separator: ", ")
        report(
            .computedDefault, id, field,
            Message(.diagUnknownComputedBranch, ["value": "@" + name, "accepted": accepted]))
    }

    private func possibleValues(_ node: Node) -> Set<String>? {
        switch node.kind {
        case .decision: return Set(Decision.allCases.map(\.rawValue))
        case .end, .review: return []
        case .branch: return nil
        case .question(let question):
            switch question.type {
            case .yesNo: return [YesNo.yes, YesNo.no]
            case .choice: return Set(question.choices)
            default: return nil
            }
        }
    }

    private mutating func checkDefault(_ question: Question) {
        if question.type == .choice, question.choices.isEmpty {
            report(.computedDefault, question.id, "type", Message(.diagNoChoices, ["id": question.id]))
        }
        if question.type == .list, question.fields.isEmpty {
            report(.computedDefault, question.id, "type", Message(.diagNoFields, ["id": question.id]))
        }
        guard let value = question.defaultValue else { return }
        if value.hasPrefix("@") {
            if !computedDefaults.contains(String(value.dropFirst())) {
                report(
                    .computedDefault, question.id, "default",
                    Message(
                        .diagUnknownComputed,
                        [
                            "value": value,
                            "accepted": computedDefaults.sorted().map { "@" + $0 }.joined(separator: ", "),
                        ]))
            }
            return
        }
        let node = graph.nodes[question.id]
        if let allowed = node.flatMap(possibleValues), !allowed.contains(value) {
            report(
                .computedDefault, question.id, "default",
                Message(.diagImpossibleDefault, ["value": value, "accepted": allowed.sorted().joined(separator: ", ")]))
        }
    }

    private func successors(_ node: Node) -> [String] {
        var targets = Array(node.branches.values.sorted())
        if let next = node.next { targets.insert(next, at: 0) }
        return targets.filter { graph.nodes[$0] != nil }
    }

    private mutating func checkReachability() {
        var seen: Set<String> = []
        var queue = ([graph.start] + entries).filter { graph.nodes[$0] != nil }
        while let id = queue.popLast() {
            guard seen.insert(id).inserted, let node = graph.nodes[id] else { continue }
            queue += successors(node)
        }
        for id in graph.order where !seen.contains(id) {
            report(.unreachable, id, nil, Message(.diagUnreachable, ["id": id]))
        }
    }

    /// Every node must lead to an end, and no way through may loop: a depth-first walk,
    /// with an explicit stack, that reports the nodes whose way on goes back up the path.
    private mutating func checkTermination() {
        var state: [String: Int] = [:]  // 1 on the current path, 2 done
        var looping: [(String, String)] = []
        for root in graph.order where state[root] == nil {
            var stack: [(id: String, next: [String])] = [(root, graph.nodes[root].map(successors) ?? [])]
            state[root] = 1
            while !stack.isEmpty {
                guard let target = stack[stack.count - 1].next.popLast() else {
                    state[stack.removeLast().id] = 2
                    continue
                }
                if state[target] == 1 {
                    looping.append((stack[stack.count - 1].id, target))
                } else if state[target] == nil, let node = graph.nodes[target] {
                    state[target] = 1
                    stack.append((target, successors(node)))
                }
            }
        }
        var reported: Set<String> = []
        for (id, target) in looping where reported.insert(id).inserted {
            report(.loop, id, nil, Message(.diagLoop, ["id": id, "target": target]))
        }
        if !graph.order.contains(where: { graph.nodes[$0]?.kind == .end }) {
            report(.loop, "dialogue", nil, Message(.diagNoEnd, [:]))
        }
    }

    private mutating func checkFixedIds() {
        var expected = FixedIds.signs.flatMap { reason in reason.signs.map { (reason.reason, $0) } }
            .map { (id: "\($0.0).\($0.1)", reason: Optional($0.0), sign: Optional($0.1)) }
        expected.append((FixedIds.proBono, nil, nil))
        for item in expected {
            guard let question = graph.question(item.id) else {
                report(.contractSign, "dialogue", nil, Message(.diagContractQuestionMissing, ["id": item.id]))
                continue
            }
            if question.type != .yesNo || question.reason != item.reason || question.sign != item.sign {
                let wanted =
                    item.reason.map { "type = yes_no, reason = \($0), sign = \(item.sign ?? "")" } ?? "type = yes_no"
                report(
                    .contractSign, item.id, nil, Message(.diagContractQuestionWrong, ["id": item.id, "wanted": wanted]))
            }
        }
        if !graph.order.contains(where: { graph.nodes[$0]?.kind == .decision }) {
            report(.contractSign, "dialogue", nil, Message(.diagNoDecision, [:]))
        }
    }
}
