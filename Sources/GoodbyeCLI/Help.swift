import ContentLoading
import DialogueCore
import FoundationEssentials
import Vocabulary

/// The values the command line takes for `--lang` and `--kind`, from the content.
struct CommandLineWords {
    var languages: [String]
    /// The kinds by their names in the help's language.
    var kinds: [String]
    /// Every name `--kind` takes, ids first.
    var allKinds: [String]
}

/// Usage text on stdout for `--help` and `help [COMMAND]`, in the session's language,
/// built from the option table and `messages.ini`.
struct Help {
    let texts: TextTable
    /// The languages of the content, for `--lang`; the letter kinds, for `--kind`.
    var words: CommandLineWords

    static let width = 80
    static let column = 26
    static let exitCodes: [(Int, CLIMessage)] = [
        (0, .exit0), (1, .exit1), (64, .exit64), (65, .exit65), (66, .exit66), (70, .exit70), (73, .exit73),
        (74, .exit74), (129, .exit129), (130, .exit130), (131, .exit131), (143, .exit143),
    ]

    /// The examples of the help and the manual page: a command line and what it does.
    static let examples: [(CLIMessage, CLIMessage)] = [
        (.exampleSessionCommand, .exampleSession), (.exampleEnglishCommand, .exampleEnglish),
        (.exampleReportCommand, .exampleReport), (.examplePDFCommand, .examplePDF),
        (.exampleBatchCommand, .exampleBatch),
        (.exampleQuestionsCommand, .exampleQuestions), (.exampleCompletionsCommand, .exampleCompletions),
    ]

    func text(for topic: String?) throws(Failure) -> String {
        guard let topic, topic != Command.help.rawValue else { return general() }
        guard let command = Command(rawValue: topic) else {
            let commands = Command.allCases.map(\.rawValue).joined(separator: ", ")
            throw Failure.usage(.noHelpTopic, ["topic": topic, "commands": commands])
        }
        return self.command(command)
    }

    private func general() -> String {
        var lines = [paragraph(texts.text(.helpSummary)), "", texts.text(.helpUsage)]
        lines += Command.allCases.filter { $0 != .help }.map { usage($0, short: true, indent: "  ") }
        lines += ["  goodbye help [" + commandWord + "]", "  goodbye --version", "", texts.text(.helpCommands)]
        lines += Command.allCases.map { row($0.rawValue, texts.text($0.summary)) }
        lines += ["", texts.text(.helpOptions)]
        lines += OptionSpec.all.map { row(optionLabel($0, .help), texts.text($0.help)) }
        lines += ["", paragraph(texts.text(.helpSession)), "", texts.text(.helpExitCodes)]
        lines += Self.exitCodes.map { row(String($0.0), texts.text($0.1)) }
        lines += ["", texts.text(.helpExamples)]
        for (command, what) in Self.examples {
            lines += ["  " + texts.text(command), wrap(texts.text(what), width: Self.width, indent: "      ")]
        }
        lines += ["", texts.text(.helpMore), paragraph(texts.text(.helpDocumentation))]
        return typography(lines.joined(separator: "\n") + "\n")
    }

    private func command(_ command: Command) -> String {
        var lines = [usage(command, short: false, indent: ""), ""]
        lines.append(paragraph(texts.text(command.summary)))
        let options = OptionSpec.options(of: command)
        if !options.isEmpty {
            lines += ["", texts.text(.helpOptions)]
            lines += options.map { row(optionLabel($0, command), texts.text($0.help)) }
        }
        if command == .run || command == .letter { lines += ["", paragraph(texts.text(.helpSession))] }
        return typography(lines.joined(separator: "\n") + "\n")
    }

