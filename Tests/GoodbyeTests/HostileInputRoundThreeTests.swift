import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import TestSupport
import Vocabulary
import XCTest

/// Issue 22, the families fixed so far: batch names that collide, an output over an
/// input, sessions that are not files, line ends of every system, amounts grouped
/// wrong, values echoed to the terminal, file names from any alphabet.
final class HostileInputRoundThreeTests: XCTestCase {
    func csv(_ rows: [String], in folder: URL, separator: String = "\n") throws -> URL {
        let file = folder.appendingPathComponent("clients.csv")
        let header = "sender.name;sender.city;client.company;client.name;client.city"
        try ([header] + rows).joined(separator: separator).appending(separator).write(
            to: file, atomically: true, encoding: .utf8)
        return file
    }

    func testBatchNamesAreUniqueAcrossTheRun() throws {
        let folder = try temporaryFolder(self)
        let file = try csv(["A;Lyon;Dupont;X;Paris", "A;Lyon;Dupont;X;Paris", "A;Lyon;Dupont-2;X;Paris"], in: folder)
        for force in [false, true] {
            let out = folder.appendingPathComponent("out-\(force)")
            let run = try goodbye(
                ["letter", "--batch", file.path, "--out-dir", out.path, "--date", "2026-12-02"]
                    + (force ? ["--force"] : []))
            XCTAssertEqual(run.status, 0, run.stderr)
            let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            XCTAssertEqual(written, ["dupont-2-2.txt", "dupont-2.txt", "dupont.txt"], "three rows, three files")
        }
    }

    func testALetterNeverReplacesTheSpreadsheet() throws {
        let folder = try temporaryFolder(self)
        let file = try csv(["A;Lyon;Dupont;X;Paris"], in: folder)
        let spreadsheet = folder.appendingPathComponent("dupont.txt")
        try FileManager.default.moveItem(at: file, to: spreadsheet)
        let before = try Data(contentsOf: spreadsheet)
        let run = try goodbye([
            "letter", "--batch", spreadsheet.path, "--out-dir", folder.path, "--force", "--date", "2026-12-02",
        ])
        XCTAssertEqual(run.status, 64, run.stderr)
        XCTAssertTrue(run.stderr.contains(fr("remplacerait le tableur donné à --batch")), run.stderr)
        XCTAssertEqual(try Data(contentsOf: spreadsheet), before)
    }

