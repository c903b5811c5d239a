import DialogueCore
import Vocabulary

/// One problem found in content or an answer file: a stable code, where, and how to fix it.
public struct Diagnostic: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var code: DiagnosticCode
    public var file: String
    public var line: Int
    public var column: Int
    /// What is wrong and how to fix it, in the reader's language.
    public var message: Message

    public init(_ code: DiagnosticCode, file: String, line: Int, column: Int = 1, _ message: Message) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A content diagnostic written in French only (`goodbye check`, for content authors).
    public init(_ code: DiagnosticCode, file: String, line: Int, column: Int = 1, _ text: String) {
        self.init(code, file: file, line: line, column: column, Message(.verbatim, ["text": text]))
    }

    public var location: String { line > 0 ? "\(file):\(line):\(column)" : file }
    /// The diagnostic in the language of `texts`: `file:line:col: CODE message`.
    public func rendered(_ texts: TextTable) -> String { "\(location): \(code.rawValue) \(texts.render(message))" }
    /// For logs and test failures: the message's key and values when it is not a text already.
    public var description: String {
        let text =
            message.values["text"]
            ?? ([message.key.rawValue] + message.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
            .joined(separator: " ")
        return "\(location): \(code.rawValue) \(text)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.code) < (rhs.file, rhs.line, rhs.column, rhs.code)
    }
}

/// Raised when content cannot be used; carries every problem found.
public struct ContentError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    /// True when the content folder itself is missing or unreadable (exit 66).
    public var missing: Bool
    /// True when a file of it cannot be read: no permission, a dangling link, a pipe (exit 66).
    public var unreadable = false
}

/// The stable codes of `goodbye check` and of answer-file problems, one per kind of
/// mistake, each with a fixture under Tests/ContentLoadingTests/Fixtures (GB000–GB020).
public enum DiagnosticCode: String, Sendable, CaseIterable, Comparable {
    /// The content folder does not exist.
    case contentFolderMissing = "GB000"
    /// A line that is not `key = value`, a section or a comment; an unreadable file.
    case syntax = "GB001"
    /// A question or node the dialogue names does not exist (start, next).
    case missingTarget = "GB002"
    /// A condition names a question or a value that does not exist.
    case badCondition = "GB003"
    /// A question nothing leads to.
    case unreachable = "GB004"
    /// A loop: the dialogue would never end.
    case loop = "GB005"
    /// The same id or key twice.
    case duplicate = "GB006"
    /// A sign of the contract missing or declared with another id.
    case contractSign = "GB007"
    /// A text the program or a question needs is missing in a language.
    case missingText = "GB008"
    /// A text nobody uses.
    case unusedText = "GB009"
    /// A letter template that does not parse, or a letter part that is missing.
    case letterTemplate = "GB010"
    /// A letter template that reads a variable the letter never provides.
    case letterVariable = "GB011"
    /// A text French has and another language lacks.
    case untranslated = "GB012"
    /// An unknown question type or field type.
    case questionType = "GB013"
    /// An unknown key in a question.
    case unknownKey = "GB014"
    /// The dated rates file missing or wrong.
    case rates = "GB015"
    /// A computed default that does not exist, or a bad default.
    case computedDefault = "GB016"
    /// French typography the program cannot fix: straight apostrophe, ordinary space before double punctuation.
    case typography = "GB017"
    /// A question the letter code reads, changed: missing, another type, other choice values.
    case letterContract = "GB018"
    /// The table of letter kinds (letters.ini) wrong or inconsistent with the dialogue.
    case letterKinds = "GB019"
    /// A text with `{{…}}` that does not parse or reads a name the program never provides.
    case textTemplate = "GB020"
    /// An answer-file line that is not `id = value`.
    case answerLine = "GB100"
    /// An answer to an unknown question.
    case answerUnknownId = "GB101"
    /// Two answers to one question that takes one.
    case answerRepeated = "GB102"
    /// An answer the question does not accept, or an empty one it needs.
    case answerRejected = "GB103"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
