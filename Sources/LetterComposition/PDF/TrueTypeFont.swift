/// A TrueType font read from its bytes (the OpenType specification's `head`, `hhea`, `maxp`,
/// `hmtx`, `cmap`, `loca`, `glyf`, `kern`, `OS/2` and `post` tables): what the letter needs to
/// measure text, and to embed the glyphs it uses as a subset.
///
/// Pure: bytes in, values out.
public struct TrueTypeFont: Sendable {
    public enum Problem: Error, Equatable {
        case notTrueType
        case missingTable(String)
        case damaged(String)
    }

    /// The PostScript name (`LiberationSans`, `LiberationSans-Bold`), from the `name` table.
    public let postScriptName: String
    let bytes: [UInt8]
    let tables: [String: Range<Int>]
    let unitsPerEm: Int
    /// Advance widths in font units, by glyph.
    let advances: [Int]
    /// The glyph of each character the font maps.
    let glyphs: [UInt32: UInt16]
    /// Kerning pairs (`kern` format 0), left glyph << 16 | right glyph: a value in font units.
    let kerning: [UInt32: Int16]
    let glyphCount: Int
    /// How many glyphs have their own advance in `hmtx` (hhea's numberOfHMetrics).
    let metricsCount: Int
    let longOffsets: Bool
    let ascent: Int
    let descent: Int
    let capHeight: Int
    let boundingBox: [Int]
    let italicAngle: Double
    let bold: Bool

    public init(_ bytes: [UInt8]) throws(Problem) {
        self.bytes = bytes
        let reader = FontReader(bytes)
        guard bytes.count >= 12, reader.u32(0) == 0x0001_0000 || reader.u32(0) == 0x7472_7565 else {
            throw .notTrueType
        }
        var tables: [String: Range<Int>] = [:]
        for index in 0..<reader.u16(4) {
            let entry = 12 + 16 * index
            guard entry + 16 <= bytes.count else { throw .damaged("table directory") }
            let tag = String(decoding: bytes[entry..<entry + 4], as: UTF8.self)
            let offset = reader.u32(entry + 8)
            let length = reader.u32(entry + 12)
            guard offset + length <= bytes.count else { throw .damaged(tag) }
            tables[tag] = offset..<offset + length
        }
        // The tables the subset rewrites, long enough for the fields it sets.
        for (tag, size) in [("head", 54), ("hhea", 36), ("maxp", 6)] {
            guard let range = tables[tag] else { throw .missingTable(tag) }
            guard range.count >= size else { throw .damaged(tag) }
        }
        self.tables = tables
        func table(_ tag: String) throws(Problem) -> Int {
            guard let range = tables[tag] else { throw .missingTable(tag) }
            return range.lowerBound
        }
        let head = try table("head")
        unitsPerEm = reader.u16(head + 18)
        boundingBox = [reader.i16(head + 36), reader.i16(head + 38), reader.i16(head + 40), reader.i16(head + 42)]
        bold = reader.u16(head + 44) & 1 != 0
        longOffsets = reader.i16(head + 50) == 1
        let hhea = try table("hhea")
        ascent = reader.i16(hhea + 4)
        descent = reader.i16(hhea + 6)
        let metrics = reader.u16(hhea + 34)
        metricsCount = metrics
        glyphCount = reader.u16(try table("maxp") + 4)
        let hmtx = try table("hmtx")
        guard metrics > 0, metrics <= glyphCount, hmtx + 4 * metrics <= bytes.count else { throw .damaged("hmtx") }
        var advances = (0..<metrics).map { reader.u16(hmtx + 4 * $0) }
        advances += Array(repeating: advances[metrics - 1], count: glyphCount - metrics)
        self.advances = advances
        capHeight = tables["OS/2"].map { reader.u16($0.lowerBound) >= 2 ? reader.i16($0.lowerBound + 88) : 0 } ?? 0
        italicAngle = tables["post"].map { Double(reader.i32($0.lowerBound + 4)) / 65536 } ?? 0
        glyphs = try Self.characterMap(reader, at: try table("cmap"))
        kerning = tables["kern"].map { Self.kerningPairs(reader, at: $0.lowerBound) } ?? [:]
        postScriptName = tables["name"].flatMap { Self.postScriptName(reader, at: $0.lowerBound) } ?? "Font"
        _ = try table("glyf")
        _ = try table("loca")
    }

