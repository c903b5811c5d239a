@preconcurrency import Glibc

/// The person's own editor (`$VISUAL`, else `$EDITOR`), run on a draft as `git commit`
/// does: through `/bin/sh`, so that `code --wait` or `nano -R` work, with the terminal.
enum ExternalEditor {
    /// The editor's command, or nil when neither variable names one.
    static func command(_ environment: [String: String]) -> String? {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmed, !value.isEmpty { return value }
        }
        return nil
    }

    enum Outcome: Equatable {
        /// What the editor left in the file.
        case edited(String)
        /// The editor could not start or stopped on an error (its exit status).
        case failed(Int32)
    }

    /// `text` in a private temporary file named `*.EXTENSION` (the editor picks its
    /// highlighting from it), edited, read back, removed.
    static func edit(_ text: String, fileExtension: String, command: String, environment: [String: String]) -> Outcome {
        let folder = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/goodbye-XXXXXX.\(fileExtension)".utf8CString)
        let descriptor = mkstemps(&template, Int32(fileExtension.utf8.count + 1))
        guard descriptor >= 0 else { return .failed(-1) }
        let path = String(cString: template)
        defer { unlink(path) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { return .failed(-1) }
        let status = run(command + " " + quoted(path))
        guard status == 0 else { return .failed(status) }
        guard let file = fopen(path, "rb") else { return .failed(-1) }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            result += buffer[0..<count]
        }
        return .edited(String(decoding: result, as: UTF8.self))
    }

    /// `sh -c COMMAND`, waited for; Ctrl-C and Ctrl-\ belong to the editor meanwhile
    /// (as `system` does), not to this program.
    private static func run(_ command: String) -> Int32 {
        let ignored = (signal(SIGINT, SIG_IGN), signal(SIGQUIT, SIG_IGN))
        defer {
            signal(SIGINT, ignored.0)
            signal(SIGQUIT, ignored.1)
        }
        var pid = pid_t()
        let arguments = ["/bin/sh", "-c", command]
        var pointers = arguments.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The editor gets the default dispositions back.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        guard posix_spawn(&pid, "/bin/sh", nil, &attributes, &pointers, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        // Exited normally: its code; killed by a signal: 128 + the signal.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// A path as one shell word.
    static func quoted(_ path: String) -> String {
        "'" + path.replacing("'", with: "'\\''") + "'"
    }
}
