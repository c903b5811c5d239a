import BuiltInContent
import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import Synchronization
import TestSupport
import XCTest

@testable import LetterComposition

/// `--format pdf`: every PDF is checked by real PDF tools (qpdf, poppler's pdftotext):
/// a valid file, the letter's text, the recipient inside the envelope window.
final class PDFTests: XCTestCase {
    static let today = CivilDate(year: 2026, month: 11, day: 29)!

    static var missingTools: [String] {
        ["/usr/bin/qpdf": "qpdf", "/usr/bin/pdftotext": "poppler-utils"].sorted { $0.key < $1.key }
            .filter { !FileManager.default.isExecutableFile(atPath: $0.key) }.map {
                "\($0.key) (" + Install.line([$0.value]) + ")"
            }
    }

    func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try runTool(tool, arguments)
    }

    static let text = TextLetterWriter(label: { $0 + "\u{A0}: " + $1 })
    static let pdf = PDFLetterWriter(
        fonts: BuiltInContent.fonts, label: { $0 + "\u{A0}: " + $1 }, pageNumber: { "\($0)/\($1)" })

    /// Text without its spaces: justified, wrapped and thin-spaced text compares equal.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// Every kind in both languages, every sample variant, and a letter with twenty
    /// invoices: valid for qpdf, its text the letter's, its recipient in the window.
    func testEveryKindPrintsAsAValidPDFWithTheLettersText() throws {
        try requireTools(Self.missingTools, for: "PDF checks (qpdf, pdftotext)")
        let content = try ContentLoader.load(from: Paths.content)
        let folder = try temporaryFolder(self)
        var letters: [(String, Letter)] = []
        for kind in content.kinds {
            for language in ["fr", "en"] {
                let drafter = try XCTUnwrap(content.drafter(kind: kind, language: language))
                // Every third variant: each tone, client and invoice count appears (the
                // checkers take a moment per file).
                for (index, sample) in kind.samples.enumerated() where index % 3 == 0 {
                    guard let letter = try? drafter.draft(sample, today: Self.today) else { continue }
                    letters.append(("\(kind.id)-\(language)-\(index)", letter))
                }
                // No invoice, three, and twenty-five: the letter flows onto more pages.
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
        XCTAssertGreaterThan(letters.count, 50)
        // Each letter checked on its own (qpdf, pdftotext), on every core; the findings
        // are asserted here, on the test's thread.
        let found = Mutex<(problems: [String], multiPage: Int)>(([], 0))
        let drafted = letters
        DispatchQueue.concurrentPerform(iterations: drafted.count) { index in
            let (name, letter) = drafted[index]
            var problems: [String] = []
            var pagesOver = 0
            defer {
                found.withLock {
                    $0.problems += problems
                    $0.multiPage += pagesOver
                }
            }
            // The content's own words are all drawn by the fonts (answers are checked by the shell).
            let missing = PDFLetterWriter.unprintable(Self.text.write(letter), fonts: BuiltInContent.fonts)
            if !missing.isEmpty { problems.append("\(name): unprintable \(missing)") }
            let path = folder.appendingPathComponent(name + ".pdf").path
            do {
                try Data(Self.pdf.write(letter)).write(to: URL(fileURLWithPath: path))
                let check = try runTool("/usr/bin/qpdf", ["--check", path])
                if check.status != 0 { problems.append("\(name): \(check.output)") }
                let extracted = try runTool("/usr/bin/pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
                let pages = extracted.output.components(separatedBy: "\u{0C}").filter {
                    !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                }
                let all = Self.squeezed(extracted.output)
                for line in Self.text.write(letter).split(separator: "\n")
                where !all.contains(Self.squeezed(String(line))) {
                    problems.append("\(name): «\(line)» not in the PDF")
                }
                if pages.count > 1 {
                    pagesOver = 1
                    if !extracted.output.contains("1/\(pages.count)") { problems.append("\(name): page numbers") }
                }
            } catch {
                problems.append("\(name): \(error)")
            }
        }
        let (problems, multiPage) = found.withLock { $0 }
        XCTAssertEqual(problems, [])
        XCTAssertGreaterThan(multiPage, 0, "the letters with twenty-five invoices take two pages")
    }

    /// The recipient's name lies inside the window of a DL/C5 envelope (85 x 33 mm,
    /// 110 mm from the left, 55 mm from the top), as pdftotext -bbox places its words.
    func testTheRecipientShowsThroughTheEnvelopeWindow() throws {
        try requireTools(Self.missingTools, for: "PDF checks (qpdf, pdftotext)")
        let folder = try temporaryFolder(self)
        let output = folder.appendingPathComponent("lettre.pdf").path
        let answers = GoldenLetterTests.folder.appendingPathComponent("01-neutre-entreprise-preavis.answers").path
        let made = try goodbye([
            "letter", "--answers", answers, "--no-input", "--date", "2026-11-29", "--format", "pdf", "-o", output,
        ])
        XCTAssertEqual(made.status, 0, made.stderr)
        let boxes = try run("/usr/bin/pdftotext", ["-bbox", "-enc", "UTF-8", output, "-"]).output
        let millimetre = 72 / 25.4
        let frame = (left: 110 * millimetre, top: 55 * millimetre, right: 195 * millimetre, bottom: 88 * millimetre)
        let word = try NSRegularExpression(
            pattern: #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#)
        var found: [String: (Double, Double, Double, Double)] = [:]
        for match in word.matches(in: boxes, range: NSRange(boxes.startIndex..., in: boxes)) {
            let value = { (index: Int) in Double(boxes[Range(match.range(at: index), in: boxes)!])! }
            let text = String(boxes[Range(match.range(at: 5), in: boxes)!])
            if found[text] == nil { found[text] = (value(1), value(2), value(3), value(4)) }
        }
        for name in ["Société", "Dupont", "Durand", "Foch", "PARIS"] {
            let box = try XCTUnwrap(found[name], "\(name) not found")
            XCTAssertTrue(
                box.0 >= frame.left && box.2 <= frame.right && box.1 >= frame.top && box.3 <= frame.bottom,
                "\(name) at \(box), window \(frame)")
        }
        let sender = try XCTUnwrap(found["Claire"])
        XCTAssertLessThan(sender.0, 100 * millimetre, "the sender top left")
    }

    func testAPDFIsNeverWrittenToATerminal() throws {
        let content = try ContentLoader.load(from: Paths.content)
        let terminal = ScriptedTerminal(stdin: "")
        terminal.outputIsTerminal = true
        let status = App(terminal: terminal, environment: [:], content: content).run([
            "letter", "--format", "pdf", "--no-input",
        ])
        XCTAssertEqual(status, 64)
        XCTAssertTrue(terminal.stderr.contains("-o lettre.pdf"), terminal.stderr)
        XCTAssertEqual(terminal.stdout, "")
    }

    /// NF Z10-011 in every format: the address's last line in capitals, a warning for a
    /// line past 38 characters.
    func testTheAddressFollowsThePostalStandard() throws {
        let answers =
            "sender.name = Claire Martin\nsender.city = 69003 Lyon\nclient.civility = organisation\n"
            + "client.company = Association des amis du patrimoine de la Croix-Rousse\nclient.city = 69004 Lyon\n"
        for format in ["text", "markdown"] {
            let run = try goodbye(["letter", "--answers", "-", "--no-input", "--format", format], stdin: answers)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("69004 LYON"), run.stdout)
            XCTAssertTrue(run.stderr.contains("dépasse 38\u{A0}caractères"), run.stderr)
        }
        let strict = try goodbye(["letter", "--answers", "-", "--no-input", "--strict"], stdin: answers)
        XCTAssertEqual(strict.status, 65)
    }
}

/// The closing formula goes over with the signature: no page holds the signature alone.
final class PDFClosingTests: XCTestCase {
    func testTheClosingStaysWithTheSignature() throws {
        try requireTools(PDFTests.missingTools, for: "PDF checks (qpdf, pdftotext)")
        let folder = try temporaryFolder(self)
        let output = folder.appendingPathComponent("lettre.pdf").path
        let made = try goodbye([
            "letter", "--answers", Paths.repository.appendingPathComponent("Scripts/examples/lettre.txt").path,
            "--no-input",
            "--date", "2026-12-02", "--format", "pdf", "-o", output,
        ])
        XCTAssertEqual(made.status, 0, made.stderr)
        let pages = try runTool("/usr/bin/pdftotext", ["-enc", "UTF-8", output, "-"]).output.components(
            separatedBy: "\u{0C}")
        let signed = try XCTUnwrap(
            pages.firstIndex {
                $0.contains("\nClaire Martin\n") && !$0.contains("Atelier Lumen")
                    || $0.hasPrefix("Claire Martin\n") && !$0.contains("Atelier")
            },
            "the page of the signature")
        XCTAssertTrue(
            pages[signed].contains("Veuillez agréer"),
            "the closing formula is on the signature's page: \(pages[signed])")
    }
}

/// Page breaks never leave one line of a paragraph alone: at least two lines stay at
/// the foot of a page and at least two go to the next, or the paragraph moves whole.
final class PDFPageBreakTests: XCTestCase {
    typealias Layout = PDFLetterWriter.Layout

    /// A paragraph of `count` lines at the body width.
    func paragraph(lines count: Int) -> PDFLetterWriter.Paragraph {
        var words = 1
        while true {
            let text = Array(repeating: "mot", count: words).joined(separator: " ")
            let paragraph = PDFLetterWriter.Paragraph(pieces: [(PDFLetterWriter.encode(text), .regular)])
            if Layout(fonts: BuiltInContent.fonts).lines(paragraph.pieces, width: PDFLetterWriter.points(165)).count
                == count
            {
                return paragraph
            }
            words += 1
        }
    }

    /// Lines drawn per page (a line is one `TJ`).
    func linesPerPage(room: Int, paragraphLines: Int) -> [Int] {
        var layout = Layout(fonts: BuiltInContent.fonts)
        layout.cursor = Layout.limit - Double(room - 1) * Layout.lineHeight - 0.1
        let paragraph = paragraph(lines: paragraphLines)
        XCTAssertEqual(layout.lines(paragraph.pieces, width: PDFLetterWriter.points(165)).count, paragraphLines)
        layout.flow([paragraph], justified: true)
        return layout.pages.map { String(decoding: $0, as: UTF8.self).components(separatedBy: "TJ").count - 1 }
    }

    func testNoOrphanAndNoWidow() {
        XCTAssertEqual(
            linesPerPage(room: 1, paragraphLines: 3), [0, 3], "one line would be an orphan: the paragraph moves")
        XCTAssertEqual(linesPerPage(room: 2, paragraphLines: 3), [0, 3], "two here would leave a widow, one an orphan")
        XCTAssertEqual(linesPerPage(room: 3, paragraphLines: 5), [3, 2])
        XCTAssertEqual(linesPerPage(room: 4, paragraphLines: 5), [3, 2], "four would leave a widow")
        XCTAssertEqual(linesPerPage(room: 5, paragraphLines: 5), [5])
    }
}

/// The PDF prints every name the font has, embedded as a subset with its map back to
/// Unicode, and refuses, before writing anything, a character it cannot draw.
final class PDFFontTests: XCTestCase {
    static var missingTools: [String] {
        [
            "/usr/bin/qpdf": "qpdf", "/usr/bin/pdftotext": "poppler-utils", "/usr/bin/pdffonts": "poppler-utils",
            "/usr/bin/pdftoppm": "poppler-utils",
        ]
        .sorted { $0.key < $1.key }.filter { !FileManager.default.isExecutableFile(atPath: $0.key) }
        .map { "\($0.key) (" + Install.line([$0.value]) + ")" }
    }

    static let answers = """
        sender.name = Łukasz Wałęsa
        sender.business = Οδός Αθηνάς, Ελληνικά
        sender.address = ул. Пушкина, 10
        sender.city = 69003 Lyon
        sender.email = lukasz@atelier.fr
        client.company = Nguyễn Văn An & Cie
        client.civility = madame
        client.name = Şule Çelik-Dvořáková
        client.address = 5 avenue Foch
        client.city = 75008 Paris
        letter.contract_date = 01/03/2025
        letter.notice_days = 30
        letter.tone = neutre
        letter.unpaid = non

        """

    func letter(_ arguments: [String] = [], answers: String = answers) throws -> (Outcome, URL) {
        let folder = try temporaryFolder(self)
        let output = folder.appendingPathComponent("lettre.pdf")
        let made = try goodbye(
            ["letter", "--answers", "-", "--no-input", "--date", "2026-11-29", "--format", "pdf", "-o", output.path]
                + arguments,
            stdin: answers)
        return (made, output)
    }

    func testNamesOfEveryLatinGreekAndCyrillicLetterComeBackExactly() throws {
        try requireTools(Self.missingTools, for: "PDF checks (qpdf, pdftotext, pdffonts, pdftoppm)")
        for language in ["fr", "en"] {
            let (made, output) = try letter(["--lang", language])
            XCTAssertEqual(made.status, 0, made.stderr)
            XCTAssertEqual(try runTool("/usr/bin/qpdf", ["--check", output.path]).status, 0)
            let text = try runTool("/usr/bin/pdftotext", ["-enc", "UTF-8", output.path, "-"]).output
            for name in [
                "Łukasz Wałęsa", "Οδός Αθηνάς, Ελληνικά", "ул. Пушкина, 10", "Nguyễn Văn An & Cie",
                "Şule Çelik-Dvořáková",
            ] {
                XCTAssertTrue(text.contains(name), "\(language): \(name) not in\n\(text)")
            }
            XCTAssertFalse(text.contains("?"), "no character replaced: \(text)")
            // The no-break space before a colon is mapped back to U+00A0 (pdftotext itself
            // prints every kind of space as a space): read in the ToUnicode map.
            if language == "fr" {
                let expanded = output.deletingLastPathComponent().appendingPathComponent("qdf.pdf").path
                XCTAssertEqual(
                    try runTool("/usr/bin/qpdf", ["--qdf", "--object-streams=disable", output.path, expanded]).status, 0
                )
                let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: expanded)), as: UTF8.self)
                XCTAssertNotNil(
                    raw.range(of: "<[0-9A-F]{4}> <00A0>", options: .regularExpression), "U+00A0 in the ToUnicode map")
            }
        }
    }

    func testTheFontsAreEmbeddedAsSubsetsAndTheLetterStaysSmall() throws {
        try requireTools(Self.missingTools, for: "PDF checks (qpdf, pdftotext, pdffonts, pdftoppm)")
        let (made, output) = try letter()
        XCTAssertEqual(made.status, 0, made.stderr)
        let fonts = try runTool("/usr/bin/pdffonts", [output.path]).output
        let rows = fonts.split(separator: "\n").dropFirst(2)
        XCTAssertEqual(rows.count, 2, fonts)
        for row in rows {
            let columns = row.split(separator: " ")
            XCTAssertTrue(columns[0].range(of: "^[A-Z]{6}\\+LiberationSans", options: .regularExpression) != nil, fonts)
            XCTAssertTrue(row.contains("CID TrueType") && row.contains("Identity-H"), fonts)
            XCTAssertEqual(
                columns.suffix(5).prefix(3), ["yes", "yes", "yes"], "embedded, subset, with a ToUnicode map: \(fonts)")
        }
        let size = try FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int ?? 0
        XCTAssertLessThan(size, 60_000, "a one-page letter")
        XCTAssertNotNil(
            try runTool("/usr/bin/pdfinfo", [output.path]).output.range(of: "Pages: +1\n", options: .regularExpression),
            "one page")
        // Drawn without a complaint from the renderer (poppler and FreeType read the subset).
        let (status, complaints) = try runTool(
            "/usr/bin/pdftoppm", ["-r", "30", "-png", output.path, output.deletingPathExtension().path])
        XCTAssertEqual(status, 0, complaints)
        XCTAssertEqual(complaints, "", "the renderer read the fonts without a warning")
    }

    func testACharacterTheFontCannotDrawIsRefusedBeforeAnythingIsWritten() throws {
        for (language, said) in [
            ("fr", "la police du PDF ne sait pas dessiner 山 (U+5C71)"), ("en", "the PDF font cannot draw 山 (U+5C71)"),
        ] {
            let answers = Self.answers.replacingOccurrences(of: "Şule Çelik-Dvořáková", with: "山田 שרה")
            let (made, output) = try letter(["--lang", language], answers: answers)
            XCTAssertEqual(made.status, 65, made.stderr)
            XCTAssertTrue(made.stderr.contains("client.name"), made.stderr)
            XCTAssertTrue(made.stderr.contains(said), made.stderr)
            XCTAssertTrue(
                made.stderr.contains("ש (U+05E9)"), "Hebrew needs a layout the letter does not do: \(made.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing written")
            let text = try goodbye(
                ["letter", "--answers", "-", "--no-input", "--date", "2026-11-29", "--lang", language], stdin: answers)
            XCTAssertEqual(text.status, 0, "text keeps every character: \(text.stderr)")
            XCTAssertTrue(text.stdout.contains("山田 שרה"))
        }
    }

    /// Widths come from the font, with its kerning: `AV` is narrower than `A` and `V` apart.
    func testKerningTightensThePairsTheFontKerns() {
        let layout = PDFLetterWriter.Layout(fonts: BuiltInContent.fonts)
        let apart = layout.width(["A"], .regular) + layout.width(["V"], .regular)
        XCTAssertLessThan(layout.width(["A", "V"], .regular), apart)
        XCTAssertEqual(
            layout.width(["n", "o"], .regular), layout.width(["n"], .regular) + layout.width(["o"], .regular),
            accuracy: 0.001)
        // Liberation Sans keeps Helvetica's measures: `n` is 556 thousandths of an em.
        XCTAssertEqual(layout.width(["n"], .regular), 5.56, accuracy: 0.01)
        var content: [UInt8] = []
        layout.show(["A", "V"], x: 0, y: 0, font: .regular, wordSpacing: 0, into: &content)
        XCTAssertTrue(String(decoding: content, as: UTF8.self).contains("> "), "a kerning move in the TJ array")
    }
}

