import DialogueCore
import LetterTemplating
import Vocabulary

/// The exit statuses of the contract (sysexits.h, plus 1 and 130).
public enum ExitCode: Int32, Sendable {
    case ok = 0
    case endOfInput = 1
    case usage = 64
    case dataError = 65
    case noInput = 66
    case software = 70
    case cantCreate = 73
    case ioError = 74
    case interrupted = 130
}

/// Why a command stops early: the one place where an error becomes messages and a status.
///
/// The messages are keys; the shell renders them in the session's language.
public struct Failure: Error, Sendable {
    public var code: ExitCode
    /// Lines for stderr, each printed with the `goodbye: ` prefix.
    public var messages: [Message]

    public init(_ code: ExitCode, _ messages: [Message]) {
        self.code = code
        self.messages = messages
    }

    public init(_ code: ExitCode, _ key: CLIMessage, _ values: [String: String] = [:]) {
        self.init(code, [Message(key, values)])
    }

    /// A bad command line: the problem, then how to find the right usage.
    static func usage(_ message: Message, hints: [Message] = []) -> Failure {
        Failure(.usage, [message] + hints + [Message(.usageHint)])
    }

    /// A line of standard input past the limit (one mebibyte, as the message says): data
    /// no answer can be (65).
    static var lineTooLong: Failure {
        Failure(.dataError, .lineTooLong)
    }

    /// A letter template that cannot be rendered (partials that include each other, a
    /// name no answer gives): the content is at fault, as `goodbye check` says (65).
    static func template(_ error: TemplateError) -> Failure {
        Failure(
            .dataError,
            [
                Message(.letterFailed, ["location": error.location.description], detail: error.localized),
                Message(.contentInvalid),
            ])
    }

    static func usage(_ key: CLIMessage, _ values: [String: String] = [:]) -> Failure {
        usage(Message(key, values))
    }
}
