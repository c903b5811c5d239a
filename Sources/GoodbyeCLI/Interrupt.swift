@preconcurrency import Glibc

/// Ctrl-C: say how to resume and leave with 130. Files are written to a temporary
/// name and renamed, and the session is saved after every answer, so nothing is lost.
public enum Interrupt {
    /// The message written on Ctrl-C; kept as a C string so the handler only writes.
    nonisolated(unsafe) private static var buffer: UnsafeMutablePointer<CChar>? = strdup(
        "\ngoodbye: interrompu. Relancez goodbye pour recommencer.\n")

    static var message: String {
        get { buffer.map { String(cString: $0) } ?? "" }
        set {
            let old = buffer
            buffer = strdup(frenchTypography(newValue))
            free(old)
        }
    }

    public static func install() {
        signal(SIGINT) { _ in
            if let pointer = Interrupt.buffer { _ = write(2, pointer, strlen(pointer)) }
            _exit(130)
        }
    }
}
