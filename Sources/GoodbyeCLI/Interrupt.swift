@preconcurrency import Glibc
import Synchronization

/// Ctrl-C, `kill` (SIGTERM) and a closed terminal (SIGHUP): say how to resume, remove the temporary
/// file being written if any, and leave with 128 + the signal (130, 143, 129).
///
/// Files are written to a temporary name and renamed, and the session is saved after every answer,
/// so nothing is lost and nothing is left half-written.
public enum Interrupt {
    /// The message written on a signal; kept as a C string so the handler only writes.
    nonisolated(unsafe) private static var buffer: UnsafeMutablePointer<CChar>? = strdup(
        "\ngoodbye: interrompu. Relancez goodbye pour recommencer.\n")

    private static let writing = Mutex(())

    /// The temporary file being written, for the handler to remove: a fixed buffer,
    /// armed only once the path is complete in it.
    nonisolated(unsafe) private static let temporary = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    nonisolated(unsafe) private static var armed: sig_atomic_t = 0

    /// The message written on a crash at a terminal, in the session's language.
    nonisolated(unsafe) private static var crashBuffer: UnsafeMutablePointer<CChar>? = strdup(
        "\ngoodbye: erreur interne : la séance s’est arrêtée. Vos réponses enregistrées sont gardées ; signalez ce problème.\n"
    )

    static var crashMessage: String {
        get { crashBuffer.map { String(cString: $0) } ?? "" }
        set { writing.withLock { _ in crashBuffer = strdup(newValue) } }
    }

    /// Replaced under a lock; the old text is never freed, so that a handler running
    /// meanwhile never reads freed memory (a session sets it once or twice).
    static var message: String {
        get { buffer.map { String(cString: $0) } ?? "" }
        set { writing.withLock { _ in buffer = strdup(newValue) } }
    }

    /// A message that changes often (a batch's count of letters written): written in
    /// turn into two fixed buffers, so that thousands of updates allocate nothing and a
    /// signal always finds one complete; the handler writes the active one, when there
    /// is one, instead of `message`.
    nonisolated(unsafe) private static let progress = (
        UnsafeMutablePointer<CChar>.allocate(capacity: 4096),
        UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
    )
    /// -1: none; 0 or 1: the buffer to write.
    nonisolated(unsafe) private static var progressActive: sig_atomic_t = -1

    static func setProgress(_ text: String) {
        let next: sig_atomic_t = progressActive == 0 ? 1 : 0
        let buffer = next == 0 ? progress.0 : progress.1
        let bytes = Array(text.utf8.prefix(4095))
        for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
        buffer[bytes.count] = 0
        progressActive = next
    }

    static func clearProgress() { progressActive = -1 }

    /// `path` is being written: removed if a signal comes before `written()`.
    static func writing(_ path: String) {
        armed = 0
        let bytes = RawPath.bytes(path).dropLast().prefix(Int(PATH_MAX))
        for (index, byte) in bytes.enumerated() { temporary[index] = byte }
        temporary[bytes.count] = 0
        armed = 1
    }

    /// The temporary file is in place, or gone.
    static func written() { armed = 0 }

    public static func install() {
        // A reader that goes away (`goodbye questions | head -1`) is seen as EPIPE by
        // the next write, which stops quietly (StandardTerminal.write), not as a signal.
        signal(SIGPIPE, SIG_IGN)
        // Ctrl-\ too: the person asked to stop, not for a backtrace.
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            Glibc.signal(signal) { number in
                RawMode.leave()
                if Interrupt.armed != 0 { unlink(Interrupt.temporary) }
                let active = Interrupt.progressActive
                if active >= 0 {
                    let buffer = active == 0 ? Interrupt.progress.0 : Interrupt.progress.1
                    _ = write(2, buffer, strlen(buffer))
                } else if let pointer = Interrupt.buffer {
                    _ = write(2, pointer, strlen(pointer))
                }
                _exit(128 + number)
            }
        }
        // At a terminal, Swift's backtracer would wait 30 s on "Press space to
        // interact" after a crash: the shipped program says one line and stops (70).
        // SWIFT_BACKTRACE, when set, is the developer's choice and is kept.
        guard isatty(0) != 0, getenv("SWIFT_BACKTRACE") == nil else { return }
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT] {
            Glibc.signal(signal) { _ in
                RawMode.leave()
                if Interrupt.armed != 0 { unlink(Interrupt.temporary) }
                if let pointer = Interrupt.crashBuffer { _ = write(2, pointer, strlen(pointer)) }
                _exit(70)
            }
        }
    }
}
