import DialogueCore

/// The commands of the contract.
public enum Command: String, Sendable, CaseIterable {
    case run, letter, questions, check, help
}

/// The parsed command line.
public struct Options: Sendable, Equatable {
    public var command: Command = .run
    public var helpTopic: String?
    public var showVersion = false
    public var answers: String?
    public var noInput = false
    public var language: String?
    public var date: CivilDate?
    public var content: String?
    public var format: String?
    public var output: String?
    public var force = false
    public var session: String?
    public var newSession = false
    public var plain = false

    static let valued: Set<String> = ["--answers", "--lang", "--date", "--content", "--format", "--output", "-o", "--session"]
    static let flags: Set<String> = ["--no-input", "--force", "--help", "-h", "--version", "--plain", "--new-session"]

    /// Parses the arguments (without the program name).
    public static func parse(_ arguments: [String]) throws(Failure) -> Options {
        var options = Options()
        var index = 0
        var commandSeen = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument.hasPrefix("-"), argument != "-" {
                let (name, inline) = split(argument)
                if valued.contains(name) {
                    guard let value = inline ?? (index < arguments.count ? arguments[index] : nil) else {
                        throw Failure.usage("l’option \(name) attend une valeur : \(name) \(placeholder(name))")
                    }
                    if inline == nil { index += 1 }
                    try options.set(name, value)
                } else if flags.contains(name), inline == nil {
                    options.setFlag(name)
                } else {
                    throw Failure.usage("option inconnue « \(argument) »" + suggestion(for: name))
                }
            } else if !commandSeen, let command = Command(rawValue: argument) {
                options.command = command
                commandSeen = true
            } else if options.command == .help, options.helpTopic == nil {
                options.helpTopic = argument
            } else {
                let nearest = nearestWord(argument, among: Command.allCases.map(\.rawValue))
                let hint = nearest.map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
                throw Failure.usage("argument inattendu « \(argument) »" + hint)
            }
        }
        return options
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private mutating func set(_ name: String, _ value: String) throws(Failure) {
        switch name {
        case "--answers": answers = value
        case "--lang": language = value
        case "--content": content = value
        case "--session": session = value
        case "--output", "-o": output = value
        case "--format":
            guard ["text", "json", "markdown"].contains(value) else {
                throw Failure.usage("format « \(value) » inconnu : utilisez text ou json (run), text ou markdown (letter)")
            }
            format = value
        case "--date":
            guard let parsed = CivilDate(iso: value) else {
                throw Failure.usage("date « \(value) » invalide : écrivez-la sous la forme AAAA-MM-JJ, par exemple 2026-11-29")
            }
            date = parsed
        default: break
        }
    }

    private mutating func setFlag(_ name: String) {
        switch name {
        case "--no-input": noInput = true
        case "--force": force = true
        case "--version": showVersion = true
        case "--plain": plain = true
        case "--new-session": newSession = true
        default: command = .help
        }
    }

    private static func placeholder(_ name: String) -> String {
        switch name {
        case "--answers": return "FICHIER"
        case "--lang": return "fr"
        case "--date": return "AAAA-MM-JJ"
        case "--content": return "DOSSIER"
        case "--format": return "text"
        default: return "FICHIER"
        }
    }

    private static func suggestion(for name: String) -> String {
        let known = Array(valued.union(flags)).filter { $0.hasPrefix("--") }
        return nearestWord(name, among: known).map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
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
