import DialogueCore
import FoundationEssentials
import Vocabulary

#if canImport(Glibc)
    import Glibc
#endif

/// Reading inputs and writing outputs, with the contract's exit codes.
enum Files {
    /// No answer or CSV line is longer: past it, the input is not what it claims (`/dev/zero`).
    static let maximumLine = 1 << 20
    /// No answer or CSV file is larger (a 10 000-row CSV is about 3 MB).
    static let maximumSize = 256 << 20

    /// No answer file or session is larger: a real letter's answers are a few kilobytes.
    static let maximumAnswersSize = 16 << 20
    /// No letter lists more invoices (a list question's items).
    static let maximumItems = 1_000

    /// The text of an input file, read as a stream, so that a pipe (`/dev/stdin`, `<(cat F)`) reads
    /// like a file; 66 when missing or unreadable.
    ///
    /// Each line is judged as soon as it is read, before the next: not UTF-8 or holding a NUL (65,
    /// with its line), past a mebibyte, past `limit` in all, or refused by `check` (given the
    /// line's number and text) stops the reading there, nothing more read or kept.
    static func readText(
        _ path: String, limit: Int = maximumSize, label: String? = nil,
        check: ((Int, Substring) throws(Failure) -> Void)? = nil, keep: ((Substring) -> Bool)? = nil
    ) throws(Failure) -> String {
        try decode(
            Data(readBytes(path, limit: limit, judging: true, label: label, check: check, keep: keep)),
            name: label ?? path)
    }

