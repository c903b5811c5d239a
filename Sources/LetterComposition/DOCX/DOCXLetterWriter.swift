/// The letter as a Word document to edit (Office Open XML, ECMA-376 WordprocessingML), laid out as
/// the PDF: A4 with the same margins, the sender top left, the recipient in a frame placed on the
/// page where the envelope's window is, the place and date, the registered-post mention, the
/// subject, the salutation, justified paragraphs, lists, invoices with their amounts on a decimal
/// tab, the closing, room for the signature, the enclosures.
///
/// Every part has a named paragraph style (« Expéditeur », « Corps »…), so that a person restyles
/// the letter in one place; the language is tagged for the spelling checker; title, author and date
/// are the document's properties. Pure.
public struct DOCXLetterWriter: Sendable {
    /// The paragraph styles, by their identifiers; their names are in the letter's language.
    public enum Style: String, CaseIterable, Sendable {
        case sender = "Expediteur"
        case recipient = "Destinataire"
        case placeDate = "LieuDate"
        case sendingMode = "Mention"
        case subject = "Objet"
        case salutation = "Appel"
        case body = "Corps"
        case item = "Liste"
        case invoice = "Facture"
        case signature = "Signature"
        case enclosures = "PiecesJointes"
    }

    let label: @Sendable (String, String) -> String
    let styleNames: [Style: String]
    /// The letter's date, `2026-12-02`, for the document's properties.
    let date: String

    public init(date: String, styleNames: [Style: String], label: @escaping @Sendable (String, String) -> String) {
        self.date = date
        self.styleNames = styleNames
        self.label = label
    }

    // MARK: Measurements: twentieths of a point (twips), from the PDF's millimetres

    static func twips(_ millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }
    /// The gap after a block, in points in the PDF: twenty twips a point.
    static let gap = Int(PDFLetterWriter.paragraphGap * 20)
    static let indent = twips(PDFLetterWriter.listIndent)
    /// The column of the recipient, the place and date and the printed name.
    static let column = twips(PDFLetterWriter.addressLeft - PDFLetterWriter.left)
    /// The amounts' cents end here: their decimal marks as in the PDF, 30 mm from the
    /// right margin, plus the width of `,00` at 10 points (Arial: 1 390 thousandths of an em).
    static let centsTab = twips(210 - PDFLetterWriter.right - 30 - PDFLetterWriter.left) + 278

    public func write(_ letter: Letter) -> [UInt8] {
        let language = Self.languageTag(letter.language)
        var archive = ZIPArchive()
        archive.add("[Content_Types].xml", Self.contentTypes)
        archive.add("_rels/.rels", Self.packageRelationships)
        archive.add("docProps/core.xml", core(letter, language: language))
        archive.add("docProps/app.xml", Self.application)
        archive.add("word/_rels/document.xml.rels", Self.documentRelationships)
        archive.add("word/document.xml", document(letter))
        archive.add("word/styles.xml", styles(language: language))
        archive.add("word/settings.xml", Self.settings(language: language))
        return archive.bytes()
    }

    /// `fr-FR`, `en-GB`: the letter's language as spelling checkers name it.
    static func languageTag(_ language: String) -> String {
        switch language {
        case "fr": return "fr-FR"
        case "en": return "en-GB"
        default: return language
        }
    }

    // MARK: The document

