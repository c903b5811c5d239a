/// French typography for the messages the program writes itself: no-break spaces
/// before `:` and inside « », narrow ones before `;`, `!` and `?`.
public func frenchTypography(_ text: String) -> String {
    // Most lines are already typeset (the content is): nothing to do, nothing to copy.
    // Looked for in the UTF-8 bytes, as every line on screen passes here: a space before
    // `:;!?` or `»` (C2 BB), a space or a narrow one (E2 80 AF) after `«` (C2 AB), `'`.
    var before: UInt8 = 0
    var last: UInt8 = 0
    guard
        text.utf8.contains(where: { byte in
            defer { (before, last) = (last, byte) }
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"): return last == 0x20
            case 0xBB: return last == 0xC2 && before == 0x20
            case 0x20, 0xE2: return last == 0xAB && before == 0xC2
            case UInt8(ascii: "'"): return true
            default: return false
            }
        })
    else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var previous: Character?
    for character in text {
        switch character {
        case ":", ";", "!", "?", "»":
            if previous == " " {
                result.removeLast()
                result.append(character == ":" || character == "»" ? "\u{A0}" : "\u{202F}")
            }
            result.append(character)
        case " " where previous == "«", "\u{202F}" where previous == "«":
            result.append("\u{A0}")
        case "'":
            result.append("\u{2019}")
        default:
            result.append(character)
        }
        previous = character
    }
    return result
}
