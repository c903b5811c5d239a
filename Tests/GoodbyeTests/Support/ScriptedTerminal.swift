import GoodbyeCLI

/// A terminal for in-process runs: lines to read, and everything written.
final class ScriptedTerminal: Terminal {
    var lines: [String]
    var stdinText: String?
    var stdout = ""
    var stderr = ""
    let isInteractive: Bool
    var outputIsTerminal = false
    let errorIsTerminal = false
    let width = 80
    /// Called before each line is read, with how many were read: a test acts meanwhile.
    var beforeReading: ((Int) -> Void)?
    private var read = 0

    init(lines: [String] = [], stdin: String? = nil, interactive: Bool = false) {
        self.lines = lines
        self.stdinText = stdin
        self.isInteractive = interactive
    }

    func write(_ text: String) { stdout += text }
    func writeError(_ text: String) { stderr += text }

    func readLine() -> String? {
        beforeReading?(read)
        read += 1
        guard !lines.isEmpty else { return nil }
        return lines.removeFirst()
    }

    func readAll() -> String? {
        defer { stdinText = nil }
        return stdinText ?? lines.joined(separator: "\n")
    }
}
