import BuiltInContent
import DialogueCore
import LetterComposition
import Vocabulary

/// How a letter or a report is written: the id of one entry of `LetterFormat.table` (`--format
/// text`).
///
/// `text` and `json` also write the decision's report.
public struct OutputFormat: RawRepresentable, Hashable, Sendable, CaseIterable {
    public let rawValue: String

    public init?(rawValue: String) {
        guard LetterFormat.table.contains(where: { $0.id == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    private init(_ id: String) { rawValue = id }

    public static let text = OutputFormat("text")
    public static let json = OutputFormat("json")
    public static let markdown = OutputFormat("markdown")
    public static let eml = OutputFormat("eml")
    public static let pdf = OutputFormat("pdf")
    public static let docx = OutputFormat("docx")

    /// The formats of the table, in its order.
    public static var allCases: [OutputFormat] { LetterFormat.table.map { OutputFormat($0.id) } }

    var entry: LetterFormat {
        guard let entry = LetterFormat.table.first(where: { $0.id == rawValue }) else {
            preconditionFailure("no format \(rawValue)")
        }
        return entry
    }

    /// A file format, not text: never written to a terminal.
    var isBinary: Bool { entry.isBinary }
    /// The extension of a file written in this format.
    var fileExtension: String { entry.fileExtension }
}

/// One output format of a letter: a row of the table.
///
/// A new format is its writer (in LetterComposition: a `Letter` in, text or bytes out) and one row
/// here; `--format`, the help, the completions and `--batch` take it from the table.
struct LetterFormat: Sendable {
    /// What `--format` takes.
    let id: String
    let fileExtension: String
    /// For bytes that are no text (a PDF, a Word file): the refusal to write them on a terminal.
    ///
    /// A format that has one is binary.
    var toTerminal: CLIMessage?
    var isBinary: Bool { toTerminal != nil }
    /// Letters whose answers hold characters its fonts cannot draw are refused (PDF).
    var needsGlyphs = false
    /// The file's bytes, written with the writers `output` prepared.
    let write: @Sendable (LetterOutput, Letter) -> [UInt8]
    /// What the format cannot do without (an e-mail's sender address); empty when it can be written.
    var missing: @Sendable (Letter) -> [Message] = { _ in [] }

    static let table: [LetterFormat] = [
        LetterFormat(id: "text", fileExtension: "txt") { output, letter in Array(output.text.write(letter).utf8) },
        LetterFormat(id: "json", fileExtension: "json") { output, letter in
            Array(
                (LetterJSON.json(letter, text: output.text.write(letter), texts: output.texts).rendered() + "\n").utf8)
        },
        LetterFormat(id: "markdown", fileExtension: "md") { output, letter in
            Array(MarkdownLetterWriter(label: output.label).write(letter).utf8)
        },
        LetterFormat(
            id: "eml", fileExtension: "eml",
            write: { output, letter in
                // The clock and chance stay in the shell: a date and a unique id per e-mail.
                let stamp = (EmailStamp.date(output.today), EmailStamp.messageID(sender: letter.email.fromAddress))
                return Array(EmailLetterWriter(date: stamp.0, messageID: stamp.1, text: output.text).write(letter).utf8)
            },
            // An e-mail draft has a `From:` header always (RFC 5322, section 3.6).
            missing: { letter in
                letter.email.fromAddress == nil
                    ? [Message(.emailNoSender, ["id": LetterQuestion.senderEmail.rawValue])] : []
            }),
        LetterFormat(id: "pdf", fileExtension: "pdf", toTerminal: .pdfToTerminal, needsGlyphs: true) { output, letter in
            let texts = output.texts
            let ordinals = texts.text(TextKey.formatOrdinalSuffixes).split(separator: ",").map(\.trimmed).filter {
                !$0.isEmpty
            }
            return PDFLetterWriter(fonts: BuiltInContent.fonts, label: output.label, ordinalSuffixes: ordinals) {
                LanguageFormat(texts: texts).fill(
                    TextKey.formatPage, ["number": .string(String($0)), "total": .string(String($1))])
            }
            .write(letter)
        },
        LetterFormat(id: "docx", fileExtension: "docx", toTerminal: .docxToTerminal) { output, letter in
            let texts = output.texts
            let names = Dictionary(
                uniqueKeysWithValues: DOCXLetterWriter.Style.allCases.map {
                    ($0, texts.text(LetterOutput.styleName($0)))
                })
            return DOCXLetterWriter(date: output.today.iso, styleNames: names, label: output.label).write(letter)
        },
    ]
}