    /// The glyph of `scalar`, nil when the font has none.
    public func glyph(_ scalar: Unicode.Scalar) -> UInt16? { glyphs[scalar.value] }

    /// The advance of a glyph, in thousandths of an em.
    func width(_ glyph: UInt16) -> Double {
        Double(advances[Int(glyph) < advances.count ? Int(glyph) : 0]) * 1000 / Double(unitsPerEm)
    }

    /// The kerning between two glyphs, in thousandths of an em (negative: closer).
    func kern(_ left: UInt16, _ right: UInt16) -> Double {
        guard let value = kerning[UInt32(left) << 16 | UInt32(right)] else { return 0 }
        return Double(value) * 1000 / Double(unitsPerEm)
    }

    func scaled(_ value: Int) -> Int { value * 1000 / unitsPerEm }

    // MARK: Subset

    /// A TrueType font holding only the glyphs of `used`, the glyphs their composites are made of,
    /// and glyph 0, numbered anew in that order (composites refer to the new numbers), with the new
    /// number of each glyph kept.
    ///
    /// Tables: glyf, head, hhea, hmtx, loca, maxp: what a PDF reader needs to draw them (ISO
    /// 32000-1, 9.9).
    func subset(_ used: [UInt16]) -> (font: [UInt8], numbers: [UInt16: UInt16]) {
        let reader = FontReader(bytes)
        guard let locaRange = tables["loca"], let glyf = tables["glyf"], let hmtx = tables["hmtx"]?.lowerBound else {
            return ([], [:])
        }
        let loca = locaRange.lowerBound
        func range(_ glyph: Int) -> Range<Int> {
            let start = longOffsets ? reader.u32(loca + 4 * glyph) : 2 * reader.u16(loca + 2 * glyph)
            let end = longOffsets ? reader.u32(loca + 4 * glyph + 4) : 2 * reader.u16(loca + 2 * glyph + 2)
            let lower = min(glyf.lowerBound + start, glyf.upperBound)
            return lower..<max(lower, min(glyf.lowerBound + end, glyf.upperBound))
        }
        /// The positions of the glyph numbers in a composite glyph's components.
        func components(_ outline: Range<Int>) -> [Int] {
            guard outline.count >= 10, reader.i16(outline.lowerBound) < 0 else { return [] }
            var found: [Int] = []
            var position = outline.lowerBound + 10
            while position + 4 <= outline.upperBound {
                let flags = reader.u16(position)
                found.append(position + 2)
                position += 4 + (flags & 1 != 0 ? 4 : 2)
                if flags & 0x8 != 0 {
                    position += 2
                } else if flags & 0x40 != 0 {
                    position += 4
                } else if flags & 0x80 != 0 {
                    position += 8
                }
                if flags & 0x20 == 0 { break }
            }
            return found
        }
        var order: [UInt16] = [0]
        var numbers: [UInt16: UInt16] = [0: 0]
        var pending = used.filter { Int($0) < glyphCount }
        pending.reverse()
        while let glyph = pending.popLast() {
            guard numbers[glyph] == nil else { continue }
            numbers[glyph] = UInt16(order.count)
            order.append(glyph)
            for at in components(range(Int(glyph))).reversed() {
                let component = UInt16(reader.u16(at))
                if Int(component) < glyphCount, numbers[component] == nil { pending.append(component) }
            }
        }
        var glyphData: [UInt8] = []
        var locaData: [UInt8] = []
        var metrics: [UInt8] = []
        for glyph in order {
            locaData += FontWriter.u32(glyphData.count)
            let outline = range(Int(glyph))
            var data = Array(bytes[outline])
            for at in components(outline) {
                let renumbered = numbers[UInt16(reader.u16(at))] ?? 0
                data.replaceSubrange(
                    at - outline.lowerBound..<at - outline.lowerBound + 2, with: FontWriter.u16(Int(renumbered)))
            }
            glyphData += data
            while glyphData.count % 4 != 0 { glyphData.append(0) }
            let old = Int(glyph)
            let bearing =
                old < metricsCount
                ? reader.u16(hmtx + 4 * old + 2) : reader.u16(hmtx + 4 * metricsCount + 2 * (old - metricsCount))
            metrics += FontWriter.u16(advances[old]) + FontWriter.u16(bearing)
        }
        locaData += FontWriter.u32(glyphData.count)
        var head = Array(bytes[tables["head", default: 0..<0]])
        head.replaceSubrange(8..<12, with: [0, 0, 0, 0])  // checkSumAdjustment, set by FontWriter
        head.replaceSubrange(50..<52, with: [0, 1])  // long loca offsets
        var hhea = Array(bytes[tables["hhea", default: 0..<0]])
        hhea.replaceSubrange(34..<36, with: FontWriter.u16(order.count))
        var maxp = Array(bytes[tables["maxp", default: 0..<0]])
        maxp.replaceSubrange(4..<6, with: FontWriter.u16(order.count))
        let output: [(String, [UInt8])] = [
            ("glyf", glyphData), ("head", head), ("hhea", hhea), ("hmtx", metrics), ("loca", locaData), ("maxp", maxp),
        ]
        return (FontWriter.font(output), numbers)
    }

