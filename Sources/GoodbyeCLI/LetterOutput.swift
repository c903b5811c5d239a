import BuiltInContent
import DialogueCore
import LetterComposition

/// Writes letters in one output format, its writer prepared once (a batch writes
/// thousands): text, Markdown, an e-mail draft, or JSON (the text letter with its facts).
struct LetterOutput {
    let format: OutputFormat
    let texts: TextTable
    let today: CivilDate
    private let label: @Sendable (String, String) -> String
    private let text: TextLetterWriter

    init(format: OutputFormat, texts: TextTable, today: CivilDate) {
        self.format = format
        self.texts = texts
        self.today = today
        let language = LanguageFormat(texts: texts)
        label = { language.fill(TextKey.formatLabel, ["label": .string($0), "text": .string($1)]) }
        text = TextLetterWriter(label: label) { language.fill(TextKey.formatItem, ["text": .string($0)]) }
    }

    func write(_ letter: Letter) -> String {
        switch format {
        case .text: return text.write(letter)
        case .markdown: return MarkdownLetterWriter(label: label).write(letter)
        case .eml:
            // The clock and chance stay here, in the shell: a date and a unique id per e-mail.
            return EmailLetterWriter(date: EmailStamp.date(today), messageID: EmailStamp.messageID(sender: letter.email.fromAddress),
                text: text).write(letter)
        case .json: return LetterJSON.json(letter, text: text.write(letter), texts: texts).rendered() + "\n"
        case .pdf, .docx: return String(decoding: bytes(letter), as: UTF8.self)
        }
    }

    /// What the format cannot do without: an e-mail draft has a `From:` header always
    /// (RFC 5322, section 3.6), so it needs the sender's address. Empty when it can be written.
    func missing(_ letter: Letter) -> [Message] {
        format == .eml && letter.email.fromAddress == nil ? [Message(.emailNoSender, ["id": LetterQuestion.senderEmail.rawValue])] : []
    }

    /// The letter as the bytes of its file: a PDF as is, the other formats in UTF-8.
    func bytes(_ letter: Letter) -> [UInt8] {
        if format == .docx {
            let texts = self.texts
            let names = Dictionary(uniqueKeysWithValues: DOCXLetterWriter.Style.allCases.map { ($0, texts.text(Self.styleName($0))) })
            return DOCXLetterWriter(date: today.iso, styleNames: names, label: label).write(letter)
        }
        guard format == .pdf else { return Array(write(letter).utf8) }
        let texts = self.texts
        let ordinals = texts.text(TextKey.formatOrdinalSuffixes).split(separator: ",").map(\.trimmed).filter { !$0.isEmpty }
        return PDFLetterWriter(fonts: BuiltInContent.fonts, label: label, ordinalSuffixes: ordinals) {
            LanguageFormat(texts: texts).fill(TextKey.formatPage, ["number": .string(String($0)), "total": .string(String($1))])
        }
        .write(letter)
    }

    /// For a PDF: each answer holding characters its fonts cannot draw (or that need
    /// shaping the letter does not do), named with those characters; `location` is
    /// where the answers come from (`clients.csv:4: `), when they come from a file.
    func unprintable(_ answers: [String: Answer], location: String = "", lines: [String: Int] = [:], file: String = "") -> [Message] {
        guard format == .pdf else { return [] }
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
    static func styleName(_ style: DOCXLetterWriter.Style) -> MessageKey {
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
