/// A PDF 1.7 file (ISO 32000-1) written byte by byte: a catalog, pages, the two
/// standard fonts and one uncompressed content stream per page, then the
/// cross-reference table (7.5.4) and the trailer. Pure: pages in, bytes out.
struct PDFDocument {
    /// A4 (ISO 216) in points: 210 x 297 mm, 72 points an inch.
    static let width = 595.276
    static let height = 841.890

    var pages: [[UInt8]] = []
    var title: String = ""

    func bytes() -> [UInt8] {
        var output: [UInt8] = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        func object(_ body: [UInt8]) {
            offsets.append(output.count)
            output += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        // 1 catalog, 2 pages, 3 and 4 the fonts, 5 the document information, then for
        // each page its page object and its content stream.
        let firstPage = 6
        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        object(Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        object(Array("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        for font in [StandardFont.regular, .bold] {
            object(Array("<< /Type /Font /Subtype /Type1 /BaseFont /\(font.rawValue) /Encoding /WinAnsiEncoding >>".utf8))
        }
        object(Array("<< /Title ".utf8) + Self.textString(title) + Array(" /Producer (goodbye) >>".utf8))
        for (index, content) in pages.enumerated() {
            object(Array("""
                << /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Self.number(Self.width)) \(Self.number(Self.height))] \
                /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(firstPage + 2 * index + 1) 0 R >>
                """.utf8))
            object(Array("<< /Length \(content.count) >>\nstream\n".utf8) + content + Array("\nendstream".utf8))
        }
        let table = output.count
        var xref = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            xref += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        xref += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info 5 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        return output + Array(xref.utf8)
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
        return sign + String(magnitude / 100) + (fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + String(fraction))
    }
}