    /// The synopsis wrapped to the width under the command's name, each `[--option VALUE]`
    /// kept whole (a list of values too long for a line broken after a bar).
    private func usage(_ command: Command, short: Bool, indent: String) -> String {
        let name = Self.name(command)
        let synopsis = synopsis(command, short: short)
        let words = String(synopsis.dropFirst(name.count + 1)).replacing(" ", with: "\u{1}").replacing(
            "]\u{1}[", with: "] ["
        )
        .split(separator: " ").flatMap { word -> [String] in
            let limit = Self.width - indent.count - name.count - 2
            guard word.count > limit else { return [String(word)] }
            var pieces: [String] = [""]
            for part in word.split(separator: "|", omittingEmptySubsequences: false).map(String.init) {
                let next = pieces[pieces.count - 1].isEmpty ? part : pieces[pieces.count - 1] + "|" + part
                if next.count > limit - 1, !pieces[pieces.count - 1].isEmpty {
                    pieces[pieces.count - 1] += "|"
                    pieces.append(part)
                } else {
                    pieces[pieces.count - 1] = next
                }
            }
            return pieces
        }
        return wrap(words.joined(separator: " "), width: Self.width, indent: indent + name + " ").replacing(
            "\u{1}", with: " ")
    }

    private var commandWord: String { texts.text(.placeholderCommand) }

    static func name(_ command: Command) -> String {
        command == .run ? "goodbye [run]" : "goodbye " + command.rawValue
    }

    /// `goodbye letter [--kind farewell] [--answers FICHIER] …`; short: `[options]`.
    func synopsis(_ command: Command, short: Bool) -> String {
        let name =
            Self.name(command)
            + (command == .completions ? " " + Completions.Shell.allCases.map(\.rawValue).joined(separator: "|") : "")
        let options = OptionSpec.options(of: command).filter {
            !$0.names.contains("--help") && !$0.names.contains("--version")
        }
        if short {
            let key = options.filter {
                [.format, .kind].contains($0.argument) || ($0.argument == .folder && command == .check)
            }
            return
                ([name] + key.map { "[" + optionLabel($0, command) + "]" }
                + (options.count > key.count ? ["[options]"] : []))
                .joined(separator: " ")
        }
        return ([name] + options.map { "[" + optionLabel($0, command) + "]" }).joined(separator: " ")
    }

    /// `--answers FICHIER`, `-o, --output FICHIER`, `--format text|json`.
    func optionLabel(_ spec: OptionSpec, _ command: Command) -> String {
        let placeholder = self.placeholder(spec, command)
        let names = spec.names.joined(separator: ", ")
        return placeholder.isEmpty ? names : names + " " + placeholder
    }

    /// `FICHIER`, `text|json`, or nothing for a switch.
    func placeholder(_ spec: OptionSpec, _ command: Command) -> String {
        texts.render(
            spec.placeholder(
                Message(.verbatim, ["text": ""]), for: command, languages: words.languages, kinds: words.kinds
            )
            .resolved(in: texts))
    }

    private func row(_ label: String, _ text: String) -> String {
        let indent = "  " + label + String(repeating: " ", count: max(Self.column - 2, label.count + 2) - label.count)
        guard indent.count <= Self.column else {
            // A label past the width (the letter kinds) breaks after a bar, under itself.
            let labelLines = wrap(label.replacing("|", with: "| "), width: Self.width, indent: "  ").replacing(
                "| ", with: "|")
            return labelLines + "\n" + wrap(text, width: Self.width, indent: String(repeating: " ", count: Self.column))
        }
        return wrap(text, width: Self.width, indent: indent)
    }

    private func paragraph(_ text: String) -> String { wrap(text, width: Self.width) }

    func typography(_ text: String) -> String { texts.language == "fr" ? frenchTypography(text) : text }
}

extension Message {
    /// The placeholder only, as `OptionSpec.placeholder` filled it.
    fileprivate func resolved(in texts: TextTable) -> Message {
        if let key = parts["placeholder"] { return Message(.verbatim, ["text": texts.text(key)]) }
        return Message(.verbatim, ["text": values["placeholder"] ?? ""])
    }
}