    /// The bytes of an input file, read as `readText` reads it; `judging` false leaves the text to
    /// its reader (a CSV says which cell is not UTF-8, with its column).
    ///
    /// A judged line `keep` refuses (a comment) is not kept, only its line end: what is kept does
    /// not grow with what a reader passes over.
    static func readBytes(
        _ path: String, limit: Int = maximumSize, judging: Bool = false, label: String? = nil,
        check: ((Int, Substring) throws(Failure) -> Void)? = nil, keep: ((Substring) -> Bool)? = nil
    ) throws(Failure) -> [UInt8] {
        let shown = label ?? path
        let descriptor = try openInput(path)
        defer { close(descriptor) }
        var output: [UInt8] = []
        var current: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var line = 1
        var total = 0
        var previous: UInt8 = 0
        /// The line just read, judged, then kept or passed over.
        func end() throws(Failure) {
            var kept = true
            if judging {
                guard !current.contains(0), let text = String(validating: current, as: UTF8.self) else {
                    throw Failure(.dataError, .notUTF8, ["location": "\(printable(shown)):\(line)"])
                }
                try check?(line, Substring(text))
                kept = keep?(Substring(text)) ?? true
            }
            if kept { output += current }
            current.removeAll(keepingCapacity: true)
        }
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Failure(.noInput, .fileUnreadable, ["path": printable(path)]) }
            if count == 0 { break }
            for byte in buffer[0..<count] {
                defer { previous = byte }
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    // A CR alone ends a line too (« CSV (Macintosh) »); CRLF counts once.
                    if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\r") {
                        output.append(byte)
                        continue
                    }
                    try end()
                    output.append(byte)
                    line += 1
                } else {
                    current.append(byte)
                    if current.count > maximumLine {
                        throw Failure(.dataError, .fileLineTooLong, ["location": "\(printable(shown)):\(line)"])
                    }
                }
            }
            total += count
            if total > limit {
                throw Failure(.dataError, .fileTooLarge, ["path": printable(shown), "count": "\(limit >> 20)"])
            }
        }
        if !current.isEmpty { try end() }
        return output
    }

    /// The bytes of an input file in chunks, each given to `body` as it is read: a file of any
    /// length in constant memory.
    ///
    /// The same limits as `readBytes`: no physical line past a mebibyte, no file past `limit`.
    static func readChunks(
        _ path: String, limit: Int = maximumSize, _ body: (ArraySlice<UInt8>) throws(Failure) -> Void
    ) throws(Failure) {
        let descriptor = try openInput(path)
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var total = 0
        var line = 1
        var lineLength = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Failure(.noInput, .fileUnreadable, ["path": printable(path)]) }
            if count == 0 { return }
            for byte in buffer[0..<count] {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    if byte == UInt8(ascii: "\n") || lineLength > 0 { line += 1 }
                    lineLength = 0
                } else {
                    lineLength += 1
                    if lineLength > maximumLine {
                        throw Failure(.dataError, .fileLineTooLong, ["location": "\(printable(path)):\(line)"])
                    }
                }
            }
            total += count
            if total > limit {
                throw Failure(.dataError, .fileTooLarge, ["path": printable(path), "count": "\(limit >> 20)"])
            }
            try body(buffer[0..<count])
        }
    }

    /// An input file opened for reading: 66 when it is missing, a folder or unreadable.
    private static func openInput(_ path: String) throws(Failure) -> Int32 {
        guard let status = status(path) else {
            throw Failure(
                .noInput, errno == ENOENT || errno == ENOTDIR ? .fileMissing : .fileUnreadable,
                ["path": printable(path)])
        }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw Failure(.noInput, .inputIsFolder, ["path": printable(path)])
        }
        let descriptor = withPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw Failure(.noInput, .fileUnreadable, ["path": printable(path)]) }
        return descriptor
    }

    /// UTF-8 text, or a 65 that names the first bad line.
    static func decode(_ data: Data, name: String) throws(Failure) -> String {
        if let text = String(data: data, encoding: .utf8), !text.contains("\u{0}") { return text }
        var line = 1
        var start = 0
        let bytes = [UInt8](data)
        for (index, byte) in bytes.enumerated() {
            if byte == 0 { break }
            if byte == UInt8(ascii: "\n") {
                if String(bytes: bytes[start..<index], encoding: .utf8) == nil { break }
                line += 1
                start = index + 1
            }
        }
        throw Failure(.dataError, .notUTF8, ["location": "\(printable(name)):\(line)"])
    }

    /// Writes `text` to `path` atomically: a temporary file beside it, then a rename.
    ///
    /// Never replaces an existing file unless `force`. Without `permissions`, the file gets what a
    /// new file gets under the umask (a letter holds personal data: `umask 077` keeps it private),
    /// or, when `--force` replaces a file, that file's own permissions. `durable`: the data reaches
    /// the disk before the file takes its name (one letter); a batch of thousands flushes its
    /// folder once at the end instead (`flush`).
    static func write(_ text: String, to path: String, force: Bool, permissions: Int? = nil, durable: Bool = true)
        throws(Failure)
    {
        try write(bytes: Array(text.utf8), to: path, force: force, permissions: permissions, durable: durable)
    }

    static func write(bytes: [UInt8], to path: String, force: Bool, permissions: Int? = nil, durable: Bool = true)
        throws(Failure)
    {
        let (folder, name) = split(path)
        try checkExisting(path, force: force)
        let permissions = permissions ?? existingPermissions(path) ?? 0o666 & ~Int(currentUmask())
        guard isFolder(folder) else { throw missingFolder(folder) }
        let temporary = folder + "/.\(name).\(getpid()).tmp"
        // Private while it is written; its final permissions once complete. A signal
        // meanwhile removes it (Interrupt).
        Interrupt.writing(temporary)
        defer { Interrupt.written() }
        let descriptor = withPath(temporary) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600) }
        guard descriptor >= 0 else {
            let reason = errno
            guard reason == EACCES || reason == EROFS || reason == EPERM else {
                throw Failure(.cantCreate, [Message(.createFailed, ["path": printable(path)])] + Self.reason(reason))
            }
            throw Failure(.cantCreate, .outputFolderReadOnly, ["folder": printable(folder)])
        }
        var failure: Int32 = 0
        let written = bytes.withUnsafeBufferPointer { bytes -> Bool in
            guard let start = bytes.baseAddress else { return true }
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(descriptor, start + offset, bytes.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    failure = count < 0 ? errno : ENOSPC
                    return false
                }
                offset += count
            }
            return true
        }
        let complete = written && (!durable || fsync(descriptor) == 0) && fchmod(descriptor, mode_t(permissions)) == 0
        if written, !complete { failure = errno }
        guard close(descriptor) == 0, complete else {
            if failure == 0 { failure = errno }
            withPath(temporary) { _ = unlink($0) }
            throw Failure(.ioError, [Message(.writeFailed, ["path": printable(path)])] + Self.reason(failure))
        }
        try commit(temporary, to: path, force: force)
    }

    /// Puts the finished temporary file in place in one step: `rename` replaces (with
    /// `--force`); `link` refuses an existing file, even one created meanwhile.
    private static func commit(_ temporary: String, to path: String, force: Bool) throws(Failure) {
        defer { withPath(temporary) { _ = unlink($0) } }
        if force {
            guard withPath(temporary, { from in withPath(path) { rename(from, $0) } }) == 0 else {
                throw Failure(.ioError, .replaceFailed, ["path": printable(path)])
            }
            return
        }
        guard withPath(temporary, { from in withPath(path) { link(from, $0) } }) == 0 else {
            let reason = errno
            if reason == EEXIST {
                throw Failure.exists(path)
            }
            throw Failure(.cantCreate, [Message(.createFailed, ["path": printable(path)])] + Self.reason(reason))
        }
    }
}

