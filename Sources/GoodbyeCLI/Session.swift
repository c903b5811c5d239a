import DialogueCore
import FoundationEssentials
import LetterComposition
import LineEditing
import Vocabulary

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

    /// Reads `line` with the session `commands` (`[command]` of texts.ini: `:aide`, `:retour`…).
    static func parse(_ line: String, isText: Bool, commands: SessionCommands) -> Typed {
        let word = folded(line)
        func isCommand(_ key: TextKey) -> Bool { commands.words[key]?.contains(word) ?? false }
        if isCommand(.commandHelp) || (!isText && isCommand(.commandHelpBare)) { return .input(.help) }
        if isCommand(.commandBack) { return .input(.back) }
        if isCommand(.commandSummary) { return .summary }
        if isCommand(.commandQuit) { return .quit }
        let name = word.drop { $0 == ":" }
        if word.first == ":", !name.isEmpty, name.allSatisfy(\.isLetter) { return .unknownCommand(line.trimmed) }
        return .input(.answer(line))
    }
}

/// The words that type each session command in a language, folded, read once per session
/// (each line typed is compared with them).
struct SessionCommands {
    static let keys: [TextKey] = [.commandHelp, .commandHelpBare, .commandBack, .commandSummary, .commandQuit]
    let words: [TextKey: Set<String>]

    init(texts: TextTable) {
        words = Dictionary(
            uniqueKeysWithValues: Self.keys.map { key in (key, Set(texts.list(key.rawValue).map(folded))) })
    }
}

