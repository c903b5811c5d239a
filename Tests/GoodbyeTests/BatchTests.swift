import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// `goodbye letter --batch FILE.csv --out-dir DIR`: a spreadsheet in, one letter per row
/// out; any bad cell is named and nothing is written.
final class BatchTests: XCTestCase {
    static let example = Paths.repository.appendingPathComponent("Scripts/examples/clients.csv")

    // MARK: CSV as RFC 4180 has it

    func records(_ text: String) -> [[String]]? { try? CSV.records(text).get().map(\.cells) }

    func testCommasQuotesAndLineBreaksInsideQuotes() {
        XCTAssertEqual(
            records("a,b\r\n1,\"x, \"\"y\"\"\"\r\n"), [["a", "b"], ["1", "x, \"y\""]], "CRLF, a doubled quote")
        XCTAssertEqual(
            records("a,b\n\"deux\nlignes\",2"), [["a", "b"], ["deux\nlignes", "2"]],
            "a line break inside quotes; no final newline")
        XCTAssertEqual(
            records("a;b\n1,5;2\n"), [["a", "b"], ["1,5", "2"]], "semicolons in the header: the French export")
        XCTAssertEqual(
            records("\u{FEFF}a,b\n1,2\n"), [["a", "b"], ["1", "2"]], "a byte-order mark is not part of the first id")
        XCTAssertEqual(records("a,b\n,\n"), [["a", "b"], ["", ""]])
        XCTAssertEqual(
            try? CSV.records("a\nb\n\"c\nd\"\ne\n").get().map(\.row), [1, 2, 3, 4], "rows as a spreadsheet counts them")
    }

    func testAQuoteLeftOpenIsNamedWhereItStarts() {
        XCTAssertEqual(CSV.records("a,b\n1,\"jamais fermé\n2,3\n"), .failure(CSV.Failure(row: 2, column: 2)))
        XCTAssertEqual(
            CSV.records("a,b\n1,\"x\"y\n"), .failure(CSV.Failure(row: 2, column: 2)), "text after a closing quote")
    }

    // MARK: The command

    func testEveryRowBecomesALetterNamedFromItsClient() throws {
        let folder = try temporaryFolder(self).appendingPathComponent("lettres")
        let run = try goodbye([
            "letter", "--batch", Self.example.path, "--out-dir", folder.path, "--date", "2026-11-29",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "", "the letters go to files only")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names, ["leroy-fils.txt", "maison-verte.txt", "societe-dupont.txt"])
        XCTAssertTrue(run.stderr.contains(fr("lettres écrites dans « \(folder.path) » : 3")), run.stderr)
        // The first row holds the answers of a golden letter, with an e-mail and a tone more:
        // its letter is the one `goodbye letter --answers` drafts from the same answers.
        let single = try goodbye(
            ["letter", "--answers", "-", "--no-input", "--date", "2026-11-29"],
            stdin: """
                sender.name = Claire Martin
                sender.business = Atelier Lumen, design graphique
                sender.address = 12 rue des Lilas
                sender.city = 69003 Lyon
                sender.siret = 812 345 676 00017
                sender.email = claire@atelier-lumen.fr
                client.company = Société Dupont
                client.civility = monsieur
                client.name = Paul Durand
                client.address = 5 avenue Foch
                client.city = 75008 Paris
                client.email = paul.durand@dupont.fr
                letter.contract_date = 01/03/2025
                letter.notice_days = 30
                letter.tone = neutre

                """)
        XCTAssertEqual(single.status, 0, single.stderr)
        XCTAssertEqual(
            try String(contentsOf: folder.appendingPathComponent("societe-dupont.txt"), encoding: .utf8), single.stdout)
        let second = try String(contentsOf: folder.appendingPathComponent("maison-verte.txt"), encoding: .utf8)
        XCTAssertTrue(
            second.contains("8 place de la République, Bâtiment B\n69002 LYON"), "an address on two lines in its cell")
        let third = try String(contentsOf: folder.appendingPathComponent("leroy-fils.txt"), encoding: .utf8)
        XCTAssertTrue(
            third.contains("facture n°\u{A0}2026-041") && third.contains("facture n°\u{A0}2026-047"),
            "two invoice columns")
    }

