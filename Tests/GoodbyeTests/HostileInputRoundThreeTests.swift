import DialogueCore
import Foundation
import XCTest

/// Issue 22, the families fixed so far: batch names that collide, an output over an
/// input, sessions that are not files, line ends of every system, amounts grouped
/// wrong, values echoed to the terminal, file names from any alphabet.
final class HostileInputRoundThreeTests: XCTestCase {
    func csv(_ rows: [String], in folder: URL, separator: String = "\n") throws -> URL {
        let file = folder.appendingPathComponent("clients.csv")
        let header = "sender.name;sender.city;client.company;client.name;client.city"
        try ([header] + rows).joined(separator: separator).appending(separator).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func testBatchNamesAreUniqueAcrossTheRun() throws {
        let folder = try temporaryFolder(self)
        let file = try csv(["A;Lyon;Dupont;X;Paris", "A;Lyon;Dupont;X;Paris", "A;Lyon;Dupont-2;X;Paris"], in: folder)
        for force in [false, true] {
            let out = folder.appendingPathComponent("out-\(force)")
            let run = try goodbye(["letter", "--batch", file.path, "--out-dir", out.path, "--date", "2026-12-02"] + (force ? ["--force"] : []))
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
        let run = try goodbye(["letter", "--batch", spreadsheet.path, "--out-dir", folder.path, "--force", "--date", "2026-12-02"])
        XCTAssertEqual(run.status, 64, run.stderr)
        XCTAssertTrue(run.stderr.contains(fr("remplacerait le tableur donné à --batch")), run.stderr)
        XCTAssertEqual(try Data(contentsOf: spreadsheet), before)
    }

    func testTheSpreadsheetCanComeFromStandardInput() throws {
        let folder = try temporaryFolder(self)
        let file = try csv(["A;Lyon;Dupont;X;Paris", "A;Lyon;Martin;Y;Paris"], in: folder)
        let run = try goodbye(["letter", "--batch", "-", "--out-dir", folder.appendingPathComponent("out").path, "--date", "2026-12-02"],
            stdin: try String(contentsOf: file, encoding: .utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted(), ["dupont.txt", "martin.txt"])
    }

    /// « CSV (Macintosh) » and old Mac answer files end their lines with a CR alone.
    func testACarriageReturnAloneEndsALine() throws {
        let folder = try temporaryFolder(self)
        let file = try csv(["A;Lyon;Dupont;X;Paris", "A;Lyon;Martin;Y;Paris"], in: folder, separator: "\r")
        let run = try goodbye(["letter", "--batch", file.path, "--out-dir", folder.appendingPathComponent("out").path, "--date", "2026-12-02"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted(), ["dupont.txt", "martin.txt"])
        let answers = "sender.name = Claire Martin\rclient.company = Dupont\rsender.city = Lyon\rclient.city = Paris\rclient.name = X\r"
        let letter = try goodbye(["letter", "--answers", "-", "--no-input", "--date", "2026-12-02"], stdin: answers)
        XCTAssertEqual(letter.status, 0, letter.stderr)
        XCTAssertTrue(letter.stdout.contains("Claire Martin\n"), letter.stdout)
        XCTAssertFalse(letter.stdout.contains("client.company"), "one answer a line: \(letter.stdout)")
    }

    func testAnAmountGroupedOtherwiseThanInThousandsIsRefused() {
        for (text, value) in [("1 250,50", "1250.50"), ("1 250 000", "1250000.00"), ("12,50 €", "12.50"), ("€ 1,250.00", "1250.00"),
            ("1250", "1250.00"), ("980,5", "980.50")] {
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
        XCTAssertEqual(try String(contentsOf: answers, encoding: .utf8), "# mes réponses\nsender.name = Claire Martin\n")
        // Nor is the default letter session a place for a letter.
        let home = folder.appendingPathComponent("home")
        let session = home.appendingPathComponent(".local/state/goodbye/letter-session.txt").path
        let output = try goodbye(["letter", "-o", session, "--no-input"], environment: ["HOME": home.path])
        XCTAssertEqual(output.status, 64, output.stderr)
    }

    func testValuesEchoedFromTheCommandLineCarryNoEscape() throws {
        for arguments in [["help", "\u{1B}[31mrouge\u{07}"], ["--\u{1B}]0;titre\u{07}"], ["letter", "--kind", "x\u{202E}y"], ["--lang", "\u{1B}[2J"],
            ["letter", "--format", "\u{1B}c"]] {
            let run = try goodbye(arguments)
            XCTAssertEqual(run.status, 64, "\(arguments)")
            XCTAssertFalse(run.stderr.contains("\u{1B}") || run.stderr.contains("\u{07}") || run.stderr.contains("\u{202E}"),
                "\(arguments): \(run.stderr.debugDescription)")
        }
        let english = try goodbye(["--lang", "de", "questions"], environment: ["GOODBYE_LANG": "en"])
        XCTAssertTrue(english.stderr.contains("language “de” not available"), "the environment's language: \(english.stderr)")
    }

    func testFileNamesAreWrittenInLatinLettersAndNeverAsADevice() throws {
        let folder = try temporaryFolder(self)
        let file = try csv(["A;Lyon;İstanbul Şirketi;X;Paris", "A;Lyon;Ольга Иванова;X;Paris", "A;Lyon;Αθηνά;X;Paris", "A;Lyon;CON;X;Paris"],
            in: folder)
        let run = try goodbye(["letter", "--batch", file.path, "--out-dir", folder.appendingPathComponent("out").path, "--date", "2026-12-02"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted(),
            ["athina.txt", "istanbul-sirketi.txt", "lettre-con.txt", "olga-ivanova.txt"])
    }

    func testEmptyFolderNamesAreMissingValues() throws {
        XCTAssertEqual(try goodbye(["letter", "--batch", "x.csv", "--out-dir", ""]).status, 64)
        XCTAssertEqual(try goodbye(["questions", "--content", ""]).status, 64)
        XCTAssertEqual(try goodbye(["questions", "--content="]).status, 64)
    }
}