/// Continuation pages carry a running header (who the letter is for, its date, the
/// page's number); French ordinals are set as superscripts, and read back as text.
final class PDFPrintTests: XCTestCase {
    /// A formal notice with fourteen invoices: two pages.
    static let answers = """
        sender.name = Claire Martin
        sender.city = 69003 Lyon
        client.company = Société Dupont
        client.civility = monsieur
        client.name = Paul Durand
        client.address = 5 avenue Foch
        client.city = 75008 Paris

        """
        + (1...14).map { "letter.invoices = F-\($0);2025-0\($0 % 9 + 1)-01;1\($0).00;2025-0\($0 % 9 + 1)-28\n" }
        .joined()

    func pdf(_ lang: String) throws -> URL {
        let output = try temporaryFolder(self).appendingPathComponent("lettre.pdf")
        let made = try goodbye(
            [
                "letter", "--kind", "formal-notice", "--answers", "-", "--no-input", "--date", "2026-11-29", "--format",
                "pdf",
                "--lang", lang, "-o", output.path,
            ], stdin: Self.answers)
        XCTAssertEqual(made.status, 0, made.stderr)
        return output
    }

    func testContinuationPagesCarryTheAddresseeTheDateAndThePageNumber() throws {
        try requireTools(PDFTests.missingTools, for: "PDF checks (qpdf, pdftotext)")
        for (lang, header) in [
            ("fr", "Monsieur Paul Durand – 29 novembre 2026"), ("en", "Mr Paul Durand – 29 November 2026"),
        ] {
            let pages = try runTool("/usr/bin/pdftotext", ["-enc", "UTF-8", try pdf(lang).path, "-"]).output.components(
                separatedBy: "\u{0C}"
            )
            .filter { !$0.isEmpty }
            XCTAssertGreaterThanOrEqual(pages.count, 2, lang)
            XCTAssertFalse(pages[0].contains(header), "\(lang): the first page has its letterhead, no running header")
            XCTAssertTrue(pages[0].contains("1/\(pages.count)"), "\(lang): the first page's number at its foot")
            for (index, page) in pages.enumerated().dropFirst() {
                XCTAssertTrue(page.hasPrefix(header + "\n"), "\(lang) page \(index + 1): \(page.prefix(120))")
                XCTAssertTrue(page.contains("\(index + 1)/\(pages.count)"), "\(lang) page \(index + 1): its number")
            }
        }
    }

