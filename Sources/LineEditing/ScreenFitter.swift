/// Keeps every line written to a terminal within its width: text that would run past the edge goes
/// on at the next line, broken at an ordinary space (a word wider than the screen is cut).
///
/// Written in pieces, it remembers the column the last piece left the cursor at. Lines that fit are
/// left exactly as they are. Pure.
public struct ScreenFitter: Sendable {
    public private(set) var column = 0
    /// Spaces seen but not yet written: dropped where a line breaks.
    private var spaces = ""

    public init() {}

    /// The cursor is at the start of a line (the line editor finished its own line).
    public mutating func reset() {
        column = 0
        spaces = ""
    }

    public mutating func fit(_ text: String, width: Int) -> String {
        let width = max(width, 1)
        var out = ""
        var word = ""
        var wordColumns = 0
        func flushWord() {
            guard !word.isEmpty else { return }
            if column > 0, column + spaces.count + wordColumns > width {
                out += "\n"
                column = 0
                spaces = ""
            }
            out += spaces
            column += spaces.count
            spaces = ""
            if column + wordColumns <= width {
                out += word
                column += wordColumns
            } else {
                // Wider than the screen: cut, escape sequences kept whole.
                for piece in Self.pieces(word) {
                    let size = piece.first == "\u{1B}" ? 0 : Columns.of(piece)
                    if column + size > width, column > 0 {
                        out += "\n"
                        column = 0
                    }
                    out += piece
                    column += size
                }
            }
            word = ""
            wordColumns = 0
        }
        for piece in Self.pieces(text) {
            switch piece {
            case "\n", "\r\n":
                flushWord()
                spaces = ""
                out += piece
                column = 0
            case "\r":
                flushWord()
                out += spaces + piece
                spaces = ""
                column = 0
            case " ":
                flushWord()
                spaces += " "
            default:
                word += piece
                if piece.first != "\u{1B}" { wordColumns += Columns.of(piece) }
            }
        }
        flushWord()
        // Spaces that end the text (a prompt's `› `) are written now if they fit.
        if !spaces.isEmpty, column + spaces.count <= width {
            out += spaces
            column += spaces.count
            spaces = ""
        }
        return out
    }

    /// Characters, with each escape sequence (`ESC [ 1 m`) as one piece.
    static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var escape: String?
        for character in text {
            if var sequence = escape {
                sequence.append(character)
                if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value), character != "[" {
                    pieces.append(sequence)
                    escape = nil
                } else {
                    escape = sequence
                }
                continue
            }
            if character == "\u{1B}" {
                escape = "\u{1B}"
                continue
            }
            pieces.append(String(character))
        }
        if let escape { pieces.append(escape) }
        return pieces
    }
}
