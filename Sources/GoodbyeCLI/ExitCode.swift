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
public struct Failure: Error, Sendable {
    public var code: ExitCode
    /// Lines for stderr, each printed with the `goodbye: ` prefix.
    public var messages: [String]

    public init(_ code: ExitCode, _ messages: [String]) {
        self.code = code
        self.messages = messages
    }

    public init(_ code: ExitCode, _ message: String) {
        self.init(code, [message])
    }

    static func usage(_ message: String, hint: String = "« goodbye --help » présente les commandes et les options.") -> Failure {
        Failure(.usage, [message, hint])
    }
}
