@preconcurrency import Glibc

/// Where the conversation is read and written: the real terminal, or a script in tests.
public protocol Terminal: AnyObject {
    /// True when standard input is a terminal (a person typing).
    var isInteractive: Bool { get }
    /// True when standard output is a terminal.
    var outputIsTerminal: Bool { get }
    /// True when standard error is a terminal.
    var errorIsTerminal: Bool { get }
    /// Columns available for wrapping.
    var width: Int { get }
    func write(_ text: String)
    func writeError(_ text: String)
    /// One line of input without its line ending, or nil at end of input.
    func readLine() -> String?
    /// Everything left on standard input (for `--answers -`), or nil when unreadable.
    func readAll() -> String?
    /// True when reading standard input failed (a folder, an I/O error), as opposed to
    /// its end: `readLine` returns nil for both.
    var inputFailed: Bool { get }
    /// True when a line of input went past the limit (`StandardTerminal.maximumLineBytes`).
    var lineTooLong: Bool { get }
    /// Bytes to standard output as they are (a PDF).
    func writeBytes(_ bytes: [UInt8])
    /// A path that reads standard input as a file (`/dev/stdin`), so that `--answers -`
    /// is read as a stream like any answer file; nil where there is none (tests).
    var standardInputPath: String? { get }
}

extension Terminal {
    public func writeBytes(_ bytes: [UInt8]) { write(String(decoding: bytes, as: UTF8.self)) }
    public var inputFailed: Bool { false }
    public var lineTooLong: Bool { false }
    public var standardInputPath: String? { nil }
}

/// The process's own standard streams.
public final class StandardTerminal: Terminal {
    public init() {}

    public var isInteractive: Bool { isatty(0) == 1 }
    public var standardInputPath: String? { "/dev/stdin" }
    public var outputIsTerminal: Bool { isatty(1) == 1 }
    public var errorIsTerminal: Bool { isatty(2) == 1 }

    public var width: Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }

    /// Writes to standard output. When its reader has gone (`| head -1`), there is no
    /// one left to tell: stop at once, quietly, with the contract's 74 (I/O error).
    public func write(_ text: String) {
        if fputs(text, stdout) == EOF || fflush(stdout) != 0, errno == EPIPE { exit(ExitCode.ioError.rawValue) }
    }

    public func writeBytes(_ bytes: [UInt8]) {
        if fwrite(bytes, 1, bytes.count, stdout) != bytes.count || fflush(stdout) != 0, errno == EPIPE { exit(ExitCode.ioError.rawValue) }
    }

    /// False when something written to standard output was lost (full disk, closed output).
    public func outputWasWritten() -> Bool {
        fflush(stdout) == 0 && ferror(stdout) == 0
    }

    public func writeError(_ text: String) {
        fputs(text, stderr)
        fflush(stderr)
    }

    public func readLine() -> String? {
        guard var bytes = boundedLine() else { return nil }
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func readAll() -> String? {
        var bytes: [UInt8] = []
        while let line = boundedLine() { bytes += line }
        return inputFailed || lineTooLong ? nil : String(decoding: bytes, as: UTF8.self)
    }

    public var inputFailed: Bool { ferror(stdin) != 0 }

    /// Set when a line went past `maximumLineBytes` (`goodbye run < /dev/zero`, where
    /// a line never ends): reading stops there instead of growing without bound.
    public private(set) var lineTooLong = false

    public static let maximumLineBytes = 1 << 20

    /// The next line with its `\n`, the last one without; nil at the end of input, on a
    /// read error, or past `maximumLineBytes`.
    private func boundedLine() -> [UInt8]? {
        var bytes: [UInt8] = []
        while true {
            let byte = getc_unlocked(stdin)
            if byte == EOF { return bytes.isEmpty ? nil : bytes }
            guard bytes.count < Self.maximumLineBytes else {
                lineTooLong = true
                return nil
            }
            bytes.append(UInt8(truncatingIfNeeded: byte))
            if byte == 10 { return bytes }
        }
    }
}
