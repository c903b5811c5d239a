/// What a key press (or a paste) means to the line editor.
///
/// Keys it has no use for are `.ignored`: never inserted into the answer.
public enum Key: Equatable, Sendable {
    /// Text typed: one character, or several when a terminal sends them at once.
    case text(String)
    /// Text pasted between the terminal's bracketed-paste markers: inserted as is, its
    /// line breaks made spaces (a pasted newline never answers the question).
    case paste(String)
    case left, right, wordLeft, wordRight, home, end
    case up, down
    case backspace, delete
    /// Ctrl-U, Ctrl-K, Ctrl-W.
    case killToStart, killToEnd, killWord
    /// Ctrl-L.
    case redraw
    case enter
    /// Ctrl-D: end of input on an empty line, else delete under the cursor.
    case endOfInput
    /// Ctrl-C when the terminal passes it as a byte (with ISIG on, it is a signal).
    case interrupt
    case ignored
}

/// Turns the bytes a terminal sends into keys: UTF-8 text, control keys, and the escape sequences
/// of xterm, VT100 and the Linux console (`ESC [ A`, `ESC O A`, `ESC [ 1 ~`, `ESC [ 1 ; 5 C`…),
/// bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`).
///
/// Bytes may come in any pieces: an unfinished sequence waits for the next `feed`.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    private var pasting = false
    private var pasted: [UInt8] = []

    public init() {}

    /// True when an escape sequence is unfinished: a lone ESC is a key of its own only
    /// once no more bytes come (`flush`).
    public var isWaiting: Bool { !pending.isEmpty }

    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        while !pending.isEmpty {
            guard let (key, used) = next() else { break }
            pending.removeFirst(used)
            if let key { keys.append(key) }
        }
        return Self.merged(keys)
    }

    /// Gives up on an unfinished sequence (no byte came after ESC): dropped, as an
    /// unknown key is.
    public mutating func flush() -> [Key] {
        pending = []
        return []
    }

    /// Consecutive typed characters as one `.text`, so that a decomposed `é` (e and a
    /// combining accent) arrives whole.
    private static func merged(_ keys: [Key]) -> [Key] {
        var result: [Key] = []
        for key in keys {
            if case .text(let added) = key, case .text(let before)? = result.last {
                result[result.count - 1] = .text(before + added)
            } else {
                result.append(key)
            }
        }
        return result
    }

    /// The next key and the bytes it used; nil when more bytes are needed.
    private mutating func next() -> (Key?, Int)? {
        if pasting { return nextPasted() }
        let byte = pending[0]
        switch byte {
        case 0x1B: return escape()
        case 0x01: return (.home, 1)
        case 0x02: return (.left, 1)
        case 0x03: return (.interrupt, 1)
        case 0x04: return (.endOfInput, 1)
        case 0x05: return (.end, 1)
        case 0x06: return (.right, 1)
        case 0x08, 0x7F: return (.backspace, 1)
        case 0x0A, 0x0D: return (.enter, 1)
        case 0x0B: return (.killToEnd, 1)
        case 0x0C: return (.redraw, 1)
        case 0x0E: return (.down, 1)
        case 0x10: return (.up, 1)
        case 0x15: return (.killToStart, 1)
        case 0x17: return (.killWord, 1)
        case 0x00..<0x20: return (.ignored, 1)
        default: return utf8()
        }
    }

    private func utf8() -> (Key?, Int)? {
        let byte = pending[0]
        let length: Int
        switch byte {
        case 0x00..<0x80: length = 1
        case 0xC2..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF5: length = 4
        default: length = 0
        }
        guard length > 0 else { return (nil, 1) }  // not UTF-8: dropped
        guard pending.count >= length else { return nil }
        let bytes = Array(pending[0..<length])
        guard bytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }), let text = String(validating: bytes, as: UTF8.self)
        else {
            return (nil, 1)
        }
        // C1 controls and the like are not text.
        guard text.unicodeScalars.allSatisfy({ !$0.properties.generalCategory.isControlOrFormat || $0 == "\u{200D}" })
        else {
            return (.ignored, length)
        }
        return (.text(text), length)
    }

    private mutating func escape() -> (Key?, Int)? {
        guard pending.count >= 2 else { return nil }
        switch pending[1] {
        case UInt8(ascii: "["): return csi()
        case UInt8(ascii: "O"):
            guard pending.count >= 3 else { return nil }
            let keys: [UInt8: Key] = [
                0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end, 0x4D: .enter,
            ]
            return (keys[pending[2]] ?? .ignored, 3)
        case 0x7F, 0x08: return (.killWord, 2)  // Alt-Backspace
        case UInt8(ascii: "b"): return (.wordLeft, 2)
        case UInt8(ascii: "f"): return (.wordRight, 2)
        case 0x1B: return (.ignored, 1)
        default: return (.ignored, 2)  // Alt and a key
        }
    }

    /// `ESC [` parameters and a final byte.
    private mutating func csi() -> (Key?, Int)? {
        var index = 2
        while index < pending.count, (0x20...0x3F).contains(pending[index]) { index += 1 }
        guard index < pending.count else { return pending.count > 64 ? (.ignored, pending.count) : nil }
        let final = pending[index]
        let parameters = String(decoding: pending[2..<index], as: UTF8.self)
        let used = index + 1
        guard (0x40...0x7E).contains(final) else { return (.ignored, used) }
        let fields = parameters.split(separator: ";").map(String.init)
        let modified = fields.count > 1 && fields[1] != "1"
        switch final {
        case UInt8(ascii: "A"): return (.up, used)
        case UInt8(ascii: "B"): return (.down, used)
        case UInt8(ascii: "C"): return (modified ? .wordRight : .right, used)
        case UInt8(ascii: "D"): return (modified ? .wordLeft : .left, used)
        case UInt8(ascii: "H"): return (.home, used)
        case UInt8(ascii: "F"): return (.end, used)
        case UInt8(ascii: "~"):
            switch fields.first ?? "" {
            case "1", "7": return (.home, used)
            case "4", "8": return (.end, used)
            case "3": return (.delete, used)
            case "200":
                pasting = true
                pasted = []
                return (nil, used)
            default: return (.ignored, used)
            }
        default: return (.ignored, used)
        }
    }

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    /// Inside a paste: everything up to its end marker.
    private mutating func nextPasted() -> (Key?, Int)? {
        if pending.starts(with: Self.pasteEnd) {
            pasting = false
            let text = String(decoding: pasted, as: UTF8.self)
            pasted = []
            return (.paste(Self.oneLine(text)), Self.pasteEnd.count)
        }
        // Perhaps the start of the end marker: wait for the rest.
        if pending[0] == 0x1B, Self.pasteEnd.starts(with: pending) { return nil }
        pasted.append(pending[0])
        return (nil, 1)
    }

    /// A pasted text on one line: line breaks and tabs become spaces, other controls go.
    static func oneLine(_ text: String) -> String {
        var result = ""
        var lastWasBreak = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" || scalar == "\n" || scalar == "\t" {
                if !lastWasBreak { result.append(" ") }
                lastWasBreak = scalar != "\t"
                continue
            }
            lastWasBreak = false
            if scalar.properties.generalCategory.isControlOrFormat, scalar != "\u{200D}" { continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

extension Unicode.GeneralCategory {
    var isControlOrFormat: Bool {
        switch self {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}
