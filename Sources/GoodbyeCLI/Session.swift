import DialogueCore

/// The guided session's loop: feeds typed lines to the engine and shows its outputs.
/// With `noInput`, nothing is read: defaults are taken and missing answers collected.
final class Session {
    let engine: Engine
    let presenter: Presenter
    let terminal: Terminal
    let noInput: Bool
    /// Where the conversation goes: stdout, or stderr when stdout carries a document.
    let say: (String) -> Void
    let showDecision: Bool
    private(set) var missing: [String] = []

    init(engine: Engine, presenter: Presenter, terminal: Terminal, noInput: Bool, showDecision: Bool, say: @escaping (String) -> Void) {
        self.engine = engine
        self.presenter = presenter
        self.terminal = terminal
        self.noInput = noInput
        self.showDecision = showDecision
        self.say = say
    }

    /// Runs from `step` to the end of the dialogue and returns the final state.
    func run(from first: Step) throws(Failure) -> Conversation {
        var step = first
        while true {
            try show(step)
            guard !step.state.finished, let id = step.state.current, let question = engine.graph.question(id) else {
                return step.state
            }
            step = try next(after: step.state, question)
        }
    }

    private func next(after state: Conversation, _ question: Question) throws(Failure) -> Step {
        if noInput {
            let canSkip = engine.resolvedDefault(question, answers: state.answers) != nil || !question.required
            if !canSkip && state.items.isEmpty { missing.append(question.id) }
            return engine.send(canSkip || !state.items.isEmpty ? .answer("") : .pass, to: state)
        }
        guard let line = terminal.readLine() else {
            say("\n")
            throw Failure(.endOfInput, [
                "la saisie s’est terminée avant la fin des questions (question en attente : « \(question.id) »).",
                "Relancez goodbye pour répondre, ou complétez votre fichier de réponses.",
            ])
        }
        if !terminal.isInteractive { say(line + "\n") }
        let step = engine.send(Self.input(line, for: question), to: state)
        if !terminal.isInteractive, let rejection = step.outputs.rejection {
            throw Failure(.dataError, [
                "« \(question.id) » : réponse « \(line) » non acceptée. \(presenter.rejection(rejection, for: question.id))",
                "En entrée non interactive, une réponse refusée arrête la session.",
            ])
        }
        return step
    }

    /// `?`, `aide` or `:aide` ask for help; `:retour` goes back; anything else is an answer.
    static func input(_ line: String, for question: Question) -> Input {
        let word = folded(line)
        if word == "?" || word == ":aide" || word == ":help" || (question.type != .text && (word == "aide" || word == "help")) {
            return .help
        }
        if word == ":retour" || word == ":back" { return .back }
        return .answer(line)
    }

    private func show(_ step: Step) throws(Failure) {
        var repeating = false
        for output in step.outputs {
            switch output {
            case .ask(let id, let defaultValue):
                guard !noInput else { continue }
                let items = step.state.items.count
                if repeating, let question = engine.graph.question(id) {
                    say(presenter.reprompt(question, defaultValue: defaultValue, itemCount: items))
                } else {
                    let progress = engine.progress(of: id, in: step.state).map { ($0.number, $0.total) }
                    say(presenter.question(id, defaultValue: defaultValue, progress: progress, itemCount: items))
                }
            case .rejected(let id, let rejection):
                repeating = true
                if terminal.isInteractive { say(presenter.wrapped(presenter.rejection(rejection, for: id)) + "\n") }
            case .help(let id):
                repeating = true
                say(presenter.help(id))
            case .itemAdded(_, let count):
                repeating = true
                say(presenter.wrapped(presenter.text("ui.item_added", ["count": .string(String(count))])) + "\n")
            case .decision(let report):
                if showDecision { say(presenter.decision(report)) }
            case .cannotGoBack:
                repeating = true
                say(presenter.text("ui.first_question") + "\n")
            case .finished:
                break
            case .brokenContent(let id):
                throw Failure(.software, [
                    "le dialogue ne mène nulle part après « \(id) » : c’est une erreur du contenu que « goodbye check » aurait dû signaler.",
                    "Merci de la signaler avec la commande lancée et vos réponses.",
                ])
            }
        }
    }
}

extension Array where Element == Output {
    var rejection: Rejection? {
        for output in self { if case .rejected(_, let rejection) = output { return rejection } }
        return nil
    }
}
