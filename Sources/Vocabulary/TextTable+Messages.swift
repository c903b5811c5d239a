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
        if let detail = message.detail.first { values["detail"] = .string(render(detail)) }
        return LanguageFormat(texts: self).fill(message.key.rawValue, values)
    }

    public func text(_ key: MessageKey, _ values: [String: String] = [:]) -> String {
        render(Message(key, values))
    }

    public func text(_ key: CLIMessage, _ values: [String: String] = [:]) -> String { text(key.key, values) }

    public func text(_ key: DiagnosticMessage, _ values: [String: String] = [:]) -> String { text(key.key, values) }

    public func text(_ key: FactMessage, _ values: [String: String] = [:]) -> String { text(key.key, values) }
}
