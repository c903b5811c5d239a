import ContentLoading
import DialogueCore
import LetterComposition
import Vocabulary

/// What drafting a letter needs from the session around it.
struct Drafting {
    let content: Content
    let kind: LetterKind
    let texts: TextTable
    let today: CivilDate
    let engine: Engine
    /// `goodbye letter`: the signs of its answer file shape the letter too.
    let signs: Bool

    /// The kind's drafter in the language, or the content's error (65): shared by the
    /// conversation and the batch.
    static func drafter(_ content: Content, kind: LetterKind, texts: TextTable) throws(Failure) -> LetterDrafter {
        guard let drafter = content.drafter(kind: kind, language: texts.language) else {
            throw Failure(.dataError, .noLetterTemplates, ["kind": kind.id, "language": texts.language])
        }
        return drafter
    }
}

extension App {
    /// The answers a letter may use: those on the conversation's path and, for `goodbye letter`,
    /// the signs given (they give the decision the letter reflects).
    ///
    /// Any other answer is ignored, and said to be.
    func used(_ state: Conversation, _ engine: Engine, signs: Bool) -> [String: Answer] {
        let path = Set(engine.path(state))
        return state.answers.filter { id, _ in
            path.contains(id)
                || (signs && (engine.graph.question(id)?.sign != nil || id == DecisionRule.proBonoQuestion))
        }
    }

    /// The letter stage: the letter drafted from the session's answers (the warnings loop at a
    /// terminal), the session saved with the answers changed meanwhile, and each warning said
    /// (refused with `--strict`).
    func letterStage(
        _ drafting: Drafting, _ state: inout Conversation, session: Session, saved: SavedSession, strict: Bool,
        interactive: Bool
    ) throws(Failure) -> Letter {
        let letter = try draft(
            drafting, &state, session: session, presenter: session.presenter, say: session.say,
            interactive: interactive)
        try saved.save(state, finished: true)
        try sayWarnings(letter.warnings, drafting.texts, strict: strict)
        return letter
    }

    /// Drafts the letter from the session's answers.
    ///
    /// At a terminal, doubtful facts are shown first, and the person may change the answer behind
    /// one, as often as needed.
    func draft(
        _ drafting: Drafting, _ state: inout Conversation, session: Session, presenter: Presenter,
        say: (String) -> Void,
        interactive: Bool
    ) throws(Failure) -> Letter {
        while true {
            let letter = try draftOnce(drafting, used(state, drafting.engine, signs: drafting.signs))
            guard interactive, terminal.isInteractive, !letter.warnings.isEmpty,
                let question = chooseWarning(letter.warnings, session: session)
            else { return letter }
            var answers = state.answers
            answers[question] = nil
            guard
                case .finished(let revised) = try session.run(
                    from: drafting.engine.begin(at: drafting.kind.start, answers: answers))
            else { return letter }
            state = revised
        }
    }

    private func draftOnce(_ drafting: Drafting, _ answers: [String: Answer]) throws(Failure) -> Letter {
        let drafter = try Drafting.drafter(drafting.content, kind: drafting.kind, texts: drafting.texts)
        do {
            return try drafter.draft(answers, today: drafting.today)
        } catch {
            switch error {
            case .facts(let messages): throw Failure(.dataError, messages + [Message(.factsFix)])
            case .template(let error): throw Failure.template(error)
            }
        }
    }

    /// The numbered warnings and the choice: the question to answer again, or nil to draft.
    private func chooseWarning(_ warnings: [LetterWarning], session: Session) -> String? {
        let presenter = session.presenter
        let texts = presenter.texts
        var lines = ["", presenter.bold(presenter.wrapped(texts.text(.warningsHeading)))]
        for (index, warning) in warnings.enumerated() {
            let message = texts.render(warning.message)
            lines.append(
                presenter.wrapped(message.prefix(1).uppercased() + message.dropFirst(), indent: "\(index + 1). "))
        }
        lines.append(presenter.wrapped(texts.text(.warningsChoice)))
        while true {
            guard let line = session.ask("warnings", lines.joined(separator: "\n") + "\n")?.trimmed, !line.isEmpty
            else { return nil }
            if let number = Int(line), warnings.indices.contains(number - 1),
                let question = warnings[number - 1].question
            {
                return question
            }
        }
    }

    /// Each warning as a `goodbye: attention : …` line; with `--strict`, a refusal.
    func sayWarnings(_ warnings: [LetterWarning], _ texts: TextTable, strict: Bool) throws(Failure) {
        guard !warnings.isEmpty else { return }
        if strict {
            throw Failure(
                .dataError,
                warnings.map { Message(.warning, ["text": texts.render($0.message)]) } + [Message(.strictRefused)])
        }
        for warning in warnings {
            tell(Message(.warning, ["text": texts.render(warning.message)]), texts)
        }
    }
}