/// The guided session's loop: feeds typed lines to the engine and shows its outputs.
///
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
    /// Answers read with the line editor and choices shown as menus: a person at a terminal that is
    /// not `--plain` nor `TERM=dumb`.
    var editing = false
    /// The stream the conversation is on.
    var stream: Int32 = 1
    /// The words of the session commands, folded once (`:aide`, `:retour`…).
    private lazy var commands = SessionCommands(texts: presenter.texts)
    /// What the next answer is read with (editing): the line as it starts and its look.
    private var request: (editor: LineEditor, view: EditorView)?
    /// This session's answers as typed, for Up and Down.
    private var typed: [String] = []

    init(
        engine: Engine, presenter: Presenter, terminal: Terminal, noInput: Bool, showDecision: Bool,
        say: @escaping (String) -> Void
    ) {
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
            if next.state.answers != step.state.answers || next.state.reviewed != step.state.reviewed {
                try persist(next.state)
            }
            step = next
        }
    }

    /// The next step, or nil when the person quits.
    private func next(after state: Conversation, _ node: Node) throws(Failure) -> Step? {
        if noInput { return automatic(state, node) }
        let read =
            editing
            ? request.flatMap { terminal.edit($0.editor, $0.view, on: stream) } : terminal.readLine(answering: node.id)
        guard let line = read else {
            if terminal.lineTooLong { throw Failure.lineTooLong }
            if terminal.inputFailed {
                throw Failure(.ioError, [Message(.stdinUnreadable)] + (resumeHint.map { [$0] } ?? []))
            }
            say("\n")
            let prompt =
                node.question == nil
                ? presenter.text(ContentTextKey.node(node.id, .title))
                : presenter.text(ContentTextKey.prompt(QuestionID(node.id)))
            throw Failure(
                .endOfInput,
                [Message(.inputEnded, ["prompt": printable(prompt)]), resumeHint ?? Message(.inputEndedHint)])
        }
        if !terminal.isInteractive { say(printable(line) + "\n") }
        let typedLine = Typed.parse(line, isText: node.question?.type == .text, commands: commands)
        if case .input(.answer) = typedLine, !line.trimmed.isEmpty,
            node.question.map({ $0.type != .choice && $0.type != .yesNo }) ?? false,
            typed.last != line
        {
            typed.append(line)
        }
        switch typedLine {
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
                throw Failure(
                    .dataError,
                    [
                        Message(
                            empty ? .answerRejectedEmpty : .answerRejected,
                            [
                                "prompt": printable(
                                    presenter.text(
                                        node.question == nil
                                            ? ContentTextKey.node(node.id, .title) : .prompt(QuestionID(node.id)))),
                                "id": node.question == nil ? "" : node.id, "value": quoted(line), "reason": reason,
                            ]),
                        Message(.scriptStops),
                    ])
            }
            return step
        }
    }

    /// The question (or the review) asked again, after something said in between.
    private func reprompt(_ state: Conversation, _ node: Node) {
        guard !editing else {
            // The editor draws its menu, hints and prompt again; the question goes above.
            if node.question != nil {
                let progress = engine.progress(of: node.id, in: state).map { ($0.number, $0.total) }
                say(
                    presenter.question(
                        node.id, defaultValue: nil, progress: progress, itemCount: state.items.count, withInput: false))
            }
            return
        }
        if let question = node.question {
            let current = engine.resolvedDefault(question, answers: state.answers)
            say(
                presenter.reprompt(
                    question, defaultValue: state.answers[question.id]?.value ?? current, itemCount: state.items.count))
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
                if editing, let question = engine.graph.question(id) {
                    if !repeating {
                        let progress = engine.progress(of: id, in: step.state).map { ($0.number, $0.total) }
                        say(
                            presenter.question(
                                id, defaultValue: defaultValue, progress: progress, itemCount: items, withInput: false))
                    }
                    request = editRequest(question, defaultValue: defaultValue, state: step.state)
                } else if repeating, let question = engine.graph.question(id) {
                    say(presenter.reprompt(question, defaultValue: defaultValue, itemCount: items))
                } else {
                    let progress = engine.progress(of: id, in: step.state).map { ($0.number, $0.total) }
                    say(presenter.question(id, defaultValue: defaultValue, progress: progress, itemCount: items))
                }
            case .review(let ids):
                guard !noInput else { continue }
                if editing {
                    if !repeating { page(presenter.review(ids, answers: step.state.answers, withPrompt: false)) }
                    request = (
                        LineEditor(history: typed),
                        view([presenter.typography(presenter.text(ContentTextKey.node(presenter.reviewId, .how)))])
                    )
                } else {
                    say(repeating ? presenter.reviewPrompt() : presenter.review(ids, answers: step.state.answers))
                }
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
                if showDecision, missing.isEmpty {
                    guard editing else {
                        say(presenter.decision(report))
                        continue
                    }
                    // The verdict stays on screen until the person has read it.
                    page(presenter.decision(report))
                    pause(presenter.typography(presenter.text(TextKey.pressEnter)))
                }
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

extension Session {
    /// A short exchange outside the dialogue (the warnings, the offer to save), named
    /// `id`: `text` shown, then one line read, with the line editor when there is one.
    func ask(_ id: String, _ text: String, hints: [String] = []) -> String? {
        guard editing else {
            say(text + hints.map { $0 + "\n" }.joined() + presenter.promptMark)
            return terminal.readLine(answering: id)
        }
        say(text)
        return terminal.edit(LineEditor(), view(hints), on: stream)
    }

    private func view(_ hints: [String]) -> EditorView {
        EditorView(prompt: presenter.promptMark, hints: hints, emphasis: presenter.emphasis)
    }

    /// Text longer than the screen, a screenful at a time, each but the last followed by a
    /// prompt to go on (« Page 1 sur 2 : appuyez sur Entrée pour la suite »).
    private func page(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Rows, not lines: a line wider than the screen takes several, and so does the
        // page's own footer on a narrow screen.
        let width = max(terminal.width, 1)
        func rows(_ line: String) -> Int { max(1, (Columns.of(line) + width - 1) / width) }
        let footer = rows(presenter.typography(presenter.text(TextKey.page, ["number": "9", "total": "9"])))
        let budget = max(terminal.height - footer - 1, 3)
        guard lines.map(rows).reduce(0, +) > terminal.height - 1 else { return say(text) }
        var pages: [[String]] = [[]]
        var used = 0
        for line in lines {
            if used + rows(line) > budget, !(pages.last?.isEmpty ?? true) {
                pages.append([])
                used = 0
            }
            pages[pages.count - 1].append(line)
            used += rows(line)
        }
        for (index, lines) in pages.enumerated() {
            say(lines.joined(separator: "\n") + (index + 1 < pages.count ? "\n" : ""))
            if index + 1 < pages.count {
                pause(
                    presenter.typography(
                        presenter.text(
                            TextKey.page, ["number": .string(String(index + 1)), "total": .string(String(pages.count))])
                    ))
            }
        }
    }

    /// Waits for Enter, `hint` shown meanwhile (nothing typed is kept), then takes it off
    /// the screen.
    private func pause(_ hint: String) {
        var editor = LineEditor()
        editor.readOnly = true
        _ = terminal.edit(editor, EditorView(prompt: "", hints: [hint], emphasis: presenter.emphasis), on: stream)
    }

    /// How the answer to `question` is read: a menu for a choice or a yes/no (starting
    /// on the default), else a line holding the current answer when the question is
    /// asked again, ready to edit; the hints below.
    private func editRequest(_ question: Question, defaultValue: String?, state: Conversation) -> (
        editor: LineEditor, view: EditorView
    ) {
        let texts = presenter.texts
        switch question.type {
        case .yesNo:
            let labels = [texts.text(TextKey.yes), texts.text(TextKey.no)]
            let shortcuts = Dictionary(
                labels.enumerated().compactMap { index, label in label.lowercased().first.map { ($0, index) } }
            ) { first, _ in first }
            let menu = Menu(
                labels: labels.map { $0.prefix(1).uppercased() + $0.dropFirst() }, answers: labels,
                highlight: defaultValue == YesNo.no ? 1 : 0, shortcuts: shortcuts, numbered: false)
            return (LineEditor(menu: menu), view(["(" + presenter.typography(presenter.text(TextKey.menuYesNo)) + ")"]))
        case .choice:
            let labels = question.choices.map { presenter.typography(texts[.choice(question.key, $0)] ?? $0) }
            let menu = Menu(
                labels: labels, answers: labels.indices.map { String($0 + 1) },
                highlight: defaultValue.flatMap(question.choices.firstIndex(of:)) ?? 0)
            return (LineEditor(menu: menu), view(["(" + presenter.typography(presenter.text(TextKey.menuHint)) + ")"]))
        default:
            let hints = presenter.hints(question, defaultValue: defaultValue, itemCount: state.items.count)
            let current = question.type == .list ? nil : state.answers[question.id]?.value
            let initial = current.map { presenter.editable($0, for: question) } ?? ""
            var look = view(hints)
            if question.type != .list, let defaultValue, !defaultValue.isEmpty {
                look.emptyMeans = presenter.typography(presenter.label(defaultValue, for: question))
            }
            return (LineEditor(initial: initial, history: typed), look)
        }
    }
}

extension Array where Element == Output {
    var rejection: Rejection? {
        for output in self { if case .rejected(_, let rejection) = output { return rejection } }
        return nil
    }
}
