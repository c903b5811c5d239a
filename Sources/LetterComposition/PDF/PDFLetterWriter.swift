/// The letter as a print-ready A4 PDF laid out as a French business letter, for a
/// window envelope. Measurements, with their sources:
/// - the recipient block in the window: a frame of about 85 x 33 mm whose top left
///   corner is 110 mm from the left edge and 55 mm from the top of the page, its first
///   lines kept clear for the registered-mail barcode (`letter-conventions.md`, section 9:
///   a French document-processing firm's addressing guide, to check against La Poste's
///   "Guide pratique courrier");
/// - the address: Helvetica 10 pt (9 to 12 accepted), at most 6 lines of at most 38
///   characters, left-aligned, the last in capitals (AFNOR NF Z10-011, as La Poste
///   summarises it); the letter's drafting capitalises that line and warns of the rest;
/// - the sender top left (AFNOR NF Z11-001), place and date above the subject, room for
///   the handwritten signature above the printed name.
/// Text is Liberation Sans (metric-compatible with Helvetica), embedded as a subset
/// with a map back to Unicode, so every name prints and the text stays selectable;
/// lines are measured with the font's advances and kerning. Continuation pages carry a
/// running header (addressee, date, page n/N); ordinals are set as superscripts (`1er`).
public struct PDFLetterWriter: Sendable {
    /// `{{label}} : {{text}}` in French, for the subject line.
    let label: @Sendable (String, String) -> String
    /// `1/2`: a page's number and the count, at the foot of each page of a long letter.
    let pageNumber: @Sendable (Int, Int) -> String
    let fonts: LetterFonts
    /// The endings of the language's ordinals (`er`, `re`, `e` in French): after digits
    /// that begin a word, set as a superscript.
    let ordinalSuffixes: [String]

    public init(
        fonts: LetterFonts, label: @escaping @Sendable (String, String) -> String, ordinalSuffixes: [String] = [],
        pageNumber: @escaping @Sendable (Int, Int) -> String
    ) {
        self.fonts = fonts
        self.label = label
        self.ordinalSuffixes = ordinalSuffixes.sorted { $0.count > $1.count }
        self.pageNumber = pageNumber
    }

    // MARK: Measurements (millimetres from the page's top left corner)

    static let left = 25.0
    static let right = 20.0
    static let top = 20.0
    static let bottom = 25.0
    static let window = (left: 110.0, top: 55.0, width: 85.0, height: 33.0)
    /// The recipient's first baseline: 9 mm into the window, the top kept for the barcode.
    static let addressBaseline = window.top + 9.0
    static let placeBaseline = 100.0
    static let firstBodyBaseline = 112.0
    static let signatureRoom = 22.0
    static let listIndent = 5.0
    static let size = 10.0
    static let leading = 13.0
    static let addressLeading = 12.0
    static let paragraphGap = 6.0
    /// The room the running header takes at the top of a continuation page.
    static let headerRoom = 10.0
    /// A superscript: the body size scaled, its baseline raised (points).
    static let superscriptScale = 0.65
    static let superscriptRise = 3.5

    static func points(_ millimetres: Double) -> Double { millimetres * 72 / 25.4 }
    static func millimetres(_ points: Double) -> Double { points * 25.4 / 72 }
    /// Where the recipient's lines, the place and date and the printed name start.
    static let addressLeft = window.left + 4

    // MARK: Writing