    private func document(_ letter: Letter) -> String {
        var body: [String] = []
        for (index, line) in letter.sender.enumerated() {
            body.append(Self.paragraph(.sender, [Run(line, bold: index == 0)]))
        }
        // The recipient: one frame on the page, at the window's place (its left edge
        // and first lines as in the PDF), the text below it not beside it.
        let frame =
            "<w:framePr w:w=\"\(Self.twips(PDFLetterWriter.window.width - 4))\" w:wrap=\"notBeside\" w:vAnchor=\"page\" "
            + "w:hAnchor=\"page\" w:x=\"\(Self.twips(PDFLetterWriter.addressLeft))\" w:y=\"\(Self.twips(PDFLetterWriter.addressBaseline - 4))\"/>"
        for line in letter.recipient { body.append(Self.paragraph(.recipient, [Run(line)], properties: frame)) }
        // The place and date: a frame of its own, where the PDF puts them.
        let place =
            "<w:framePr w:w=\"\(Self.twips(PDFLetterWriter.window.width - 4))\" w:wrap=\"notBeside\" w:vAnchor=\"page\" "
            + "w:hAnchor=\"page\" w:x=\"\(Self.twips(PDFLetterWriter.addressLeft))\" w:y=\"\(Self.twips(PDFLetterWriter.placeBaseline - 4))\"/>"
        body.append(Self.paragraph(.placeDate, [Run(letter.placeDate)], properties: place))
        // The body starts where the PDF's does, below the frames: the sender's lines
        // (12 points each from the top margin) are followed by the room left to it.
        let senderBottom =
            PDFLetterWriter.top + Double(letter.sender.count)
            * PDFLetterWriter.millimetres(PDFLetterWriter.addressLeading)
        let room = max(0, PDFLetterWriter.firstBodyBaseline - 3.5 - senderBottom)
        let below = "<w:spacing w:before=\"\(Self.twips(room))\"/>"
        var first = below
        if let mode = letter.sendingMode {
            body.append(Self.paragraph(.sendingMode, [Run(mode, bold: true)], properties: first))
            first = ""
        }
        var subject = [Run(letter.subject, bold: true)]
        if !letter.subjectLabel.isEmpty {
            let marker = "\u{1}"
            let parts = label(letter.subjectLabel, marker).split(separator: marker, omittingEmptySubsequences: false)
                .map(String.init)
            subject = [Run(parts[0], bold: true), Run(letter.subject + (parts.count > 1 ? parts[1] : ""))]
        }
        let salutation = Self.paragraph(
            .salutation, [Run(letter.salutation)], properties: letter.salutationBeforeSubject ? first : "")
        let subjectParagraph = Self.paragraph(
            .subject, subject, properties: letter.salutationBeforeSubject ? "" : first)
        body += letter.salutationBeforeSubject ? [salutation, subjectParagraph] : [subjectParagraph, salutation]
        let blocks = letter.body + letter.closing
        for (blockIndex, block) in blocks.enumerated() {
            let closing = blockIndex >= letter.body.count
            for (index, line) in block.lines.enumerated() {
                // The styles end a paragraph with the gap; a line that a block goes on after
                // (before its list, between its items) has none. The closing stays with the signature.
                var properties = index < block.lines.count - 1 ? "<w:spacing w:after=\"0\"/>" : ""
                if closing { properties = "<w:keepNext/>" + properties }
                switch line {
                case .text(let text):
                    body.append(Self.paragraph(.body, [Run(text)], properties: properties))
                case .item(let text):
                    if let (label, amount) = PDFLetterWriter.amountSplit(text) {
                        // The number to its cents on a right tab, so that the decimal marks line up
                        // in any word processor (a decimal tab follows the reader's locale).
                        let glyphs = PDFLetterWriter.encode(amount)
                        let cents = PDFLetterWriter.Layout.integerPart(glyphs).count + 3
                        let number = String(String.UnicodeScalarView(glyphs.prefix(cents)))
                        let suffix = String(String.UnicodeScalarView(glyphs.dropFirst(cents)))
                        // A right tab aligns everything up to the next tab: the suffix has its own.
                        body.append(
                            Self.paragraph(
                                .invoice, [Run("–"), .tab, Run(label), .tab, Run(number), .tab, Run(suffix)],
                                properties: properties))
                    } else {
                        body.append(Self.paragraph(.item, [Run("–"), .tab, Run(text)], properties: properties))
                    }
                }
            }
        }
        // Room for the hand above the printed name, the name kept with what precedes it.
        for (index, line) in letter.signature.enumerated() {
            let keep = index < letter.signature.count - 1 ? "<w:keepNext/>" : ""
            let room = index == 0 ? "<w:spacing w:before=\"\(Self.twips(PDFLetterWriter.signatureRoom))\"/>" : ""
            body.append(Self.paragraph(.signature, [Run(line)], properties: keep + room))
        }
        for (index, line) in letter.enclosures.enumerated() {
            body.append(
                Self.paragraph(
                    .enclosures, [Run(line)], properties: index == 0 ? "<w:spacing w:before=\"\(Self.gap)\"/>" : ""))
        }
        let margins =
            "w:top=\"\(Self.twips(PDFLetterWriter.top))\" w:right=\"\(Self.twips(PDFLetterWriter.right))\" "
            + "w:bottom=\"\(Self.twips(PDFLetterWriter.bottom))\" w:left=\"\(Self.twips(PDFLetterWriter.left))\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\""
        return Self.declaration + "<w:document xmlns:w=\"\(Self.main)\"><w:body>" + body.joined()
            + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar \(margins)/></w:sectPr></w:body></w:document>"
    }

    /// A piece of a paragraph: text, bold or not, or a tab.
    struct Run {
        var text: String
        var bold = false
        var isTab = false

        init(_ text: String, bold: Bool = false) {
            self.text = text
            self.bold = bold
        }

        static var tab: Run {
            var run = Run("")
            run.isTab = true
            return run
        }

