import BuiltInContent
import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

@testable import LetterComposition

/// `--format docx`: the letter as a Word document to edit, checked by Python's zipfile
/// and python-docx (every paragraph of the text letter, in order) and by LibreOffice,
/// which converts it to a PDF holding the same text, on one page for an ordinary letter.
final class DOCXTests: XCTestCase {
    static let today = CivilDate(year: 2026, month: 11, day: 29)!
    static let python = "/usr/bin/python3"
    static let office = "/usr/bin/soffice"
    static let text = TextLetterWriter(label: { $0 + "\u{A0}: " + $1 })
    static let names = Dictionary(uniqueKeysWithValues: DOCXLetterWriter.Style.allCases.map { ($0, $0.rawValue) })
    static let docx = DOCXLetterWriter(date: "2026-11-29", styleNames: names, label: { $0 + "\u{A0}: " + $1 })

    static var missingPythonDocx: [String] {
        let probe = try? runTool(python, ["-c", "import docx, zipfile"])
        return probe?.status == 0 ? [] : ["python-docx (" + Install.line(["python3", "python3-docx"]) + ")"]
    }

    func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// Every kind in both languages with no invoice, three and twenty-five.
    func letters() throws -> [(String, Letter)] {
        let content = try ContentLoader.load(from: Paths.content)
        var letters: [(String, Letter)] = []
        for kind in content.kinds {
            for language in ["fr", "en"] {
                let drafter = try XCTUnwrap(content.drafter(kind: kind, language: language))
                for count in [0, 3, 25] {
                    var answers = kind.samples[0]
                    answers["letter.unpaid"] = Answer(count == 0 ? "non" : "oui")
                    answers["letter.invoices"] =
                        count == 0 ? nil : Answer(items: (1...count).map { "F\($0);2026-09-01;1250.50;2026-10-01" })
                    if let letter = try? drafter.draft(answers, today: Self.today) {
                        letters.append(("\(kind.id)-\(language)-\(count)", letter))
                    }
                }
            }
        }
        return letters
    }

