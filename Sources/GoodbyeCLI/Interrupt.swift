@preconcurrency import Glibc

/// Ctrl-C: say how to start again and leave with 130, never with a half-written file
/// (files are written to a temporary name and renamed).
public enum Interrupt {
    public static func install() {
        signal(SIGINT) { _ in
            let message = "\ngoodbye: interrompu. Relancez goodbye pour reprendre.\n"
            message.withCString { pointer in _ = write(2, pointer, strlen(pointer)) }
            _exit(130)
        }
    }
}
