import ContentLoading
import DialogueCore
import FoundationEssentials
import Vocabulary

#if canImport(Glibc)
    import Glibc
#endif

/// A saved session: the answer-file format, with a header that records the content version and, per
/// answer, the fingerprint of its question.
///
/// Readable by its owner only.
struct SessionStore {
    let path: String
    let content: Content
    /// What the file was when this run last read or wrote it: changed since, by hand or
    /// by another program, it is not written over.
    private let seen = Seen()

    private final class Seen {
        var stamp: (modified: timespec, size: off_t)?
        var readOnce = false
    }

    private static func stamp(_ path: String) -> (modified: timespec, size: off_t)? {
        Files.status(path).map { ($0.st_mtim, $0.st_size) }
    }

    /// The descriptors of the locks this process holds (kept open until it ends).
    nonisolated(unsafe) private static var locks: [String: Int32] = [:]

    /// Takes the session for this run: `flock` on `FILE.lock` beside it, so that a second run on
    /// the same file is told which file is in use instead of erasing the first one's answers.
    ///
    /// Nil when the lock cannot be made (the saving will say why).
    func lock() throws(Failure) {
        guard Self.locks[path] == nil else { return }
        let folder = Files.split(path).folder
        guard Files.makeFolders(folder, mode: 0o700) else { return }
        let descriptor = withPath(path + ".lock") { open($0, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
        guard descriptor >= 0 else { return }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw Failure(.cantCreate, .sessionInUse, ["path": printable(path)])
        }
        Self.locks[path] = descriptor
    }

    static let marker = "# goodbye : séance enregistrée"
    static let finishedMarker = "# séance terminée"
    /// The review of the answers was confirmed: a resumed session goes on past it.
    static let reviewedMarker = "# récapitulatif confirmé"

    /// `$XDG_STATE_HOME/goodbye/session.txt`, or `~/.local/state/goodbye/session.txt`: a user's
    /// state, never beside installed content.
    ///
    /// `goodbye letter` keeps its own answers beside the session's (`letter-session.txt`).
    static func defaultPath(_ environment: [String: String], letter: Bool = false) -> String? {
        folder(environment, variable: "XDG_STATE_HOME", fallback: "/.local/state").map {
            $0 + "/goodbye/" + name(letter)
        }
    }

    /// Where versions before 0.2.0 kept it: `$XDG_DATA_HOME/goodbye/`, or `~/.local/share/goodbye/`.
    static func formerPath(_ environment: [String: String], letter: Bool = false) -> String? {
        folder(environment, variable: "XDG_DATA_HOME", fallback: "/.local/share").map {
            $0 + "/goodbye/" + name(letter)
        }
    }

    private static func name(_ letter: Bool) -> String { letter ? "letter-session.txt" : "session.txt" }

    /// An absolute `$VARIABLE` (the XDG rule: a relative one is ignored), else `$HOME` + `fallback`.
    static func folder(_ environment: [String: String], variable: String, fallback: String) -> String? {
        if let folder = environment[variable], folder.hasPrefix("/") { return folder }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + fallback
    }

    /// Moves a session saved at the former place to the default one, once: only when the new file
    /// does not exist yet.
    ///
    /// Returns the former path when it was moved.
    static func moveFormer(_ environment: [String: String], letter: Bool) -> String? {
        guard let former = formerPath(environment, letter: letter), let path = defaultPath(environment, letter: letter),
            former != path, let found = Files.status(former), found.st_mode & S_IFMT == S_IFREG,
            Files.status(path) == nil,
            Files.makeFolders(Files.split(path).folder, mode: 0o700)
        else { return nil }
        guard rename(former, path) == 0 else { return nil }
        return former
    }

    /// The text of a session file for `state`.
    func text(_ state: Conversation, finished: Bool) -> String {
        var lines = [
            Self.marker, "# contenu : version \(content.graph.version)",
            "# Pour reprendre : goodbye --session \(printable(path))",
        ]
        if finished { lines.append(Self.finishedMarker) }
        if state.reviewed { lines.append(Self.reviewedMarker) }
        for question in content.graph.questions {
            guard let answer = state.answers[question.id] else { continue }
            if let fingerprint = content.fingerprint(of: question.id) {
                lines.append("# empreinte \(question.id) \(fingerprint)")
            }
            let values = question.type == .list ? answer.values : [answer.value]
            lines += values.map { "\(question.id) = \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Saves atomically, creating the folder (0700) and the file (0600) as needed.
    func save(_ state: Conversation, finished: Bool = false) throws(Failure) {
        let folder = Files.split(path).folder
        guard Files.makeFolders(folder, mode: 0o700) else {
            throw Failure(.cantCreate, .sessionFolder, ["folder": printable(folder)])
        }
        if let now = Self.stamp(path), let before = seen.stamp,
            now.size != before.size || now.modified.tv_sec != before.modified.tv_sec
                || now.modified.tv_nsec != before.modified.tv_nsec
        {
            throw Failure(.cantCreate, .sessionChanged, ["path": printable(path)])
        }
        if seen.stamp == nil, Self.stamp(path) != nil, !readOnce {
            // A file this run has not read (a session left by another): never written over blind.
            throw Failure(.cantCreate, .sessionChanged, ["path": printable(path)])
        }
        try Files.write(text(state, finished: finished), to: path, force: true, permissions: 0o600)
        seen.stamp = Self.stamp(path)
        readOnce = true
    }

    /// What is there now is this run's to replace (`--new-session`: starting afresh over it).
    func adopt() {
        seen.readOnce = true
        seen.stamp = Self.stamp(path)
    }

    private var readOnce: Bool {
        get { seen.readOnce }
        nonmutating set { seen.readOnce = newValue }
    }

    /// What a saved file holds: its answers (checked), the questions asked again
    /// because they changed, and whether the session had finished.
    struct Loaded {
        var answers: [String: Answer]
        var changed: [String]
        var finished: Bool
        /// The review had been confirmed and no question changed since.
        var reviewed: Bool
    }

    func load(texts: TextTable) throws(Failure) -> Loaded? {
        seen.readOnce = true
        guard Files.status(path) != nil else { return nil }
        seen.stamp = Self.stamp(path)
        let text = try Files.readText(path, limit: Files.maximumAnswersSize)
        let file = AnswerFile(
            text: text, file: path, graph: content.graph, parser: content.parser(for: texts.language), texts: texts)
        guard file.diagnostics.isEmpty else {
            throw Failure(.dataError, file.located(texts) + [Message(.sessionDamaged)])
        }
        var answers = file.answers
        var changed: [String] = []
        for line in text.split(separator: "\n") where line.hasPrefix("# empreinte ") {
            let parts = line.split(separator: " ")
            guard parts.count == 4 else { continue }
            let id = String(parts[2])
            if answers[id] != nil, content.fingerprint(of: id) != String(parts[3]) {
                answers[id] = nil
                changed.append(id)
            }
        }
        let markers = Set(text.split(separator: "\n").filter { $0.hasPrefix("# ") })
        return Loaded(
            answers: answers, changed: content.graph.order.filter(changed.contains),
            finished: markers.contains(Substring(Self.finishedMarker)),
            reviewed: markers.contains(Substring(Self.reviewedMarker)) && changed.isEmpty)
    }
}