    func testFrenchOrdinalsAreSuperscriptsThatReadBackAsText() throws {
        try requireTools(PDFTests.missingTools, for: "PDF checks (qpdf, pdftotext)")
        let french = try pdf("fr")
        let text = try runTool("/usr/bin/pdftotext", ["-enc", "UTF-8", french.path, "-"]).output
        XCTAssertTrue(text.contains("du 1er février 2025"), "selectable, searchable text: \(text.prefix(600))")
        // The content streams, uncompressed: « er » drawn smaller and raised (Ts), the rise reset after.
        let streams = try runTool("/usr/bin/qpdf", ["--qdf", "--object-streams=disable", french.path, "-"]).output
        let superscripts = streams.components(separatedBy: "Tf 3.50 Ts").count - 1
        XCTAssertGreaterThanOrEqual(superscripts, 14, "one per invoice date at least")
        XCTAssertEqual(superscripts, streams.components(separatedBy: "TJ 0 Ts ET").count - 1, "every rise reset")
        // Two glyphs each (« er »): no space drawn at the superscript's size.
        let twoGlyphs = try NSRegularExpression(pattern: "3\\.50 Ts [0-9. ]+ Td \\[<[0-9A-F]{8}>\\] TJ 0 Ts")
        XCTAssertEqual(
            twoGlyphs.numberOfMatches(in: streams, range: NSRange(streams.startIndex..., in: streams)), superscripts)
        // English dates have no ordinal: none.
        let english = try runTool("/usr/bin/qpdf", ["--qdf", "--object-streams=disable", try pdf("en").path, "-"])
            .output
        XCTAssertFalse(english.contains(" Ts"), "no superscript in English")
    }

    /// The ordinal's ending follows digits that begin a word, and ends it.
    func testOnlyOrdinalsAreRaised() {
        let writer = PDFLetterWriter(
            fonts: BuiltInContent.fonts, label: { $0 + $1 }, ordinalSuffixes: ["er", "re", "e"],
            pageNumber: { "\($0)/\($1)" })
        func raised(_ text: String) -> [String] {
            writer.runs(text).filter { $0.1 == .superscript }.map { String(String.UnicodeScalarView($0.0)) }
        }
        XCTAssertEqual(raised("le 1er mars, la 1re fois, le 2e étage"), ["er", "re", "e"])
        XCTAssertEqual(raised("F-1er, 1erement, 12e3, 10 euros, A1e"), [], "inside a word or a number: left alone")
        XCTAssertEqual(
            writer.runs("le 1er mars").map { String(String.UnicodeScalarView($0.0)) }, ["le 1", "er", " mars"])
    }
}
