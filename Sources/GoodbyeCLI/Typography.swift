/// French typography for the messages the program writes itself: no-break spaces
/// before `:` and inside « », narrow ones before `;`, `!` and `?`.
public func frenchTypography(_ text: String) -> String {
    // Most lines are already typeset (the content is): nothing to do, nothing to copy.
    let triggers: Set<Unicode.Scalar> = [":", ";", "!", "?", "»", "«", "'"]
    guard text.unicodeScalars.contains(where: { triggers.contains($0) }) else { return text }
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