    func testOneBadCellWritesNothingAndNamesTheCell() throws {
        let folder = try temporaryFolder(self)
        let text = try String(contentsOf: Self.example, encoding: .utf8).replacingOccurrences(
            of: "camille@maison-verte.fr", with: "camille@")
        let csv = folder.appendingPathComponent("clients.csv")
        try text.write(to: csv, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("lettres")
        let run = try goodbye(["letter", "--batch", csv.path, "--out-dir", output.path])
        XCTAssertEqual(run.status, 65, run.stderr)
        // Row 3 (the header is row 1), column L: client.email, with what it accepts.
        XCTAssertTrue(
            run.stderr.contains(
                fr(
                    "\(csv.path):3:12: « client.email » : valeur « camille@ » non acceptée ; réponses acceptées : une adresse électronique"
                )),
            run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing written, not even the folder")
    }

    func testHeaderAndRowProblemsAreAllListed() throws {
        let folder = try temporaryFolder(self)
        let csv = folder.appendingPathComponent("c.csv")
        try "sender.name,client.nom,sender.name,letter.invoices,letter.invoices\nClaire,x,y,,\n,,,,\n".write(
            to: csv, atomically: true, encoding: .utf8)
        let run = try goodbye(["letter", "--batch", csv.path, "--out-dir", folder.appendingPathComponent("o").path])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.stderr.contains(fr("\(csv.path):1:2: identifiant inconnu « client.nom »")), run.stderr)
        XCTAssertTrue(
            run.stderr.contains(fr("\(csv.path):1:3: colonne « sender.name » déjà présente (colonne 1)")), run.stderr)
        XCTAssertFalse(run.stderr.contains(":1:5:"), "invoices may repeat their column")

        try "sender.name;client.company\n;Société Dupont\n".write(to: csv, atomically: true, encoding: .utf8)
        let missing = try goodbye(["letter", "--batch", csv.path, "--out-dir", folder.appendingPathComponent("o").path])
        XCTAssertEqual(missing.status, 65)
        XCTAssertTrue(
            missing.stderr.contains(fr("\(csv.path):2 : réponses manquantes : sender.name, sender.city")),
            missing.stderr)
        XCTAssertTrue(missing.stderr.contains(fr("Aucune lettre n’a été écrite")), missing.stderr)
    }

    func testExistingLettersAreNeverReplacedWithoutForce() throws {
        let folder = try temporaryFolder(self)
        let kept = folder.appendingPathComponent("maison-verte.txt")
        try "ma lettre".write(to: kept, atomically: true, encoding: .utf8)
        let run = try goodbye(["letter", "--batch", Self.example.path, "--out-dir", folder.path])
        XCTAssertEqual(run.status, 73, run.stderr)
        XCTAssertTrue(run.stderr.contains("maison-verte.txt") && run.stderr.contains("--force"), run.stderr)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path), ["maison-verte.txt"], "nothing written")
        XCTAssertEqual(try String(contentsOf: kept, encoding: .utf8), "ma lettre")
        let forced = try goodbye(["letter", "--batch", Self.example.path, "--out-dir", folder.path, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOf: kept, encoding: .utf8).contains("Maison Verte"))
    }

    func testTheSameClientTwiceGetsTwoFilesInEveryFormat() throws {
        let folder = try temporaryFolder(self)
        let rows = try String(contentsOf: Self.example, encoding: .utf8).components(separatedBy: "\n")
        let csv = folder.appendingPathComponent("c.csv")
        try ([rows[0], rows[1], rows[1]].joined(separator: "\r\n") + "\r\n").write(
            to: csv, atomically: true, encoding: .utf8)
        for format in ["markdown", "eml", "json"] {
            let output = folder.appendingPathComponent(format)
            let run = try goodbye([
                "letter", "--batch", csv.path, "--out-dir", output.path, "--format", format, "--lang", "en",
            ])
            XCTAssertEqual(run.status, 0, run.stderr)
            let suffix = ["markdown": "md", "eml": "eml", "json": "json"][format]!
            XCTAssertEqual(
                try FileManager.default.contentsOfDirectory(atPath: output.path).sorted(),
                ["societe-dupont-2.\(suffix)", "societe-dupont.\(suffix)"])
            let first = try String(
                contentsOf: output.appendingPathComponent("societe-dupont.\(suffix)"), encoding: .utf8)
            XCTAssertTrue(first.contains("Dear Mr Durand"), "--lang en: \(first.prefix(300))")
        }
    }

    func testBatchOptionsGoTogether() throws {
        XCTAssertEqual(try goodbye(["letter", "--batch", Self.example.path]).status, 64)
        XCTAssertEqual(try goodbye(["letter", "--out-dir", "/tmp/x"]).status, 64)
        let both = try goodbye(["letter", "--batch", Self.example.path, "--out-dir", "/tmp/x", "-o", "l.txt"])
        XCTAssertEqual(both.status, 64)
        XCTAssertTrue(both.stderr.contains(fr("-o ne s’emploie pas avec --batch")), both.stderr)
        XCTAssertEqual(
            try goodbye(["run", "--batch", Self.example.path, "--out-dir", "/tmp/x"]).status, 64, "a letter option")
    }

    /// A thousand rows, a thousand letters (the benchmark runs ten thousand, in release).
    func testAThousandRows() throws {
        let folder = try temporaryFolder(self)
        let rows = try String(contentsOf: Self.example, encoding: .utf8).components(separatedBy: "\n")
        let csv = folder.appendingPathComponent("c.csv")
        let body = (0..<1000).map { rows[1].replacingOccurrences(of: "Société Dupont", with: "Société Dupont \($0)") }
        try ([rows[0]] + body).joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("o")
        let run = try goodbye(["letter", "--batch", csv.path, "--out-dir", output.path, "--date", "2026-11-29"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        XCTAssertEqual(names.count, 1000)
        XCTAssertEqual(Set(names).count, 1000)
        XCTAssertTrue(names.contains("societe-dupont-999.txt"))
    }
}