extension Files {
    /// Whether `path` can be written, checked before any question is asked: its folder
    /// exists and is writable, and it does not exist unless `force`.
    static func checkCreatable(_ path: String, force: Bool) throws(Failure) {
        try checkExisting(path, force: force)
        let folder = split(path).folder
        guard isFolder(folder) else { throw missingFolder(folder) }
        guard withPath(folder, { access($0, W_OK) }) == 0 else {
            throw Failure(.cantCreate, .outputFolderReadOnly, ["folder": printable(folder)])
        }
    }

    /// What is already at an output path: nothing, or a regular file that `--force` may replace.
    ///
    /// A folder, a device, a pipe or a socket is never replaced (a letter written over `/dev/null`
    /// as root would replace the device).
    private static func checkExisting(_ path: String, force: Bool) throws(Failure) {
        guard let status = status(path) else { return }
        switch status.st_mode & S_IFMT {
        case S_IFREG: guard force else { throw Failure.exists(path) }
        case S_IFDIR: throw Failure(.cantCreate, .outputIsFolder, ["path": printable(path)])
        default: throw Failure(.cantCreate, .outputNotRegular, ["path": printable(path)])
        }
    }

    /// What `stat` says of `path` (links followed), nil when nothing is there.
    static func status(_ path: String) -> stat? {
        var status = stat()
        return withPath(path) { stat($0, &status) } == 0 ? status : nil
    }

    static func isFolder(_ path: String) -> Bool { status(path).map { $0.st_mode & S_IFMT == S_IFDIR } ?? false }

    static func isRegular(_ path: String) -> Bool { status(path).map { $0.st_mode & S_IFMT == S_IFREG } ?? false }

    /// The folder of `path` and its last component, on the string: no URL, so that
    /// bytes kept from a non-UTF-8 name stay as they are.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// `mkdir -p`, each new folder with `mode` (under the umask).
    static func makeFolders(_ path: String, mode: mode_t) -> Bool {
        if isFolder(path) { return true }
        let parent = split(path).folder
        guard parent == path || makeFolders(parent, mode: mode) else { return false }
        return withPath(path) { mkdir($0, mode) } == 0 || isFolder(path)
    }