    public func write(_ letter: Letter) -> [UInt8] {
        var layout = Layout(fonts: fonts)
        // Header: sender, recipient in the window, place and date. First page only.
        var y = Self.top + 4
        for (index, line) in letter.sender.enumerated() {
            layout.text(Self.encode(line), x: Self.left, baseline: y, font: index == 0 ? .bold : .regular)
            y += Self.millimetres(Self.addressLeading)
        }
        // Every line, even past the six the window holds: the warning (GW012) says so, a
        // line is never dropped.
        for (index, line) in letter.recipient.enumerated() {
            layout.text(
                Self.encode(line), x: Self.addressLeft,
                baseline: Self.addressBaseline + Double(index) * Self.millimetres(Self.addressLeading),
                font: .regular)
        }
        layout.text(runs(letter.placeDate), x: Self.addressLeft, baseline: Self.placeBaseline)
        layout.cursor = Self.firstBodyBaseline
        if let mode = letter.sendingMode {
            layout.paragraph(Self.encode(mode), font: .bold, justified: false)
            layout.gap()
        }
        var subject: [Paragraph] = []
        if letter.subjectLabel.isEmpty {
            subject = [Paragraph(pieces: [(Self.encode(letter.subject), .bold)])]
        } else {
            let marker = "\u{1}"
            let parts = label(letter.subjectLabel, marker).split(separator: marker, omittingEmptySubsequences: false)
                .map(String.init)
            subject = [
                Paragraph(
                    pieces: [(Self.encode(parts[0]), .bold)] + runs(letter.subject + (parts.count > 1 ? parts[1] : "")))
            ]
        }
        let salutation = Paragraph(pieces: [(Self.encode(letter.salutation), .regular)])
        for paragraph in letter.salutationBeforeSubject ? [salutation] + subject : subject + [salutation] {
            layout.flow([paragraph], justified: false)
            layout.gap()
        }
        for (index, block) in (letter.body + letter.closing).enumerated() {
            // The closing goes with the signature: never a page that holds the signature alone.
            if index == letter.body.count { layout.keep(closingHeight(letter, layout)) }
            // Items that end with an amount (the invoices) form a table: the amounts
            // aligned on their decimal mark, when every item fits on one line.
            let amounts = block.lines.compactMap { line -> (String, String)? in
                if case .item(let text) = line { return Self.amountSplit(text) } else { return nil }
            }
            let table = amounts.count >= 2 && amounts.allSatisfy { layout.fitsRow(runs($0.0), Self.encode($0.1)) }
            for line in block.lines {
                switch line {
                case .text(let text): layout.flow([Paragraph(pieces: runs(text))], justified: true)
                case .item(let text):
                    if table, let (label, amount) = Self.amountSplit(text) {
                        layout.row(runs(label), Self.encode(amount))
                    } else {
                        layout.flow([Paragraph(pieces: runs(text), item: true)], justified: true)
                    }
                }
            }
            layout.gap()
        }
        // The signature: room for the hand above the printed name, kept on one page.
        let signatureHeight = Self.signatureRoom + Double(letter.signature.count) * Self.millimetres(Self.leading)
        layout.keep(signatureHeight)
        layout.cursor += Self.signatureRoom
        for line in letter.signature {
            layout.text(Self.encode(line), x: Self.addressLeft, baseline: layout.cursor, font: .regular)
            layout.cursor += Self.millimetres(Self.leading)
        }
        if !letter.enclosures.isEmpty {
            layout.gap()
            layout.flow(letter.enclosures.map { Paragraph(pieces: runs($0)) }, justified: false)
        }
        let count = layout.pages.count
        var pages: [[UInt8]] = []
        for (index, page) in layout.pages.enumerated() {
            var content = page
            if count > 1 {
                let number = Self.encode(pageNumber(index + 1, count))
                let width = layout.width(number, .regular)
                if index == 0 {
                    // The first page's number at its foot, centred.
                    layout.show(
                        number, x: (Self.points(210) - width) / 2, y: PDFDocument.height - Self.points(287),
                        font: .regular, wordSpacing: 0,
                        into: &content)
                } else {
                    // A continuation page: who it is for and when, the number at the right margin.
                    let y = PDFDocument.height - Self.points(Self.top + 4)
                    var x = Self.points(Self.left)
                    for (glyphs, face) in runs(letter.runningHeader) {
                        layout.show(glyphs, x: x, y: y, font: face, wordSpacing: 0, into: &content)
                        x += layout.width(glyphs, face)
                    }
                    layout.show(
                        number, x: Self.points(210 - Self.right) - width, y: y, font: .regular, wordSpacing: 0,
                        into: &content)
                }
            }
            pages.append(content)
        }
        // The fonts once every page is drawn: they hold every character the pages use.
        var document = PDFDocument(fonts: [(fonts.regular, layout.use.regular), (fonts.bold, layout.use.bold)])
        document.title = letter.subject
        document.author = letter.signature.first ?? letter.sender.first ?? ""
        document.pages = pages
        return document.bytes()
    }

