import DialogueCore
import Vocabulary

/// One `key = value` line, with where it stands.
public struct KeyValueEntry: Sendable, Equatable {
    public var key: String
    public var value: String
    public var line: Int
    /// Column (1-based, in characters) where the value starts.
    public var column: Int
}

/// A `[name]` section and its entries.
public struct KeyValueSection: Sendable, Equatable {
    public var name: String
    public var line: Int
    public var entries: [KeyValueEntry]

    public func value(_ key: String) -> String? { entries.last { $0.key == key }?.value }
    public func entry(_ key: String) -> KeyValueEntry? { entries.last { $0.key == key } }
}

/// The simple format of every content file: `# comments`, `[sections]`, `key = value` lines, and
/// continuation lines (indented) that extend the previous value with a space.
///
/// Parsed by hand so that every problem has a line and a column.
public struct KeyValueFile: Sendable {
    public var file: String
    public var sections: [KeyValueSection]
    public var diagnostics: [Diagnostic]

    public init(text: String, file: String, sectioned: Bool = true, continuation: Bool = true) {
        self.file = file
        var sections: [KeyValueSection] = sectioned ? [] : [KeyValueSection(name: "", line: 0, entries: [])]
        var diagnostics: [Diagnostic] = []
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        // Line by line, no array of them: a file of many lines passed over costs nothing.
        var lines = Self.Lines(body)
        var number = 0
        while let line = lines.next() {
            number += 1
            let trimmedSlice = line.blanksTrimmed()
            if trimmedSlice.isEmpty || trimmedSlice.utf8.first == UInt8(ascii: "#") { continue }
            let trimmed = String(trimmedSlice)
            if continuation, line.first == " " || line.first == "\t" {
                if var last = sections.last, var entry = last.entries.popLast() {
                    entry.value += (entry.value.isEmpty ? "" : " ") + trimmed
                    last.entries.append(entry)
                    sections[sections.count - 1] = last
                    continue
                }
            }
            if sectioned, trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]"), trimmed.count > 2 else {
                    diagnostics.append(
                        Diagnostic(
                            .syntax, file: file, line: number, column: 1,
                            Message(.diagBadSection, ["value": String(trimmed)])))
                    continue
                }
                let name = String(trimmed.dropFirst().dropLast()).trimmingBlanks()
                sections.append(KeyValueSection(name: name, line: number, entries: []))
                continue
            }
            guard let equals = line.utf8.firstIndex(of: UInt8(ascii: "=")) else {
                diagnostics.append(
                    Diagnostic(
                        .syntax, file: file, line: number, column: 1,
                        Message(.diagNoEquals, [:])))
                continue
            }
            let key = String(line[..<equals].blanksTrimmed())
            guard !key.isEmpty else {
                diagnostics.append(
                    Diagnostic(
                        .syntax, file: file, line: number, column: 1,
                        Message(.diagNoKey, [:])))
                continue
            }
            guard !sections.isEmpty else {
                diagnostics.append(
                    Diagnostic(
                        .syntax, file: file, line: number, column: 1,
                        Message(.diagBeforeSection, ["key": String(key)])))
                continue
            }
            let afterEquals = line[line.index(after: equals)...]
            let value = String(afterEquals.blanksTrimmed())
            let leading = afterEquals.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
            let column = line[..<equals].unicodeScalars.count + 2 + leading
            sections[sections.count - 1].entries.append(
                KeyValueEntry(key: key, value: value, line: number, column: column))
        }
        self.sections = sections
        self.diagnostics = diagnostics
    }

    public func section(_ name: String) -> KeyValueSection? { sections.first { $0.name == name } }
}

extension Substring {
    /// Without surrounding spaces, tabs and carriage returns; on the bytes, without copying.
    func blanksTrimmed() -> Substring {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 }
        while start < end, isBlank(bytes[start]) { start = bytes.index(after: start) }
        while start < end, isBlank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return self[start..<end]
    }
}

extension StringProtocol {
    /// The text without surrounding spaces and tabs.
    func trimmingBlanks() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}

extension KeyValueFile {
    /// The lines of `text` one after another, split on the bytes (fast: no grapheme
    /// breaking): LF, CRLF and a CR alone (« CSV (Macintosh) ») all end a line.
    struct Lines: IteratorProtocol {
        let bytes: Substring.UTF8View
        var start: Substring.UTF8View.Index
        var done = false

        init(_ text: Substring) {
            bytes = text.utf8
            start = bytes.startIndex
        }

        mutating func next() -> Substring? {
            guard !done else { return nil }
            var index = start
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    let line = Substring(bytes[start..<index])
                    let after = bytes.index(after: index)
                    start =
                        byte == UInt8(ascii: "\r") && after < bytes.endIndex && bytes[after] == UInt8(ascii: "\n")
                        ? bytes.index(after: after) : after
                    return line
                }
                index = bytes.index(after: index)
            }
            done = true
            return Substring(bytes[start..<bytes.endIndex])
        }
    }
}
