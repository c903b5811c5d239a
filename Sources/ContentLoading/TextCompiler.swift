import DialogueCore
import Vocabulary

/// Reads a language's `texts.ini` into a `TextTable`; keys are `section.key`.
enum TextCompiler {
    static func compile(_ text: String, file: String, language: String) -> (TextTable, [Diagnostic]) {
        let document = KeyValueFile(text: text, file: file)
        var diagnostics = document.diagnostics
        var table = TextTable(language: language)
        for section in document.sections {
            for entry in section.entries {
                let key = section.name.isEmpty ? entry.key : section.name + "." + entry.key
                if let previous = table.locations[key] {
                    diagnostics.append(
                        Diagnostic(
                            .duplicate, file: file, line: entry.line,
                            Message(.diagDuplicateKey, ["key": key, "line": String(previous.line)])))
                    continue
                }
                table.values[key] = entry.value
                table.locations[key] = TextLocation(file: file, line: entry.line, column: entry.column)
            }
        }
        return (table, diagnostics)
    }
}
