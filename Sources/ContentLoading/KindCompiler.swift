import DialogueCore
import LetterComposition
import Vocabulary

/// Reads `letters.ini`, the table of letter kinds, and checks it against the graph
/// (GB019): each kind starts at a question, names real decisions, and its sample
/// answers are accepted by the questions they answer.
enum KindCompiler {
    static let file = "letters.ini"
    /// A kind's own keys; any other names a branch of the dialogue (a route).
    static let keys: Set<String> = ["start", "ask", "decisions", "registered", "due_only", "tone", "warnings"]

    /// The kinds' routes written into the graph's `@kind` branches.
    ///
    /// A route from a node that is no such branch, to a step that does not exist, or that
    /// `dialogue.ini` already gives otherwise, is GB019.
    static func route(_ kinds: [LetterKind], lines: [String: Int], into graph: inout DialogueGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for kind in kinds {
            for (node, target) in kind.routes.sorted(by: { $0.key < $1.key }) {
                let line = lines["\(kind.id)/\(node)"] ?? lines[kind.id] ?? 0
                guard case .branch(let on) = graph.nodes[node]?.kind, on == "kind" else {
                    diagnostics.append(
                        Diagnostic(
                            .letterKinds, file: file, line: line,
                            Message(.diagKindRouteNotABranch, ["kind": kind.id, "id": node])))
                    continue
                }
                guard graph.nodes[target] != nil else {
                    diagnostics.append(
                        Diagnostic(
                            .letterKinds, file: file, line: line,
                            Message(.diagKindRouteMissing, ["kind": kind.id, "id": target])))
                    continue
                }
                if let given = graph.nodes[node]?.branches[kind.id], given != target {
                    diagnostics.append(
                        Diagnostic(
                            .duplicate, file: file, line: line,
                            Message(.diagKindRouteTwice, ["kind": kind.id, "id": node, "value": given])))
                    continue
                }
                graph.route(node, value: kind.id, to: target)
            }
        }
        return diagnostics
    }

