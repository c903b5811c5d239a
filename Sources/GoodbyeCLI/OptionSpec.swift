import BuiltInContent
import ContentLoading
import DialogueCore
import Vocabulary

/// One option of the command line: how it is written, what value it takes, which commands accept
/// it, its help, and what it sets.
///
/// The one table both the parser and the help read, so they cannot drift.
struct OptionSpec: Sendable {
    enum Argument: Sendable, Equatable {
        case none, file, folder, date
        /// One of a few words: the content's languages, the command's formats, the letter kinds.
        case language, format, kind
    }

    let names: [String]
    let argument: Argument
    let commands: Set<Command>
    let help: CLIMessage
    let apply: @Sendable (inout Options, String) throws(Failure) -> Void

    static let conversing: Set<Command> = [.run, .letter]
    static let everywhere: Set<Command> = Set(Command.allCases)

    static let all: [OptionSpec] = [
        OptionSpec(names: ["--answers"], argument: .file, commands: conversing, help: .optionAnswers) {
            $0.answers = $1
        },
        OptionSpec(names: ["--no-input"], argument: .none, commands: conversing, help: .optionNoInput) { options, _ in
            options.noInput = true
        },
        OptionSpec(names: ["--lang"], argument: .language, commands: everywhere, help: .optionLang) {
            $0.language = $1
        },
        OptionSpec(names: ["--date"], argument: .date, commands: conversing, help: .optionDate) {
            options, value throws(Failure) in
            // As answers take it: AAAA-MM-JJ or JJ/MM/AAAA.
            guard let parsed = AnswerParser.parseDate(value).flatMap(CivilDate.init(iso:)) else {
                // The form is right but the day is not (31/02/2026), or the year is too far.
                let parts = value.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).compactMap { Int($0) }
                if parts.count == 3, value.allSatisfy({ $0.isASCII && ($0.isNumber || "-/.".contains($0)) }) {
                    let year = value.contains("-") && value.prefix(4).allSatisfy(\.isNumber) ? parts[0] : parts[2]
                    if !CivilDate.years.contains(year) {
                        throw Failure.usage(
                            .dateOutOfRange,
                            [
                                "value": value, "first": String(CivilDate.years.lowerBound),
                                "second": String(CivilDate.years.upperBound),
                            ])
                    }
                    throw Failure.usage(.dateNotADay, ["value": value])
                }
                throw Failure.usage(.badDate, ["value": value])
            }
            options.date = parsed
        },
        OptionSpec(
            names: ["--content"], argument: .folder, commands: [.run, .letter, .questions, .check], help: .optionContent
        ) {
            $0.content = $1
        },
        OptionSpec(names: ["--rates"], argument: .file, commands: [.run, .letter, .check, .rates], help: .optionRates) {
            $0.rates = $1
        },
        OptionSpec(names: ["--format"], argument: .format, commands: [.run, .letter, .questions], help: .optionFormat) {
            options, value throws(Failure) in
            guard let format = OutputFormat(rawValue: value) else {
                let accepted = (options.command.formats.isEmpty ? OutputFormat.allCases : options.command.formats).map(
                    \.rawValue)
                throw Failure.usage(
                    Message(
                        .badOptionValue,
                        ["value": value, "option": "--format", "accepted": accepted.joined(separator: ", ")]),
                    hints: nearestWord(value, among: accepted).map { [Message(.didYouMean, ["word": $0])] } ?? [])
            }
            options.format = format
        },
        OptionSpec(names: ["--kind"], argument: .kind, commands: [.letter], help: .optionKind) { $0.kind = $1 },
        OptionSpec(names: ["-o", "--output"], argument: .file, commands: conversing, help: .optionOutput) {
            $0.output = $1
        },
        OptionSpec(names: ["--force"], argument: .none, commands: conversing, help: .optionForce) { options, _ in
            options.force = true
        },
        OptionSpec(names: ["--batch"], argument: .file, commands: [.letter], help: .optionBatch) { $0.batch = $1 },
        OptionSpec(names: ["--out-dir"], argument: .folder, commands: [.letter], help: .optionOutDir) {
            $0.outDir = $1
        },
        OptionSpec(names: ["--session"], argument: .file, commands: conversing, help: .optionSession) {
            $0.session = $1
        },
        OptionSpec(names: ["--new-session"], argument: .none, commands: conversing, help: .optionNewSession) {
            options, _ in
            options.newSession = true
        },
        OptionSpec(names: ["--strict"], argument: .none, commands: conversing, help: .optionStrict) { options, _ in
            options.strict = true
        },
        OptionSpec(names: ["--plain"], argument: .none, commands: conversing, help: .optionPlain) { options, _ in
            options.plain = true
        },
        OptionSpec(names: ["-h", "--help"], argument: .none, commands: everywhere, help: .optionHelp) { options, _ in
            options.showHelp = true
        },
        OptionSpec(names: ["-V", "--version"], argument: .none, commands: everywhere, help: .optionVersion) {
            options, _ in
            options.showVersion = true
        },
    ]

    static var allNames: [String] { all.flatMap(\.names).filter { $0.hasPrefix("--") } }

    static func named(_ name: String) -> OptionSpec? { all.first { $0.names.contains(name) } }

    /// The options `command` accepts, in the table's order.
    static func options(of command: Command) -> [OptionSpec] { all.filter { $0.commands.contains(command) } }

    /// The languages of the built-in content, the reference first: those `--lang` takes
    /// when no content folder is named.
    static var builtInLanguages: [String] {
        let found = BuiltInContent.compiled.languages
        return found.filter { $0 == ContentCompiler.reference }
            + found.filter { $0 != ContentCompiler.reference }.sorted()
    }

    /// `FICHIER`, `AAAA-MM-JJ`, `text|json`: what to write after the option, for `command`.
    func placeholder(
        _ message: Message, for command: Command, languages: [String] = OptionSpec.builtInLanguages,
        kinds: [String] = []
    ) -> Message {
        var copy = message
        switch argument {
        case .none: copy.values["placeholder"] = ""
        case .file: copy.parts["placeholder"] = CLIMessage.placeholderFile.key
        case .folder: copy.parts["placeholder"] = CLIMessage.placeholderFolder.key
        case .date: copy.parts["placeholder"] = CLIMessage.placeholderDate.key
        case .format:
            let formats = command.formats.isEmpty ? OutputFormat.allCases : command.formats
            copy.values["placeholder"] = formats.map(\.rawValue).joined(separator: "|")
        case .language: copy.values["placeholder"] = languages.joined(separator: "|")
        case .kind:
            if kinds.isEmpty {
                copy.parts["placeholder"] = CLIMessage.placeholderKind.key
            } else {
                copy.values["placeholder"] = kinds.joined(separator: "|")
            }
        }
        return copy
    }
}
