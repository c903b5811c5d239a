import DialogueCore
import LetterComposition
import LetterTemplating

extension TextTable {
    /// The message in this table's language; a key the table lacks shows the key and
    /// its values, never crashes (`goodbye check` reports the gap first).
    public func render(_ message: Message) -> String {
        guard self[message.key.rawValue] != nil else {
            let values = message.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return ([message.key.rawValue] + values).joined(separator: " ")
        }
        var values = message.values.mapValues(Value.string)
        for (name, key) in message.parts { values[name] = .string(self[key.rawValue] ?? key.rawValue) }
        return LanguageFormat(texts: self).fill(message.key.rawValue, values)
    }

    public func text(_ key: MessageKey, _ values: [String: String] = [:]) -> String {
        render(Message(key, values))
    }
}

/// The file of a language's messages, beside its texts.
public enum MessageFile {
    public static func path(_ language: String) -> String { "\(language)/messages.ini" }

    /// The messages of `language` alone (an error before the content could be loaded).
    public static func compile(_ text: String, language: String) -> TextTable {
        TextCompiler.compile(text, file: path(language), language: language).0
    }
}
