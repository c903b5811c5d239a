import DialogueCore
import Vocabulary

/// A drafted letter as parts, before any output format: what the writers (text,
/// Markdown, and the formats to come) lay out, each in its own way.
public struct Letter: Sendable, Equatable {
    /// A block of the body: lines that stand together, without a blank line between
    /// them; a list item is a line the template marks with `–` and a no-break space.
    public struct Block: Sendable, Equatable {
        public enum Line: Sendable, Equatable {
            case text(String)
            case item(String)
        }
        public var lines: [Line]

        public init(_ lines: [Line]) { self.lines = lines }
    }

    /// What the letter becomes as an e-mail: the addresses of its headers, the
    /// closing of an e-mail (the letter's closing sentence, the note that the letter
    /// also goes by registered post, an e-mail formula instead of the formule de politesse),
    /// and the signature of an e-mail, which carries no letterhead: the sender's identity
    /// (name with its EI mention, business, SIRET) without the postal lines.
    public struct Email: Sendable, Equatable {
        public var fromName = ""
        public var fromAddress: String?
        public var toName = ""
        public var toAddress: String?
        public var closing: [Block] = []
        public var signature: [String] = []
    }

    public var kind: String
    public var language: String
    public var sender: [String]
    public var recipient: [String]
    /// `Lyon, le 29 novembre 2026`.
    public var placeDate: String
    /// `Lettre recommandée avec avis de réception`, when the letter goes that way.
    public var sendingMode: String?
    /// `Objet` in French; empty where the language writes the subject alone.
    public var subjectLabel: String
    public var subject: String
    /// `Madame,`, `Dear Ms Dubois,`.
    public var salutation: String
    /// The British order: the salutation, then the subject.
    public var salutationBeforeSubject: Bool
    public var body: [Block]
    /// The closing sentence and the formule de politesse.
    public var closing: [Block]
    /// `Monsieur Paul Durand – 29 novembre 2026`: what a printed letter's continuation
    /// pages carry at their head, with the page's number.
    public var runningHeader = ""
    /// The printed name (and trade name) under the handwritten signature.
    public var signature: [String]
    /// `P. J. : copie de la facture n° 2026-041`.
    public var enclosures: [String]
    /// Facts that make the letter doubtful, for the person to check.
    public var warnings: [LetterWarning]
    /// What is owed on the letter's date, when the letter names invoices.
    public var statement: ArrearsStatement?
    public var email = Email()

    public init(kind: String, language: String) {
        self.kind = kind
        self.language = language
        sender = []
        recipient = []
        placeDate = ""
        subjectLabel = ""
        subject = ""
        salutation = ""
        salutationBeforeSubject = false
        body = []
        closing = []
        signature = []
        enclosures = []
        warnings = []
        statement = nil
    }

    /// Blocks from a template's output: blank lines separate blocks, `–` and a no-break space at
    /// the start of a line mark a list item.
    ///
    /// On the UTF-8 bytes: it runs for every part of every letter.
    public static func blocks(_ rendered: String) -> [Block] {
        var blocks: [Block] = []
        var current: [Block.Line] = []
        eachLine(rendered) { line in
            if line.isEmpty {
                if !current.isEmpty { blocks.append(Block(current)) }
                current = []
            } else if line.starts(with: itemBytes) {
                current.append(.item(String(decoding: line.dropFirst(itemBytes.count), as: UTF8.self)))
            } else {
                current.append(.text(String(decoding: line, as: UTF8.self)))
            }
        }
        if !current.isEmpty { blocks.append(Block(current)) }
        return blocks
    }

    /// The non-empty lines of a template's output (address blocks, signature).
    public static func lines(_ rendered: String) -> [String] {
        var lines: [String] = []
        eachLine(rendered) { line in if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) } }
        return lines
    }

    private static let itemBytes = Array(itemMark.utf8)

    /// Each line of `text` as its bytes, without its trailing spaces and carriage returns
    /// (the last line too, empty when the text ends with a line end).
    private static func eachLine(_ text: String, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                var end = index
                while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\r") {
                    end -= 1
                }
                body(bytes[start..<end])
                start = index + 1
            }
        }
    }

    /// How a template marks a list item: an en dash and a no-break space.
    public static let itemMark = "–\u{A0}"

}

extension String {
    /// The text, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
