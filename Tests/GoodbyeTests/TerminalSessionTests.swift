import Foundation
import TestSupport
import XCTest

/// A real terminal: tmux runs the program, `send-keys` types as a person does (arrow
/// keys, Ctrl-Z), `capture-pane` reads the screen. Skipped, with the install line,
/// where tmux is missing. Every wait has a deadline, so a stuck program fails the test.
final class TerminalSessionTests: XCTestCase {
    final class Tmux {
        let socket = "goodbye-test-\(UUID().uuidString.prefix(8))"
        let folder: URL

        init(
            _ test: XCTestCase, width: Int = 80, height: Int = 24, command: String, environment: [String: String] = [:]
        ) throws {
            try requireTools(Self.missing, for: "terminal sessions (tmux)")
            folder = try temporaryFolder(test)
            var env = [
                "XDG_STATE_HOME": folder.appendingPathComponent("state").path, "HOME": folder.path,
                "TERM": "xterm-256color",
                "LANG": "C.UTF-8",
            ]
            env.merge(environment) { _, new in new }
            let exports = env.sorted { $0.key < $1.key }.map { "export \($0.key)=\(Self.quoted($0.value));" }.joined(
                separator: " ")
            let script =
                "cd \(Self.quoted(folder.path)); unset GOODBYE_LANG GOODBYE_CONTENT LC_ALL LC_MESSAGES; \(exports) \(command)"
            try tmux([
                "new-session", "-d", "-x", String(width), "-y", String(height), "bash", "--norc", "--noprofile", "-c",
                script,
            ])
            try tmux(["set-option", "-g", "remain-on-exit", "on"])
            test.addTeardownBlock { [socket] in _ = try? Self.run(["-L", socket, "kill-server"]) }
        }

        static let missing: [String] =
            FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
            ? [] : ["tmux (" + Install.line(["tmux"]) + ")"]

        static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

        @discardableResult
        func tmux(_ arguments: [String]) throws -> String { try Self.run(["-L", socket] + arguments) }

