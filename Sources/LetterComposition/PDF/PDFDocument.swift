/// A PDF 1.7 file (ISO 32000-1) written byte by byte: a catalog, pages, one uncompressed content
/// stream per page, the fonts embedded as subsets (9.7 and 9.9: a Type 0 font with Identity-H
/// encoding over a CIDFontType2, its TrueType program, its widths, its map from character codes to
/// glyphs and a ToUnicode map, 9.10.3), then the cross-reference table (7.5.4) and the trailer.
///
/// Pure: pages in, bytes out.
struct PDFDocument {
    /// A4 (ISO 216) in points: 210 x 297 mm, 72 points an inch.
    static let width = 595.276
    static let height = 841.890

    var pages: [[UInt8]] = []
    var title: String = ""
    var author: String = ""
    /// Each font (F1, F2…) with the characters it draws, in the order of their codes (1, 2…).
    let fonts: [(font: TrueTypeFont, characters: [Unicode.Scalar])]

    init(fonts: [(TrueTypeFont, [Unicode.Scalar])]) {
        self.fonts = fonts.map { (font: $0.0, characters: $0.1) }
    }

    func bytes() -> [UInt8] {
        var output: [UInt8] = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        func object(_ body: [UInt8]) {
            offsets.append(output.count)
            output += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        func stream(_ dictionary: String, _ data: [UInt8]) {
            object(Array("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8))
        }
        // 1 catalog, 2 pages, 3 the document information, then each page and its
        // content stream, then six objects for each font: the Type 0 font, its CIDFont,
        // descriptor, font program, code-to-glyph map and ToUnicode map.
        let firstPage = 4
        let firstFont = firstPage + 2 * pages.count
        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        let resources = fonts.indices.map { "/F\($0 + 1) \(firstFont + 6 * $0) 0 R" }.joined(separator: " ")
        object(Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        object(Array("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        object(
            Array("<< /Title ".utf8) + Self.textString(title) + Array(" /Author ".utf8) + Self.textString(author)
                + Array(" /Producer (goodbye) >>".utf8))
        for (index, content) in pages.enumerated() {
            object(
                Array(
                    """
                    << /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Self.number(Self.width)) \(Self.number(Self.height))] \
                    /Resources << /Font << \(resources) >> >> /Contents \(firstPage + 2 * index + 1) 0 R >>
                    """.utf8))
            stream("", content)
        }
        for (index, (font, characters)) in fonts.enumerated() {
            let number = firstFont + 6 * index
            let glyphs = characters.map(font.drawnGlyph)
            let (program, numbers) = font.subset(glyphs)
            let name = Self.subsetTag(font.postScriptName, glyphs) + "+" + font.postScriptName
            let widths = glyphs.map { String(Int(font.width($0).rounded())) }.joined(separator: " ")
            object(
                Array(
                    "<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H /DescendantFonts [\(number + 1) 0 R] /ToUnicode \(number + 5) 0 R >>"
                        .utf8))
            object(
                Array(
                    """
                    << /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
                    /FontDescriptor \(number + 2) 0 R /DW 0 /W [1 [\(widths)]] /CIDToGIDMap \(number + 4) 0 R >>
                    """.utf8))
            let box = font.boundingBox.map { String(font.scaled($0)) }.joined(separator: " ")
            object(
                Array(
                    """
                    << /Type /FontDescriptor /FontName /\(name) /Flags 32 /FontBBox [\(box)] /ItalicAngle \(Self.number(font.italicAngle)) \
                    /Ascent \(font.scaled(font.ascent)) /Descent \(font.scaled(font.descent)) /CapHeight \(font.scaled(font.capHeight)) \
                    /StemV \(font.bold ? 120 : 80) /FontWeight \(font.bold ? 700 : 400) /FontFile2 \(number + 3) 0 R >>
                    """.utf8))
            stream("/Length1 \(program.count)", program)
            var map: [UInt8] = [0, 0]
            for glyph in glyphs { map += FontWriter.u16(Int(numbers[glyph] ?? 0)) }
            stream("", map)
            stream("", Self.toUnicode(characters))
        }
        let table = output.count
        var xref = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            xref += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        xref += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info 3 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        return output + Array(xref.utf8)
    }

    /// The ToUnicode CMap (ISO 32000-1, 9.10.3): code n + 1 is the n-th character.
    static func toUnicode(_ characters: [Unicode.Scalar]) -> [UInt8] {
        var text = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        for start in stride(from: 0, to: characters.count, by: 100) {
            let block = characters[start..<min(start + 100, characters.count)]
            text += "\(block.count) beginbfchar\n"
            for (offset, scalar) in block.enumerated() {
                let units = String(scalar).utf16.map { PDFLetterWriter.Layout.hex($0) }.joined()
                text += "<" + PDFLetterWriter.Layout.hex(UInt16(start + offset + 1)) + "> <" + units + ">\n"
            }
            text += "endbfchar\n"
        }
        text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
        return Array(text.utf8)
    }

    /// Six capital letters naming a subset (9.6.4), the same for the same glyphs.
    static func subsetTag(_ name: String, _ glyphs: [UInt16]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in Array(name.utf8) + glyphs.flatMap({ [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return String((0..<6).map { Character(Unicode.Scalar(UInt8(65 + (hash >> (5 * UInt64($0))) % 26))) })
    }

    /// A text string (7.9.2.2): UTF-16BE with its byte-order mark, in hexadecimal.
    static func textString(_ text: String) -> [UInt8] {
        var hex = "<FEFF"
        for unit in text.utf16 {
            let digits = String(unit, radix: 16, uppercase: true)
            hex += String(repeating: "0", count: 4 - digits.count) + digits
        }
        return Array((hex + ">").utf8)
    }

    /// A number as PDF writes it: at most two decimals, no exponent.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return sign + String(magnitude / 100)
            + (fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + String(fraction))
    }
}
