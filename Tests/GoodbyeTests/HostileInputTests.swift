import ContentLoading
import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// Hostile input, everywhere: the contract's exit code, a `goodbye:` message, and
/// nothing written when the run fails.
final class HostileInputTests: XCTestCase {
    func write(_ data: Data, _ name: String) throws -> String {
        let url = try temporaryFolder(self).appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    func assertDataError(_ arguments: [String], stdin: String = "", file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        let outcome = try goodbye(arguments, stdin: stdin)
        XCTAssertEqual(outcome.status, 65, outcome.stderr, file: file, line: line)
        XCTAssertTrue(outcome.stderr.hasPrefix("goodbye: "), outcome.stderr, file: file, line: line)
        XCTAssertEqual(outcome.stdout, "", "nothing on stdout for a bad answer file", file: file, line: line)
    }

    /// Runs the binary with standard streams of the test's choosing (a folder, a file, a
    /// pipe whose reader has gone, /dev/full): how it ended, and what it said on stderr.
    func launch(_ arguments: [String], stdin: FileHandle? = nil, stdout: Any) throws -> (
        status: Int32, signalled: Bool, stderr: String
    ) {
        let process = Process()
        process.executableURL = Paths.binary
        process.arguments = arguments
        if let stdin { process.standardInput = stdin }
        process.standardOutput = stdout
        let error = Pipe()
        process.standardError = error
        try process.run()
        let watchdog = Watchdog(process, what: "a launched process (\(#function))")
        if let pipe = stdout as? Pipe { try pipe.fileHandleForWriting.close() }
        let stderr = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.check()
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, stderr)
    }

