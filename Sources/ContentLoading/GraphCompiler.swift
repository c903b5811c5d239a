import DialogueCore
import Vocabulary

/// Turns `dialogue.ini` into a `DialogueGraph`, reporting every problem with its place.
struct GraphCompiler {
    static let file = "dialogue.ini"
    static let nodeKeys: Set<String> = [
        "type", "choices", "default", "required", "reason", "sign", "fields", "next", "skip_if", "group", "on",
        "revision",
    ]

    var diagnostics: [Diagnostic] = []
    /// Where each node and key is written, for later checks.
    var lines: [String: Int] = [:]
    var keyLines: [String: KeyValueEntry] = [:]

    mutating func compile(_ document: KeyValueFile) -> DialogueGraph? {
        diagnostics += document.diagnostics
        guard let header = document.section("dialogue") else {
            diagnostics.append(
                Diagnostic(
                    .missingTarget, file: Self.file, line: 1,
                    Message(.diagNoDialogueSection, [:])))
            return nil
        }
        var nodes: [Node] = []
        for section in document.sections where section.name != "dialogue" {
            if lines[section.name] != nil {
                diagnostics.append(
                    Diagnostic(
                        .duplicate, file: Self.file, line: section.line,
                        Message(.diagDuplicateId, ["id": section.name, "line": String(lines[section.name] ?? 0)])))
                continue
            }
            lines[section.name] = section.line
            if let node = compileNode(section) { nodes.append(node) }
        }
        guard let start = required("start", in: header) else { return nil }
        return DialogueGraph(nodes: nodes, start: start, version: header.value("version") ?? "1")
    }

    private mutating func required(_ key: String, in header: KeyValueSection) -> String? {
        if let entry = header.entry(key), !entry.value.isEmpty {
            keyLines["dialogue." + key] = entry
            return entry.value
        }
        diagnostics.append(
            Diagnostic(
                .missingTarget, file: Self.file, line: header.line,
                Message(.diagDialogueKeyMissing, ["key": key])))
        return nil
    }

    private mutating func compileNode(_ section: KeyValueSection) -> Node? {
        var branches: [String: String] = [:]
        for entry in section.entries {
            keyLines[section.name + "." + entry.key] = entry
            if entry.key.hasPrefix("next.") {
                branches[String(entry.key.dropFirst(5))] = entry.value
            } else if !Self.nodeKeys.contains(entry.key) {
                diagnostics.append(
                    Diagnostic(
                        .unknownKey, file: Self.file, line: entry.line,
                        Message(
                            .diagUnknownKey,
                            ["key": entry.key, "accepted": Self.nodeKeys.sorted().joined(separator: ", ")])))
            }
        }
        let typeName = section.value("type") ?? ""
        let group = section.value("group") ?? String(section.name.split(separator: ".").first ?? "")
        var node = Node(
            id: section.name, kind: .end, next: section.value("next"), branches: branches, group: group,
            skipIf: skipCondition(section))
        switch typeName {
        case "end": return node
        case "decision":
            node.kind = .decision
            return node
        case "review":
            node.kind = .review
            return node
        case "branch":
            let on = section.value("on") ?? ""
            guard on.hasPrefix("@"), on.count > 1 else {
                let entry = section.entry("on")
                diagnostics.append(
                    Diagnostic(
                        .computedDefault, file: Self.file, line: entry?.line ?? section.line,
                        column: entry?.column ?? 1,
                        Message(.diagBranchWithoutOn, ["id": section.name])))
                return node
            }
            node.kind = .branch(on: String(on.dropFirst()))
            return node
        default:
            let type = QuestionType(rawValue: typeName)
            if type == nil {
                let entry = section.entry("type")
                diagnostics.append(
                    Diagnostic(
                        .questionType, file: Self.file, line: entry?.line ?? section.line, column: entry?.column ?? 1,
                        Message(.diagUnknownType, ["type": typeName, "id": section.name, "accepted": Self.typeNames])))
            }
            // An unknown type still makes a (text) question, so that one mistake is reported once.
            node.kind = .question(question(section, type ?? .text))
            return node
        }
    }

    private static let typeNames = (QuestionType.allCases.map(\.rawValue) + ["review", "decision", "branch", "end"])
        .joined(separator: ", ")

    private mutating func question(_ section: KeyValueSection, _ type: QuestionType) -> Question {
        let choices = (section.value("choices") ?? "").split(separator: ",")
            .map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
        var fields: [FieldType] = []
        var requiredFields: Int?
        for name in (section.value("fields") ?? "").split(separator: ",").map({ $0.trimmingBlanks() }) {
            // `amount?`: this field and those after it may be left out of an item.
            let optional = name.hasSuffix("?")
            if let field = FieldType(rawValue: optional ? String(name.dropLast()) : name),
                optional || requiredFields == nil
            {
                if optional, requiredFields == nil { requiredFields = fields.count }
                fields.append(field)
            } else {
                diagnostics.append(
                    Diagnostic(
                        .questionType, file: Self.file, line: section.entry("fields")?.line ?? section.line,
                        Message(.diagUnknownField, ["name": name])))
            }
        }
        let defaultValue = section.value("default")
        let requiredText = section.value("required").map(folded)
        var question = Question(
            id: section.name, type: type, choices: choices, defaultValue: defaultValue,
            required: requiredText.map { $0 != "non" && $0 != "no" } ?? true,
            reason: section.value("reason"), sign: section.value("sign"), fields: fields)
        question.requiredFields = requiredFields ?? fields.count
        question.revision = section.value("revision") ?? "1"
        return question
    }

    private mutating func skipCondition(_ section: KeyValueSection) -> SkipCondition? {
        guard let entry = section.entry("skip_if") else { return nil }
        let parts = entry.value.split(separator: "=", maxSplits: 1).map { $0.trimmingBlanks() }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            diagnostics.append(
                Diagnostic(
                    .syntax, file: Self.file, line: entry.line, column: entry.column,
                    Message(.diagBadCondition, ["value": entry.value])))
            return nil
        }
        return SkipCondition(question: parts[0], value: parts[1])
    }
}
