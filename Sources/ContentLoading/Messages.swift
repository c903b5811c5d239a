import DialogueCore
import LetterComposition
import LetterTemplating
import Vocabulary

/// The file of a language's messages, beside its texts.
public enum MessageFile {
    public static func path(_ language: String) -> String { "\(language)/messages.ini" }

    /// The messages of `language` alone (an error before the content could be loaded).
    public static func compile(_ text: String, language: String) -> TextTable {
        TextCompiler.compile(text, file: path(language), language: language).0
    }
}

extension TemplateError {
    /// What is wrong in a template and how to fix it, in the reader's language; `{{…}}`
    /// tags travel as values, never as text the message itself would read.
    public var localized: Message {
        switch kind {
        case .unclosedTag: return Message(.tmplUnclosedTag, ["tag": "}}"])
        case .unclosedSection(let name): return Message(.tmplUnclosedSection, ["name": name, "tag": "{{/\(name)}}"])
        case .unexpectedClose(let name): return Message(.tmplUnexpectedClose, ["tag": "{{/\(name)}}"])
        case .mismatchedClose(let expected, let found):
            return Message(
                .tmplMismatchedClose, ["tag": "{{/\(found)}}", "name": expected, "expected": "{{/\(expected)}}"])
        case .badDelimiters: return Message(.tmplBadDelimiters, ["tag": "{{=<% %>=}}"])
        case .emptyTag: return Message(.tmplEmptyTag)
        case .missingVariable(let name): return Message(.tmplMissingVariable, ["name": name])
        case .missingPartial(let name): return Message(.tmplMissingPartial, ["name": name])
        case .partialTooDeep(let name): return Message(.tmplPartialTooDeep, ["name": name])
        case .sectionsTooDeep(let limit): return Message(.tmplSectionsTooDeep, ["count": String(limit)])
        }
    }
}
