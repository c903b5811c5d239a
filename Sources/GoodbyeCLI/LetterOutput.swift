import BuiltInContent
import DialogueCore
import LetterComposition
import Vocabulary

/// Writes letters in one output format of `LetterFormat.table`, its writers prepared
/// once (a batch writes thousands).
struct LetterOutput {
    let format: OutputFormat
    let texts: TextTable
    let today: CivilDate
    let label: @Sendable (String, String) -> String
    let text: TextLetterWriter

    init(format: OutputFormat, texts: TextTable, today: CivilDate) {
        self.format = format
        self.texts = texts
        self.today = today
        let language = LanguageFormat(texts: texts)
        label = { language.fill(TextKey.formatLabel, ["label": .string($0), "text": .string($1)]) }
        text = TextLetterWriter(label: label) { language.fill(TextKey.formatItem, ["text": .string($0)]) }
    }

    /// The letter as the bytes of its file.
    func bytes(_ letter: Letter) -> [UInt8] { format.entry.write(self, letter) }

    /// A text format's letter as text (the conversation shows it).
    func write(_ letter: Letter) -> String { String(decoding: bytes(letter), as: UTF8.self) }

    /// What the format cannot do without: empty when the letter can be written.
    func missing(_ letter: Letter) -> [Message] { format.entry.missing(letter) }

    /// For a PDF: each answer holding characters its fonts cannot draw (or that need
    /// shaping the letter does not do), named with those characters; `location` is
    /// where the answers come from (`clients.csv:4: `), when they come from a file.
    func unprintable(_ answers: [String: Answer], location: String = "", lines: [String: Int] = [:], file: String = "")
        -> [Message]
    {
        guard format.entry.needsGlyphs else { return [] }
        var messages: [Message] = []
        for (id, answer) in answers.sorted(by: { $0.key < $1.key }) {
            let missing = PDFLetterWriter.unprintable(answer.values.joined(separator: " "), fonts: BuiltInContent.fonts)
            guard !missing.isEmpty else { continue }
            let characters = missing.prefix(12).map { "\($0) (U+" + Self.hex($0) + ")" }.joined(separator: ", ")
            // Where the answer was written, when it comes from an answer file: `réponses.txt:3: `.
            let place = lines[id].map { "\(printable(file == "-" ? "-" : file)):\($0): " } ?? location
            messages.append(Message(.unprintable, ["location": place, "id": id, "values": characters]))
        }
        return messages
    }

    private static func hex(_ character: Character) -> String {
        character.unicodeScalars.map { scalar in
            let digits = String(scalar.value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }.joined(separator: " U+")
    }

    /// The name of a Word paragraph style in the letter's language.
    static func styleName(_ style: DOCXLetterWriter.Style) -> CLIMessage {
        switch style {
        case .sender: return .styleSender
        case .recipient: return .styleRecipient
        case .placeDate: return .stylePlaceDate
        case .sendingMode: return .styleSendingMode
        case .subject: return .styleSubject
        case .salutation: return .styleSalutation
        case .body: return .styleBody
        case .item: return .styleItem
        case .invoice: return .styleInvoice
        case .signature: return .styleSignature
        case .enclosures: return .styleEnclosures
        }
    }
}