    func testTheSpreadsheetCanComeFromStandardInput() throws {
        let folder = try temporaryFolder(self)
        let file = try csv(["A;Lyon;Dupont;X;Paris", "A;Lyon;Martin;Y;Paris"], in: folder)
        let run = try goodbye(
            ["letter", "--batch", "-", "--out-dir", folder.appendingPathComponent("out").path, "--date", "2026-12-02"],
            stdin: try String(contentsOf: file, encoding: .utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted(),
            ["dupont.txt", "martin.txt"])
    }

    /// « CSV (Macintosh) » and old Mac answer files end their lines with a CR alone.
    func testACarriageReturnAloneEndsALine() throws {
        let folder = try temporaryFolder(self)
        let file = try csv(["A;Lyon;Dupont;X;Paris", "A;Lyon;Martin;Y;Paris"], in: folder, separator: "\r")
        let run = try goodbye([
            "letter", "--batch", file.path, "--out-dir", folder.appendingPathComponent("out").path, "--date",
            "2026-12-02",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted(),
            ["dupont.txt", "martin.txt"])
        let answers =
            "sender.name = Claire Martin\rclient.company = Dupont\rsender.city = Lyon\rclient.city = Paris\rclient.name = X\r"
        let letter = try goodbye(["letter", "--answers", "-", "--no-input", "--date", "2026-12-02"], stdin: answers)
        XCTAssertEqual(letter.status, 0, letter.stderr)
        XCTAssertTrue(letter.stdout.contains("Claire Martin\n"), letter.stdout)
        XCTAssertFalse(letter.stdout.contains("client.company"), "one answer a line: \(letter.stdout)")
    }

    func testAnAmountGroupedOtherwiseThanInThousandsIsRefused() {
        for (text, value) in [
            ("1 250,50", "1250.50"), ("1 250 000", "1250000.00"), ("12,50 €", "12.50"), ("€ 1,250.00", "1250.00"),
            ("1250", "1250.00"), ("980,5", "980.50"),
        ] {
            XCTAssertEqual(AnswerParser.parseAmount(text), value, text)
        }
        for text in ["12€50", "100 00", "1 25", "12 345 67", "1 250, 50", "12,345"] {
            XCTAssertNil(AnswerParser.parseAmount(text), text)
        }
    }

    func testASessionIsARegularFileAndNeverTheAnswerFile() throws {
        let folder = try temporaryFolder(self)
        let fifo = folder.appendingPathComponent("fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let piped = try goodbye(["--session", fifo])
        XCTAssertEqual(piped.status, 73, piped.stderr)
        let answers = folder.appendingPathComponent("r.txt")
        try "# mes réponses\nsender.name = Claire Martin\n".write(to: answers, atomically: true, encoding: .utf8)
        let same = try goodbye(["letter", "--answers", answers.path, "--session", answers.path], stdin: "")
        XCTAssertEqual(same.status, 64, same.stderr)
        XCTAssertEqual(
            try String(contentsOf: answers, encoding: .utf8), "# mes réponses\nsender.name = Claire Martin\n")
        // Nor is the default letter session a place for a letter.
        let home = folder.appendingPathComponent("home")
        let session = home.appendingPathComponent(".local/state/goodbye/letter-session.txt").path
        let output = try goodbye(["letter", "-o", session, "--no-input"], environment: ["HOME": home.path])
        XCTAssertEqual(output.status, 64, output.stderr)
    }

    func testValuesEchoedFromTheCommandLineCarryNoEscape() throws {
        for arguments in [
            ["help", "\u{1B}[31mrouge\u{07}"], ["--\u{1B}]0;titre\u{07}"], ["letter", "--kind", "x\u{202E}y"],
            ["--lang", "\u{1B}[2J"],
            ["letter", "--format", "\u{1B}c"],
        ] {
            let run = try goodbye(arguments)
            XCTAssertEqual(run.status, 64, "\(arguments)")
            XCTAssertFalse(
                run.stderr.contains("\u{1B}") || run.stderr.contains("\u{07}") || run.stderr.contains("\u{202E}"),
                "\(arguments): \(run.stderr.debugDescription)")
        }
        let english = try goodbye(["--lang", "de", "questions"], environment: ["GOODBYE_LANG": "en"])
        XCTAssertTrue(
            english.stderr.contains("language “de” not available"), "the environment's language: \(english.stderr)")
    }

    func testFileNamesAreWrittenInLatinLettersAndNeverAsADevice() throws {
        let folder = try temporaryFolder(self)
        let file = try csv(
            [
                "A;Lyon;İstanbul Şirketi;X;Paris", "A;Lyon;Ольга Иванова;X;Paris", "A;Lyon;Αθηνά;X;Paris",
                "A;Lyon;CON;X;Paris",
            ],
            in: folder)
        let run = try goodbye([
            "letter", "--batch", file.path, "--out-dir", folder.appendingPathComponent("out").path, "--date",
            "2026-12-02",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted(),
            ["athina.txt", "istanbul-sirketi.txt", "lettre-con.txt", "olga-ivanova.txt"])
    }

    func testEmptyFolderNamesAreMissingValues() throws {
        XCTAssertEqual(try goodbye(["letter", "--batch", "x.csv", "--out-dir", ""]).status, 64)
        XCTAssertEqual(try goodbye(["questions", "--content", ""]).status, 64)
        XCTAssertEqual(try goodbye(["questions", "--content="]).status, 64)
    }

    static let letter = Paths.repository.appendingPathComponent("Scripts/examples/lettre.txt").path

    func answers(_ replacing: [String: String]) throws -> String {
        var lines = try String(contentsOfFile: Self.letter, encoding: .utf8).split(separator: "\n").map(String.init)
        for (id, value) in replacing {
            lines.removeAll { $0.hasPrefix(id + " =") }
            lines.append(id + " = " + value)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text is NFC at the input: accents pasted decomposed (as macOS writes them) are the
    /// characters the letter and its fonts expect.
    func testDecomposedAccentsBecomeComposed() throws {
        let run = try goodbye(
            ["letter", "--answers", "-", "--no-input", "--date", "2026-12-02"],
            stdin: try answers(["client.company": "Socie\u{301}te\u{301} Nguye\u{302}\u{303}n"]))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.unicodeScalars.contains("\u{E9}") && run.stdout.contains("Société Nguyễn"), run.stdout)
        XCTAssertFalse(run.stdout.unicodeScalars.contains("\u{301}"), "no combining accent left")
    }

    /// A tab or an escape in a name is refused with its line, never turned into U+FFFD.
    func testAControlCharacterInATextAnswerIsRefused() throws {
        for bad in ["Claire\tMartin", "Claire\u{1B}[DMartin", "Claire\u{7}"] {
            let run = try goodbye(
                ["letter", "--answers", "-", "--no-input", "--date", "2026-12-02"],
                stdin: try answers(["sender.name": bad]))
            XCTAssertEqual(run.status, 65, run.stderr)
            XCTAssertTrue(run.stderr.contains("sender.name"), run.stderr)
            XCTAssertTrue(run.stderr.contains(fr("un texte sans caractère de contrôle")), run.stderr)
            XCTAssertFalse(run.stdout.contains("\u{FFFD}"))
        }
    }

    /// A word wider than a line is cut where the line ends, never run off the page.
    func testAnUnbreakableWordStaysOnThePage() throws {
        try requireTools(PDFTests.missingTools, for: "PDF checks (qpdf, pdftotext)")
        let folder = try temporaryFolder(self)
        let output = folder.appendingPathComponent("lettre.pdf").path
        let word = String(repeating: "Référence", count: 34)
        let run = try goodbye(
            ["letter", "--answers", "-", "--no-input", "--date", "2026-12-02", "--format", "pdf", "-o", output],
            stdin: try answers(["letter.notice_clause": word]))
        XCTAssertEqual(run.status, 0, run.stderr)
        let boxes = try runTool("/usr/bin/pdftotext", ["-bbox", output, "-"]).output
        let right = try NSRegularExpression(pattern: #"xMax="([\d.]+)""#)
        let widest =
            right.matches(in: boxes, range: NSRange(boxes.startIndex..., in: boxes))
            .map { Double(boxes[Range($0.range(at: 1), in: boxes)!])! }.max() ?? 0
        XCTAssertLessThanOrEqual(widest, (210 - 20) * 72 / 25.4 + 1, "every word inside the right margin")
        XCTAssertTrue(boxes.contains("RéférenceRéférence"), "the word is printed, in pieces")
    }

    func testAHugeValueIsQuotedShortInAWarning() throws {
        let run = try goodbye(
            ["letter", "--answers", "-", "--no-input", "--date", "2026-12-02"],
            stdin: try answers(["client.address": String(repeating: "rue ", count: 50_000)]))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("…"), run.stderr.prefix(300).description)
        XCTAssertLessThan(run.stderr.count, 2_000, "the warning quotes a part of the value")
    }

    func testAnOutputThatCannotBeWrittenSaysWhy() throws {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("lettre.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let inFile = try goodbye(["letter", "--answers", Self.letter, "--no-input", "-o", file.path + "/x.txt"])
        XCTAssertEqual(inFile.status, 73)
        XCTAssertTrue(inFile.stderr.contains(fr("est un fichier, pas un dossier")), inFile.stderr)
        let long = folder.appendingPathComponent(String(repeating: "a", count: 300) + ".txt").path
        let tooLong = try goodbye(["letter", "--answers", Self.letter, "--no-input", "-o", long])
        XCTAssertNotEqual(tooLong.status, 0)
        XCTAssertTrue(tooLong.stderr.contains("trop long"), tooLong.stderr)
        // A full disk, where the machine has one to try (Linux's /dev/full as the target
        // of a replaced file is refused: a device is never replaced), is said the same way.
        XCTAssertEqual(
            Failure(.ioError, [Message(.writeFailed, ["path": "x"])] + [Message(.reasonNoSpace)]).messages.count, 2)
    }

    /// Without HOME nor XDG_STATE_HOME, a person at a terminal is told before the first
    /// question that nothing will be saved.
    func testNoHomeIsSaidBeforeTheFirstQuestion() throws {
        let content = try ContentLoader.load(from: Paths.content)
        let terminal = ScriptedTerminal(lines: [":quitter"], interactive: true)
        XCTAssertEqual(App(terminal: terminal, environment: [:], content: content).run(["letter"]), 0, terminal.stderr)
        XCTAssertTrue(terminal.stderr.contains(fr("HOME et XDG_STATE_HOME ne sont pas définis")), terminal.stderr)
    }

    /// The answer file given now wins over the answers a session saved before.
    func testTheAnswerFileWinsOverTheSavedSession() throws {
        let folder = try temporaryFolder(self)
        let session = folder.appendingPathComponent("session.txt")
        try "sender.name = Ancien Nom\n".write(to: session, atomically: true, encoding: .utf8)
        let run = try goodbye([
            "letter", "--session", session.path, "--answers", Self.letter, "--no-input", "--date", "2026-12-02",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Claire Martin"), run.stdout)
        XCTAssertFalse(run.stdout.contains("Ancien Nom"))
    }

    /// A display name that reads as an encoded word is encoded by the program: Python's
    /// parser gives back the name as typed, not another address; a non-ASCII domain is refused.
    func testHeadersNobodyCanForge() throws {
        let folder = try temporaryFolder(self)
        let forged = "=?UTF-8?B?YXR0YWNrZXJAZXZpbC5leGFtcGxl?="
        let output = folder.appendingPathComponent("lettre.eml").path
        let run = try goodbye(
            ["letter", "--answers", "-", "--no-input", "--date", "2026-12-02", "--format", "eml", "-o", output],
            stdin: try answers(["sender.name": forged, "client.company": String(repeating: "x", count: 2_000)]))
        XCTAssertEqual(run.status, 0, run.stderr)
        let raw = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertLessThanOrEqual(raw.components(separatedBy: "\r\n").map(\.utf8.count).max() ?? 0, 998)
        let headers = raw.components(separatedBy: "\r\n\r\n")[0]
        XCTAssertFalse(headers.contains("From: " + forged), headers)
        let parsed = try EmailTests(name: "parse", testClosure: { _ in }).parse([output])[output]
        XCTAssertEqual(parsed?.from?.name, forged, "the name as typed")
        XCTAssertEqual(parsed?.from?.address, "claire@atelier-lumen.fr")
        let idna = try goodbye(
            ["letter", "--answers", "-", "--no-input"], stdin: try answers(["client.email": "paul@dupont-é.fr"]))
        XCTAssertEqual(idna.status, 65, idna.stderr)
    }

    /// Every reader judges a line before reading the next, and stops at the first fatal
    /// one, with explicit limits a real letter never reaches.
    func testAnswerFilesAreJudgedLineByLineWithinLimits() throws {
        let folder = try temporaryFolder(self)
        let invoices = folder.appendingPathComponent("factures.txt")
        var text = "sender.name = A\n"
        for number in 0..<5_000 { text += "letter.invoices = F\(number) ; 01/09/2026 ; 100 ; 01/10/2026\n" }
        try text.write(to: invoices, atomically: true, encoding: .utf8)
        let many = try goodbye(["letter", "--answers", invoices.path, "--no-input"])
        XCTAssertEqual(many.status, 65, many.stderr)
        XCTAssertTrue(many.stderr.contains(fr("factures.txt:1002 : plus de 1000 factures")), many.stderr)
        // Random bytes: refused at their first line, whatever follows.
        var generator = SystemRandomNumberGenerator()
        let random = folder.appendingPathComponent("hasard.bin")
        try Data((0..<(1 << 19)).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: random)
        let bytes = try goodbye(["letter", "--answers", random.path, "--no-input"])
        XCTAssertEqual(bytes.status, 65, bytes.stderr)
        let line = try XCTUnwrap(bytes.stderr.firstMatch(of: /hasard\.bin:(\d+)/).flatMap { Int($0.1) }, bytes.stderr)
        XCTAssertLessThan(line, 100, "judged at one of its first lines: \(bytes.stderr)")
        // Past 16 MiB, an answer file is not a letter's: the limit is named.
        let large = folder.appendingPathComponent("grand.txt")
        try String(repeating: "# une ligne de commentaire pour rien\n", count: 500_000).write(
            to: large, atomically: true, encoding: .utf8)
        let big = try goodbye(["letter", "--answers", large.path, "--no-input", "--lang", "en"])
        XCTAssertEqual(big.status, 65, big.stderr)
        XCTAssertTrue(big.stderr.contains("is over 16 MiB"), big.stderr)
    }

    /// Two runs on one session file: the second is told the file is in use.
    func testASessionInUseIsNotOpenedTwice() throws {
        let folder = try temporaryFolder(self)
        let session = folder.appendingPathComponent("séance.txt").path
        let lock = open(session + ".lock", O_RDWR | O_CREAT, 0o600)
        XCTAssertGreaterThanOrEqual(lock, 0)
        defer { close(lock) }
        XCTAssertEqual(flock(lock, LOCK_EX | LOCK_NB), 0)
        let second = try goodbye(["letter", "--session", session], stdin: "Claire Martin\n")
        XCTAssertEqual(second.status, 73, second.stderr)
        XCTAssertTrue(second.stderr.contains(fr("est déjà ouverte par un autre goodbye")), second.stderr)
        XCTAssertTrue(second.stderr.contains("séance.txt"), second.stderr)
    }

    /// A session file edited by hand during the session is not written over.
    func testASessionEditedMeanwhileIsNotOverwritten() throws {
        let folder = try temporaryFolder(self)
        let session = folder.appendingPathComponent("séance.txt")
        let content = try ContentLoader.load(from: Paths.content)
        let terminal = ScriptedTerminal(lines: ["Claire Martin", "Atelier", ":quitter"], interactive: true)
        let edited = "# à la main\nsender.name = Camille Dupont\n"
        terminal.beforeReading = { count in
            if count == 1 { try? edited.write(to: session, atomically: false, encoding: .utf8) }
        }
        let status = App(terminal: terminal, environment: [:], content: content).run([
            "letter", "--session", session.path,
        ])
        XCTAssertEqual(status, 73, terminal.stderr)
        XCTAssertTrue(terminal.stderr.contains(fr("a changé depuis que cette séance l’a lu")), terminal.stderr)
        XCTAssertEqual(try String(contentsOf: session, encoding: .utf8), edited, "the edit is kept")
    }

    /// A cell that is not UTF-8, or holds a NUL, is named with its row, its column and its id.
    func testAnUnreadableCellIsNamedWithItsColumn() throws {
        let folder = try temporaryFolder(self)
        for (name, bytes) in [("latin1.csv", [UInt8](0xE9...0xE9)), ("nul.csv", [0])] {
            let file = folder.appendingPathComponent(name)
            var data = Data("sender.name;sender.city;client.company\nA;Lyon;Dupont\nA;Lyon;Du".utf8)
            data.append(contentsOf: bytes)
            data.append(contentsOf: Array("pont\n".utf8))
            try data.write(to: file)
            let run = try goodbye([
                "letter", "--batch", file.path, "--out-dir", folder.appendingPathComponent("out").path,
            ])
            XCTAssertEqual(run.status, 65, run.stderr)
            XCTAssertTrue(run.stderr.contains(fr("\(name):3:3: cellule de « client.company » illisible")), run.stderr)
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing written")
        }
    }

    /// A write that fails half-way removes the letters the run created: all or nothing.
    func testABatchThatCannotFinishLeavesNoLetterItCreated() throws {
        let folder = try temporaryFolder(self)
        let file = try csv(["A;Lyon;Dupont;X;Paris", "A;Lyon;Martin;Y;Paris", "A;Lyon;Durand;Z;Paris"], in: folder)
        let out = folder.appendingPathComponent("out")
        // The third letter's name is taken by a folder: replaced by nothing, even with --force.
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("durand.txt"), withIntermediateDirectories: true)
        let run = try goodbye([
            "letter", "--batch", file.path, "--out-dir", out.path, "--force", "--date", "2026-12-02",
        ])
        XCTAssertEqual(run.status, 73, run.stderr)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: out.path), ["durand.txt"],
            "the two letters written are removed")
    }

    /// `goodbye letter --session F` says to resume with that command, not the main session's.
    func testTheResumeHintNamesTheCommandThatResumes() throws {
        let folder = try temporaryFolder(self)
        let session = folder.appendingPathComponent("lettre-séance.txt").path
        let content = try ContentLoader.load(from: Paths.content)
        let terminal = ScriptedTerminal(lines: ["Claire Martin", ":quitter"], interactive: true)
        XCTAssertEqual(
            App(terminal: terminal, environment: [:], content: content).run(["letter", "--session", session]), 0,
            terminal.stderr)
        XCTAssertTrue(terminal.stderr.contains("goodbye letter --session \(session)"), terminal.stderr)
    }

    /// A batch stopped while it writes says how many letters are written and how to finish.
    func testAnInterruptedBatchSaysWhatIsWritten() throws {
        let folder = try temporaryFolder(self)
        // Complete rows: no warning fills the pipe of standard error before the letters.
        let file = folder.appendingPathComponent("clients.csv")
        try
            (["sender.name;sender.city;client.company;client.name;client.address;client.city"]
            + (1...2_000).map { "Claire Martin;69003 Lyon;Société \($0);Paul Durand;5 avenue Foch;75008 Paris" })
            .joined(separator: "\n").appending("\n").write(to: file, atomically: true, encoding: .utf8)
        // The rows are all alike: twenty of them say whether any would warn.
        let sample = folder.appendingPathComponent("sample.csv")
        try (try String(contentsOf: file, encoding: .utf8)).split(separator: "\n").prefix(21).joined(separator: "\n")
            .appending("\n")
            .write(to: sample, atomically: true, encoding: .utf8)
        let probe = try goodbye(
            [
                "letter", "--batch", sample.path, "--out-dir", folder.appendingPathComponent("probe").path, "--date",
                "2026-12-02",
                "--strict",
            ], environment: [:])
        XCTAssertEqual(probe.status, 0, "no warning: \(probe.stderr.prefix(300))")
        let out = folder.appendingPathComponent("out")
        let run = try Launched(["letter", "--batch", file.path, "--out-dir", out.path, "--date", "2026-12-02"])
        // Wait (a watchdog, not a timing) for the first letters, then stop the batch.
        var waited = 0
        while (try? FileManager.default.contentsOfDirectory(atPath: out.path).count) ?? 0 < 5, run.process.isRunning,
            waited < 3_000
        {
            usleep(10_000)
            waited += 1
        }
        XCTAssertTrue(run.process.isRunning, "the batch was still writing")
        kill(run.process.processIdentifier, SIGTERM)
        let outcome = try run.finish(stdin: "")
        XCTAssertEqual(outcome.status, 143, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains(fr("lettres écrites dans « \(out.path) »")), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("--force"), outcome.stderr)
    }

    /// `--answers -` is read as a stream like a file: judged line by line, within limits.
    func testStandardInputAnswersAreJudgedLineByLine() throws {
        let launched = try Launched(["letter", "--answers", "-", "--no-input"])
        launched.input.fileHandleForWriting.write(
            Data([0x73, 0x65, 0x6E, 0x64, 0x65, 0x72, 0x2E, 0x6E, 0x61, 0x6D, 0x65, 0x20, 0x3D, 0x20, 0xE9, 0x0A]))
        let bad = try launched.finish(stdin: "sender.city = Lyon\n")
        XCTAssertEqual(bad.status, 65, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("-:1:"), bad.stderr)
        let invoices = (0..<1_200).map { "letter.invoices = F\($0) ; 01/09/2026 ; 100 ; 01/10/2026" }.joined(
            separator: "\n")
        let many = try goodbye(
            ["letter", "--answers", "-", "--no-input"], stdin: "sender.name = A\n" + invoices + "\n")
        XCTAssertEqual(many.status, 65, many.stderr)
        XCTAssertTrue(many.stderr.contains(fr("-:1002 : plus de 1000 factures")), many.stderr)
    }
}
