/// How many terminal columns text takes: 2 for the wide characters of East Asian
/// scripts and for emoji, 0 for combining marks and escape sequences, 1 otherwise.
public enum Columns {
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation })
            || character.unicodeScalars.contains("\u{FE0F}") && first.properties.isEmoji
        {
            return 2
        }
        if isWide(first.value) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: return 1
        }
    }

    /// The columns of a text, escape sequences (`ESC [ … m`) not counted.
    public static func of(_ text: String) -> Int {
        var total = 0
        var escaping = false
        for character in text {
            if escaping {
                if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value), scalar != "[" {
                    escaping = false
                }
                continue
            }
            if character == "\u{1B}" {
                escaping = true
                continue
            }
            total += of(character)
        }
        return total
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth W and F).
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
            0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD,
            0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
