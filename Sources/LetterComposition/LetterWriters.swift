import DialogueCore
import Vocabulary

/// An output format of a letter: lays out its parts.
///
/// A new format is one writer.
public protocol LetterWriter: Sendable {
    func write(_ letter: Letter) -> String
}

/// The letter as plain text, ready to paste or print: blocks separated by one blank
/// line, list items marked with `–`.
public struct TextLetterWriter: LetterWriter {
    /// `{{label}} : {{text}}` in French, for the subject line.
    let label: @Sendable (String, String) -> String
    /// A list item as a line: `–` and a no-break space before it in French, `– ` in English.
    let item: @Sendable (String) -> String

    public init(
        label: @escaping @Sendable (String, String) -> String,
        item: @escaping @Sendable (String) -> String = { Letter.itemMark + $0 }
    ) {
        self.label = label
        self.item = item
    }

    public func write(_ letter: Letter) -> String {
        var sections: [[String]] = [letter.sender, letter.recipient, [letter.placeDate]]
        if let mode = letter.sendingMode { sections.append([mode]) }
        let subject = [letter.subjectLabel.isEmpty ? letter.subject : label(letter.subjectLabel, letter.subject)]
        sections += letter.salutationBeforeSubject ? [[letter.salutation], subject] : [subject, [letter.salutation]]
        sections += (letter.body + letter.closing).map(lines)
        sections.append(letter.signature)
        sections.append(letter.enclosures)
        return sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    func lines(_ block: Letter.Block) -> [String] {
        block.lines.map { line in
            switch line {
            case .text(let text): return text
            case .item(let text): return item(text)
            }
        }
    }
}

/// The letter as Markdown (CommonMark): the subject in bold, lines of an address
/// kept apart by hard breaks, lists as lists with a blank line after them, and every
/// line escaped so that user text (`- item`, `1. x`, `*`) stays text.
public struct MarkdownLetterWriter: LetterWriter {
    /// `{{label}} : {{text}}` in French, for the subject line.
    let label: @Sendable (String, String) -> String

    public init(label: @escaping @Sendable (String, String) -> String) { self.label = label }

    public func write(_ letter: Letter) -> String {
        var blocks: [String] = [lines(letter.sender), lines(letter.recipient), escaped(letter.placeDate)]
        if let mode = letter.sendingMode { blocks.append(escaped(mode)) }
        var subject = "**" + escaped(letter.subject) + "**"
        if !letter.subjectLabel.isEmpty {
            let marker = "\u{1}"
            let parts = label(letter.subjectLabel, marker).split(separator: marker, omittingEmptySubsequences: false)
                .map(String.init)
            let head = parts[0].hasSuffix(" ") ? String(parts[0].dropLast()) : parts[0]
            subject = "**" + escaped(head) + "**" + (parts[0].hasSuffix(" ") ? " " : "") + escaped(letter.subject)
        }
        blocks +=
            letter.salutationBeforeSubject
            ? [escaped(letter.salutation), subject] : [subject, escaped(letter.salutation)]
        blocks += (letter.body + letter.closing).map(block)
        blocks.append(lines(letter.signature))
        blocks.append(lines(letter.enclosures))
        return blocks.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    private func lines(_ lines: [String]) -> String { lines.map(escaped).joined(separator: "\\\n") }

    /// Text lines joined by hard breaks; a list stands apart, with blank lines around it.
    private func block(_ block: Letter.Block) -> String {
        var parts: [String] = []
        var text: [String] = []
        var items: [String] = []
        func flush() {
            if !text.isEmpty { parts.append(text.joined(separator: "\\\n")) }
            if !items.isEmpty { parts.append(items.joined(separator: "\n")) }
            text = []
            items = []
        }
        for line in block.lines {
            switch line {
            case .text(let value):
                if !items.isEmpty { flush() }
                text.append(escaped(value))
            case .item(let value):
                if !text.isEmpty { flush() }
                items.append("- " + escaped(value))
            }
        }
        flush()
        return parts.joined(separator: "\n\n")
    }

    /// Escapes what CommonMark would read as markup: inline punctuation anywhere, and
    /// at the start of a line what would open a list, a heading, a quote or a rule.
    public func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { result.append("\\") }
            result.append(character)
        }
        if let first = result.first, "-+=".contains(first) { return "\\" + result }
        let digits = result.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let mark = result.dropFirst(digits.count).first,
            mark == "." || mark == ")"
        {
            return String(digits) + "\\" + String(result.dropFirst(digits.count))
        }
        return result
    }
}