    /// The height of the closing blocks, the room for the hand and the printed name.
    func closingHeight(_ letter: Letter, _ layout: Layout) -> Double {
        let width = Self.points(210 - Self.left - Self.right)
        let lines = letter.closing.reduce(0) { total, block in
            total
                + block.lines.reduce(0) { count, line in
                    let text: String
                    switch line {
                    case .text(let value), .item(let value): text = value
                    }
                    return count + layout.lines(runs(text), width: width).count
                }
        }
        return Double(lines) * Layout.lineHeight + Double(letter.closing.count) * Self.millimetres(Self.paragraphGap)
            + Self.signatureRoom + Double(letter.signature.count) * Self.millimetres(Self.leading)
    }

    /// `facture n° 12 du …\u{A0}: ` and `1 250,00\u{A0}€\u{202F};`: an item's text and the
    /// amount that ends it (after the last colon), nil when it ends with none.
    static func amountSplit(_ text: String) -> (String, String)? {
        let characters = Array(text)
        guard
            let colon = characters.indices.dropLast().last(where: {
                characters[$0] == ":" && (characters[$0 + 1] == " " || characters[$0 + 1] == "\u{A0}")
            })
        else { return nil }
        let amount = String(characters[(colon + 2)...])
        let glyphs = encode(amount)
        guard Layout.integerPart(glyphs).count < glyphs.count, amount.count <= 20 else { return nil }
        return (String(characters[..<(colon + 2)]), amount)
    }

    // MARK: Text

    /// A character of the letter, drawn with its glyph in the font.
    typealias Glyph = Unicode.Scalar

    static func encode(_ text: String) -> [Glyph] { Array(text.unicodeScalars) }

    /// Regular text in runs, an ordinal's ending (`1er`, `2e`) a superscript run: the
    /// ending follows digits that begin a word and ends the word.
    func runs(_ text: String) -> [([Glyph], Face)] {
        let glyphs = Self.encode(text)
        guard !ordinalSuffixes.isEmpty else { return [(glyphs, .regular)] }
        let suffixes = ordinalSuffixes.map { Array($0.unicodeScalars) }
        func isDigit(_ glyph: Glyph) -> Bool { ("0"..."9").contains(glyph) }
        func isLetterOrDigit(_ glyph: Glyph) -> Bool { glyph.properties.isAlphabetic || isDigit(glyph) }
        var result: [([Glyph], Face)] = []
        var current: [Glyph] = []
        var index = 0
        while index < glyphs.count {
            let startsWord = index == 0 || !isLetterOrDigit(glyphs[index - 1]) && glyphs[index - 1] != "-"
            guard startsWord, isDigit(glyphs[index]) else {
                current.append(glyphs[index])
                index += 1
                continue
            }
            var end = index
            while end < glyphs.count, isDigit(glyphs[end]) { end += 1 }
            let suffix = suffixes.first { suffix in
                end + suffix.count <= glyphs.count && Array(glyphs[end..<end + suffix.count]) == suffix
                    && (end + suffix.count == glyphs.count || !isLetterOrDigit(glyphs[end + suffix.count]))
            }
            current += glyphs[index..<end]
            if let suffix {
                result.append((current, .regular))
                result.append((suffix, .superscript))
                current = []
                end += suffix.count
            }
            index = end
        }
        if !current.isEmpty || result.isEmpty { result.append((current, .regular)) }
        return result
    }

