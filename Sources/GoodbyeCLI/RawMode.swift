@preconcurrency import Glibc

/// The terminal in raw mode while the line editor reads a key at a time: no echo, no line
/// buffering, bracketed paste on; signals (Ctrl-C, Ctrl-Z, Ctrl-\) still signals.
///
/// Left as it was found on every way out: the end of the line, an interrupting signal
/// (`Interrupt`), a crash, and a suspension (Ctrl-Z, then `fg` puts raw mode back).
enum RawMode {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var raw = termios()
    nonisolated(unsafe) private static var active: sig_atomic_t = 0
    nonisolated(unsafe) private static var suspended: sig_atomic_t = 0
    /// The stream the editor draws on (1 or 2).
    nonisolated(unsafe) private static var stream: Int32 = 1
    /// Set by SIGWINCH and SIGCONT: the line is drawn again at the new width.
    nonisolated(unsafe) static var redrawNeeded: sig_atomic_t = 0
    /// Set by SIGCONT: the shell wrote below meanwhile, the area starts again where the
    /// cursor is.
    nonisolated(unsafe) static var resumed: sig_atomic_t = 0
    nonisolated(unsafe) private static var installed = false

    private static let pasteOn: StaticString = "\u{1B}[?2004h"
    private static let pasteOff: StaticString = "\u{1B}[?2004l"

    /// Raw mode on standard input, drawing on `stream`; false when the terminal refuses.
    static func enter(drawingOn stream: Int32) -> Bool {
        installHandlers()
        var original = termios()
        guard tcgetattr(0, &original) == 0 else { return false }
        var changed = original
        changed.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
        changed.c_iflag &= ~tcflag_t(ICRNL | INLCR | IXON)
        withUnsafeMutableBytes(of: &changed.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        saved = original
        raw = changed
        self.stream = stream
        guard tcsetattr(0, TCSADRAIN, &raw) == 0 else { return false }
        active = 1
        write(stream, pasteOn.utf8Start, pasteOn.utf8CodeUnitCount)
        return true
    }

    /// The terminal as it was.
    ///
    /// Safe in a signal handler (only `tcsetattr` and `write`).
    static func leave() {
        guard active != 0 else { return }
        active = 0
        write(stream, pasteOff.utf8Start, pasteOff.utf8CodeUnitCount)
        tcsetattr(0, TCSADRAIN, &saved)
    }

    /// SIGWINCH and SIGCONT set a flag and interrupt the read (no SA_RESTART); Ctrl-Z
    /// gives the terminal back before the process stops.
    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        handle(SIGWINCH) { _ in RawMode.redrawNeeded = 1 }
        handle(SIGTSTP, suspend)
        handle(SIGCONT) { _ in
            RawMode.handle(SIGTSTP, RawMode.suspend)
            if RawMode.suspended != 0 {
                RawMode.suspended = 0
                if tcsetattr(0, TCSADRAIN, &RawMode.raw) == 0 {
                    RawMode.active = 1
                    write(RawMode.stream, RawMode.pasteOn.utf8Start, RawMode.pasteOn.utf8CodeUnitCount)
                }
            }
            RawMode.resumed = 1
            RawMode.redrawNeeded = 1
        }
    }

    /// Ctrl-Z: the terminal given back, then stopped as the default would stop it,
    /// once this handler returns; SIGCONT (`fg`) sets it up again.
    private static let suspend: @convention(c) (Int32) -> Void = { _ in
        if RawMode.active != 0 {
            RawMode.leave()
            RawMode.suspended = 1
        }
        Glibc.signal(SIGTSTP, SIG_DFL)
        kill(getpid(), SIGTSTP)
    }

    private static func handle(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }
}