    func testByteOrderMarkAndCRLFAreFine() throws {
        let text =
            "\u{FEFF}" + signAnswers(Signs.mask("payment.pays_late")).replacingOccurrences(of: "\n", with: "\r\n")
        let path = try write(Data(text.utf8), "bom.txt")
        let outcome = try goodbye(["run", "--answers", path, "--no-input", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("\"decision\": \"leave\""))
    }

    func testInvalidUTF8NulBytesHugeLinesAndRandomBytesAreDataErrors() throws {
        try assertDataError([
            "run", "--answers", try write(Data([0x65, 0x3D, 0xC3, 0x28, 0x0A]), "latin.txt"), "--no-input",
        ])
        try assertDataError([
            "run", "--answers", try write(Data("engagement.no_feedback = o\u{0}ui\n".utf8), "nul.txt"), "--no-input",
        ])
        let huge = "engagement.no_feedback = " + String(repeating: "oui", count: 400_000) + "\n"
        try assertDataError(["run", "--answers", try write(Data(huge.utf8), "huge.txt"), "--no-input"])
        let hugeId = String(repeating: "x", count: 300_000) + " = oui\n"
        let outcome = try goodbye(["run", "--answers", try write(Data(hugeId.utf8), "id.txt"), "--no-input"])
        XCTAssertEqual(outcome.status, 65)
        XCTAssertLessThan(outcome.stderr.count, 2_000, "a huge value is cut in the message")
        var generator = SplitMix(seed: 2026)
        for index in 0..<20 {
            let bytes = Data(
                (0..<Int(generator.next() % 4096)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
            let result = try goodbye(["run", "--answers", try write(bytes, "random-\(index).bin"), "--no-input"])
            XCTAssertEqual(result.status, 65, "random bytes \(index): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("goodbye: "), "random bytes \(index)")
        }
    }

    func testTemplateSyntaxAndEscapeSequencesInAnswersArePrintedLiterallyAndSafely() throws {
        let answers = "sender.name = Claire {{sender.city}}\nsender.city = 69003 Lyon\nclient.company = {{#a}}x{{/a}}\n"
        let path = try write(Data(answers.utf8), "piège.txt")
        let outcome = try goodbye(["letter", "--answers", path, "--no-input", "--date", "2026-11-29"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("Claire {{sender.city}} (entrepreneur individuel)\n"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("\n{{#a}}x{{/a}}\n"), "never evaluated")
        // Escape sequences in an answer: refused with the line (issues 20 and 22), never
        // turned into U+FFFD in the letter, never sent to the terminal.
        let escaped = try write(
            Data("sender.name = Claire \u{1B}[2J\u{1B}]0;titre\u{7}\nsender.city = 69003 Lyon\n".utf8),
            "échappement.txt")
        let refused = try goodbye(["letter", "--answers", escaped, "--no-input", "--date", "2026-11-29"])
        XCTAssertEqual(refused.status, 65, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("échappement.txt:1"), refused.stderr)
        XCTAssertFalse(
            refused.stdout.contains("\u{1B}") || refused.stderr.contains("\u{1B}"),
            "no escape sequence reaches the terminal")
        let typed = try goodbye([], stdin: "\u{1B}[31moui\n")
        XCTAssertFalse(
            typed.stdout.contains("\u{1B}") || typed.stderr.contains("\u{1B}"), "echo and refusal are safe too")
        XCTAssertEqual(typed.status, 65)
    }

    func testVeryLongTextAnswersAreKept() throws {
        let name = String(repeating: "Claire-Marie ", count: 500).trimmingCharacters(in: .whitespaces)
        let path = try write(Data("sender.name = \(name)\nsender.city = Lyon\n".utf8), "long.txt")
        let outcome = try goodbye(["letter", "--answers", path, "--no-input"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.hasPrefix(name + " (entrepreneur individuel)\n"))
    }

    func testUnreadableMissingAndDirectoryPaths() throws {
        XCTAssertEqual(try goodbye(["run", "--answers", "/nonexistent"]).status, 66)
        XCTAssertEqual(try goodbye(["run", "--answers", "/tmp"]).status, 66)
        XCTAssertEqual(try goodbye(["check", "--content", "/etc/hostname"]).status, 66)
        XCTAssertEqual(try goodbye(["--session", "/tmp"], stdin: "").status, 66)
    }

    func testOutputToAReadOnlyOrFullPlaceWritesNothing() throws {
        let path = try write(Data("sender.name = A\nsender.city = Lyon\n".utf8), "a.txt")
        let readOnly = try goodbye(["letter", "--answers", path, "--no-input", "-o", "/proc/goodbye-lettre.txt"])
        XCTAssertEqual(readOnly.status, 73, readOnly.stderr)
        XCTAssertTrue(readOnly.stderr.hasPrefix("goodbye: "))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/proc/goodbye-lettre.txt"))
        let full = try launch(
            ["letter", "--answers", path, "--no-input"],
            stdout: try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full")))
        XCTAssertEqual(full.status, 74)
        XCTAssertTrue(full.stderr.hasPrefix("goodbye: "))
    }

    /// Issue 14: `goodbye questions | head -1` was killed by SIGPIPE. A reader that has
    /// gone is an I/O error (74), said to no one: nothing on stderr.
    func testAReaderThatHasGoneStopsQuietlyWith74() throws {
        for arguments in [["questions"], ["--help"], ["questions", "--lang", "en"]] {
            let output = Pipe()
            try output.fileHandleForReading.close()
            let run = try launch(arguments, stdout: output)
            XCTAssertFalse(run.signalled, "\(arguments): not killed by a signal")
            XCTAssertEqual(run.status, 74, "\(arguments)")
            XCTAssertEqual(run.stderr, "", "\(arguments): quiet")
        }
    }

    /// Issue 14: `goodbye run < /` ended with 1, "saisie terminée", as if the person had
    /// stopped typing; a folder as standard input is an I/O error (74), said as such.
    func testAFolderAsStandardInputIsAnInputOutputError() throws {
        for arguments in [["run"], ["letter", "--answers", "-"], ["run", "--lang", "en"]] {
            let run = try launch(
                arguments + ["--session", try temporaryFolder(self).appendingPathComponent("s.txt").path],
                stdin: try XCTUnwrap(FileHandle(forReadingAtPath: "/")),
                stdout: try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/null")))
            XCTAssertEqual(run.status, 74, "\(arguments): \(run.stderr)")
            XCTAssertTrue(
                run.stderr.contains(
                    arguments.contains("en") ? "cannot read standard input" : "lecture de l’entrée standard impossible"),
                run.stderr)
        }
    }

    /// Issue 14: a mistyped command (`:retuor`) became the answer: refused at a yes/no
    /// question ("répondez par oui ou par non"), kept as the text at a text question.
    func testAMistypedCommandIsSaidUnknownAndNeverTakenAsAnAnswer() throws {
        let cases: [(arguments: [String], stdin: String, typed: String, said: String, kept: String)] = [
            (
                ["run"], "non\n:retuor\nnon\n:quitter\n", ":retuor", fr("Je ne connais pas la commande « :retuor »."),
                "non"
            ),
            (["run", "--lang", "en"], "no\n:bakc\nno\n:quit\n", ":bakc", "There is no command “:bakc”.", "no"),
            // At a text question, where it used to become the signature.
            (
                ["letter", "--kind", "talk"], ":retuor\nCamille Martin\n:quitter\n", ":retuor",
                fr("Je ne connais pas la commande « :retuor »."), "Camille Martin"
            ),
        ]
        for (arguments, stdin, typed, said, kept) in cases {
            let session = try temporaryFolder(self).appendingPathComponent("s.txt").path
            let run = try goodbye(arguments + ["--session", session], stdin: stdin)
            let output = run.stdout + run.stderr
            XCTAssertTrue(output.contains(said), "\(arguments): \(output)")
            XCTAssertTrue(
                output.contains(arguments.contains("en") ? ":back" : ":retour pour revenir"), "the commands are listed")
            let saved = try String(contentsOfFile: session, encoding: .utf8)
            XCTAssertFalse(saved.contains(typed), "never an answer: \(saved)")
            XCTAssertTrue(saved.contains("= " + kept), "the next line is the answer: \(saved)")
        }
    }

    /// Issue 14: `99` at the review repeated the prompt; it now gives the range.
    func testANumberOutOfRangeAtTheReviewGivesTheRange() throws {
        let signs = Signs.typed(0).map { $0 + "\n" }.joined()
        let piped = try goodbye(
            ["run", "--session", try temporaryFolder(self).appendingPathComponent("s.txt").path], stdin: signs + "99\n")
        XCTAssertEqual(piped.status, 65, piped.stderr)
        XCTAssertTrue(piped.stderr.contains("un numéro de 1 à \(Signs.asked)"), piped.stderr)
        // Said with what the person saw, not an internal id.
        XCTAssertTrue(
            piped.stderr.contains(fr("réponse « 99 » non acceptée à « Récapitulatif de vos réponses ».")), piped.stderr)
        XCTAssertFalse(piped.stderr.contains("review"), piped.stderr)
        let question = try goodbye(["run"], stdin: "peut-être\n")
        XCTAssertTrue(
            question.stderr.contains(
                fr(
                    "non acceptée à « Quand vous lui soumettez une proposition, ce client la laisse-t-il sans avis ? » (engagement.no_feedback)"
                )),
            question.stderr)
        let content = try ContentLoader.load(from: Paths.content)
        let terminal = ScriptedTerminal(
            lines: Signs.typed(0, language: "en") + ["0", String(Signs.asked + 1), ":quit"], interactive: true)
        let app = App(terminal: terminal, environment: [:], content: content)
        _ = app.run([
            "run", "--lang", "en", "--session", try temporaryFolder(self).appendingPathComponent("s.txt").path,
        ])
        let screen = terminal.stdout + terminal.stderr
        XCTAssertEqual(
            screen.components(separatedBy: "Type a number from 1 to \(Signs.asked) (the answer to change)").count - 1,
            2, screen)
    }

    /// Issue 14: `run --no-input` in text mode printed a recommendation drawn from part
    /// of the answers before failing with 65; now nothing, as in JSON mode.
    func testMissingAnswersWithoutInputPrintNoDecision() throws {
        for format in ["text", "json"] {
            let run = try goodbye(
                ["run", "--answers", "-", "--no-input", "--format", format], stdin: "engagement.no_feedback = oui\n")
            XCTAssertEqual(run.status, 65, run.stderr)
            XCTAssertEqual(run.stdout, "", "\(format): nothing on stdout")
            XCTAssertTrue(run.stderr.contains("réponses manquantes"), run.stderr)
        }
    }

    /// Issue 14: `-o ''` failed late with a system message; an empty file name is a
    /// missing value, a usage error said in the session's language.
    func testAnEmptyFileNameIsAMissingValue() throws {
        for (arguments, said) in [
            (["-o", ""], fr("l’option -o attend une valeur : -o FICHIER")),
            (["--session="], fr("l’option --session attend une valeur")),
            (["--answers", "", "--lang", "en"], "option --answers needs a value"),
        ] {
            let run = try goodbye(["letter"] + arguments)
            XCTAssertEqual(run.status, 64, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(said), run.stderr)
        }
    }

    /// Issue 14: with `XDG_STATE_HOME` naming a file, the session stopped with 73 after the
    /// first answer. The default session file is a convenience: warned once, then on.
    func testAnUnwritableDefaultSessionIsWarnedOnceAndTheSessionGoesOn() throws {
        let file = try write(Data("pas un dossier".utf8), "xdg")
        let content = try ContentLoader.load(from: Paths.content)
        let terminal = ScriptedTerminal(lines: Signs.typed(0) + ["", "6", "non"], interactive: true)
        let app = App(terminal: terminal, environment: ["XDG_STATE_HOME": file], content: content)
        let status = app.run(["run"])
        XCTAssertEqual(status, 0, terminal.stderr)
        XCTAssertTrue(terminal.stdout.contains("Restez"), "the decision is reached: \(terminal.stdout)")
        XCTAssertEqual(
            terminal.stderr.components(separatedBy: fr("La séance continue sans enregistrer vos réponses ;")).count - 1,
            1,
            "warned once: \(terminal.stderr)")
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "pas un dossier", "the file is untouched")
        // A file named with --session is the person's request: failing to write it stops.
        let named = ScriptedTerminal(lines: ["non"], interactive: true)
        let stopped = App(terminal: named, environment: [:], content: content).run([
            "run", "--session", file + "/s.txt",
        ])
        XCTAssertEqual(stopped, 73, named.stderr)
    }

    /// Issue 14: `--new-session` was ignored with `--session FILE`, though the message
    /// for a damaged session file advises it.
    func testNewSessionStartsAfreshWithANamedSessionFile() throws {
        let session = try temporaryFolder(self).appendingPathComponent("s.txt").path
        _ = try goodbye(["run", "--session", session], stdin: "oui\n:quitter\n")
        let resumed = try goodbye(["run", "--session", session], stdin: ":quitter\n")
        XCTAssertTrue(
            resumed.stdout.contains("Je reprends votre séance"), "the saved session is resumed: \(resumed.stdout)")
        let fresh = try goodbye(["run", "--session", session, "--new-session"], stdin: "non\n:quitter\n")
        XCTAssertFalse(fresh.stdout.contains("Je reprends"), fresh.stdout)
        XCTAssertTrue(
            try String(contentsOfFile: session, encoding: .utf8).contains("engagement.no_feedback = non"),
            "saved afresh")
        try Data("ligne abîmée\n".utf8).write(to: URL(fileURLWithPath: session))
        let damaged = try goodbye(["run", "--session", session], stdin: ":quitter\n")
        XCTAssertEqual(damaged.status, 65, damaged.stderr)
        XCTAssertTrue(damaged.stderr.contains("--new-session"), damaged.stderr)
        let advised = try goodbye(["run", "--session", session, "--new-session"], stdin: ":quitter\n")
        XCTAssertEqual(advised.status, 0, "the advice works: \(advised.stderr)")
    }

    /// Issue 14: `goodbye run < /dev/zero` grew past 4 GB of memory: a line never ends.
    /// A line of standard input is limited; past it, 65 and a message, nothing more read.
    func testAnEndlessLineOnStandardInputIsRefusedNotHoarded() throws {
        let endless = try write(Data(repeating: 0x61, count: 3 << 20), "sans-fin.txt")
        for arguments in [["run"], ["letter", "--answers", "-"], ["run", "--answers", "-", "--lang", "en"]] {
            let run = try launch(
                arguments + ["--session", try temporaryFolder(self).appendingPathComponent("s.txt").path],
                stdin: try XCTUnwrap(FileHandle(forReadingAtPath: endless)),
                stdout: try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/null")))
            XCTAssertEqual(run.status, 65, "\(arguments): \(run.stderr)")
            XCTAssertTrue(
                run.stderr.contains(
                    arguments.contains("en")
                        ? "line too long on standard input" : "ligne trop longue sur l’entrée standard"),
                run.stderr)
        }
        let crlf = try goodbye(
            ["run", "--session", try temporaryFolder(self).appendingPathComponent("s.txt").path],
            stdin: "non\r\nnon\r\n:quitter\r\n")
        XCTAssertEqual(crlf.status, 0, "CRLF lines are still read as lines: \(crlf.stderr)")
    }

    /// Issue 14: `--answers /dev/zero` read without end; `--answers /dev/stdin` and a pipe
    /// (`<(cat F)`) were refused as unreadable (66). Files are read as streams, bounded.
    func testAnswerFilesThatAreStreamsAreReadAndBounded() throws {
        let zero = try launch(["letter", "--answers", "/dev/zero", "--no-input"], stdout: Pipe())
        XCTAssertEqual(zero.status, 65, zero.stderr)
        XCTAssertTrue(zero.stderr.contains(fr("/dev/zero:1 : ligne trop longue")), zero.stderr)
        let text =
            "sender.name = Claire Martin\nsender.city = 69003 Lyon\nclient.civility = organisation\nclient.company = Dupont\n"
        let answers = try write(Data(text.utf8), "r.txt")
        let stdin = try launch(
            ["letter", "--answers", "/dev/stdin", "--no-input"],
            stdin: try XCTUnwrap(FileHandle(forReadingAtPath: answers)),
            stdout: Pipe())
        XCTAssertEqual(stdin.status, 0, stdin.stderr)
        let fifo = try temporaryFolder(self).appendingPathComponent("tube").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let piped = try goodbye(["letter", "--answers", fifo, "--no-input"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.contains("Dupont"), piped.stdout)
    }

    /// Issue 14: SIGTERM or SIGHUP while waiting for an answer killed the session
    /// silently. Now the answers are kept, a `goodbye:` line says how to resume, and the
    /// status is 128 + the signal (143, 129).
    func testTermAndHangUpKeepTheAnswersAndSaySo() throws {
        for (signal, status) in [(SIGTERM, Int32(143)), (SIGHUP, Int32(129))] {
            let file = try temporaryFolder(self).appendingPathComponent("s.txt").path
            let process = Process()
            process.executableURL = Paths.binary
            process.arguments = ["--session", file]
            let input = Pipe()
            let error = Pipe()
            process.standardInput = input
            process.standardOutput = Pipe()
            process.standardError = error
            try process.run()
            let watchdog = Watchdog(process, what: "a launched process (\(#function))")
            input.fileHandleForWriting.write(Data("oui\nnon\n".utf8))
            // Waits for both answers to be saved, then signals while a third is awaited.
            for _ in 0..<100
            where ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").components(separatedBy: " = ").count < 3
            {
                usleep(50_000)
            }
            kill(process.processIdentifier, signal)
            let stderr = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            watchdog.check()
            XCTAssertEqual(process.terminationStatus, status, stderr)
            XCTAssertTrue(
                stderr.contains(
                    fr("goodbye: interrompu. Vos réponses sont enregistrées : relancez « goodbye --session \(file) »")),
                stderr)
            let saved = try String(contentsOfFile: file, encoding: .utf8)
            XCTAssertTrue(
                saved.contains("engagement.no_feedback = oui\n")
                    && saved.contains("engagement.no_internal_signoff = non\n"), saved)
        }
    }

    /// Issue 14: Ctrl-\\ or a crash at a terminal left Swift's backtracer waiting 30 s on
    /// "Press space to interact". At a terminal (a pseudo-terminal from `script`), a
    /// crash says one line and ends with 70; Ctrl-\\ stops like Ctrl-C (131).
    func testACrashOrControlBackslashAtATerminalStopsAtOnce() throws {
        let script = "/usr/bin/script"
        try requireTools(
            FileManager.default.isExecutableFile(atPath: script)
                ? [] : [script + " (" + Install.line(["bsdutils"]) + ")"],
            for: "A session in a pseudo-terminal")
        for (signal, status, said) in [(SIGSEGV, Int32(70), "erreur interne"), (SIGQUIT, Int32(131), "interrompu")] {
            let file = try temporaryFolder(self).appendingPathComponent("s.txt").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: script)
            // `exec`: script runs the command through $SHELL, and a shell that does not
            // replace itself (dash, CI's /bin/sh) would be the child that gets the signal.
            process.arguments = ["-qfec", "exec \(Paths.binary.path) --session \(file)", "/dev/null"]
            process.environment = ProcessInfo.processInfo.environment.merging([
                "SHELL": "/bin/sh", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8",
            ]) { $1 }
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            let watchdog = Watchdog(process, what: "a launched process (\(#function))")
            // The session's process is script's child, in the pseudo-terminal.
            let children = "/proc/\(process.processIdentifier)/task/\(process.processIdentifier)/children"
            var child: pid_t = 0
            for _ in 0..<200 where child == 0 {
                child = pid_t(
                    ((try? String(contentsOfFile: children, encoding: .utf8)) ?? "").split(separator: " ").first.flatMap
                    { Int32($0) } ?? 0)
                usleep(25_000)
            }
            XCTAssertGreaterThan(child, 0)
            usleep(500_000)  // the first question on screen
            kill(child, signal)
            let screen = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            watchdog.check()
            try? input.fileHandleForWriting.close()
            XCTAssertEqual(process.terminationStatus, status, screen)
            XCTAssertTrue(screen.contains("goodbye: " + said), screen)
            XCTAssertFalse(screen.contains("Press space"), screen)
        }
    }

    /// Issue 14: partials that include each other stopped `letter` with 70 (an internal
    /// error); the content is at fault, as `check` says: 65 from both.
    func testPartialsThatIncludeEachOtherAreAContentError() throws {
        let content = try temporaryFolder(self).appendingPathComponent("contenu")
        try FileManager.default.copyItem(at: Paths.content, to: content)
        try "{{> b}}\n".write(
            to: content.appendingPathComponent("fr/letters/a.mustache"), atomically: true, encoding: .utf8)
        try "{{> a}}\n".write(
            to: content.appendingPathComponent("fr/letters/b.mustache"), atomically: true, encoding: .utf8)
        let body = content.appendingPathComponent("fr/letters/farewell/body.mustache")
        try ("{{> a}}\n" + String(contentsOf: body, encoding: .utf8)).write(to: body, atomically: true, encoding: .utf8)
        let check = try goodbye(["check", "--content", content.path])
        XCTAssertEqual(check.status, 65, check.stderr)
        let answers = GoldenLetterTests.folder.appendingPathComponent("01-neutre-entreprise-preavis.answers").path
        let letter = try goodbye(["letter", "--content", content.path, "--answers", answers, "--no-input"])
        XCTAssertEqual(letter.status, 65, letter.stderr)
        XCTAssertTrue(letter.stderr.contains("goodbye check"), letter.stderr)
        XCTAssertEqual(letter.stdout, "")
    }

    /// Issue 14: a pipe or a dangling link among the content's files gave 65 "illisible
    /// ou pas en UTF-8" (or waited for ever on the pipe), and `check` stopped at the
    /// first. Now 66, and every such file named.
    func testUnreadableContentFilesAreAllNamedWith66() throws {
        let content = try temporaryFolder(self).appendingPathComponent("contenu")
        try FileManager.default.copyItem(at: Paths.content, to: content)
        let texts = content.appendingPathComponent("en/texts.ini").path
        try FileManager.default.removeItem(atPath: texts)
        XCTAssertEqual(mkfifo(texts, 0o600), 0)
        try FileManager.default.createSymbolicLink(
            atPath: content.appendingPathComponent("fr/letters/x.mustache").path,
            withDestinationPath: "/nonexistent/x.mustache")
        let check = try goodbye(["check", "--content", content.path])
        XCTAssertEqual(check.status, 66, check.stderr)
        XCTAssertTrue(check.stderr.contains(fr("en/texts.ini: GB001 ce n’est pas un fichier ordinaire")), check.stderr)
        XCTAssertTrue(check.stderr.contains(fr("fr/letters/x.mustache: GB001 lien cassé")), check.stderr)
        let letter = try goodbye(["letter", "--content", content.path, "--no-input", "--lang", "en"])
        XCTAssertEqual(letter.status, 66, letter.stderr)
        XCTAssertTrue(letter.stderr.contains("en/texts.ini: GB001 not a regular file"), letter.stderr)
    }

    /// Issue 14: bidi overrides (U+202E), zero-width characters and line separators in
    /// answers went raw to the terminal, the session and the letter, where they reorder
    /// or hide what is read. Format characters are removed; a line separator is a space.
    func testBidiZeroWidthAndLineSeparatorsNeverReachTheLetter() throws {
        let hidden = ["\u{202E}", "\u{2066}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{200F}"]
        let answers =
            "sender.name = Claire\u{202E}nitraM\nsender.city = 69003\u{200B} Lyon\nclient.civility = organisation\n"
            + "client.company = Société\u{2066} Dupont\u{2069}\u{2028}Lyon\nletter.invoices = F\u{200D}1 ; 15/09/2026 ; 12 ; 15/10/2026\n"
            + "letter.unpaid = oui\n"
        let session = try temporaryFolder(self).appendingPathComponent("s.txt").path
        let run = try goodbye(["letter", "--answers", "-", "--no-input", "--session", session], stdin: answers)
        XCTAssertEqual(run.status, 0, run.stderr)
        let saved = try String(contentsOfFile: session, encoding: .utf8)
        for character in hidden {
            XCTAssertFalse(
                run.stdout.contains(character), "letter: U+\(String(character.unicodeScalars.first!.value, radix: 16))")
            XCTAssertFalse(
                saved.contains(character), "session: U+\(String(character.unicodeScalars.first!.value, radix: 16))")
        }
        XCTAssertTrue(run.stdout.contains("Société Dupont Lyon\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Claire nitraM") || run.stdout.contains("ClairenitraM"), run.stdout)
        XCTAssertTrue(run.stdout.contains("facture n°\u{A0}F1"), run.stdout)
    }

    /// Issue 14: `letter run` suggested « run » (what was typed); `letter -- …` must
    /// not read what follows `--` as options.
    func testASecondCommandAndWordsAfterTheDoubleDash() throws {
        let twice = try goodbye(["letter", "run"])
        XCTAssertEqual(twice.status, 64)
        XCTAssertTrue(
            twice.stderr.contains(fr("une seule commande à la fois : goodbye letter ou goodbye run")), twice.stderr)
        XCTAssertFalse(twice.stderr.contains("vouliez-vous dire"), twice.stderr)
        let dashed = try goodbye(["letter", "--", "--kind"])
        XCTAssertEqual(dashed.status, 64)
        XCTAssertTrue(dashed.stderr.contains(fr("argument inattendu « --kind »")), dashed.stderr)
    }

    /// Issue 14: file names that are not UTF-8 became `out\xEF\xBF\xBD.txt` (U+FFFD)
    /// and existing ones were "missing". The bytes given are the file used, and a
    /// message shows such a byte as `\xE9`.
    func testFileNamesThatAreNotUTF8AreTheFilesUsed() throws {
        let folder = try temporaryFolder(self)
        func bytes(_ prefix: String, _ byte: UInt8, _ suffix: String) -> [CChar] {
            (Array(prefix.utf8) + [byte] + Array(suffix.utf8) + [0]).map { CChar(bitPattern: $0) }
        }
        let answersText =
            "sender.name = Claire Martin\nsender.city = 69003 Lyon\nclient.civility = organisation\nclient.company = Dupont\n"
        let answers = folder.appendingPathComponent("r").path
        try answersText.write(toFile: answers, atomically: true, encoding: .utf8)
        // An answer file named r\xE9.txt, read through that name.
        XCTAssertEqual(rename(answers, bytes(folder.path + "/r", 0xE9, ".txt")), 0)
        let script = """
            cd '\(folder.path)' && '\(Paths.binary.path)' letter --answers "$(printf 'r\\351.txt')" --no-input -o "$(printf 'lettre\\351.txt')" \
              --session "$(printf 's\\350.txt')" && '\(Paths.binary.path)' letter --answers "$(printf 'absent\\347.txt')" --no-input
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = Pipe()
        try process.run()
        let watchdog = Watchdog(process, what: "a launched process (\(#function))")
        let stderr = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.check()
        XCTAssertEqual(process.terminationStatus, 66, stderr)
        XCTAssertTrue(stderr.contains(fr("lettre enregistrée dans « lettre\\xE9.txt »")), stderr)
        XCTAssertTrue(stderr.contains(fr("le fichier « absent\\xE7.txt » est introuvable")), stderr)
        XCTAssertEqual(access(bytes(folder.path + "/lettre", 0xE9, ".txt"), F_OK), 0, "the letter has the byte given")
        XCTAssertEqual(access(bytes(folder.path + "/s", 0xE8, ".txt"), F_OK), 0, "the session too")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lettre\u{FFFD}.txt").path))
    }

    /// Issue 14: a signal while a file was being written left `.NAME.PID.tmp` behind.
    /// Stopped in the middle of a batch, no temporary file remains.
    func testASignalWhileWritingLeavesNoTemporaryFile() throws {
        let folder = try temporaryFolder(self)
        let rows = try String(contentsOf: BatchTests.example, encoding: .utf8).components(separatedBy: "\n")
        let csv = folder.appendingPathComponent("c.csv")
        try
            ([rows[0]]
            + (0..<1000).map { rows[1].replacingOccurrences(of: "Société Dupont", with: "Société Dupont \($0)") })
            .joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("o")
        let process = Process()
        process.executableURL = Paths.binary
        process.arguments = ["letter", "--batch", csv.path, "--out-dir", output.path]
        process.standardError = Pipe()
        try process.run()
        let watchdog = Watchdog(process, what: "a launched process (\(#function))")
        // Signals as soon as letters are being written.
        for _ in 0..<1200 where ((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).count < 50 {
            usleep(10_000)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        watchdog.check()
        XCTAssertEqual(process.terminationStatus, 130)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        XCTAssertGreaterThan(names.count, 0)
        XCTAssertLessThan(names.count, 1000, "stopped before the end")
        XCTAssertEqual(names.filter { $0.hasSuffix(".tmp") }, [])
        for name in names {
            XCTAssertTrue(
                try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8).hasSuffix(
                    "Claire Martin\n"), "\(name) is whole")
        }
    }

    /// Issue 14: the letter was always 0644, whatever the umask, and `--force` onto a
    /// 0400 file made it 0644. A letter holds personal data: the umask is respected,
    /// and a replaced file keeps its permissions.
    func testTheLetterRespectsTheUmaskAndAReplacedFilesPermissions() throws {
        let answers = try write(Data("sender.name = A\nsender.city = Lyon\n".utf8), "a.txt")
        let folder = URL(fileURLWithPath: answers).deletingLastPathComponent()
        func mode(_ name: String) -> Int {
            var status = stat()
            return stat(folder.appendingPathComponent(name).path, &status) == 0 ? Int(status.st_mode & 0o777) : -1
        }
        for (mask, name, expected) in [("077", "privée.txt", 0o600), ("022", "lisible.txt", 0o644)] {
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = [
                "-c", "umask \(mask) && exec \"$0\" letter --answers \"$1\" --no-input -o \"$2\" 2>/dev/null",
                Paths.binary.path, answers, folder.appendingPathComponent(name).path,
            ]
            try shell.run()
            let watchdog = Watchdog(shell, what: "a launched shell (\(#function))")
            shell.waitUntilExit()
            watchdog.check()
            XCTAssertEqual(shell.terminationStatus, 0)
            XCTAssertEqual(mode(name), expected, "umask \(mask)")
        }
        let kept = folder.appendingPathComponent("gardée.txt")
        try Data("ancienne".utf8).write(to: kept)
        XCTAssertEqual(chmod(kept.path, 0o400), 0)
        let replaced = try goodbye(["letter", "--answers", answers, "--no-input", "-o", kept.path, "--force"])
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        XCTAssertEqual(mode("gardée.txt"), 0o400)
        XCTAssertTrue(
            try String(contentsOf: kept, encoding: .utf8).contains("Madame, Monsieur"), "replaced by the letter")
    }

    /// Issue 14: a session path holding a newline was written raw into the file's
    /// comment: the file corrupted itself on reload, and a path ending in
    /// `\nengagement.no_reply = oui` injected an answer.
    func testASessionPathWithANewlineInjectsNothing() throws {
        let folder = try temporaryFolder(self)
        let session = folder.appendingPathComponent("s\nengagement.no_reply = oui").path
        let first = try goodbye(["run", "--session", session], stdin: "non\n:quitter\n")
        XCTAssertEqual(first.status, 0, first.stderr)
        let saved = try String(contentsOfFile: session, encoding: .utf8)
        XCTAssertFalse(saved.contains("\nengagement.no_reply"), saved)
        let again = try goodbye(["run", "--session", session], stdin: ":quitter\n")
        XCTAssertEqual(again.status, 0, "the file reloads: \(again.stderr)")
        let lines = try String(contentsOfFile: session, encoding: .utf8).split(separator: "\n")
        XCTAssertFalse(lines.contains { $0.hasPrefix("engagement.no_reply") }, "no answer injected: \(lines)")
    }

    /// Issue 14: `-o NODE --force` replaced a device or a FIFO by a regular file.
    func testOutputThatIsNotARegularFileIsNeverReplaced() throws {
        let answers = try write(Data("sender.name = A\nsender.city = Lyon\n".utf8), "a.txt")
        // Never the real /dev/null: a regression run as root would replace it. A FIFO,
        // and as root a copy of /dev/null's device (1, 3) in the temporary folder.
        let folder = try temporaryFolder(self)
        let fifo = folder.appendingPathComponent("tube").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        var nodes = [(fifo, S_IFIFO)]
        let device = folder.appendingPathComponent("null").path
        if getuid() == 0, mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 { nodes.append((device, S_IFCHR)) }
        for (node, type) in nodes {
            for lang in ["fr", "en"] {
                let run = try goodbye([
                    "letter", "--answers", answers, "--no-input", "-o", node, "--force", "--lang", lang,
                ])
                XCTAssertEqual(run.status, 73, "\(node): \(run.stderr)")
                XCTAssertTrue(
                    run.stderr.contains(lang == "fr" ? "n’est pas un fichier ordinaire" : "is not a regular file"),
                    run.stderr)
                XCTAssertEqual(run.stdout, "")
            }
            var status = stat()
            XCTAssertEqual(stat(node, &status), 0)
            XCTAssertEqual(status.st_mode & S_IFMT, type, "\(node) is still what it was")
        }
    }

    /// Issue 14: `--session X -o X` replaced the session by the letter; the answer file,
    /// with `--force`, too. Refused as a usage error before anything is asked.
    func testOutputThatIsTheSessionOrTheAnswerFileIsRefused() throws {
        let answers = try write(Data("sender.name = A\nsender.city = Lyon\n".utf8), "a.txt")
        let folder = URL(fileURLWithPath: answers).deletingLastPathComponent()
        let session = folder.appendingPathComponent("séance.txt").path
        let cases: [([String], String)] = [
            (["--answers", answers, "--no-input", "-o", answers, "--force"], "--answers"),
            (
                [
                    "--answers", answers, "--no-input", "-o",
                    folder.path + "/../" + folder.lastPathComponent + "/a.txt", "--force",
                ], "--answers"
            ),
            (["--session", session, "--answers", answers, "-o", session], "--session"),
        ]
        for (arguments, option) in cases {
            let run = try goodbye(["letter"] + arguments)
            XCTAssertEqual(run.status, 64, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(fr("est le fichier donné à \(option) :")), run.stderr)
            XCTAssertEqual(run.stdout, "")
        }
        XCTAssertEqual(
            try String(contentsOfFile: answers, encoding: .utf8), "sender.name = A\nsender.city = Lyon\n",
            "the answers are intact")
        XCTAssertFalse(FileManager.default.fileExists(atPath: session), "no letter where the session goes")
    }
}

/// A small seeded generator (SplitMix64), the same numbers on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