    /// The characters of `text` (its lines apart) that the faces cannot draw (`Ł` they can, `日` not).
    public static func unprintable(_ text: String, fonts: LetterFonts) -> [Character] {
        var missing: [Character] = []
        for character in text
        where character != "\n"
            && !character.unicodeScalars.allSatisfy({ fonts.regular.drawable($0) && fonts.bold.drawable($0) })
        {
            if !missing.contains(character) { missing.append(character) }
        }
        return missing
    }

    /// A paragraph: runs of text in a font (the subject's label is bold), a list item
    /// drawn with a dash and a hanging indent.
    struct Paragraph {
        var pieces: [([Glyph], Face)]
        var item = false
    }

    /// The pages being filled, and where the next line goes (millimetres from the top).
    struct Layout {
        let fonts: LetterFonts
        /// The characters each face draws, numbered as the content streams name them.
        let use = FontUse()
        var pages: [[UInt8]] = [[]]
        var cursor = PDFLetterWriter.top

        init(fonts: LetterFonts) { self.fonts = fonts }

        static let lineHeight = PDFLetterWriter.millimetres(PDFLetterWriter.leading)
        static let limit = 297 - PDFLetterWriter.bottom

        mutating func text(_ glyphs: [Glyph], x: Double, baseline: Double, font: Face) {
            show(
                glyphs, x: PDFLetterWriter.points(x), y: PDFDocument.height - PDFLetterWriter.points(baseline),
                font: font,
                wordSpacing: 0, into: &pages[pages.count - 1])
        }

        /// A line of runs (a superscript among them) from `x`.
        mutating func text(_ runs: [([Glyph], Face)], x: Double, baseline: Double) {
            var position = PDFLetterWriter.points(x)
            for (glyphs, face) in runs {
                show(
                    glyphs, x: position, y: PDFDocument.height - PDFLetterWriter.points(baseline), font: face,
                    wordSpacing: 0,
                    into: &pages[pages.count - 1])
                position += width(glyphs, face)
            }
        }

        mutating func gap() { cursor += PDFLetterWriter.millimetres(PDFLetterWriter.paragraphGap) }

        /// Where the decimal marks of a table's amounts line up: 30 mm from the right margin.
        static let decimalTab = PDFLetterWriter.points(210 - PDFLetterWriter.right - 30)

        /// Whether an item and its amount fit on one line with the amount in its column.
        func fitsRow(_ label: [([Glyph], Face)], _ amount: [Glyph]) -> Bool {
            let start = PDFLetterWriter.points(PDFLetterWriter.left + PDFLetterWriter.listIndent)
            let before = width(Self.integerPart(amount), .regular)
            let after = width(amount, .regular) - before
            return start + width(label) + 6 <= Self.decimalTab - before
                && Self.decimalTab + after <= PDFLetterWriter.points(210 - PDFLetterWriter.right)
        }

        /// One row of a table: the dash, the item's text, its amount aligned on the decimal mark.
        mutating func row(_ label: [([Glyph], Face)], _ amount: [Glyph]) {
            if cursor > Self.limit { newPage() }
            let y = PDFDocument.height - PDFLetterWriter.points(cursor)
            show(
                PDFLetterWriter.encode("–"), x: PDFLetterWriter.points(PDFLetterWriter.left), y: y, font: .regular,
                wordSpacing: 0,
                into: &pages[pages.count - 1])
            text(label, x: PDFLetterWriter.left + PDFLetterWriter.listIndent, baseline: cursor)
            let before = width(Self.integerPart(amount), .regular)
            show(
                amount, x: Self.decimalTab - before, y: y, font: .regular, wordSpacing: 0, into: &pages[pages.count - 1]
            )
            cursor += Self.lineHeight
        }