    /// `samples`: expand the sample answers (for `goodbye check`; a session needs none).
    static func compile(_ text: String?, samples withSamples: Bool = true) -> (
        kinds: [LetterKind], diagnostics: [Diagnostic], lines: [String: Int]
    ) {
        guard let text else {
            return (
                [],
                [
                    Diagnostic(
                        .letterKinds, file: file, line: 0,
                        Message(.diagKindsMissing, ["file": file, "kind": LetterKind.defaultId]))
                ], [:]
            )
        }
        let document = KeyValueFile(text: text, file: file)
        var diagnostics = document.diagnostics
        var kinds: [LetterKind] = []
        var lines: [String: Int] = [:]
        let isSample: (KeyValueSection) -> Bool = { $0.name.hasSuffix(".sample") || $0.name.contains(".sample.") }
        for section in document.sections where !isSample(section) {
            guard let start = section.value("start"), !start.isEmpty else {
                diagnostics.append(
                    Diagnostic(
                        .letterKinds, file: file, line: section.line,
                        Message(.diagKindWithoutStart, ["kind": section.name])))
                continue
            }
            var decisions: [Decision] = []
            for word in (section.value("decisions") ?? "").split(separator: ",").map(\.trimmed) where !word.isEmpty {
                guard let decision = Decision(rawValue: word) else {
                    diagnostics.append(
                        Diagnostic(
                            .letterKinds, file: file, line: section.entry("decisions")?.line ?? section.line,
                            Message(
                                .diagUnknownDecision,
                                ["value": word, "accepted": Decision.allCases.map(\.rawValue).joined(separator: ", ")]))
                    )
                    continue
                }
                decisions.append(decision)
            }
            lines[section.name] = section.line
            var kind = LetterKind(
                id: section.name, start: start, ask: section.value("ask"), decisions: decisions,
                samples: withSamples ? samples(of: section.name, in: document.sections) : [])
            // A key naming a node (`letter.route = talk.when`): where that `@kind` branch leads.
            for entry in section.entries where !Self.keys.contains(entry.key) {
                kind.routes[entry.key] = entry.value
                lines["\(section.name)/\(entry.key)"] = entry.line
            }
            kind.registered = section.value("registered").map(folded) == YesNo.yes
            kind.dueOnly = section.value("due_only").map(folded) == YesNo.yes
            if let word = section.value("tone") {
                if let tone = Tone(rawValue: word) {
                    kind.tone = tone
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .letterKinds, file: file, line: section.entry("tone")?.line ?? section.line,
                            Message(
                                .diagKindBadTone,
                                ["value": word, "accepted": Tone.allCases.map(\.rawValue).joined(separator: ", ")])))
                }
            }
            // Said for each kind, even empty: a kind that forgot it would lose its legal warnings silently.
            if section.entry("warnings") == nil {
                diagnostics.append(
                    Diagnostic(
                        .letterKinds, file: file, line: section.line,
                        Message(
                            .diagKindWithoutWarnings,
                            [
                                "kind": section.name,
                                "accepted": WarningCode.kindSpecific.map(\.rawValue).joined(separator: ", "),
                            ])))
            }
            for word in (section.value("warnings") ?? "").split(separator: ",").map(\.trimmed) where !word.isEmpty {
                guard let code = WarningCode(rawValue: word), WarningCode.kindSpecific.contains(code) else {
                    diagnostics.append(
                        Diagnostic(
                            .letterKinds, file: file, line: section.entry("warnings")?.line ?? section.line,
                            Message(
                                .diagKindBadWarning,
                                [
                                    "value": word,
                                    "accepted": WarningCode.kindSpecific.map(\.rawValue).joined(separator: ", "),
                                ])))
                    continue
                }
                kind.warnings.insert(code)
            }
            kinds.append(kind)
        }
        if !kinds.isEmpty, !kinds.contains(where: { $0.id == LetterKind.defaultId }) {
            diagnostics.append(
                Diagnostic(
                    .letterKinds, file: file, line: 0,
                    Message(.diagDefaultKindMissing, ["kind": LetterKind.defaultId])))
        }
        return (kinds, diagnostics, lines)
    }

    /// The sample answers of kind `id`: every combination of the variants of
    /// `[ID.sample]`, then of each `[ID.sample.NAME]` over it (its entries replace the
    /// base's), as canonical answers.
    static func samples(of id: String, in sections: [KeyValueSection]) -> [[String: Answer]] {
        guard let base = sections.first(where: { $0.name == id + ".sample" }) else { return [] }
        var result = variants(base.entries)
        for extra in sections where extra.name.hasPrefix(id + ".sample.") {
            let keys = Set(extra.entries.map(\.key))
            result += variants(base.entries.filter { !keys.contains($0.key) } + extra.entries)
        }
        return result
    }

    static func variants(_ entries: [KeyValueEntry]) -> [[String: Answer]] {
        var combinations: [[String: Answer]] = [[:]]
        for entry in entries {
            let options = entry.value.split(separator: "|", omittingEmptySubsequences: false).map(\.trimmed)
            combinations = combinations.flatMap { partial in
                options.map { option in
                    var copy = partial
                    let items = option.split(separator: "&").map(\.trimmed).filter { !$0.isEmpty }
                    copy[entry.key] =
                        entry.key == LetterQuestion.invoices.rawValue ? Answer(items: items) : Answer(option)
                    return copy
                }
            }
        }
        return combinations
    }

    /// A kind whose start is not a question of the graph, or whose sample answers a
    /// question the graph does not have or with a value it does not accept.
    static func validate(_ kinds: [LetterKind], lines: [String: Int], graph: DialogueGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A session drafts the kind its `@kind` branch took: without one, a kind it offers
        // would be asked for and never drafted.
        let routed = graph.order.contains { id in
            if case .branch(let on)? = graph.nodes[id]?.kind { on == "kind" } else { false }
        }
        for kind in kinds where !routed && kind.ask != nil {
            diagnostics.append(
                Diagnostic(
                    .letterKinds, file: file, line: lines[kind.id] ?? 0,
                    Message(.diagKindNeverRouted, ["kind": kind.id, "id": kind.ask ?? ""])))
        }
        for kind in kinds {
            let line = lines[kind.id] ?? 0
            if graph.question(kind.start) == nil {
                diagnostics.append(
                    Diagnostic(
                        .letterKinds, file: file, line: line,
                        Message(.diagKindStartMissing, ["kind": kind.id, "id": kind.start])))
            }
            if let ask = kind.ask, let question = graph.question(ask) {
                if question.type != .yesNo, !(question.type == .choice && question.choices.contains(kind.id)) {
                    diagnostics.append(
                        Diagnostic(
                            .letterKinds, file: file, line: line,
                            Message(.diagKindBadAsk, ["kind": kind.id, "id": ask])))
                }
            } else if let ask = kind.ask {
                diagnostics.append(
                    Diagnostic(
                        .letterKinds, file: file, line: line,
                        Message(.diagKindAskMissing, ["kind": kind.id, "id": ask])))
            }
            let ids = Set(kind.samples.flatMap(\.keys))
            for id in ids.sorted() where graph.question(id) == nil {
                diagnostics.append(
                    Diagnostic(
                        .letterKinds, file: file, line: line,
                        Message(.diagSampleUnknownId, ["kind": kind.id, "id": id])))
            }
        }
        return diagnostics
    }
}
