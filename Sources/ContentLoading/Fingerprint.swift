import DialogueCore

extension Content {
    /// A stable fingerprint of what a question asks (its type, choices, fields and
    /// French prompt): saved sessions keep it, so that an answer to a question that has
    /// changed since is asked again. FNV-1a, 64 bits: the same on every run and machine.
    public func fingerprint(of id: String) -> String? {
        guard let question = graph.question(id) else { return nil }
        let prompt = texts[ContentCompiler.reference]?[id + ".prompt"] ?? ""
        let parts = [question.type.rawValue, question.choices.joined(separator: ","),
            question.fields.map(\.rawValue).joined(separator: ","), prompt]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