    func testEveryKindIsAValidDocumentWithEveryParagraphOfTheLetterInOrder() throws {
        try requireTools(Self.missingPythonDocx, for: "DOCX checks (python-docx)")
        let folder = try temporaryFolder(self)
        let letters = try letters()
        XCTAssertGreaterThan(letters.count, 30)
        for (name, letter) in letters {
            try Data(Self.docx.write(letter)).write(to: folder.appendingPathComponent(name + ".docx"))
        }
        let script = """
            import docx, json, sys, zipfile, pathlib
            out = {}
            for path in sorted(pathlib.Path(sys.argv[1]).glob("*.docx")):
                with zipfile.ZipFile(path) as archive:
                    bad = archive.testzip()
                document = docx.Document(str(path))
                out[path.stem] = {"bad": bad, "paragraphs": [p.text for p in document.paragraphs],
                    "styles": sorted({p.style.name for p in document.paragraphs}),
                    "title": document.core_properties.title, "author": document.core_properties.author,
                    "language": document.core_properties.language,
                    "page": [document.sections[0].page_width, document.sections[0].page_height, document.sections[0].left_margin]}
            print(json.dumps(out))
            """
        let (status, output) = try runTool(Self.python, ["-c", script, folder.path])
        XCTAssertEqual(status, 0, output)
        let read = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]])
        XCTAssertEqual(read.count, letters.count)
        for (name, letter) in letters {
            let document = try XCTUnwrap(read[name], name)
            XCTAssertTrue(document["bad"] is NSNull, "\(name): a damaged ZIP entry")
            let paragraphs = try XCTUnwrap(document["paragraphs"] as? [String])
            // Each line of the text letter, in order, within the document's paragraphs.
            let joined = squeezed(paragraphs.joined(separator: "\n"))
            var from = joined.startIndex
            for line in Self.text.write(letter).split(separator: "\n") {
                let wanted = squeezed(String(line))
                guard let found = joined.range(of: wanted, range: from..<joined.endIndex) else {
                    XCTFail("\(name): «\(line)» missing or out of order")
                    break
                }
                from = found.upperBound
            }
            let styles = try XCTUnwrap(document["styles"] as? [String])
            XCTAssertTrue(
                Set(["Expediteur", "Destinataire", "Objet", "Corps", "Signature"]).isSubset(of: styles),
                "\(name): \(styles)")
            XCTAssertEqual(document["title"] as? String, letter.subject)
            XCTAssertEqual(document["author"] as? String, letter.signature.first)
            XCTAssertEqual(document["language"] as? String, letter.language == "fr" ? "fr-FR" : "en-GB")
            // A4 (11 906 x 16 838 twips) and a 25 mm left margin (1 417 twips), in EMU (635 a twip).
            XCTAssertEqual(document["page"] as? [Int], [11_906 * 635, 16_838 * 635, 1_417 * 635], name)
        }
    }

    /// LibreOffice opens the document and prints it as the letter: the same text, an
    /// ordinary letter on one page, the recipient where the window is.
    func testLibreOfficeConvertsItToThePrintedLetter() throws {
        let missing =
            (FileManager.default.isExecutableFile(atPath: Self.office)
                ? [] : [Self.office + " (" + Install.line(["libreoffice-writer-nogui"]) + ")"])
            + PDFTests.missingTools
        try requireTools(missing, for: "DOCX conversion by LibreOffice")
        let folder = try temporaryFolder(self)
        // Every document, converted by one LibreOffice run.
        let chosen = try letters()
        XCTAssertGreaterThan(chosen.count, 30)
        for (name, letter) in chosen {
            try Data(Self.docx.write(letter)).write(to: folder.appendingPathComponent(name + ".docx"))
        }
        let profile = folder.appendingPathComponent("profile")
        let (status, output) = try runTool(
            Self.office,
            [
                "-env:UserInstallation=file://" + profile.path, "--headless", "--convert-to", "pdf",
                "--outdir", folder.path,
            ] + chosen.map { folder.appendingPathComponent($0.0 + ".docx").path })
        XCTAssertEqual(status, 0, output)
        for (name, letter) in chosen {
            let pdf = folder.appendingPathComponent(name + ".pdf").path
            XCTAssertTrue(FileManager.default.fileExists(atPath: pdf), "\(name): not converted: \(output)")
            let text = try runTool("/usr/bin/pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"]).output
            let all = squeezed(text)
            for line in Self.text.write(letter).split(separator: "\n") {
                XCTAssertTrue(all.contains(squeezed(String(line))), "\(name): «\(line)» not in LibreOffice's PDF")
            }
            let pages = text.components(separatedBy: "\u{0C}").filter {
                !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            }
            // An ordinary letter (no invoice listed) on one page, as its PDF.
            if name.hasSuffix("-0"), try runTool("/usr/bin/pdfinfo", [pdf]).output.isEmpty == false {
                let ours = folder.appendingPathComponent(name + "-goodbye.pdf")
                try Data(PDFTests.pdf.write(letter)).write(to: ours)
                let ourPages = try runTool("/usr/bin/pdftotext", [ours.path, "-"]).output.components(
                    separatedBy: "\u{0C}"
                )
                .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count
                if ourPages == 1 {
                    XCTAssertEqual(pages.count, 1, "\(name): an ordinary letter on one page, as its PDF")
                }
            }
            // The recipient's first line inside the window (85 x 33 mm at 110 / 55 mm).
            let boxes = try runTool("/usr/bin/pdftotext", ["-bbox", "-enc", "UTF-8", pdf, "-"]).output
            let first = try XCTUnwrap(letter.recipient.first?.split(separator: " ").first.map(String.init))
            let pattern =
                #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">"#
                + NSRegularExpression.escapedPattern(for: first) + "</word>"
            let match = try XCTUnwrap(
                try NSRegularExpression(pattern: pattern).firstMatch(
                    in: boxes, range: NSRange(boxes.startIndex..., in: boxes)),
                "\(name): \(first) not found")
            let value = { (index: Int) in Double(boxes[Range(match.range(at: index), in: boxes)!])! * 25.4 / 72 }
            XCTAssertTrue(
                value(1) >= 110 && value(3) <= 195 && value(2) >= 55 && value(4) <= 88,
                "\(name): \(first) at \(value(1))–\(value(3)) × \(value(2))–\(value(4)) mm, outside the window")
        }
    }

    func testTheZipIsStoredWithTheRightChecksums() {
        XCTAssertEqual(ZIPArchive.crc32(Array("The quick brown fox jumps over the lazy dog".utf8)), 0x414F_A339)
        XCTAssertEqual(ZIPArchive.crc32([]), 0)
        var archive = ZIPArchive()
        archive.add("a.txt", "abc")
        let bytes = archive.bytes()
        XCTAssertEqual(Array(bytes.prefix(4)), [0x50, 0x4B, 0x03, 0x04])
        XCTAssertEqual(Array(bytes.suffix(22).prefix(4)), [0x50, 0x4B, 0x05, 0x06], "the end of the central directory")
    }

    func testTheDocumentIsNamedStyledAndTaggedInTheLettersLanguage() throws {
        let folder = try temporaryFolder(self)
        let answers = GoldenLetterTests.folder.appendingPathComponent("01-neutre-entreprise-preavis.answers").path
        for (language, style, tag) in [("fr", "Expéditeur", "fr-FR"), ("en", "Sender", "en-GB")] {
            let output = folder.appendingPathComponent("lettre-\(language).docx").path
            let made = try goodbye([
                "letter", "--answers", answers, "--no-input", "--date", "2026-11-29", "--format", "docx", "-o", output,
                "--lang", language,
            ])
            XCTAssertEqual(made.status, 0, made.stderr)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(
                text.contains("<w:name w:val=\"\(style)\"/>"), "the styles are named in the letter's language")
            XCTAssertTrue(text.contains("<w:lang w:val=\"\(tag)\""), "the language is tagged")
            XCTAssertTrue(
                text.contains("<w:framePr") && text.contains("w:hAnchor=\"page\""),
                "the recipient in a frame on the page")
            XCTAssertTrue(text.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4")
        }
        let terminal = ScriptedTerminal(stdin: "")
        terminal.outputIsTerminal = true
        let content = try ContentLoader.load(from: Paths.content)
        XCTAssertEqual(
            App(terminal: terminal, environment: [:], content: content).run([
                "letter", "--format", "docx", "--no-input",
            ]), 64)
        XCTAssertTrue(terminal.stderr.contains("-o lettre.docx"), terminal.stderr)
        // A batch writes one document per row.
        let batch = try goodbye([
            "letter", "--batch", Paths.repository.appendingPathComponent("Scripts/examples/clients.csv").path,
            "--out-dir", folder.appendingPathComponent("lettres").path, "--format", "docx", "--date", "2026-11-29",
        ])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("lettres").path)
        XCTAssertEqual(written.count, 3, "\(written)")
        XCTAssertTrue(written.allSatisfy { $0.hasSuffix(".docx") }, "\(written)")
    }

    /// The signature has its room whatever the pages; the amounts' cents on the tab, their
    /// suffix after it; the paragraph gap in the styles, so that restyling one place works.
    func testSignatureRoomAlignedAmountsAndSpacingInTheStyles() throws {
        let folder = try temporaryFolder(self)
        let output = folder.appendingPathComponent("lettre.docx").path
        let made = try goodbye([
            "letter", "--answers", Paths.repository.appendingPathComponent("Scripts/examples/lettre.txt").path,
            "--no-input",
            "--date", "2026-12-02", "--format", "docx", "-o", output,
        ])
        XCTAssertEqual(made.status, 0, made.stderr)
        // The parts are stored, not compressed: the XML reads in the file's bytes.
        let xml = String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self)
        let name = "Claire Martin"
        let afterStyle = try XCTUnwrap(xml.components(separatedBy: "<w:pStyle w:val=\"Signature\"/>").dropFirst().first)
            .prefix(200)
        XCTAssertTrue(afterStyle.contains("w:before=\"1247\""), "22 mm before the printed name: \(afterStyle)")
        XCTAssertTrue(xml.contains(">\(name)<"))
        let invoice = xml.components(separatedBy: "<w:pStyle w:val=\"Facture\"/>").dropFirst().first?.prefix(500) ?? ""
        XCTAssertNotNil(
            invoice.range(
                of: #"250,00</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">[^<]*€"#,
                options: .regularExpression),
            "the cents end on the right tab, the currency after the next: \(invoice)")
        let styles = try XCTUnwrap(xml.components(separatedBy: "w:styleId=\"Corps\"").dropFirst().first).prefix(300)
        XCTAssertTrue(styles.contains("w:after=\"120\""), "the 6-point gap is the body style's: \(styles)")
    }
}
