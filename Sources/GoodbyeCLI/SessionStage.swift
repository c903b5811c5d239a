import ContentLoading
import DialogueCore
import LetterComposition
import Vocabulary

/// The session stage of a conversation: its saved file (`--session`, or the default one
/// at a terminal), locked, resumed, saved after every answer and at the end, and what
/// an interruption says (how to resume, or that nothing was saved).
///
/// The default session file is a convenience: when it cannot be written (say
/// XDG_STATE_HOME names a file), it is said once and the session goes on without it. A
/// file named with `--session` is the person's request: failing to write it stops the run.
final class SavedSession {
    let app: App
    let store: SessionStore?
    let texts: TextTable
    let isLetter: Bool
    let kind: LetterKind
    /// Still saving: the store exists and no write to the default file has failed.
    private(set) var saving: Bool
    /// The answers to start from: the answer file's, then the saved session's.
    var prefilled: [String: Answer]
    /// The saved session had confirmed its review with these answers.
    var reviewed = false

    init(
        app: App, store: SessionStore?, texts: TextTable, isLetter: Bool, kind: LetterKind, prefilled: [String: Answer]
    ) {
        self.app = app
        self.store = store
        self.texts = texts
        self.isLetter = isLetter
        self.kind = kind
        self.prefilled = prefilled
        saving = store != nil
    }

    /// What the signal handler writes: fitted to the screen now, as it cannot.
    func onInterrupt(_ hint: String) {
        let terminal = app.terminal
        let message = "goodbye: " + app.typography(texts.text(.interrupted, ["hint": hint]), texts)
        Interrupt.message = "\n" + (terminal.errorIsTerminal ? wrap(message, width: terminal.width) : message) + "\n"
    }

    /// Saves after an answer; a default file that cannot be written is given up, and said.
    func persist(_ state: Conversation, named: Bool, session: Session?) throws(Failure) {
        guard saving, let store else { return }
        do throws(Failure) {
            try store.save(state)
        } catch {
            guard !named else { throw error }
            saving = false
            app.tell(error.messages + [Message(.sessionNotSaving)], texts)
            session?.resumeHint = nil
            onInterrupt(texts.text(.notSaved))
        }
    }

    func save(_ state: Conversation, finished: Bool) throws(Failure) {
        guard saving, let store else { return }
        try store.save(state, finished: finished)
    }

    /// The session left with `:quitter`: saved where it stands, and how to resume said (the end
    /// of input is `Session.run`'s error, not this).
    func stopped(_ end: SessionEnd) throws(Failure) {
        if saving, let store, case .quit(let state) = end { try store.save(state) }
        let hint = saving ? store.map { app.resumeHint($0, isLetter: isLetter, kind: kind.id, texts: texts) } : nil
        app.tell(hint ?? Message(.notSaved), texts)
    }
}

extension App {
    /// The session stage: the store found, locked and resumed; saving after every answer
    /// installed in `session`; the interruption's message said.
    func openSession(
        _ options: Options, _ content: Content, _ texts: TextTable, session: Session, say: @escaping (String) -> Void,
        isLetter: Bool, kind: LetterKind, prefilled: [String: Answer]
    ) throws(Failure) -> SavedSession {
        let store = sessionStore(options, content, isLetter: isLetter)
        let saved = SavedSession(
            app: self, store: store, texts: texts, isLetter: isLetter, kind: kind, prefilled: prefilled)
        saved.onInterrupt(texts.text(.interruptedRestart))
        Interrupt.crashMessage = "\ngoodbye: " + typography(texts.text(.crashed), texts) + "\n"
        guard let store else { return saved }
        try store.lock()
        saved.reviewed = try resume(
            store, into: &saved.prefilled, texts: texts, presenter: session.presenter, say: say,
            fresh: options.newSession)
        let named = options.session != nil
        session.persist = { [weak session, saved] state throws(Failure) in
            try saved.persist(state, named: named, session: session)
        }
        let hint = resumeHint(store, isLetter: isLetter, kind: kind.id, texts: texts)
        session.resumeHint = hint
        saved.onInterrupt(texts.render(hint))
        return saved
    }

    /// `--session FILE`, or the default file for a person at a terminal; none for scripts.
    func sessionStore(_ options: Options, _ content: Content, isLetter: Bool) -> SessionStore? {
        if let path = options.session { return SessionStore(path: path, content: content) }
        guard terminal.isInteractive, options.answers == nil, !options.noInput else { return nil }
        guard let path = SessionStore.defaultPath(environment, letter: isLetter) else {
            // No HOME and no XDG_STATE_HOME: said before the first question, not after the last.
            let texts = messages(options)
            tell(Message(.noSessionFolder), texts)
            return nil
        }
        if let former = SessionStore.moveFormer(environment, letter: isLetter) {
            let texts = messages(options)
            tell(Message(.sessionMoved, ["file": printable(former), "path": printable(path)]), texts)
        }
        return SessionStore(path: path, content: content)
    }

    /// Adds the saved answers (an answer file given now wins over them) and says what was resumed
    /// and which questions changed since.
    ///
    /// A finished default session starts afresh. Returns whether the saved session had confirmed
    /// its review.
    func resume(
        _ store: SessionStore, into answers: inout [String: Answer], texts: TextTable, presenter: Presenter,
        say: (String) -> Void, fresh: Bool
    ) throws(Failure) -> Bool {
        if fresh { store.adopt() }
        guard !fresh, let loaded = try store.load(texts: texts), !loaded.answers.isEmpty || !loaded.changed.isEmpty
        else { return false }
        let isDefault =
            store.path == SessionStore.defaultPath(environment)
            || store.path == SessionStore.defaultPath(environment, letter: true)
        if loaded.finished, isDefault { return false }
        // The answer file given now wins over what the session saved earlier.
        answers.merge(loaded.answers) { given, _ in given }
        say(presenter.wrapped(presenter.text(TextKey.resumed)) + "\n")
        for id in loaded.changed {
            say(
                presenter.wrapped(
                    presenter.text(TextKey.changed, ["prompt": .string(texts.text(.prompt(QuestionID(id))))]))
                    + "\n")
        }
        return loaded.reviewed
    }

    /// How to resume: plain `goodbye` for the default session, `--session` otherwise.
    ///
    /// A letter of another kind than the farewell letter is resumed with its `--kind`.
    func resumeHint(_ store: SessionStore, isLetter: Bool, kind: String, texts: TextTable) -> Message {
        let letter = "goodbye letter" + (kind == LetterKind.defaultId ? "" : " --kind " + texts.kindName(kind))
        let command =
            store.path == SessionStore.defaultPath(environment)
            ? "goodbye"
            : store.path == SessionStore.defaultPath(environment, letter: true)
                ? letter
                : (isLetter ? letter : "goodbye") + " --session \(printable(store.path))"
        return Message(.resumeHint, ["command": command])
    }
}