        /// The glyphs of an amount before its decimal mark (the last `,` or `.` followed by digits).
        static func integerPart(_ amount: [Glyph]) -> [Glyph] {
            for index in amount.indices.reversed() {
                guard amount[index] == "," || amount[index] == ".", index + 2 < amount.count else { continue }
                // Exactly two digits after the mark: a decimal mark, not a thousands one.
                let digit = { (glyph: Glyph) in ("0"..."9").contains(glyph) }
                if digit(amount[index + 1]), digit(amount[index + 2]),
                    index + 3 == amount.count || !digit(amount[index + 3])
                {
                    return Array(amount[..<index])
                }
            }
            return amount
        }

        /// A new page when `height` millimetres do not fit on this one.
        mutating func keep(_ height: Double) {
            if cursor + height > Self.limit { newPage() }
        }

        mutating func newPage() {
            pages.append([])
            // Below the running header the page will carry.
            cursor = PDFLetterWriter.top + 4 + PDFLetterWriter.headerRoom
        }

        mutating func paragraph(_ glyphs: [Glyph], font: Face, justified: Bool) {
            flow([Paragraph(pieces: [(glyphs, font)])], justified: justified)
        }

        /// Lines of each paragraph, broken at spaces to the text width, justified but
        /// the last; a page break never leaves one line of a paragraph alone at the foot
        /// of a page (an orphan) or at the head of the next (a widow).
        mutating func flow(_ paragraphs: [Paragraph], justified: Bool) {
            for paragraph in paragraphs {
                let indent = paragraph.item ? PDFLetterWriter.listIndent : 0
                let width = PDFLetterWriter.points(210 - PDFLetterWriter.left - PDFLetterWriter.right - indent)
                let lines = self.lines(paragraph.pieces, width: width)
                var index = 0
                while index < lines.count {
                    let room = Int(((Self.limit - cursor) / Self.lineHeight).rounded(.down)) + 1
                    let remaining = lines.count - index
                    var take = min(room, remaining)
                    if take < remaining {
                        if remaining - take < 2 { take = remaining - 2 }  // no widow: two lines at least go over
                        if index == 0 && take < 2 { take = 0 }  // no orphan: two lines at least stay
                    }
                    if take <= 0 {
                        newPage()
                        continue
                    }
                    for offset in 0..<take {
                        let line = lines[index + offset]
                        let last = index + offset == lines.count - 1
                        let x = PDFLetterWriter.points(PDFLetterWriter.left + indent)
                        let y = PDFDocument.height - PDFLetterWriter.points(cursor)
                        if paragraph.item && index + offset == 0 {
                            show(
                                PDFLetterWriter.encode("–"), x: PDFLetterWriter.points(PDFLetterWriter.left), y: y,
                                font: .regular,
                                wordSpacing: 0, into: &pages[pages.count - 1])
                        }
                        var spacing = 0.0
                        let spaces = line.reduce(0) { $0 + $1.0.filter { $0 == " " }.count }
                        if justified, !last, spaces > 0 {
                            spacing = (width - line.reduce(0) { $0 + self.width($1.0, $1.1) }) / Double(spaces)
                        }
                        var position = x
                        for (glyphs, font) in line {
                            show(
                                glyphs, x: position, y: y, font: font, wordSpacing: spacing,
                                into: &pages[pages.count - 1])
                            position += self.width(glyphs, font) + spacing * Double(glyphs.filter { $0 == " " }.count)
                        }
                        cursor += Self.lineHeight
                    }
                    index += take
                    if index < lines.count { newPage() }
                }
            }
        }

