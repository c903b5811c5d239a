@preconcurrency import Glibc
import LineEditing

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
    /// The line answering `id` (a question or node of the dialogue, or one of the
    /// exchanges outside it: `save`, `warnings`): a script keyed by what is asked reads
    /// the entry for it; a stream reads its next line.
    func readLine(answering id: String) -> String?
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
    /// Rows available, for paging what would not fit.
    var height: Int { get }
    /// True when a person types at a terminal that also shows `stream` (1 or 2): answers
    /// are read with the line editor, choices shown as menus.
    func canEdit(on stream: Int32) -> Bool
    /// One answer read with the line editor drawn on `stream`; nil at the end of input.
    func edit(_ editor: LineEditor, _ view: EditorView, on stream: Int32) -> String?
}

extension Terminal {
    public func writeBytes(_ bytes: [UInt8]) { write(String(decoding: bytes, as: UTF8.self)) }
    public func readLine(answering id: String) -> String? { readLine() }
    public var inputFailed: Bool { false }
    public var lineTooLong: Bool { false }
    public var standardInputPath: String? { nil }
    public var height: Int { 24 }
    public func canEdit(on stream: Int32) -> Bool { false }
    public func edit(_ editor: LineEditor, _ view: EditorView, on stream: Int32) -> String? { readLine() }
}

/// The process's own standard streams.
public final class StandardTerminal: Terminal {
    public init() {}

    public var isInteractive: Bool { isatty(0) == 1 }
    public var standardInputPath: String? { "/dev/stdin" }
    public var outputIsTerminal: Bool { isatty(1) == 1 }
    public var errorIsTerminal: Bool { isatty(2) == 1 }

    /// Read each time it is asked (a window resized meanwhile is seen): the width of the
    /// terminal the conversation is on, 20 columns at the least; 80 without a terminal.
    public var width: Int {
        for stream: Int32 in [1, 2, 0] {
            var size = winsize()
            if ioctl(stream, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(Int(size.ws_col), 20) }
        }
        return 80
    }

    public var height: Int {
        for stream: Int32 in [1, 2, 0] {
            var size = winsize()
            if ioctl(stream, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return max(Int(size.ws_row), 5) }
        }
        return 24
    }

    /// Lines written to a terminal are kept within its width (a pipe gets them as they are).
    private var fitters = (ScreenFitter(), ScreenFitter())
    private lazy var onTerminal = (isatty(1) == 1, isatty(2) == 1)

    /// Writes to standard output.
    ///
    /// When its reader has gone (`| head -1`), there is no one left to tell: stop at once, quietly,
    /// with the contract's 74 (I/O error).
    public func write(_ text: String) {
        let text = onTerminal.0 ? fitters.0.fit(text, width: width) : text
        if fputs(text, stdout) == EOF || fflush(stdout) != 0, errno == EPIPE { exit(ExitCode.ioError.rawValue) }
    }

    public func writeBytes(_ bytes: [UInt8]) {
        if fwrite(bytes, 1, bytes.count, stdout) != bytes.count || fflush(stdout) != 0, errno == EPIPE {
            exit(ExitCode.ioError.rawValue)
        }
    }

    /// False when something written to standard output was lost (full disk, closed output).
    public func outputWasWritten() -> Bool {
        fflush(stdout) == 0 && ferror(stdout) == 0
    }

    public func writeError(_ text: String) {
        fputs(onTerminal.1 ? fitters.1.fit(text, width: width) : text, stderr)
        fflush(stderr)
    }

    /// `TERM` and `--plain` are the caller's to judge (its environment may be a test's).
    public func canEdit(on stream: Int32) -> Bool {
        isatty(0) == 1 && isatty(stream) == 1
    }

    /// Keys read one read(2) at a time in raw mode and given to the editor; the line is
    /// drawn again after each, and after a resize or a return from suspension.
    public func edit(_ editor: LineEditor, _ view: EditorView, on stream: Int32) -> String? {
        let file = stream == 2 ? stderr : stdout
        fflush(file)
        guard RawMode.enter(drawingOn: stream) else { return readLine() }
        defer {
            RawMode.leave()
            fitters.0.reset()
            fitters.1.reset()
        }
        var editor = editor
        var decoder = KeyDecoder()
        var renderer = Renderer()
        func draw(_ text: String) {
            fputs(text, file)
            fflush(file)
        }
        draw(renderer.draw(view.layout(editor, width: width)))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(0, &buffer, buffer.count)
            if count < 0, errno == EINTR {
                if RawMode.redrawNeeded != 0 {
                    RawMode.redrawNeeded = 0
                    if RawMode.resumed != 0 {
                        RawMode.resumed = 0
                        renderer = Renderer()
                    }
                    draw(renderer.draw(view.layout(editor, width: width)))
                }
                continue
            }
            guard count > 0 else {
                draw(renderer.finish(view.answered(editor, picked: nil, width: width)))
                return nil
            }
            var keys = decoder.feed(Array(buffer[0..<count]))
            // A lone ESC: a key of its own if nothing follows at once.
            if decoder.isWaiting {
                var poller = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
                if poll(&poller, 1, 50) == 0 { keys += decoder.flush() }
            }
            for key in keys {
                switch editor.handle(key) {
                case .editing: continue
                case .submit(let text, let picked):
                    draw(renderer.finish(view.answered(editor, picked: picked, width: width)))
                    return text
                case .endOfInput:
                    draw(renderer.finish(view.answered(editor, picked: nil, width: width)))
                    return nil
                case .interrupt:
                    RawMode.leave()
                    raise(SIGINT)
                case .clearScreen:
                    draw(renderer.clearScreen(view.layout(editor, width: width)))
                }
            }
            draw(renderer.draw(view.layout(editor, width: width)))
        }
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
