import ContentLoading
import DialogueCore
import GoodbyeCLI
import Vocabulary

/// A golden transcript's input: the arguments (`# args:`), comments, and the lines
/// typed, each keyed by what it answers (`engagement.no_feedback: oui`, `review: 5`,
/// `save: non`); `:retour` and the other commands are typed at the question they
/// leave. A `# positional` transcript is fed line after line instead, as a pipe would
/// be (kept for the typing experience: what a person types when the dialogue changes).
struct KeyedTranscript: Equatable {
    struct Entry: Equatable {
        var id: String
        var line: String
    }

    var header: [String]
    var arguments: [String]
    var positional: Bool
    var entries: [Entry]
    /// The lines of a positional transcript.
    var lines: [String]

    /// Reads `text`; a line of a keyed transcript that is neither a comment nor
    /// `ID: typed` is an error naming its line.
    static func parse(_ text: String, name: String) throws -> KeyedTranscript {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = all.prefix { $0.hasPrefix("#") }
        let arguments =
            header.first { $0.hasPrefix("# args: ") }.map { $0.dropFirst(8).split(separator: " ").map(String.init) }
            ?? []
        let positional = header.contains { $0.hasPrefix("# positional") }
        // Lines as a pipe gives them: the file's last line ending ends the input.
        let body = (all.last == "" ? all.dropLast() : all[...]).dropFirst(header.count).filter { !$0.hasPrefix("#") }
        guard !positional else {
            return KeyedTranscript(
                header: Array(header), arguments: arguments, positional: true, entries: [], lines: Array(body))
        }
        var entries: [Entry] = []
        for (offset, line) in all.enumerated() where offset >= header.count && !line.hasPrefix("#") {
            if line.isEmpty, offset == all.count - 1 { continue }
            guard let colon = line.firstIndex(of: ":"),
                line[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }),
                colon != line.startIndex
            else { throw TranscriptError("\(name):\(offset + 1): « \(line) » is not « QUESTION_ID: typed »") }
            var typed = line[line.index(after: colon)...]
            if typed.first == " " { typed = typed.dropFirst() }
            entries.append(Entry(id: String(line[..<colon]), line: String(typed)))
        }
        return KeyedTranscript(
            header: Array(header), arguments: arguments, positional: false, entries: entries, lines: [])
    }

    /// The text of the file, as `parse` reads it.
    var text: String {
        (header + (positional ? lines : entries.map { $0.id + ":" + ($0.line.isEmpty ? "" : " " + $0.line) })).joined(
            separator: "\n") + "\n"
    }
}

struct TranscriptError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A terminal that answers each question from the transcript's entries for the id the
/// program actually asks (the first not yet used), never the next line blindly. Asked
/// an id the transcript does not answer, it records « asked X, the transcript answers
/// Y » and ends the input; when `recording`, it answers it as a person accepting the
/// proposal would (the default, « non », the first choice) and keeps the exchange.
final class KeyedTerminal: Terminal {
    let isInteractive = false
    let outputIsTerminal = false
    let errorIsTerminal = false
    let width = 80
    var stdout = ""
    var stderr = ""
    private(set) var failures: [String] = []
    /// The exchanges in the order the program asked them: the transcript as re-recorded.
    private(set) var asked: [KeyedTranscript.Entry] = []
    private var entries: [KeyedTranscript.Entry]
    private var used: [Bool]
    private let recording: (String) -> String?
    /// The lines of a positional transcript, read in order whatever is asked.
    private var lines: [String]?

    /// `recording` gives the line for an id the transcript does not answer (nil: none).
    init(_ entries: [KeyedTranscript.Entry], recording: @escaping (String) -> String? = { _ in nil }) {
        self.entries = entries
        self.used = entries.map { _ in false }
        self.recording = recording
    }

    /// A positional transcript: `lines` read one after the other, as from a pipe.
    init(lines: [String]) {
        self.entries = []
        self.used = []
        self.recording = { _ in nil }
        self.lines = lines
    }

    func write(_ text: String) { stdout += text }
    func writeError(_ text: String) { stderr += text }
    func readAll() -> String? { nil }

    func readLine() -> String? {
        if lines != nil { return readLine(answering: "") }
        failures.append("read a line that answers nothing named (readLine without an id)")
        return nil
    }

    func readLine(answering id: String) -> String? {
        if let lines {
            guard let line = lines.first else { return nil }
            self.lines = Array(lines.dropFirst())
            asked.append(.init(id: id, line: line))
            return line
        }
        if let index = entries.indices.first(where: { !used[$0] && entries[$0].id == id }) {
            used[index] = true
            asked.append(entries[index])
            return entries[index].line
        }
        if let line = recording(id) {
            asked.append(.init(id: id, line: line))
            return line
        }
        let next =
            entries.indices.first { !used[$0] }.map { "« \(entries[$0].id): \(entries[$0].line) »" } ?? "nothing more"
        failures.append("asked \(id), the transcript answers \(next)")
        return nil
    }

    /// The entries never asked for.
    var unused: [KeyedTranscript.Entry] { entries.indices.filter { !used[$0] }.map { entries[$0] } }
}

extension KeyedTerminal {
    /// The answer a re-recording gives to a question the transcript does not answer: Enter
    /// on a default or an optional answer, « non » (the language's word), the first
    /// choice; nil for a required free answer, which only a person can write.
    static func proposal(_ content: Content, language: String) -> (String) -> String? {
        { id in
            guard let question = content.graph.question(id) else { return "" }
            if question.defaultValue != nil || !question.required { return "" }
            switch question.type {
            case .yesNo: return content.texts[language]?.text("ui.no") ?? "non"
            case .choice: return "1"
            default: return nil
            }
        }
    }
}