    // MARK: Reading the tables

    /// The Unicode map: format 12 (3, 10) when present, else format 4 (3, 1).
    private static func characterMap(_ reader: FontReader, at cmap: Int) throws(Problem) -> [UInt32: UInt16] {
        var best: (Int, Int)?
        for index in 0..<reader.u16(cmap + 2) {
            let platform = reader.u16(cmap + 4 + 8 * index)
            let encoding = reader.u16(cmap + 6 + 8 * index)
            let offset = cmap + reader.u32(cmap + 8 + 8 * index)
            let format = reader.u16(offset)
            if platform == 3, encoding == 10, format == 12 { best = (offset, 12) }
            if platform == 3, encoding == 1, format == 4, best == nil { best = (offset, 4) }
        }
        guard let (offset, format) = best else { throw .missingTable("cmap (3, 1)") }
        var map: [UInt32: UInt16] = [:]
        if format == 12 {
            for group in 0..<reader.u32(offset + 12) {
                let at = offset + 16 + 12 * group
                let start = reader.u32(at)
                let end = reader.u32(at + 4)
                let first = reader.u32(at + 8)
                guard end >= start, end - start < 0x11_0000 else { throw .damaged("cmap") }
                for code in start...end { map[UInt32(code)] = UInt16(truncatingIfNeeded: first + code - start) }
            }
            return map
        }
        let segments = reader.u16(offset + 6) / 2
        let ends = offset + 14
        let starts = ends + 2 * segments + 2
        let deltas = starts + 2 * segments
        let rangeOffsets = deltas + 2 * segments
        for segment in 0..<segments {
            let start = reader.u16(starts + 2 * segment)
            let end = reader.u16(ends + 2 * segment)
            let delta = reader.u16(deltas + 2 * segment)
            let rangeOffset = reader.u16(rangeOffsets + 2 * segment)
            guard start <= end else { continue }
            for code in start...end where code != 0xFFFF {
                var glyph: Int
                if rangeOffset == 0 {
                    glyph = (code + delta) & 0xFFFF
                } else {
                    let at = rangeOffsets + 2 * segment + rangeOffset + 2 * (code - start)
                    guard at + 2 <= reader.bytes.count else { throw .damaged("cmap") }
                    glyph = reader.u16(at)
                    if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                }
                if glyph != 0 { map[UInt32(code)] = UInt16(glyph) }
            }
        }
        return map
    }

