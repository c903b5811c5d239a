import DialogueCore

/// `goodbye completions bash|zsh|fish`: a completion script made from the option
/// table, so that every command, option and value the parser takes completes, and
/// nothing else.
struct Completions {
    enum Shell: String, CaseIterable {
        case bash, zsh, fish
    }

    let words: CommandLineWords

    func script(for shell: Shell) -> String {
        switch shell {
        case .bash: return bash
        case .zsh: return zsh
        case .fish: return fish
        }
    }

    private var commands: [String] { Command.allCases.map(\.rawValue) }

    /// The values an option takes, when they are a few words.
    private func values(_ spec: OptionSpec, _ command: Command?) -> [String]? {
        switch spec.argument {
        case .language: return words.languages
        case .kind: return words.allKinds
        case .format:
            let formats = command.map(\.formats).flatMap { $0.isEmpty ? nil : $0 } ?? Command.letter.formats
            return formats.map(\.rawValue)
        case .none, .file, .folder, .date: return nil
        }
    }

    private func options(_ command: Command) -> [String] { OptionSpec.options(of: command).flatMap(\.names) }

    // MARK: bash

    private var bash: String {
        var lines = [
            "# bash completion for goodbye: goodbye completions bash > ~/.local/share/bash-completion/completions/goodbye",
            "_goodbye() {",
            "    local cur prev command=run named=0 i",
            "    COMPREPLY=()",
            "    cur=${COMP_WORDS[COMP_CWORD]}",
            "    prev=${COMP_WORDS[COMP_CWORD-1]}",
            "    # --lang=en: the option before the sign, its value after it.",
            "    if [[ $cur == --*=* ]]; then prev=${cur%%=*}; cur=${cur#*=}; fi",
            "    for ((i = 1; i < COMP_CWORD; i++)); do",
            "        case ${COMP_WORDS[i]} in",
            "            \(commands.joined(separator: "|"))) command=${COMP_WORDS[i]}; named=1; break ;;",
            "        esac",
            "    done",
        ]
        lines += cases(Self.bashSyntax, options: "    if [[ $cur == -* ]]; then")
        lines += [
            "        esac",
            "    elif [[ $named == 0 ]]; then",
            "        COMPREPLY=($(compgen -W \"\(commands.joined(separator: " "))\" -- \"$cur\"))",
            "    elif [[ $command == completions ]]; then",
            "        COMPREPLY=($(compgen -W \"\(Shell.allCases.map(\.rawValue).joined(separator: " "))\" -- \"$cur\"))",
            "    elif [[ $command == help ]]; then",
            "        COMPREPLY=($(compgen -W \"\(commands.joined(separator: " "))\" -- \"$cur\"))",
            "    fi",
            "}",
            "complete -F _goodbye goodbye",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: zsh

    private var zsh: String {
        var lines = [
            "#compdef goodbye",
            "# zsh completion for goodbye: goodbye completions zsh > \"${fpath[1]}/_goodbye\"",
            "_goodbye() {",
            "    local command=run named=0 i prev=${words[CURRENT-1]}",
            "    # --lang=en: the option before the sign, its value after it.",
            "    if [[ $PREFIX == --*=* ]]; then prev=${PREFIX%%=*}; compset -P '*='; fi",
            "    for (( i = 2; i < CURRENT; i++ )); do",
            "        case ${words[i]} in",
            "            (\(commands.joined(separator: "|"))) command=${words[i]}; named=1; break ;;",
            "        esac",
            "    done",
        ]
        lines += cases(Self.zshSyntax, options: "    if [[ ${words[CURRENT]} == -* ]]; then")
        lines += [
            "        esac",
            "    elif (( named == 0 )); then",
            "        compadd -- \(commands.joined(separator: " "))",
            "    elif [[ $command == completions ]]; then",
            "        compadd -- \(Shell.allCases.map(\.rawValue).joined(separator: " "))",
            "    elif [[ $command == help ]]; then",
            "        compadd -- \(commands.joined(separator: " "))",
            "    fi",
            "}",
            "if [[ ${funcstack[1]} == _goodbye ]]; then",
            "    _goodbye \"$@\"",
            "else",
            "    compdef _goodbye goodbye",
            "fi",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: bash and zsh

    /// How a shell writes a case pattern and offers words, files or folders.
    struct Syntax: Sendable {
        let pattern: @Sendable (String) -> String
        let offer: @Sendable ([String]) -> String
        let files: String
        let folders: String
    }

    static let bashSyntax = Syntax(
        pattern: { $0 + ")" }, offer: { "COMPREPLY=($(compgen -W \"\($0.joined(separator: " "))\" -- \"$cur\"))" },
        // One name a line, marked as file names: spaces kept, folders ending in a slash.
        files: "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")",
        folders: "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")")

    static let zshSyntax = Syntax(
        pattern: { "(" + $0 + ")" }, offer: { "compadd -- " + $0.joined(separator: " ") },
        files: "_files", folders: "_files -/")

    /// The value after an option (`case $prev`), then, for a word that starts with a
    /// dash (`test`), the options of the command: the same for both shells but for syntax.
    private func cases(_ syntax: Syntax, options test: String) -> [String] {
        var lines = ["    case $prev in"]
        for spec in OptionSpec.all where spec.argument != .none {
            let pattern = syntax.pattern(spec.names.joined(separator: "|"))
            switch spec.argument {
            case .file: lines.append("        \(pattern) \(syntax.files); return ;;")
            case .folder: lines.append("        \(pattern) \(syntax.folders); return ;;")
            case .date: lines.append("        \(pattern) return ;;")
            case .format:
                lines += ["        \(pattern)", "            case $command in"]
                for command in Command.allCases where !command.formats.isEmpty {
                    lines.append(
                        "                \(syntax.pattern(command.rawValue)) \(syntax.offer(command.formats.map(\.rawValue))) ;;"
                    )
                }
                lines += ["            esac", "            return ;;"]
            case .language, .kind:
                lines.append("        \(pattern) \(syntax.offer(values(spec, nil) ?? [])); return ;;")
            case .none: break
            }
        }
        lines += ["    esac", test, "        case $command in"]
        for command in Command.allCases {
            lines.append("            \(syntax.pattern(command.rawValue)) \(syntax.offer(options(command))) ;;")
        }
        return lines
    }

    // MARK: fish

    private var fish: String {
        let all = commands.joined(separator: " ")
        var lines = [
            "# fish completion for goodbye: goodbye completions fish > ~/.config/fish/completions/goodbye.fish",
            "complete -c goodbye -f",
            "complete -c goodbye -n 'not __fish_seen_subcommand_from \(all)' -a '\(all)'",
            "complete -c goodbye -n '__fish_seen_subcommand_from completions' -a '\(Shell.allCases.map(\.rawValue).joined(separator: " "))'",
            "complete -c goodbye -n '__fish_seen_subcommand_from help' -a '\(all)'",
        ]
        for spec in OptionSpec.all {
            // Options of `run` also apply when no command is named (run is the default).
            let others = Command.allCases.filter { !spec.commands.contains($0) }.map(\.rawValue)
            let condition =
                spec.commands.contains(.run)
                ? (others.isEmpty ? "" : "-n 'not __fish_seen_subcommand_from \(others.joined(separator: " "))' ")
                : "-n '__fish_seen_subcommand_from \(Command.allCases.filter(spec.commands.contains).map(\.rawValue).joined(separator: " "))' "
            let names = spec.names.map { $0.hasPrefix("--") ? "-l " + $0.dropFirst(2) : "-s " + $0.dropFirst() }.joined(
                separator: " ")
            var argument = ""
            switch spec.argument {
            case .none: break
            case .file: argument = " -r -F"
            case .folder: argument = " -x -a '(__fish_complete_directories)'"
            case .date: argument = " -x"
            case .language, .kind: argument = " -x -a '\((values(spec, nil) ?? []).joined(separator: " "))'"
            case .format:
                // The formats of each command: `run --format` offers text and json only.
                for command in Command.allCases where !command.formats.isEmpty {
                    let others = Command.allCases.filter { $0 != command }.map(\.rawValue).joined(separator: " ")
                    let only =
                        command == .run
                        ? "-n 'not __fish_seen_subcommand_from \(others)' "
                        : "-n '__fish_seen_subcommand_from \(command.rawValue)' "
                    lines.append(
                        "complete -c goodbye \(only)\(names) -x -a '\(command.formats.map(\.rawValue).joined(separator: " "))'"
                    )
                }
                continue
            }
            lines.append("complete -c goodbye \(condition)\(names)\(argument)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