        /// The runs broken into lines at spaces (the space at a break is dropped).
        func lines(_ pieces: [([Glyph], Face)], width limit: Double) -> [[([Glyph], Face)]] {
            // Words: (glyphs, font) runs between spaces, a word may change font.
            var words: [[([Glyph], Face)]] = [[]]
            for (glyphs, font) in pieces {
                var current: [Glyph] = []
                for glyph in glyphs {
                    if glyph == " " {
                        if !current.isEmpty { words[words.count - 1].append((current, font)) }
                        current = []
                        words.append([])
                    } else {
                        current.append(glyph)
                    }
                }
                if !current.isEmpty { words[words.count - 1].append((current, font)) }
            }
            var lines: [[([Glyph], Face)]] = []
            var line: [([Glyph], Face)] = []
            var lineWidth = 0.0
            // A word wider than a line (a 300-letter reference) is cut where the line ends.
            words = words.flatMap { word in width(word) > limit ? cut(word, to: limit) : [word] }
            for word in words where !word.isEmpty {
                let wordWidth = word.reduce(0) { $0 + width($1.0, $1.1) }
                let space = line.isEmpty ? 0 : width([" "], word[0].1)
                if !line.isEmpty, lineWidth + space + wordWidth > limit {
                    lines.append(line)
                    line = []
                    lineWidth = 0
                }
                if !line.isEmpty {
                    // The space in the face it was measured in (never a superscript's).
                    if line[line.count - 1].1 == word[0].1 {
                        line[line.count - 1].0.append(" ")
                    } else {
                        line.append(([" "], word[0].1))
                    }
                    lineWidth += space
                }
                for run in word {
                    if let last = line.last, last.1 == run.1 {
                        line[line.count - 1].0 += run.0
                    } else {
                        line.append(run)
                    }
                }
                lineWidth += wordWidth
            }
            if !line.isEmpty || lines.isEmpty { lines.append(line) }
            return lines
        }

        func width(_ word: [([Glyph], Face)]) -> Double { word.reduce(0) { $0 + width($1.0, $1.1) } }

        /// A word in pieces that each fit in `limit`, glyph by glyph.
        func cut(_ word: [([Glyph], Face)], to limit: Double) -> [[([Glyph], Face)]] {
            var pieces: [[([Glyph], Face)]] = [[]]
            var pieceWidth = 0.0
            for (glyphs, face) in word {
                for glyph in glyphs {
                    let glyphWidth = width([glyph], face)
                    if pieceWidth + glyphWidth > limit, !pieces[pieces.count - 1].isEmpty {
                        pieces.append([])
                        pieceWidth = 0
                    }
                    if let last = pieces[pieces.count - 1].last, last.1 == face {
                        pieces[pieces.count - 1][pieces[pieces.count - 1].count - 1].0.append(glyph)
                    } else {
                        pieces[pieces.count - 1].append(([glyph], face))
                    }
                    pieceWidth += glyphWidth
                }
            }
            return pieces
        }

        /// Width in points at the body size: the glyphs' advances and the kerning between them.
        func width(_ glyphs: [Glyph], _ face: Face) -> Double {
            let font = fonts[face]
            var total = 0.0
            var previous: UInt16?
            for glyph in glyphs {
                let number = font.drawnGlyph(glyph)
                if let previous { total += font.kern(previous, number) }
                total += font.width(number)
                previous = number
            }
            return total * face.size / 1000
        }

        /// `BT /F1 10 Tf x y Td [<0001 0002> -12 <0003>] TJ ET`: two-byte character codes
        /// (Identity-H), the kerning and the justification as moves between glyphs (word
        /// spacing, `Tw`, applies to single-byte codes only: ISO 32000-1, 9.3.3).
        func show(
            _ glyphs: [Glyph], x: Double, y: Double, font face: Face, wordSpacing: Double, into content: inout [UInt8]
        ) {
            guard !glyphs.isEmpty else { return }
            let font = fonts[face]
            let name = face == .bold ? "F2" : "F1"
            // The text rise (Ts) is graphics state: set for a superscript, back to 0 after.
            let rise = face == .superscript ? " \(PDFDocument.number(PDFLetterWriter.superscriptRise)) Ts" : ""
            var text =
                "BT /\(name) \(PDFDocument.number(face.size)) Tf\(rise) \(PDFDocument.number(x)) \(PDFDocument.number(y)) Td [<"
            var previous: UInt16?
            for glyph in glyphs {
                let number = font.drawnGlyph(glyph)
                var move = previous.map { -font.kern($0, number) } ?? 0
                if move != 0 { text += "> " + PDFDocument.number(move) + " <" }
                text += Self.hex(use.code(glyph, face))
                if glyph == " ", wordSpacing != 0 {
                    move = -wordSpacing * 1000 / face.size
                    text += "> " + PDFDocument.number(move) + " <"
                }
                previous = number
            }
            content += Array((text + ">] TJ" + (rise.isEmpty ? "" : " 0 Ts") + " ET\n").utf8)
        }

