import DialogueCore

extension Content {
    /// A stable fingerprint of what a question asks: its id, type, choices, fields, default,
    /// whether it is required, and its `revision` (raised in `dialogue.ini` when a prompt is
    /// reworded in a way that changes its meaning).
    ///
    /// Saved sessions keep it, so that an answer to a question that has changed since is asked
    /// again. It reads no language's text: a session resumed in another language keeps its answers,
    /// and a change is noticed whatever the language. FNV-1a, 64 bits: the same on every run and
    /// machine.
    public func fingerprint(of id: String) -> String? {
        guard let question = graph.question(id) else { return nil }
        let parts = [
            question.id, question.type.rawValue, question.choices.joined(separator: ","),
            question.fields.map(\.rawValue).joined(separator: ","), question.defaultValue ?? "",
            question.required ? "1" : "0",
            question.revision,
        ]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
