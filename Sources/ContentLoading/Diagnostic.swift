import DialogueCore

/// One problem found in content or an answer file: a stable code, where, and how to fix it.
public struct Diagnostic: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var code: String
    public var file: String
    public var line: Int
    public var column: Int
    /// What is wrong and how to fix it, in the reader's language.
    public var message: Message

    public init(_ code: String, file: String, line: Int, column: Int = 1, _ message: Message) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A content diagnostic written in French only (`goodbye check`, for content authors).
    public init(_ code: String, file: String, line: Int, column: Int = 1, _ text: String) {
        self.init(code, file: file, line: line, column: column, Message(.verbatim, ["text": text]))
    }

    public var location: String { line > 0 ? "\(file):\(line):\(column)" : file }
    /// The diagnostic in the language of `texts`: `file:line:col: CODE message`.
    public func rendered(_ texts: TextTable) -> String { "\(location): \(code) \(texts.render(message))" }
    public var description: String { "\(location): \(code) \(message.values["text"] ?? message.key.rawValue)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.code) < (rhs.file, rhs.line, rhs.column, rhs.code)
    }
}

/// Raised when content cannot be used; carries every problem found.
public struct ContentError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    /// True when the content folder itself is missing or unreadable (exit 66).
    public var missing: Bool
}