        var xml: String {
            if isTab { return "<w:r><w:tab/></w:r>" }
            return "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" + xmlEscaped(text)
                + "</w:t></w:r>"
        }
    }

    static func paragraph(_ style: Style, _ runs: [Run], properties: String = "") -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"\(style.rawValue)\"/>\(properties)</w:pPr>" + runs.map(\.xml).joined() + "</w:p>"
    }

    // MARK: Styles

    private func styles(language: String) -> String {
        let single =
            "w:line=\"\(Self.twips(PDFLetterWriter.millimetres(PDFLetterWriter.leading)))\" w:lineRule=\"atLeast\""
        let address =
            "w:line=\"\(Self.twips(PDFLetterWriter.millimetres(PDFLetterWriter.addressLeading)))\" w:lineRule=\"atLeast\""
        let column = "<w:ind w:left=\"\(Self.column)\"/>"
        let paragraphs: [(Style, String)] = [
            (.sender, "<w:spacing w:after=\"0\" \(address)/>"),
            (.recipient, "<w:spacing w:after=\"0\" \(address)/>"),
            (.placeDate, "<w:spacing w:after=\"0\" \(single)/>"),
            (.sendingMode, "<w:spacing w:after=\"\(Self.gap)\" \(single)/>"),
            (.subject, "<w:keepNext/><w:spacing w:after=\"\(Self.gap)\" \(single)/>"),
            (.salutation, "<w:keepNext/><w:spacing w:after=\"\(Self.gap)\" \(single)/>"),
            (.body, "<w:spacing w:after=\"\(Self.gap)\" \(single)/><w:jc w:val=\"both\"/>"),
            (
                .item,
                "<w:tabs><w:tab w:val=\"left\" w:pos=\"\(Self.indent)\"/></w:tabs><w:spacing w:after=\"\(Self.gap)\" \(single)/>"
                    + "<w:ind w:left=\"\(Self.indent)\" w:hanging=\"\(Self.indent)\"/><w:jc w:val=\"both\"/>"
            ),
            (
                .invoice,
                "<w:tabs><w:tab w:val=\"left\" w:pos=\"\(Self.indent)\"/><w:tab w:val=\"right\" w:pos=\"\(Self.centsTab)\"/><w:tab w:val=\"left\" w:pos=\"\(Self.centsTab + 1)\"/></w:tabs>"
                    + "<w:spacing w:after=\"\(Self.gap)\" \(single)/><w:ind w:left=\"\(Self.indent)\" w:hanging=\"\(Self.indent)\"/>"
            ),
            (.signature, "<w:spacing w:after=\"0\" \(single)/>\(column)"),
            (.enclosures, "<w:spacing w:after=\"0\" \(single)/>"),
        ]
        var xml =
            Self.declaration + "<w:styles xmlns:w=\"\(Self.main)\"><w:docDefaults><w:rPrDefault><w:rPr>"
            + "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\" w:eastAsia=\"Arial\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"
            + "<w:lang w:val=\"\(language)\" w:eastAsia=\"\(language)\" w:bidi=\"\(language)\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        for (style, properties) in paragraphs {
            let name = xmlEscaped(styleNames[style] ?? style.rawValue)
            xml +=
                "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"\(style.rawValue)\"><w:name w:val=\"\(name)\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>\(properties)</w:pPr></w:style>"
        }
        return xml + "</w:styles>"
    }

    // MARK: The package's other parts

    private func core(_ letter: Letter, language: String) -> String {
        Self.declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(xmlEscaped(letter.subject))</dc:title><dc:creator>\(xmlEscaped(letter.signature.first ?? letter.sender.first ?? ""))</dc:creator>"
            + "<dc:language>\(language)</dc:language>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(date)T00:00:00Z</dcterms:created>"
            + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(date)T00:00:00Z</dcterms:modified></cp:coreProperties>"
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes =
        declaration
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        + "</Types>"

    static let packageRelationships =
        declaration + "<Relationships xmlns=\"\(relationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(officeRelationships)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    static let documentRelationships =
        declaration + "<Relationships xmlns=\"\(relationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(officeRelationships)/settings\" Target=\"settings.xml\"/>"
        + "</Relationships>"

    static let application =
        declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>goodbye</Application></Properties>"

    static func settings(language: String) -> String {
        declaration + "<w:settings xmlns:w=\"\(main)\"><w:defaultTabStop w:val=\"708\"/>"
            + "<w:themeFontLang w:val=\"\(language)\"/></w:settings>"
    }
}

/// Text as XML character data: the five special characters as entities, and the
/// control characters XML 1.0 forbids left out.
func xmlEscaped(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&apos;"
        default:
            if scalar.value < 0x20 && scalar != "\t" || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
            escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped
}
