/// Where the edited line (and a menu above it) goes on the screen, at a given width: rows of at
/// most `width` columns, and the cursor's row and column.
///
/// Pure.
public struct Layout: Equatable, Sendable {
    public var rows: [String]
    public var cursorRow: Int
    public var cursorColumn: Int
}

/// How a question's input area looks: a menu's options, the hints, the prompt mark
/// and the line being typed.
public struct EditorView: Sendable {
    public var prompt: String
    /// Paragraphs between a menu and the prompt (`(↑ ↓ puis Entrée ; Entrée : Non)`).
    public var hints: [String]
    /// Bold for the highlighted option (a terminal that accepts it, `NO_COLOR` unset).
    public var emphasis: Bool
    /// What an empty line stands for (the proposed answer), kept on screen after Enter.
    public var emptyMeans: String?

    public init(prompt: String, hints: [String] = [], emphasis: Bool = false) {
        self.prompt = prompt
        self.hints = hints
        self.emphasis = emphasis
    }

    public static let marker = "❯ "

    public func layout(_ editor: LineEditor, width: Int) -> Layout {
        let width = max(width, 8)
        var rows: [String] = []
        if let menu = editor.menu {
            for (index, label) in menu.labels.enumerated() {
                let chosen = index == menu.highlight
                let lines = Wrap.paragraph(label, width: width - 2, indent: menu.numbered ? "\(index + 1). " : "")
                    .split(separator: "\n", omittingEmptySubsequences: false)
                for (number, line) in lines.enumerated() {
                    let mark = chosen && number == 0 ? Self.marker : "  "
                    rows.append(chosen && emphasis ? "\u{1B}[1m" + mark + line + "\u{1B}[0m" : mark + line)
                }
            }
        }
        for hint in hints {
            rows += Wrap.paragraph(hint, width: width).split(separator: "\n", omittingEmptySubsequences: false).map(
                String.init)
        }
        // The prompt and the line, broken at the width, a wide character never split.
        var line = prompt
        var column = Columns.of(prompt)
        var cursor: (row: Int, column: Int)?
        let first = rows.count
        var lineRows: [String] = []
        for (index, character) in editor.characters.enumerated() {
            if index == editor.cursor { cursor = (first + lineRows.count, column) }
            let size = Columns.of(character)
            if column + size > width {
                lineRows.append(line)
                line = ""
                column = 0
                if index == editor.cursor { cursor = (first + lineRows.count, 0) }
            }
            line.append(character)
            column += size
        }
        if cursor == nil {
            if column >= width {
                lineRows.append(line)
                line = ""
                column = 0
            }
            cursor = (first + lineRows.count, column)
        }
        lineRows.append(line)
        rows += lineRows
        return Layout(rows: rows, cursorRow: cursor?.row ?? rows.count - 1, cursorColumn: cursor?.column ?? 0)
    }

    /// After Enter: the prompt and the answer as given (the option's label for a menu),
    /// so that the screen keeps a record of the conversation.
    public func answered(_ editor: LineEditor, picked: Int?, width: Int) -> [String] {
        // An option's number typed shows as the option; Enter on an empty line as what it means.
        let typed = String(String(editor.text.drop { $0 == " " }.reversed()).drop { $0 == " " }.reversed())
        let number = Int(typed).map { $0 - 1 }.flatMap { index in
            editor.menu?.labels.indices.contains(index) == true ? index : nil
        }
        let shown =
            (picked ?? number).flatMap { index in editor.menu.map { $0.shown(index) } }
            ?? (typed.isEmpty ? emptyMeans ?? "" : editor.text)
        guard !(prompt + shown).isEmpty else { return [] }  // a pause: nothing to keep
        var done = LineEditor(initial: shown)
        done.menu = nil
        return EditorView(prompt: prompt).layout(done, width: width).rows.filter { !$0.isEmpty || shown.isEmpty }
    }
}

/// Draws layouts in place: each draw goes back to the area's first row, clears to the
/// end of the screen, writes the rows and puts the cursor where it belongs.
public struct Renderer: Sendable {
    /// Rows between the area's first row and the cursor.
    private var cursorRow = 0

    public init() {}

    public mutating func draw(_ layout: Layout) -> String {
        var out = start()
        out += layout.rows.joined(separator: "\r\n")
        let up = layout.rows.count - 1 - layout.cursorRow
        if up > 0 { out += "\u{1B}[\(up)A" }
        out += "\r"
        if layout.cursorColumn > 0 { out += "\u{1B}[\(layout.cursorColumn)C" }
        cursorRow = layout.cursorRow
        return out
    }

    /// The last drawing, then a new line: the area is left behind, the cursor below it.
    public mutating func finish(_ rows: [String]) -> String {
        let out = start() + (rows.isEmpty ? "" : rows.joined(separator: "\r\n") + "\r\n")
        cursorRow = 0
        return out
    }

    /// Ctrl-L: the screen cleared, the area drawn again at its top.
    public mutating func clearScreen(_ layout: Layout) -> String {
        cursorRow = 0
        return "\u{1B}[H\u{1B}[2J" + draw(layout)
    }

    private func start() -> String {
        "\r" + (cursorRow > 0 ? "\u{1B}[\(cursorRow)A" : "") + "\u{1B}[J"
    }
}

/// Wrapping by columns, at ordinary spaces only (never at a no-break space); a word
/// longer than the line is cut.
public enum Wrap {
    public static func paragraph(_ paragraph: String, width: Int, indent: String = "") -> String {
        let width = max(width, 1)
        let continuation = String(repeating: " ", count: Columns.of(indent))
        var lines: [String] = []
        var line = indent
        var column = Columns.of(indent)
        var lineHasWord = false
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            let size = Columns.of(String(word))
            if lineHasWord, column + 1 + size > width {
                lines.append(line)
                line = continuation
                column = continuation.count
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                column += 1
            }
            // A word wider than the line: cut where the line ends.
            for character in word {
                let columns = Columns.of(character)
                if column + columns > width, column > continuation.count {
                    lines.append(line)
                    line = continuation
                    column = continuation.count
                }
                line.append(character)
                column += columns
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
