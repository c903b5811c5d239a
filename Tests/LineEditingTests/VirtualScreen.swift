import LineEditing

/// A small terminal for the tests: interprets what the editor draws (text with
/// autowrap, CR, LF, cursor up and right, erase below, clear, bold) into a grid of
/// cells, so that a test reads the screen a person would see.
struct VirtualScreen {
    let width: Int
    let height: Int
    private(set) var cells: [[String]]
    private(set) var row = 0
    private(set) var column = 0
    /// xterm's pending wrap: the last column was written, the next character wraps.
    private var pendingWrap = false

    init(width: Int, height: Int = 24) {
        self.width = width
        self.height = height
        cells = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    /// The rows as text, trailing spaces removed, empty rows at the end dropped.
    var lines: [String] {
        var result = cells.map { $0.joined().replacing(#/ +$/#, with: "") }
        while result.last == "" { result.removeLast() }
        return result
    }

    var cursor: (row: Int, column: Int) { (row, column) }

    mutating func feed(_ text: String) {
        let pieces = Array(text)
        var index = 0
        while index < pieces.count {
            let character = pieces[index]
            index += 1
            switch character {
            case "\r":
                column = 0
                pendingWrap = false
            case "\n", "\r\n":
                if character == "\r\n" { column = 0 }
                lineFeed()
            case "\u{1B}":
                var sequence = ""
                guard index < pieces.count, pieces[index] == "[" else { continue }
                index += 1
                while index < pieces.count, let scalar = pieces[index].unicodeScalars.first,
                    !(0x40...0x7E).contains(scalar.value)
                {
                    sequence.append(pieces[index])
                    index += 1
                }
                guard index < pieces.count else { return }
                let final = pieces[index]
                index += 1
                control(final, sequence)
            default:
                put(character)
            }
        }
    }

    private mutating func control(_ final: Character, _ parameters: String) {
        let count = max(Int(parameters) ?? 1, 1)
        pendingWrap = false
        switch final {
        case "A": row = max(0, row - count)
        case "B": row = min(height - 1, row + count)
        case "C": column = min(width - 1, column + count)
        case "D": column = max(0, column - count)
        case "H":
            row = 0
            column = 0
        case "J":
            if parameters == "2" {
                cells = Array(repeating: Array(repeating: " ", count: width), count: height)
            } else {
                for c in column..<width { cells[row][c] = " " }
                for r in (row + 1)..<height { cells[r] = Array(repeating: " ", count: width) }
            }
        default: break  // bold, bracketed paste: nothing to draw
        }
    }

    private mutating func lineFeed() {
        pendingWrap = false
        if row == height - 1 {
            cells.removeFirst()
            cells.append(Array(repeating: " ", count: width))
        } else {
            row += 1
        }
    }

    private mutating func put(_ character: Character) {
        let size = Columns.of(character)
        guard size > 0 else {
            if column > 0 { cells[row][column - 1] += String(character) }
            return
        }
        if pendingWrap || column + size > width {
            column = 0
            lineFeed()
        }
        cells[row][column] = String(character)
        if size == 2, column + 1 < width { cells[row][column + 1] = "" }
        column += size
        if column >= width {
            column = width - 1
            pendingWrap = true
        }
    }
}
