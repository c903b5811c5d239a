import DialogueCore
import Vocabulary

/// The commands of the contract.
public enum Command: String, Sendable, CaseIterable {
    case run, letter, questions, check, rates, help, completions, manpage

    /// The output formats a command writes; the first is the default.
    var formats: [OutputFormat] {
        switch self {
        case .run, .questions: return [.text, .json]
        // Every format of the table, the letter with its facts (JSON) last.
        case .letter: return OutputFormat.allCases.filter { $0 != .json } + [.json]
        case .check, .rates, .help, .completions, .manpage: return []
        }
    }

    /// What the command does, in the help.
    var summary: CLIMessage {
        switch self {
        case .run: return .helpRun
        case .letter: return .helpLetter
        case .questions: return .helpQuestions
        case .check: return .helpCheck
        case .rates: return .helpRates
        case .help: return .helpHelp
        case .completions: return .helpCompletions
        case .manpage: return .helpManpage
        }
    }
}

/// The parsed command line.
public struct Options: Sendable, Equatable {
    public var command: Command = .run
    /// Whether the command was named (`goodbye --help` is the general help).
    public var commandNamed = false
    public var helpTopic: String?
    /// `goodbye completions SHELL`.
    public var shell: String?
    public var showHelp = false
    public var showVersion = false
    public var answers: String?
    public var noInput = false
    public var language: String?
    public var date: CivilDate?
    public var content: String?
    /// `--rates FILE`: the person's own dated rates, over the built-in ones.
    public var rates: String?
    public var format: OutputFormat?
    public var kind: String?
    public var output: String?
    public var force = false
    public var session: String?
    public var newSession = false
    public var plain = false
    public var strict = false
    /// `--batch FILE.csv`: one letter per row, written in `--out-dir`.
    public var batch: String?
    public var outDir: String?

    /// Parses the arguments (without the program name) against `OptionSpec.all`.
    public static func parse(_ arguments: [String]) throws(Failure) -> Options {
        var options = Options()
        var given: [(OptionSpec, String)] = []
        var index = 0
        var commandSeen = false
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--", !optionsEnded {
                optionsEnded = true
            } else if argument.hasPrefix("-"), argument != "-", !optionsEnded {
                let (name, inline) = split(argument)
                guard let spec = OptionSpec.named(name) else {
                    throw Failure.usage(
                        Message(.unknownOption, ["option": argument]), hints: suggestion(name, OptionSpec.allNames))
                }
                var value = ""
                if spec.argument != .none {
                    // An empty file name (`-o ''`) is no value either.
                    guard let found = inline ?? (index < arguments.count ? arguments[index] : nil),
                        !(found.isEmpty && (spec.argument == .file || spec.argument == .folder))
                    else {
                        throw Failure.usage(
                            spec.placeholder(Message(.optionNeedsValue, ["option": name]), for: options.command))
                    }
                    if inline == nil { index += 1 }
                    value = found
                } else if inline != nil {
                    throw Failure.usage(.unknownOption, ["option": argument])
                }
                try spec.apply(&options, value)
                given.append((spec, name))
            } else if !commandSeen, !optionsEnded, let command = Command(rawValue: argument) {
                options.command = command
                options.commandNamed = true
                commandSeen = true
            } else if options.command == .help, options.helpTopic == nil {
                options.helpTopic = argument
            } else if options.command == .completions, options.shell == nil {
                options.shell = argument
            } else {
                var hints = commandSeen ? [] : suggestion(argument, Command.allCases.map(\.rawValue))
                // `goodbye letter run`: a second command, not a typo of one.
                if commandSeen, Command(rawValue: argument) != nil {
                    hints = [Message(.oneCommand, ["command": options.command.rawValue, "word": argument])]
                }
                throw Failure.usage(Message(.unexpectedArgument, ["argument": argument]), hints: hints)
            }
        }
        try options.validate(given)
        return options
    }

    /// Every option given must apply to the command; the format must be one it writes.
    private func validate(_ given: [(OptionSpec, String)]) throws(Failure) {
        guard !showHelp, !showVersion, command != .help else { return }
        if command == .completions {
            let accepted = Completions.Shell.allCases.map(\.rawValue).joined(separator: ", ")
            guard let shell else { throw Failure.usage(.shellMissing, ["accepted": accepted]) }
            guard Completions.Shell(rawValue: shell) != nil else {
                throw Failure.usage(.badShell, ["value": shell, "accepted": accepted])
            }
        }
        for (spec, name) in given where !spec.commands.contains(command) {
            throw Failure.usage(.optionNotForCommand, ["option": name, "command": command.rawValue])
        }
        // Batch letters: a CSV in, a folder out; nothing asked, no single output.
        if batch != nil || outDir != nil {
            guard batch != nil, outDir != nil else { throw Failure.usage(.batchNeedsBoth) }
            for (option, value) in [("--answers", answers), ("-o", output), ("--session", session)] where value != nil {
                throw Failure.usage(.batchExcludes, ["option": option])
            }
        }
        if let format, !command.formats.contains(format) {
            throw Failure.usage(
                .formatNotForCommand,
                [
                    "format": format.rawValue, "command": command.rawValue,
                    "accepted": command.formats.map(\.rawValue).joined(separator: ", "),
                ])
        }
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private static func suggestion(_ word: String, _ candidates: [String]) -> [Message] {
        nearestWord(word, among: candidates).map { [Message(.didYouMean, ["word": $0])] } ?? []
    }

    /// The language asked for on the command line, read even when the rest is wrong,
    /// so that a usage error is said in that language.
    static func requestedLanguage(_ arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return nil }
            if argument.hasPrefix("--lang=") { return String(argument.dropFirst("--lang=".count)) }
            if argument == "--lang", index + 1 < arguments.count { return arguments[index + 1] }
        }
        return nil
    }
}

/// The closest word within a small edit distance, for "did you mean".
func nearestWord(_ word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word, $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    guard let best = scored.first, best.1 <= max(2, word.count / 3) else { return nil }
    return best.0
}

func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