    /// Whether anything exists at `path` (a dangling link counts).
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return withPath(path) { lstat($0, &status) } == 0
    }

    /// The output folder of a batch, created with its parents when missing.
    static func makeFolder(_ path: String) throws(Failure) {
        if status(path) != nil {
            guard isFolder(path) else { throw Failure(.cantCreate, .outputIsFile, ["path": printable(path)]) }
        } else {
            guard makeFolders(path, mode: 0o777) else {
                throw Failure(.cantCreate, .createFailed, ["path": printable(path)])
            }
        }
        guard withPath(path, { access($0, W_OK) }) == 0 else {
            throw Failure(.cantCreate, .outputFolderReadOnly, ["folder": printable(path)])
        }
    }

    /// The batch's letters on disk: written data flushed once, for all of them.
    static func flush() { sync() }

    /// The permission bits of an existing file, nil when there is none.
    private static func existingPermissions(_ path: String) -> Int? {
        status(path).map { Int($0.st_mode & 0o7777) }
    }

    /// The process's umask (reading it means setting it: it is set back at once).
    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// Whether two paths name the same file: the same inode when both exist, else the
    /// same absolute path once `.` and `..` are resolved.
    static func sameFile(_ first: String, _ second: String) -> Bool {
        if let a = status(first), let b = status(second) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino }
        return URL(fileURLWithPath: first).standardizedFileURL.path
            == URL(fileURLWithPath: second).standardizedFileURL.path
    }

    /// `name.txt`, or `name-2.txt`, `name-3.txt`… the first that does not exist.
    static func freeName(_ name: String, extension suffix: String) -> String {
        var candidate = name + "." + suffix
        var number = 2
        while exists(candidate) {
            candidate = "\(name)-\(number).\(suffix)"
            number += 1
        }
        return candidate
    }

    /// A file name from words: letters and digits without accents (Greek and Cyrillic
    /// written in Latin letters, « İstanbul » as `istanbul`), joined by dashes; never a
    /// name Windows keeps for a device (`con`, `nul`, `com1`…).
    static func slug(_ text: String) -> String {
        let latin = String(text.lowercased().flatMap { transliteration[$0] ?? String($0) })
        let words = folded(latin).split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let joined = String(words.joined(separator: "-").prefix(80))
        guard !joined.isEmpty else { return "lettre" }
        let device = ["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] }
        return device.contains(joined) ? "lettre-" + joined : joined
    }

    /// Letters `folded` leaves out, in the Latin letters a French reader would write them.
    private static let transliteration: [Character: String] = {
        var table: [Character: String] = [
            "i̇": "i", "ı": "i", "ð": "d", "þ": "th", "ŋ": "n", "ħ": "h", "ł": "l", "đ": "d", "ø": "o",
        ]
        let cyrillic = [
            "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "j", "з": "z", "и": "i",
            "й": "i",
            "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "ou",
            "ф": "f", "х": "kh",
            "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iou", "я": "ia",
            "і": "i",
            "ї": "i", "є": "ie", "ґ": "g",
        ]
        let greek = [
            "α": "a", "ά": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "έ": "e", "ζ": "z", "η": "i", "ή": "i",
            "θ": "th",
            "ι": "i", "ί": "i", "ϊ": "i", "ΐ": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o",
            "ό": "o", "π": "p",
            "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "ύ": "y", "ϋ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
            "ω": "o", "ώ": "o",
        ]
        for (letter, latin) in cyrillic.merging(greek, uniquingKeysWith: { first, _ in first }) {
            table[Character(letter)] = latin
        }
        return table
    }()
}

extension Files {
    /// Why the system refused, in the person's words, when it says why: a full disk, a
    /// name too long, a quota, a read-only disk.
    static func reason(_ code: Int32) -> [Message] {
        switch code {
        case ENOSPC: return [Message(.reasonNoSpace)]
        case EDQUOT: return [Message(.reasonQuota)]
        case ENAMETOOLONG: return [Message(.reasonNameTooLong)]
        case EROFS: return [Message(.reasonReadOnly)]
        case EIO: return [Message(.reasonDevice)]
        default: return []
        }
    }

    /// The folder of an output is not there: missing, or a file (`-o lettre.txt/x`).
    static func missingFolder(_ folder: String) -> Failure {
        status(folder) != nil
            ? Failure(.cantCreate, .outputParentIsFile, ["path": printable(folder)])
            : Failure(.cantCreate, .outputFolderMissing, ["folder": printable(folder)])
    }
}

extension Failure {
    /// An output that exists, without `--force`: nothing was changed.
    static func exists(_ path: String) -> Failure {
        Failure(.cantCreate, [Message(.outputExists, ["path": printable(path)]), Message(.outputExistsFix)])
    }
}
