import DialogueCore

/// Checks each language's text against the graph: every key the program needs is
/// there, no key is left unused, and every language has the keys French has.
struct TextValidation {
    let graph: DialogueGraph
    let texts: [String: TextTable]
    /// Also check French typography (GB017): for `goodbye check`, not every start-up.
    var thorough = true

    /// Keys the shell and the letters use, whatever the questions.
    static let fixedKeys: [String] =
        ["intro.title", "intro.text", "intro.how", "reason.payment.not_applicable"]
        + ["months", "first_day", "date", "and", "decimal", "currency", "percent", "day_one", "day_other", "label", "pair"].map { "format." + $0 }
        + [
            "yes_no", "choose", "default", "optional", "progress", "no_help", "first_question",
            "item_added", "list_done", "finished", "commands", "summary_heading", "summary_empty", "dropped", "resumed", "changed",
            "answer_label", "letter_intro", "letter_heading", "letter_next", "reasons_heading", "talk_heading",
            "signs_seen", "established", "signs_only", "absent", "yes", "no",
        ].map { "ui." + $0 }
        + ["yes_no", "choice", "date", "amount", "integer", "item", "empty", "empty_list", "review"].map { "ui.rejected." + $0 }
        + ["place_date", "subject_label", "registered", "salutation", "subject_position"].map { "letter." + $0 }
        + ["help", "back", "summary", "quit", "help_bare"].map { "command." + $0 }
        + ["madame", "monsieur", "sans_titre", "inconnu", "organisation", "cordial_madame", "cordial_monsieur", "cordial_madame_inline", "cordial_monsieur_inline"].map { "letter.appel." + $0 }
        + ["madame", "monsieur", "sans_titre"].map { "letter.title." + $0 }
        + (DecisionRule.reasonIds + ["several", "general"]).map { "letter.reason." + $0 }
        + MessageKey.allCases.map(\.rawValue)
        + DecisionRule.reasonIds.flatMap { id in ["title", "name", "why", "talk"].map { "reason.\(id).\($0)" } }
        + Decision.allCases.flatMap { decision in ["title", "text", "summary"].map { "decision.\(decision.rawValue).\($0)" } }

    /// Keys that may be present or not.
    static let optionalKeys: Set<String> = ["format.group"]

    func requiredKeys() -> Set<String> {
        var keys = Set(Self.fixedKeys)
        for question in graph.questions {
            keys.insert(question.id + ".prompt")
            if question.sign != nil {
                keys.insert(question.id + ".short")
                keys.insert(question.id + ".help")
            }
            for choice in question.choices where question.type == .choice { keys.insert("\(question.id).choice.\(choice)") }
            if question.type == .list { keys.insert(question.id + ".example") }
        }
        for id in graph.order where graph.nodes[id]?.kind == .review {
            keys.formUnion(["title", "how", "help"].map { id + "." + $0 })
        }
        for id in graph.order { if let group = graph.nodes[id]?.group, graph.nodes[id]?.question != nil { keys.insert("group." + group) } }
        return keys
    }

    func optionalKeys() -> Set<String> {
        Self.optionalKeys.union(graph.questions.map { $0.id + ".help" })
    }

    func run() -> [Diagnostic] {
        let required = requiredKeys()
        let known = required.union(optionalKeys())
        var diagnostics: [Diagnostic] = []
        let reference = texts[ContentCompiler.reference]
        for (language, table) in texts.sorted(by: { $0.key < $1.key }) {
            let file = "\(language)/texts.ini"
            for key in required.sorted() where table[key] == nil {
                diagnostics.append(Diagnostic("GB008", file: MessageKey(rawValue: key) == nil ? file : MessageFile.path(language), line: 0,
                    "texte « \(key) » manquant en « \(language) » : ajoutez-le dans la section [\(Self.section(of: key))]"))
            }
            for key in table.values.keys.sorted() where !known.contains(key) {
                let place = table.locations[key]
                diagnostics.append(Diagnostic("GB009", file: place?.file ?? file, line: place?.line ?? 0, column: 1,
                    "texte « \(key) » jamais utilisé : supprimez-le, ou corrigez l’identifiant de sa section"))
            }
            if thorough, language == ContentCompiler.reference {
                let placed = table.values.keys.sorted().compactMap { key -> (TextLocation, String)? in
                    guard !key.hasPrefix("format."), let place = table.locations[key], let value = table[key] else { return nil }
                    return (place, value)
                }
                for (path, items) in Dictionary(grouping: placed, by: \.0.file).sorted(by: { $0.key < $1.key }) {
                    diagnostics += TypographyCheck.diagnostics(file: path, lines: items.map { ($0.0.line, $0.0.column, $0.1) })
                }
            }
            guard let reference, language != ContentCompiler.reference else { continue }
            for key in reference.values.keys.sorted() where known.contains(key) && !required.contains(key) && table[key] == nil {
                diagnostics.append(Diagnostic("GB012", file: file, line: 0,
                    "« \(key) » existe en français mais pas en « \(language) » : traduisez-le"))
            }
        }
        return diagnostics
    }

    static func section(of key: String) -> String {
        let parts = key.split(separator: ".")
        return parts.dropLast().joined(separator: ".")
    }
}
