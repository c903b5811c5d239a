/// A choice shown as a menu: ↑ and ↓ move the highlight, Enter picks it; a number or a
/// name typed still works, and a shortcut letter (`o`, `n`) answers at once.
public struct Menu: Equatable, Sendable {
    /// The options as shown (`Une entreprise`).
    public var labels: [String]
    /// What picking each option answers (`1`, `oui`): what the person could have typed.
    public var answers: [String]
    public var highlight: Int
    /// A letter that picks an option when typed on an empty line (`o` for « Oui »).
    public var shortcuts: [Character: Int]
    /// Options shown with their numbers (`1. Madame`); a yes/no shows its words alone.
    public var numbered: Bool

    public init(
        labels: [String], answers: [String], highlight: Int = 0, shortcuts: [Character: Int] = [:],
        numbered: Bool = true
    ) {
        self.labels = labels
        self.answers = answers
        self.highlight = labels.indices.contains(highlight) ? highlight : 0
        self.shortcuts = shortcuts
        self.numbered = numbered
    }

    /// The option as shown: `2. Monsieur`, or `Oui`.
    public func shown(_ index: Int) -> String { numbered ? "\(index + 1). " + labels[index] : labels[index] }
}

/// What a key did to the line.
public enum EditorEvent: Equatable, Sendable {
    case editing
    /// Enter: the answer, and for a menu the option picked (to show it as chosen).
    case submit(String, picked: Int?)
    case endOfInput
    case interrupt
    /// Ctrl-L: clear the screen and draw the line again.
    case clearScreen
}

/// The line being edited: characters (graphemes: `é` is one, typed or pasted decomposed), a cursor
/// between them, this session's earlier answers to recall.
///
/// Pure: keys in, a line out; `EditorView` draws it.
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Between characters: 0 is before the first.
    public private(set) var cursor: Int
    public var menu: Menu?
    /// A pause (« Appuyez sur Entrée pour continuer »): nothing typed is kept.
    public var readOnly = false
    private let history: [String]
    /// Where Up and Down are in `history`: `history.count` is the line being typed.
    private var recalled: Int
    private var typed: [Character] = []

    public init(initial: String = "", history: [String] = [], menu: Menu? = nil) {
        characters = Array(initial)
        cursor = characters.count
        self.history = history
        recalled = history.count
        self.menu = menu
    }

    public var text: String { String(characters) }

    public mutating func handle(_ key: Key) -> EditorEvent {
        if readOnly, key != .enter, key != .endOfInput, key != .interrupt, key != .redraw { return .editing }
        switch key {
        case .text(let text):
            if characters.isEmpty, text.count == 1, let menu, let character = text.lowercased().first,
                let option = menu.shortcuts[character]
            {
                return .submit(menu.answers[option], picked: option)
            }
            insert(text)
        case .paste(let text): insert(text)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .backspace:
            guard cursor > 0 else { break }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .endOfInput:
            if characters.isEmpty { return .endOfInput }
            if cursor < characters.count { characters.remove(at: cursor) }
        case .killToStart:
            characters.removeFirst(cursor)
            cursor = 0
        case .killToEnd:
            characters.removeLast(characters.count - cursor)
        case .killWord:
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .up, .down:
            if var menu {
                let step = key == .up ? -1 : 1
                menu.highlight = (menu.highlight + step + menu.labels.count) % max(1, menu.labels.count)
                self.menu = menu
            } else {
                recall(key == .up ? -1 : 1)
            }
        case .redraw: return .clearScreen
        case .interrupt: return .interrupt
        case .enter:
            if let menu, characters.allSatisfy({ $0 == " " }), menu.answers.indices.contains(menu.highlight) {
                return .submit(menu.answers[menu.highlight], picked: menu.highlight)
            }
            return .submit(text, picked: nil)
        case .ignored: break
        }
        return .editing
    }

    /// Inserts at the cursor; a combining mark joins the character before it.
    private mutating func insert(_ text: String) {
        let before = String(characters[..<cursor]) + text
        let joined = Array(before + String(characters[cursor...]))
        cursor = min(Array(before).count, joined.count)
        characters = joined
    }

    private mutating func recall(_ step: Int) {
        let target = recalled + step
        guard target >= 0, target <= history.count else { return }
        if recalled == history.count { typed = characters }
        recalled = target
        characters = target == history.count ? typed : Array(history[target])
        cursor = characters.count
    }

    private func wordStart(before index: Int) -> Int {
        var index = index
        while index > 0, characters[index - 1] == " " { index -= 1 }
        while index > 0, characters[index - 1] != " " { index -= 1 }
        return index
    }

    private func wordEnd(after index: Int) -> Int {
        var index = index
        while index < characters.count, characters[index] == " " { index += 1 }
        while index < characters.count, characters[index] != " " { index += 1 }
        return index
    }
}
