import DialogueCore
import Vocabulary

/// French typography in content, which the program cannot fix for the author:
/// a straight apostrophe, or an ordinary space before `; : ! ?` and inside « ».
enum TypographyCheck {
    /// The 1-based column and the problem of the first mistake in `text`, if any.
    static func firstProblem(in text: String) -> (column: Int, message: Message)? {
        var previous: Character?
        var column = 0
        var insideTag = false
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            column = index + 1
            if character == "{", previous == "{" { insideTag = true }
            if character == "}", previous == "}" { insideTag = false }
            defer { previous = character }
            guard !insideTag else { continue }
            if character == "'" {
                return (column, Message(.typoApostrophe))
            }
            // `:retour` is a command, not punctuation: a colon counts when a space or the end follows.
            let isPunctuation = character != ":" || next == nil || next == " " || next == "\u{A0}"
            if previous == " ", ";:!?»".contains(character), isPunctuation {
                let space = character == ":" || character == "»" ? "U+00A0" : "U+202F"
                return (column - 1, Message(.typoSpaceBefore, ["mark": String(character), "space": space]))
            }
            if previous == "«", character == " " {
                return (column, Message(.typoSpaceAfterQuote))
            }
        }
        return nil
    }

    /// GB017 for each French value or template line with a typography mistake.
    static func diagnostics(file: String, lines: [(line: Int, column: Int, text: String)]) -> [Diagnostic] {
        lines.compactMap { item in
            firstProblem(in: item.text).map {
                Diagnostic(.typography, file: file, line: item.line, column: item.column + $0.column - 1, $0.message)
            }
        }
    }
}