        /// tmux with its output in a file, started and waited for with posix_spawn and
        /// waitpid: the server it starts keeps what it inherits open for ever, and a
        /// command that does not return is killed after 20 s.
        static func run(_ arguments: [String]) throws -> String {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "goodbye-tmux-\(UUID().uuidString)"
            ).path
            defer { unlink(file) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            let argv = (["/usr/bin/tmux"] + arguments).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            var pid = pid_t()
            guard posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, environ) == 0 else {
                throw NSError(domain: "tmux", code: -1, userInfo: [NSLocalizedDescriptionKey: "tmux did not start"])
            }
            var status: Int32 = 0
            var finished = false
            for _ in 0..<2000 {
                let result = waitpid(pid, &status, WNOHANG)
                if result == pid || (result < 0 && errno == ECHILD) {
                    finished = true
                    break
                }
                usleep(10_000)
            }
            if !finished {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
            }
            let output = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            guard finished, status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
                throw NSError(
                    domain: "tmux", code: Int(status),
                    userInfo: [NSLocalizedDescriptionKey: "tmux \(arguments.first ?? ""): \(output)"])
            }
            return output
        }

        /// Keys by tmux's names (`Left`, `Enter`, `C-z`).
        func keys(_ names: String...) throws { try tmux(["send-keys"] + names) }
        /// Text typed as is.
        func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }
        func screen() -> String { (try? tmux(["capture-pane", "-p"])) ?? "" }
        /// The whole history of the pane, not only what is on screen.
        func history() -> String { (try? tmux(["capture-pane", "-p", "-S", "-2000"])) ?? "" }
        func resize(width: Int) throws { try tmux(["resize-window", "-x", String(width)]) }

        /// Waits until the screen holds `text`; false after 20 s.
        @discardableResult
        func wait(for text: String) -> Bool {
            for _ in 0..<200 {
                if screen().contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
    }

    static var binary: String { Tmux.quoted(Paths.binary.path) }

    /// The issue's own session: a name mistyped and fixed with the arrow keys, a talk
    /// message (at most 8 questions, numbered without a jump), the letter edited with `e`
    /// in the person's editor and saved as the editor left it.
    func testATalkMessageTypedWithFixesHasTheWordsMeantAndIsEditedBeforeSaving() throws {
        let editor = "sed -i 's/trente minutes/vingt minutes/; s/une trentaine de minutes/une vingtaine de minutes/'"
        let term = try Tmux(
            self, command: "\(Self.binary) letter --kind talk --date 02/12/2026; echo FIN=$?",
            environment: ["EDITOR": editor])
        XCTAssertTrue(term.wait(for: "Question 1 sur "), term.screen())
        try term.type("Hélene Mercier")
        for _ in 0..<10 { try term.keys("Left") }
        try term.keys("BSpace")
        try term.type("è")
        try term.keys("Enter")
        XCTAssertTrue(term.wait(for: "Question 2 sur "), term.screen())
        try term.keys("Down", "Enter")  // en société
        XCTAssertTrue(term.wait(for: "Question 3 sur "))
        try term.type("helene@exemple.fr")
        try term.keys("Enter")
        try term.type("Société Dupont")
        try term.keys("Enter")
        XCTAssertTrue(term.wait(for: "Question 5 sur "))
        try term.type("2")  // Monsieur, typed as a number
        try term.keys("Enter")
        XCTAssertTrue(term.wait(for: "Question 6 sur "))
        try term.type("Paul Durand")
        try term.keys("Home")
        try term.type("M. ")
        try term.keys("C-a", "C-k")
        try term.type("Paul Durant")
        try term.keys("BSpace")
        try term.type("d")
        try term.keys("Enter")
        try term.keys("Enter")  // no e-mail address
        XCTAssertTrue(term.wait(for: "Question 8 sur "))
        try term.type("jeudi")
        try term.keys("Enter")
        XCTAssertTrue(term.wait(for: fr("e : la modifier")), term.screen())
        try term.keys("e", "Enter")
        XCTAssertTrue(term.wait(for: "FIN=0"), term.screen())
        let history = term.history()
        let progress = history.split(separator: "\n").compactMap { line -> (Int, Int)? in
            guard line.hasPrefix("Question ") else { return nil }
            let words = line.split(separator: " ")
            return Int(words[1]).flatMap { number in Int(words[3]).map { (number, $0) } }
        }
        XCTAssertEqual(progress.map(\.0), Array(1...8), "8 questions, numbered without a jump")
        // 7 while the civility is « inconnu » by default (no name to ask), 8 once it is Monsieur.
        XCTAssertEqual(progress.map(\.1), [7, 7, 7, 7, 7, 8, 8, 8])
        XCTAssertFalse(history.contains("SIRET"), "a short message asks no SIRET")
        XCTAssertFalse(history.contains("\u{1B}") || history.contains("^[["), "no escape code on screen")
        let saved = try FileManager.default.contentsOfDirectory(atPath: term.folder.path).filter {
            $0.hasSuffix(".txt")
        }
        XCTAssertEqual(saved.count, 1, "\(saved)")
        let letter = try String(contentsOf: term.folder.appendingPathComponent(saved[0]), encoding: .utf8)
        XCTAssertTrue(letter.contains("Hélène Mercier"), letter)
        XCTAssertTrue(letter.contains("Monsieur Paul Durand") || letter.contains("Paul Durand"), letter)
        XCTAssertFalse(letter.contains("Durant") || letter.contains("M. Paul") || letter.contains("Hélene"), letter)
        XCTAssertTrue(letter.contains("une vingtaine de minutes"), "what the editor left is what is saved: \(letter)")
        XCTAssertTrue(letter.contains("jeudi"), letter)
    }

    /// The verdict is on screen when the next input is asked; a resize to 50 columns
    /// wraps the next question at 50.
    func testTheVerdictWaitsAndAResizeWrapsTheNextQuestion() throws {
        let term = try Tmux(self, command: "\(Self.binary) --date 02/12/2026; echo FIN=$?")
        XCTAssertTrue(term.wait(for: "Question 1 sur "), term.screen())
        let signs = Signs.mask(
            "engagement.no_feedback", "engagement.no_internal_signoff", "engagement.no_reply", "exhaustion.drained",
            "payment.pays_late")
        for key in Signs.typed(signs).map({ String($0.prefix(1)) }) {
            try term.keys(key)
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(term.wait(for: "Page 1 sur 2"), term.screen())
        try term.keys("Enter")
        XCTAssertTrue(term.wait(for: "pour la modifier"), term.screen())
        try term.keys("Enter")
        XCTAssertTrue(term.wait(for: "Partez, et sans tarder."), term.screen())
        var screen = term.screen()
        if screen.contains("Page 1 sur 2") {
            try term.keys("Enter")
            XCTAssertTrue(term.wait(for: "Entrée pour continuer"))
        }
        screen = term.screen()
        XCTAssertTrue(screen.contains("Entrée pour continuer"), screen)
        let next = "Question \(Signs.asked + 1) sur"
        XCTAssertFalse(screen.contains(next), "the next question waits for Enter: \(screen)")
        try term.resize(width: 50)
        Thread.sleep(forTimeInterval: 0.3)
        try term.keys("Enter")
        XCTAssertTrue(term.wait(for: next), term.screen())
        screen = term.screen()
        let asked = screen[try XCTUnwrap(screen.range(of: next), screen).lowerBound...]
        XCTAssertEqual(
            asked.split(separator: "\n").filter { $0.count > 50 }, [], "every line of the question fits in 50 columns")
        XCTAssertTrue(
            screen.contains(fr("Ce client vous doit de l’argent. Où en êtes-vous\npour vous faire payer ?")), screen)
    }

    /// Ctrl-Z gives the terminal back as it was (the shell's `stty` sees canonical mode
    /// and echo), `fg` takes it up again; Ctrl-C leaves it as it was too.
    func testSuspendAndInterruptLeaveTheTerminalAsItWas() throws {
        let term = try Tmux(
            self,
            command:
                "set -m; \(Self.binary) --date 02/12/2026; echo FIN=$?; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$'; sleep 60"
        )
        XCTAssertTrue(term.wait(for: "Question 1 sur "), term.screen())
        try term.keys("o")
        XCTAssertTrue(term.wait(for: "Question 2 sur"))
        try term.keys("C-c")
        XCTAssertTrue(term.wait(for: "FIN=130"), term.screen())
        XCTAssertTrue(term.wait(for: "icanon"), term.screen())
        let screen = term.screen()
        XCTAssertFalse(screen.contains("-icanon") || screen.contains("-echo\n"), "raw mode left behind: \(screen)")
        XCTAssertTrue(screen.contains("interrompu"), screen)
    }

    func testCtrlZAndFg() throws {
        let term = try Tmux(self, command: "exec bash --norc --noprofile -i")
        try term.type("PS1='$ '; \(Self.binary) --date 02/12/2026")
        try term.keys("Enter")
        XCTAssertTrue(term.wait(for: "Question 1 sur "), term.screen())
        try term.keys("C-z")
        XCTAssertTrue(term.wait(for: "Stopped"), term.screen())
        try term.type("stty -a | tr ' ' '\\n' | grep -cE '^(icanon|echo)$'")
        try term.keys("Enter")
        XCTAssertTrue(term.wait(for: "\n2\n"), "canonical mode and echo are back for the shell: \(term.screen())")
        try term.type("fg")
        try term.keys("Enter")
        XCTAssertTrue(term.wait(for: "›"))
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertTrue(
            term.screen().contains("\n2\n"),
            "the menu is drawn below what the shell wrote, not over it: \(term.screen())")
        try term.keys("o")  // one key, no Enter: raw mode is back
        XCTAssertTrue(term.wait(for: "Question 2 sur"), term.screen())
        try term.keys("C-c")
    }
}
