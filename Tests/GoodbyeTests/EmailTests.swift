import ContentLoading
import DialogueCore
import Foundation
import GoodbyeCLI
import LetterComposition
import TestSupport
import Vocabulary
import XCTest

/// `--format eml`: every e-mail is parsed back by Python's `email` package, an
/// independent parser, and compared with the letter it comes from.
final class EmailTests: XCTestCase {
    static let today = CivilDate(year: 2026, month: 11, day: 29)!
    static let python = "/usr/bin/python3"
    static let parser = Paths.repository.appendingPathComponent("Tests/GoodbyeTests/Support/parse-eml.py").path

    struct Parsed: Decodable {
        struct Address: Decodable, Equatable {
            let name: String
            let address: String
        }
        let from: Address?
        let to: Address?
        let subject: String
        let date: String
        let messageId: String
        let mimeVersion: String
        let contentType: String
        let charset: String?
        let transferEncoding: String
        let unsent: String
        let body: String
        let longestLine: Int
        let bareNewlines: Int
        let defects: [String]
    }

    /// The files parsed by `parse-eml.py`, by path.
    func parse(_ paths: [String]) throws -> [String: Parsed] {
        let missing =
            FileManager.default.isExecutableFile(atPath: Self.python)
            ? [] : [Self.python + " (" + Install.line(["python3"]) + ")"]
        try requireTools(missing, for: "E-mail parsing by Python's email package")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.parser] + paths
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let watchdog = Watchdog(process, what: "a launched process (\(#function))")
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.check()
        XCTAssertEqual(process.terminationStatus, 0, "parse-eml.py failed")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase  // parse-eml.py writes message_id…
        return try decoder.decode([String: Parsed].self, from: data)
    }

    // MARK: The encodings, by hand

    func testQuotedPrintableEncodesWhatItMustAndKeepsLinesShort() {
        // é is C3 A9; `=` is =3D; a space ending a line is =20; CRLF ends every line.
        XCTAssertEqual(EmailLetterWriter.quotedPrintable("é = x \n"), "=C3=A9 =3D x=20\r\n")
        XCTAssertEqual(EmailLetterWriter.quotedPrintable("a\n\nb\n"), "a\r\n\r\nb\r\n")
        let long = String(repeating: "é", count: 60) + "\n"
        let encoded = EmailLetterWriter.quotedPrintable(long)
        let lines = encoded.components(separatedBy: "\r\n").dropLast()
        XCTAssertGreaterThan(lines.count, 1, "a long line is broken")
        for line in lines {
            XCTAssertLessThanOrEqual(line.utf8.count, 76, line)
            XCTAssertFalse(line.dropLast().hasSuffix("="), "an =XX triplet is never cut: \(line)")
        }
        XCTAssertTrue(lines.dropLast().allSatisfy { $0.hasSuffix("=") }, "soft breaks")
        XCTAssertEqual(
            lines.joined(separator: "\n").replacingOccurrences(of: "=\n", with: ""),
            String(repeating: "=C3=A9", count: 60))
    }

    // MARK: Every kind, both languages, every sample variant

    /// Every sample variant of every kind (`letters.ini`), in both languages, drafted
    /// and written as an e-mail in `folder`: by path, the letter and its kind.
    func draftEveryEmail(in folder: URL) throws -> [String: (Letter, LetterKind)] {
        let content = try ContentLoader.load(from: Paths.content)
        var letters: [String: (Letter, LetterKind)] = [:]
        for kind in content.kinds {
            for language in ["fr", "en"] {
                let drafter = try XCTUnwrap(content.drafter(kind: kind, language: language))
                for (index, sample) in kind.samples.enumerated() {
                    var answers = sample
                    answers["client.email"] = Answer("camille.durand@exemple.fr")
                    answers["sender.email"] = Answer("claire@atelier-lumen.fr")
                    guard let letter = try? drafter.draft(answers, today: Self.today) else { continue }
                    let path = folder.appendingPathComponent("\(kind.id)-\(language)-\(index).eml").path
                    try Data(emailWriter().write(letter).utf8).write(to: URL(fileURLWithPath: path))
                    letters[path] = (letter, kind)
                }
            }
        }
        return letters
    }

    func testFrenchEmailsPassTheFrenchCheckers() throws {
        let letters = try draftEveryEmail(in: try temporaryFolder(self)).values.filter { $0.0.language == "fr" }
        XCTAssertGreaterThan(letters.count, 10)
        var bodies: [String: String] = [:]
        for (index, (letter, _)) in letters.enumerated() {
            // The samples' invoice numbers F1 and F2 read as chemistry to Grammalecte.
            bodies["email-\(index)"] = emailWriter().body(letter).replacingOccurrences(
                of: #"\bF([12])\b"#, with: "2026-04$1", options: .regularExpression)
        }
        try assertFrench(distinctLines(bodies), words: ["Durand", "Atelier", "Lumen", "SARL"], acronyms: ["RCS"])
    }

    func testEveryKindInBothLanguagesParsesBackAsTheLetter() throws {
        let folder = try temporaryFolder(self)
        let content = try ContentLoader.load(from: Paths.content)
        let letters = try draftEveryEmail(in: folder)
        for kind in content.kinds {
            for language in ["fr", "en"] {
                XCTAssertTrue(
                    letters.keys.contains { $0.hasSuffix("/\(kind.id)-\(language)-0.eml") },
                    "no e-mail for \(kind.id) in \(language)")
            }
        }
        let parsed = try parse(Array(letters.keys))
        XCTAssertEqual(parsed.count, letters.count)
        for (path, (letter, kind)) in letters {
            let name = URL(fileURLWithPath: path).lastPathComponent
            let email = try XCTUnwrap(parsed[path], name)
            XCTAssertEqual(email.defects, [], name)
            XCTAssertEqual(email.from, .init(name: "Claire Martin", address: "claire@atelier-lumen.fr"), name)
            XCTAssertEqual(email.to?.address, "camille.durand@exemple.fr", name)
            XCTAssertEqual(email.subject, letter.subject.prefix(1).uppercased() + letter.subject.dropFirst(), name)
            XCTAssertEqual(email.date, "2026-11-29", name)
            XCTAssertTrue(
                email.messageId.hasPrefix("<") && email.messageId.hasSuffix("@atelier-lumen.fr>"), email.messageId)
            XCTAssertEqual(
                [email.mimeVersion, email.contentType, email.charset, email.transferEncoding, email.unsent],
                ["1.0", "text/plain", "utf-8", "quoted-printable", "1"], name)
            XCTAssertLessThanOrEqual(email.longestLine, 76, name)
            XCTAssertEqual(email.bareNewlines, 0, "\(name): every line ends with CRLF")
            assertEmailBody(email.body, of: letter, kind: kind, name: name)
        }
    }

    /// The body is the letter adapted to e-mail: salutation first, every paragraph of
    /// the body, no postal block, no place and date, no registered-letter line; the
    /// e-mail formula instead of the formule de politesse; the signature.
    func assertEmailBody(
        _ body: String, of letter: Letter, kind: LetterKind, name: String, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let paragraphs = body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
        XCTAssertEqual(paragraphs.first, letter.salutation, name, file: file, line: line)
        for block in letter.body {
            for case .text(let text) in block.lines {
                XCTAssertTrue(body.contains(text), "\(name): missing \(text)", file: file, line: line)
            }
        }
        let postalLines =
            [letter.placeDate] + letter.recipient.dropFirst() + letter.sender.dropFirst() + [
                letter.sendingMode ?? "\u{1}"
            ]
        for postal in postalLines where !letter.email.signature.contains(postal) {
            XCTAssertFalse(
                paragraphs.contains { $0.components(separatedBy: "\n").contains(postal) }, "\(name): \(postal)",
                file: file, line: line)
        }
        let formula = letter.closing.last.map {
            $0.lines.map { if case .text(let t) = $0 { t } else { "" } }.joined(separator: "\n")
        }
        let tone = letter.language == "fr" ? ["Bien cordialement,", "Cordialement,"] : ["Kind regards,", "Regards,"]
        if let formula, !tone.contains(formula) {
            XCTAssertFalse(body.contains(formula), "\(name): the letter's formule de politesse", file: file, line: line)
        }
        XCTAssertTrue(paragraphs.contains { tone.contains($0) }, "\(name): no e-mail closing", file: file, line: line)
        let posted = letter.sendingMode != nil
        let note = letter.language == "fr" ? "par lettre recommandée avec avis de réception" : "by registered post"
        XCTAssertEqual(
            body.contains(note), posted, "\(name): the e-mail says the letter is also posted", file: file, line: line)
        // Signed with the sender's identity, the EI mention included (décret n° 2022-725),
        // without the postal address.
        XCTAssertTrue(
            letter.email.signature.first?.hasPrefix(letter.signature.first ?? "\u{1}") ?? false,
            "\(name): the signed name", file: file, line: line)
        let end = [letter.email.signature, letter.enclosures].filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }
            .joined(separator: "\n\n")
        XCTAssertTrue(
            body.hasSuffix("\n\n" + end + "\n"), "\(name): signature (and enclosures) last", file: file, line: line)
        XCTAssertEqual(
            kind.registered, kind.registered && posted, "\(name): a formal notice is posted", file: file, line: line)
    }

    func emailWriter() -> EmailLetterWriter {
        let label: @Sendable (String, String) -> String = { $0 + " : " + $1 }
        return EmailLetterWriter(
            date: "Sun, 29 Nov 2026 14:05:09 +0100", messageID: "<test.1@atelier-lumen.fr>",
            text: TextLetterWriter(label: label))
    }

    // MARK: The command a person types

    func testLetterFormatEmlWritesADraftThatOpensInAMailProgram() throws {
        let folder = try temporaryFolder(self)
        let answers =
            try String(
                contentsOf: GoldenLetterTests.folder.appendingPathComponent("02-cordial-madame-feminin.answers"),
                encoding: .utf8)
            + "\nclient.email = camille.dubois@exemple.fr\nletter.registered = oui\n"
        let output = folder.appendingPathComponent("lettre.eml").path
        let run = try goodbye(
            ["letter", "--answers", "-", "--no-input", "--date", "2026-11-29", "--format", "eml", "-o", output],
            stdin: answers)
        XCTAssertEqual(run.status, 0, run.stderr)
        let email = try XCTUnwrap(try parse([output])[output])
        XCTAssertEqual(email.to?.address, "camille.dubois@exemple.fr")
        XCTAssertEqual(email.from?.address, "claire@atelier-lumen.fr")
        XCTAssertTrue(email.body.hasPrefix("Chère Madame,\n\n"), email.body)
        XCTAssertTrue(
            email.body.contains(
                "\n\nJe vous adresse également ce courrier par lettre recommandée avec avis de réception.\n\nBien cordialement,\n\n"
            ),
            email.body)
        XCTAssertFalse(email.body.contains("Lettre recommandée avec avis de réception\n"), email.body)
        XCTAssertFalse(email.body.contains("salutations"), "the letter's formula stays in the letter")
    }

    func testAnEmailWithoutTheClientsAddressSaysSo() throws {
        let answers = try String(
            contentsOf: GoldenLetterTests.folder.appendingPathComponent("01-neutre-entreprise-preavis.answers"),
            encoding: .utf8)
        let run = try goodbye(
            ["letter", "--answers", "-", "--no-input", "--date", "2026-11-29", "--format", "eml"], stdin: answers)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains("\r\nTo:") || run.stdout.hasPrefix("To:"), "no To header without an address")
        XCTAssertTrue(run.stderr.contains(fr("« client.email »")), run.stderr)
    }

    func testEmailAddressesAreChecked() throws {
        let run = try goodbye(["letter", "--answers", "-", "--no-input"], stdin: "client.email = camille@\n")
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.stderr.contains(fr("-:1:1: « client.email » : valeur « camille@ » non acceptée")), run.stderr)
    }

    /// A draft without a `From:` header opens with no sender in most mail programs:
    /// refused before anything is written, with what to fill in.
    func testAnEmailWithoutTheSendersAddressIsRefusedAndSaysWhatToFillIn() throws {
        let folder = try temporaryFolder(self)
        let answers = try String(
            contentsOf: GoldenLetterTests.folder.appendingPathComponent("01-neutre-entreprise-preavis.answers"),
            encoding: .utf8
        )
        .replacingOccurrences(of: "sender.email = claire@atelier-lumen.fr\n", with: "")
        let output = folder.appendingPathComponent("lettre.eml").path
        let run = try goodbye(
            ["letter", "--answers", "-", "--no-input", "--date", "2026-11-29", "--format", "eml", "-o", output],
            stdin: answers)
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(fr("un courriel ne part pas sans expéditeur : indiquez votre adresse électronique")),
            run.stderr)
        XCTAssertTrue(run.stderr.contains(fr("« sender.email = vous@exemple.fr »")), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output), "nothing written")
        // The same answers as a text letter are fine: a postal letter needs no e-mail address.
        let text = try goodbye(["letter", "--answers", "-", "--no-input", "--date", "2026-11-29"], stdin: answers)
        XCTAssertEqual(text.status, 0, text.stderr)
    }

    /// An entrepreneur individuel names the status on every document, the e-mail
    /// included (décret n° 2022-725); the e-mail signature is the identity, not the
    /// postal block.
    func testTheEmailSignatureCarriesTheIdentityAndTheEIMention() throws {
        let answers =
            try String(
                contentsOf: GoldenLetterTests.folder.appendingPathComponent("01-neutre-entreprise-preavis.answers"),
                encoding: .utf8)
            + "sender.legal_form = ei\n"
        let folder = try temporaryFolder(self)
        for (lang, mention, siret) in [
            ("fr", "Claire Martin (entrepreneur individuel)", fr("SIRET : 812 345 676 00017")),
            ("en", "Claire Martin (EI, entrepreneur individuel)", "SIRET: 812 345 676 00017"),
        ] {
            let output = folder.appendingPathComponent(lang + ".eml").path
            let run = try goodbye(
                [
                    "letter", "--answers", "-", "--no-input", "--date", "2026-11-29", "--format", "eml", "--lang", lang,
                    "-o", output,
                ], stdin: answers)
            XCTAssertEqual(run.status, 0, run.stderr)
            let email = try XCTUnwrap(try parse([output])[output], lang)
            XCTAssertTrue(
                email.body.hasSuffix("\n\n\(mention)\nAtelier Lumen, design graphique\n\(siret)\n"), email.body)
            XCTAssertFalse(email.body.contains("12 rue des Lilas"), "\(lang): no postal address in an e-mail")
            XCTAssertFalse(email.body.contains("69003"), "\(lang): no town line in an e-mail")
        }
    }
}