        static func hex(_ code: UInt16) -> String {
            let digits = String(code, radix: 16, uppercase: true)
            return String(repeating: "0", count: 4 - digits.count) + digits
        }
    }
}

/// The faces of a letter: regular, bold, and the regular face as a superscript.
public enum Face: Sendable, Hashable {
    case regular, bold, superscript

    /// The size in points.
    var size: Double {
        self == .superscript ? PDFLetterWriter.size * PDFLetterWriter.superscriptScale : PDFLetterWriter.size
    }
}

/// The fonts of the PDF letter: Liberation Sans regular and bold.
public struct LetterFonts: Sendable {
    public let regular: TrueTypeFont
    public let bold: TrueTypeFont

    public init(regular: TrueTypeFont, bold: TrueTypeFont) {
        self.regular = regular
        self.bold = bold
    }

    subscript(face: Face) -> TrueTypeFont { face == .bold ? bold : regular }
}

/// The characters each face draws, in the order met: character code n + 1 is the
/// n-th character, the same code in every content stream of the document.
final class FontUse {
    var regular: [Unicode.Scalar] = []
    var bold: [Unicode.Scalar] = []
    private var codes: [Face: [Unicode.Scalar: UInt16]] = [.regular: [:], .bold: [:]]

    func code(_ scalar: Unicode.Scalar, _ face: Face) -> UInt16 {
        // A superscript is the regular font drawn smaller: the same codes.
        let face: Face = face == .bold ? .bold : .regular
        if let code = codes[face]?[scalar] { return code }
        let code: UInt16
        if face == .regular {
            regular.append(scalar)
            code = UInt16(regular.count)
        } else {
            bold.append(scalar)
            code = UInt16(bold.count)
        }
        codes[face]?[scalar] = code
        return code
    }
}

extension TrueTypeFont {
    /// Characters drawn with another's glyph when the font lacks their own: the
    /// non-breaking hyphen as a hyphen, the thin and narrow spaces as each other.
    static let standIns: [UInt32: Unicode.Scalar] = [
        0x2011: "-", 0x2010: "-", 0x2009: "\u{202F}", 0x202F: "\u{2009}", 0x00A0: " ",
    ]

    /// Scripts written right to left or whose letters change shape with their
    /// neighbours (Hebrew, Arabic, Syriac, Thaana, N'Ko, the Indic scripts, Thai, Lao,
    /// Tibetan, Myanmar, Khmer, Mongolian): the letter lays out neither, so a glyph the
    /// font may have would still print wrong.
    static let shaped: [ClosedRange<UInt32>] = [
        0x0590...0x08FF, 0x0900...0x0DFF, 0x0E00...0x0FFF, 0x1000...0x109F, 0x1780...0x18AF,
        0xFB1D...0xFDFF, 0xFE70...0xFEFF,
    ]

    /// Whether the font draws `scalar` as it should read, with its own glyph or a stand-in's.
    public func drawable(_ scalar: Unicode.Scalar) -> Bool {
        guard !Self.shaped.contains(where: { $0.contains(scalar.value) }) else { return false }
        return glyph(scalar) != nil || Self.standIns[scalar.value].flatMap(glyph) != nil
    }

    /// The glyph drawn for `scalar`: its own, a stand-in's, or glyph 0 (never reached:
    /// the shell refuses a letter with a character no face draws).
    func drawnGlyph(_ scalar: Unicode.Scalar) -> UInt16 {
        glyph(scalar) ?? Self.standIns[scalar.value].flatMap(glyph) ?? 0
    }
}
