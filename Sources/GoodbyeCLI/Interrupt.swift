@preconcurrency import Glibc
import Synchronization

/// Ctrl-C: say how to resume and leave with 130. Files are written to a temporary
/// name and renamed, and the session is saved after every answer, so nothing is lost.
public enum Interrupt {
    /// The message written on Ctrl-C; kept as a C string so the handler only writes.
    nonisolated(unsafe) private static var buffer: UnsafeMutablePointer<CChar>? = strdup(
        "\ngoodbye: interrompu. Relancez goodbye pour recommencer.\n")

    private static let writing = Mutex(())

    /// Replaced under a lock; the old text is never freed, so that a handler running
    /// meanwhile never reads freed memory (a session sets it once or twice).
    static var message: String {
        get { buffer.map { String(cString: $0) } ?? "" }
        set { writing.withLock { _ in buffer = strdup(newValue) } }
    }

    public static func install() {
        // A reader that goes away (`goodbye questions | head -1`) is seen as EPIPE by
        // the next write, which stops quietly (StandardTerminal.write), not as a signal.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGINT) { _ in
            if let pointer = Interrupt.buffer { _ = write(2, pointer, strlen(pointer)) }
            _exit(130)
        }
    }
}