    /// The pairs of the first `kern` subtable in format 0 (horizontal kerning).
    private static func kerningPairs(_ reader: FontReader, at kern: Int) -> [UInt32: Int16] {
        var pairs: [UInt32: Int16] = [:]
        guard reader.u16(kern) == 0 else { return pairs }
        var position = kern + 4
        for _ in 0..<reader.u16(kern + 2) {
            let length = reader.u16(position + 2)
            let coverage = reader.u16(position + 4)
            if coverage >> 8 == 0, coverage & 1 == 1 {
                let count = reader.u16(position + 6)
                for pair in 0..<count {
                    let at = position + 14 + 6 * pair
                    guard at + 6 <= reader.bytes.count else { break }
                    pairs[UInt32(reader.u16(at)) << 16 | UInt32(reader.u16(at + 2))] = Int16(
                        truncatingIfNeeded: reader.i16(at + 4))
                }
            }
            position += length
        }
        return pairs
    }

    /// Name 6 (the PostScript name), in the Windows (UTF-16BE) or Macintosh (ASCII) record.
    private static func postScriptName(_ reader: FontReader, at name: Int) -> String? {
        let count = reader.u16(name + 2)
        let strings = name + reader.u16(name + 4)
        for index in 0..<count {
            let record = name + 6 + 12 * index
            guard reader.u16(record + 6) == 6 else { continue }
            let platform = reader.u16(record)
            let length = reader.u16(record + 8)
            let start = strings + reader.u16(record + 10)
            guard start + length <= reader.bytes.count else { return nil }
            let raw = Array(reader.bytes[start..<start + length])
            if platform == 3 {
                let units = stride(from: 0, to: raw.count - 1, by: 2).map { UInt16(raw[$0]) << 8 | UInt16(raw[$0 + 1]) }
                return String(decoding: units, as: UTF16.self)
            }
            return String(decoding: raw, as: UTF8.self)
        }
        return nil
    }
}

/// Big-endian numbers of a font's bytes; out of range reads as 0 (a damaged font is
/// refused by the checks around them, never read past its end).
struct FontReader {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func u16(_ at: Int) -> Int {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return Int(bytes[at]) << 8 | Int(bytes[at + 1])
    }

    func i16(_ at: Int) -> Int { Int(Int16(truncatingIfNeeded: u16(at))) }

    func u32(_ at: Int) -> Int { u16(at) << 16 | u16(at + 2) }

    func i32(_ at: Int) -> Int { Int(Int32(truncatingIfNeeded: u32(at))) }
}

/// A TrueType file from its tables: the directory, each table padded to four bytes,
/// the checksums and `head`'s checksum adjustment.
enum FontWriter {
    static func u16(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
    static func u32(_ value: Int) -> [UInt8] { u16(value >> 16) + u16(value) }

    static func checksum(_ data: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var index = 0
        while index < data.count {
            var word: UInt32 = 0
            for offset in 0..<4 { word = word << 8 | UInt32(index + offset < data.count ? data[index + offset] : 0) }
            sum = sum &+ word
            index += 4
        }
        return sum
    }

    static func font(_ tables: [(String, [UInt8])]) -> [UInt8] {
        let count = tables.count
        var power = 1
        var log = 0
        while power * 2 <= count {
            power *= 2
            log += 1
        }
        var output = u32(0x0001_0000) + u16(count) + u16(16 * power) + u16(log) + u16(16 * (count - power))
        var offset = 12 + 16 * count
        var body: [UInt8] = []
        var headAt = 0
        for (tag, data) in tables {
            if tag == "head" { headAt = offset }
            output += Array(tag.utf8) + u32(Int(checksum(data))) + u32(offset) + u32(data.count)
            body += data
            while body.count % 4 != 0 { body.append(0) }
            offset = 12 + 16 * count + body.count
        }
        output += body
        let adjustment = 0xB1B0_AFBA &- checksum(output)
        output.replaceSubrange(headAt + 8..<headAt + 12, with: u32(Int(adjustment)))
        return output
    }
}
