import FoundationEssentials
import DialogueCore

/// How a session stopped.
enum SessionEnd {
    case finished(Conversation)
    /// The person typed `:quitter`: everything is saved, to be resumed.
    case quit(Conversation)
}

/// What a typed line means at a question: an answer, or one of the commands that
/// start with `:` (so that they never collide with a free-text answer).
enum Typed: Equatable {
    case input(Input)
    case summary
    case quit
    /// `:retuor`: a word that looks like a command and is none.
    case unknownCommand(String)

    /// Reads `line` with the session commands of `texts` (`[command]`: `:aide`, `:retour`…).
    static func parse(_ line: String, isText: Bool, texts: TextTable) -> Typed {
        let word = folded(line)
        func isCommand(_ name: String) -> Bool { texts.list("command." + name).contains { folded($0) == word } }
        if isCommand("help") || (!isText && isCommand("help_bare")) { return .input(.help) }
        if isCommand("back") { return .input(.back) }
        if isCommand("summary") { return .summary }
        if isCommand("quit") { return .quit }
        let name = word.drop { $0 == ":" }
        if word.first == ":", !name.isEmpty, name.allSatisfy(\.isLetter) { return .unknownCommand(line.trimmed) }
        return .input(.answer(line))
    }
}

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
    /// Called after every step that changed the answers (saving the session).
    var persist: (Conversation) throws(Failure) -> Void = { _ in }
    /// Said when input ends early, after what was lost: how to resume.
    var resumeHint: Message?
    private(set) var missing: [String] = []

    init(engine: Engine, presenter: Presenter, terminal: Terminal, noInput: Bool, showDecision: Bool, say: @escaping (String) -> Void) {
        self.engine = engine
        self.presenter = presenter
        self.terminal = terminal
        self.noInput = noInput
        self.showDecision = showDecision
        self.say = say
    }

    /// Runs from `first` to the end of the dialogue, or until the person quits.
    func run(from first: Step) throws(Failure) -> SessionEnd {
        var step = first
        while true {
            try show(step)
            guard !step.state.finished, let id = step.state.current, let node = engine.graph.nodes[id] else {
                return .finished(step.state)
            }
            guard let next = try next(after: step.state, node) else { return .quit(step.state) }
            if next.state.answers != step.state.answers || next.state.reviewed != step.state.reviewed { try persist(next.state) }
            step = next
        }
    }

    /// The next step, or nil when the person quits.
    private func next(after state: Conversation, _ node: Node) throws(Failure) -> Step? {
        if noInput { return automatic(state, node) }
        guard let line = terminal.readLine() else {
            if terminal.lineTooLong { throw Failure.lineTooLong }
            if terminal.inputFailed { throw Failure(.ioError, [Message(.stdinUnreadable)] + (resumeHint.map { [$0] } ?? [])) }
            say("\n")
            let prompt = node.question == nil ? presenter.text("\(node.id).title") : presenter.text("\(node.id).prompt")
            throw Failure(.endOfInput, [Message(.inputEnded, ["prompt": printable(prompt)]), resumeHint ?? Message(.inputEndedHint)])
        }
        if !terminal.isInteractive { say(printable(line) + "\n") }
        switch Typed.parse(line, isText: node.question?.type == .text, texts: presenter.texts) {
        case .quit:
            return nil
        case .summary:
            say(presenter.summary(engine.path(state), answers: state.answers))
            reprompt(state, node)
            return Step(state: state, outputs: [])
        case .unknownCommand(let typed):
            let unknown = presenter.text(TextKey.unknownCommand, ["command": .string(quoted(typed))])
            say(presenter.wrapped(unknown + " " + presenter.text(TextKey.commands)) + "\n")
            reprompt(state, node)
            return Step(state: state, outputs: [])
        case .input(let input):
            let step = engine.send(input, to: state)
            if !terminal.isInteractive, let rejection = step.outputs.rejection {
                let reason = presenter.rejection(rejection, for: node.id)
                let empty = line.trimmed.isEmpty
                throw Failure(.dataError, [
                    Message(empty ? .answerRejectedEmpty : .answerRejected,
                        ["prompt": printable(presenter.text(node.id + (node.question == nil ? ".title" : ".prompt"))), "id": node.question == nil ? "" : node.id, "value": quoted(line), "reason": reason]),
                    Message(.scriptStops),
                ])
            }
            return step
        }
    }

    /// The question (or the review) asked again, after something said in between.
    private func reprompt(_ state: Conversation, _ node: Node) {
        if let question = node.question {
            let current = engine.resolvedDefault(question, answers: state.answers)
            say(presenter.reprompt(question, defaultValue: state.answers[question.id]?.value ?? current, itemCount: state.items.count))
        } else {
            say(presenter.reviewPrompt())
        }
    }

    /// `--no-input`: the default, an empty optional answer, a confirmed review; or a
    /// missing answer noted and passed over, so that every missing one is listed.
    private func automatic(_ state: Conversation, _ node: Node) -> Step {
        let (step, missed) = engine.withoutInput(state)
        if let missed { missing.append(missed) }
        return step
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
            case .review(let ids):
                guard !noInput else { continue }
                say(repeating ? presenter.reviewPrompt() : presenter.review(ids, answers: step.state.answers))
            case .rejected(let id, let rejection):
                repeating = true
                if terminal.isInteractive { say(presenter.wrapped(presenter.rejection(rejection, for: id)) + "\n") }
            case .help(let id):
                repeating = true
                say(presenter.help(id))
            case .itemAdded(_, let count):
                repeating = true
                say(presenter.wrapped(presenter.text(TextKey.itemAdded, ["count": .string(String(count))])) + "\n")
            case .dropped:
                say(presenter.wrapped(presenter.text(TextKey.dropped)) + "\n")
            case .decision(let report):
                // Without input, a missing answer ends the run with 65: a decision drawn
                // from part of the answers would be printed before that failure.
                if showDecision, missing.isEmpty { say(presenter.decision(report)) }
            case .cannotGoBack:
                repeating = true
                say(presenter.text(TextKey.firstQuestion) + "\n")
            case .finished:
                break
            case .brokenContent(let id):
                throw Failure(.software, [Message(.deadEnd, ["id": id]), Message(.reportBug)])
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
