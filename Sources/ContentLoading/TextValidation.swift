import DialogueCore
import LetterComposition
import LetterTemplating
import Vocabulary

/// Checks each language's text against the graph: every key the program needs is
/// there, no key is left unused, and every language has the keys French has.
struct TextValidation {
    let graph: DialogueGraph
    let texts: [String: TextTable]
    /// The letter kinds, whose names a language may give (`kind.reminder = relance`).
    var kindIds: [String] = []
    /// Also check French typography (GB017): for `goodbye check`, not every start-up.
    var thorough = true

    /// Keys the shell and the letters use, whatever the questions.
    static let fixedKeys: [String] =
        TextKey.allCases.map(\.rawValue) + LetterTextKey.all.map(\.rawValue) + messageKeys.sorted()

    /// The keys of every owner's messages (`messages.ini`).
    static let messageKeys: Set<String> = Set(MessageKey.all.map(\.rawValue))

    /// Keys that may be present or not.
    static let optionalKeys: Set<String> = ["format.group"]

    func requiredKeys() -> Set<String> {
        Set(Self.fixedKeys).union(ContentTextKey.required(by: graph).map(\.rawValue))
    }

    func optionalKeys() -> Set<String> {
        Self.optionalKeys.union(ContentTextKey.optional(by: graph, kinds: kindIds.map { KindID($0) }).map(\.rawValue))
    }

    /// Every name the program fills texts with: a text that reads another name (a typo,
    /// a name from another text) would print nothing, so `goodbye check` refuses it (GB020).
    static let variables: Set<String> = [
        // Formats and letter words.
        "day", "month", "year", "amount", "rate", "count", "label", "text", "first", "second", "town", "date", "appel",
        "name",
        "surname",
        // The dialogue.
        "value", "number", "total", "group", "prompt", "reasons",
        // The messages.
        "path", "id", "accepted", "option", "folder", "language", "kind", "command", "reason", "location", "word",
        "values",
        "topic", "placeholder", "ids", "hint", "format", "example", "detail", "commands", "available", "argument",
        "line",
        // The letter's facts.
        "end", "today", "due", "term", "floor", "legal", "earliest", "notice", "period", "limit", "years",
        "remainder", "days", "we", "addressee",
        // `goodbye check`'s diagnostics.
        "key", "tag", "type", "found", "file", "section", "target", "wanted", "mark", "space", "expected",
    ]

    /// Each text with `{{…}}` parsed as the letter templates are: a syntax error or an
    /// unknown name is GB020, at its line and column in the file.
    func templateProblems(_ table: TextTable) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (key, value) in table.values.sorted(by: { $0.key < $1.key }) where value.contains("{{") {
            let place = table.locations[key] ?? TextLocation(file: "\(table.language)/texts.ini", line: 0, column: 1)
            do {
                let template = try Template(value, name: key)
                for (name, at) in template.names where !Self.variables.contains(name) {
                    diagnostics.append(
                        Diagnostic(
                            .textTemplate, file: place.file, line: place.line, column: place.column + at.column - 1,
                            Message(.diagUnknownName, ["key": key, "tag": "{{" + name + "}}"])))
                }
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .textTemplate, file: place.file, line: place.line,
                        column: place.column + error.location.column - 1,
                        Message(.diagTextTemplate, ["key": key], detail: error.localized)))
            }
        }
        return diagnostics
    }

    func run() -> [Diagnostic] {
        let required = requiredKeys()
        let known = required.union(optionalKeys())
        var diagnostics: [Diagnostic] = []
        let reference = texts[ContentCompiler.reference]
        for (language, table) in texts.sorted(by: { $0.key < $1.key }) {
            let file = "\(language)/texts.ini"
            if thorough { diagnostics += templateProblems(table) }
            for key in required.sorted() where table[key] == nil {
                diagnostics.append(
                    Diagnostic(
                        .missingText, file: Self.messageKeys.contains(key) ? MessageFile.path(language) : file,
                        line: 0,
                        Message(.diagTextMissing, ["key": key, "language": language, "section": Self.section(of: key)]))
                )
            }
            for key in table.values.keys.sorted() where !known.contains(key) {
                let place = table.locations[key]
                diagnostics.append(
                    Diagnostic(
                        .unusedText, file: place?.file ?? file, line: place?.line ?? 0, column: 1,
                        Message(.diagTextUnused, ["key": key])))
            }
            if thorough, language == ContentCompiler.reference {
                let placed = table.values.keys.sorted().compactMap { key -> (TextLocation, String)? in
                    guard !key.hasPrefix("format."), let place = table.locations[key], let value = table[key] else {
                        return nil
                    }
                    return (place, value)
                }
                for (path, items) in Dictionary(grouping: placed, by: \.0.file).sorted(by: { $0.key < $1.key }) {
                    diagnostics += TypographyCheck.diagnostics(
                        file: path, lines: items.map { ($0.0.line, $0.0.column, $0.1) })
                }
            }
            guard let reference, language != ContentCompiler.reference else { continue }
            for key in reference.values.keys.sorted()
            where known.contains(key) && !required.contains(key) && table[key] == nil {
                diagnostics.append(
                    Diagnostic(
                        .untranslated, file: file, line: 0,
                        Message(.diagUntranslated, ["key": key, "language": language])))
            }
        }
        return diagnostics
    }

    static func section(of key: String) -> String {
        let parts = key.split(separator: ".")
        return parts.dropLast().joined(separator: ".")
    }
}
