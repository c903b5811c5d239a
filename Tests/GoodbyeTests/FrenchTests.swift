import ContentLoading
import DialogueCore
import Foundation
import LetterTemplating
import TestSupport
import Vocabulary
import XCTest

/// Everything French the program prints or writes passes Scripts/check-french (Grammalecte and Hunspell).
final class FrenchTests: XCTestCase {
    /// Words that are right but unknown to the dictionary: the program's own names.
    static let words = [
        "goodbye", "nano", "VISUAL", "EDITOR", "run", "letter", "questions", "check", "help", "text", "json",
        "markdown", "fr", "en",
        "AAAA-MM-JJ", "GOODBYE_LANG", "GOODBYE_CONTENT", "DOSSIER", "FICHIER", "COMMANDE", "FORMAT", "Ctrl-C",
        "farewell", "TYPE", "UTF-8",
        "camille@exemple.fr",
    ]

    /// Every text of the French table, templates filled with plausible values.
    func testEveryDialogueStringPasses() throws {
        let content = try ContentLoader.load(from: Paths.content)
        let table = try XCTUnwrap(content.texts["fr"])
        let values: [String: Value] = [
            "value": "non", "count": "2", "number": "3", "total": "16", "group": "Votre lettre",
            "reasons": "le client ne paie pas", "town": "Lyon", "date": "29 novembre 2026", "amount": "12,50",
            "rate": "10,00",
            "day": "29", "month": "novembre", "year": "2026", "name": "Camille Martin", "surname": "Martin",
            "label": "Signes relevés", "text": "aucun", "first": "oui/non", "second": "Entrée\u{A0}: non",
            "prompt": "Ronchonnez-vous à l’idée de le rencontrer\u{202F}?",
            // The messages' values.
            "example": "2026-041\u{202F}; 15/09/2026\u{202F}; 1250,00", "option": "--answers", "placeholder": "FICHIER",
            "argument": "42",
            "word": "--answers", "accepted": "text, json", "format": "markdown", "command": "run", "topic": "lettre",
            "commands": "run, letter", "language": "de", "available": "fr, en", "folder": "/tmp/contenu",
            "ids": "sender.name",
            "id": "sender.name", "reason": "Répondez par oui ou par non.", "kind": "farewell", "detail": "erreur",
            "path": "/tmp/lettre.txt",
            "location": "/tmp/réponses.txt:3", "appel": "Madame", "hint": "Relancez goodbye pour recommencer.",
            "line": "2", "values": "oui, non", "end": "1er janvier 2027", "today": "29 novembre 2026",
            "due": "15 décembre 2026",
            "term": "31 octobre 2026", "floor": "7,86\u{A0}%", "legal": "2,62\u{A0}%", "earliest": "2 janvier 2027",
            "notice": "de 30\u{A0}jours", "period": "premier semestre 2026", "limit": "1er mars 2027", "years": "2",
            "key": "intro.title", "tag": "{{/nom}}", "type": "yes_no", "found": "text", "file": "letters.ini",
            "section": "intro", "target": "fin", "wanted": "reason = engagement", "mark": ";", "space": "U+00A0",
            "expected": "{{/nom}}",
            "remainder": "750,00\u{A0}€", "days": "15", "we": "", "addressee": "Monsieur Paul Durand",
        ]
        var lines: [String] = []
        let messages = Set(MessageKey.all.map(\.rawValue))
        for key in table.values.keys.sorted()
        where !key.hasPrefix("format.") && !key.hasPrefix("letter.title.") && !key.hasPrefix("command.")
            && key != "letter.subject_position"
        {
            let template = try Template(table.text(key), name: key)
            let text = try template.render(.map(Fields(values)), escaping: .none, strict: true)
            if text.isEmpty { continue }
            if key.hasPrefix("diagnostic.") || key.hasPrefix("template.") {
                // For content authors: the file format's words (next, skip_if…) are code, masked.
                lines.append(Self.prose(text))
            } else if key.hasPrefix("warning.") || key.hasPrefix("fact.") {
                // Answer ids and options they name (« dunning.final_date », --date) are code, masked.
                lines.append("Attention\u{A0}: " + Self.prose(text))
            } else if messages.contains(key) || key == TextKey.unknownCommand.rawValue {
                lines.append(Self.prose(text))
            } else if key.hasPrefix("letter.appel.") {
                lines.append("Je vous prie d’agréer, \(text), mes salutations distinguées.")
            } else if key.hasSuffix(".short") || key.hasSuffix(".name") || key.hasSuffix(".talk")
                || key.contains(".choice.")
            {
                lines.append("Voici ce qui compte : " + text + (text.hasSuffix(".") ? "" : "."))
            } else {
                lines.append(text)
            }
        }
        XCTAssertGreaterThan(lines.count, 250)
        // Example addresses and the names of INSEE's registers (SIREN, NIC, Sirene) are
        // right but unknown to Grammalecte's dictionary, which takes no word list: masked.
        let names = try NSRegularExpression(pattern: #"[\w.+-]+@[\w.-]+|\b(SIREN|NIC|Sirene|eml|nano|RCS|EURL)\b"#)
        let joined = lines.joined(separator: "\n")
        let masked = names.stringByReplacingMatches(
            in: joined, range: NSRange(joined.startIndex..., in: joined), withTemplate: "42")
        try assertFrench(
            ["dialogue": masked.replacingOccurrences(of: "compte : ", with: "compte\u{A0}: ")],
            words: Self.words + ["TYPE", "lettre.txt", "farewell", "SARL"])
    }

    /// A whole session as a person sees it, through the binary, with every help shown.
    func testAFullSessionPasses() throws {
        var lines: [String] = []
        // Help, then yes to every third sign, no to the others and to pro bono.
        let mask = Signs.ids.indices.filter { $0 % 3 == 1 }.reduce(0) { $0 | 1 << $1 }
        for answer in Signs.typed(mask) {
            lines += ["?", answer]
        }
        let letter = [
            "?", "", "5", "oui", "Claire Martin", "", "2", "Atelier Lumen", "12 rue des Lilas", "69003 Lyon",
            "812 345 676 00017",
            "claire@exemple.fr", "1", "Société Dupont", "1", "Claire Dubois", "5 avenue Foch", "75008 Paris",
            "paul@dupont.fr",
            "01/03/2025", "1", "30", "8", "", "oui", "oui", "oui", "oui", "A-1 ; 01/09/2026 ; 1250 ; 01/10/2026",
            "A-2 ; 15/09/2026 ; 320,50 ; 15/10/2026", "", "15/10/2026", "", "", "", "", "cordial", "oui", "oui",
            "Oui, deux.", "Des délais flous.", "Partir.",
        ]
        let outcome = try goodbye(["--date", "2026-11-29"], stdin: (lines + letter).joined(separator: "\n") + "\n")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("Chère Madame"), "the sender chose the cordial tone")
        let prose = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("› ") && !$0.hasPrefix("──") }
            .joined(separator: "\n")
        try assertFrench(["session": prose], words: Self.words + ["Lumen", "Dupont", "Dubois", "Foch", "exemple.fr"])
    }

    /// Usage and error messages.
    func testHelpAndMessagesPass() throws {
        var texts: [String: String] = [:]
        for topic in ["", "run", "letter", "questions", "check", "completions", "manpage"] {
            texts["help-" + topic] = try goodbye(topic.isEmpty ? ["--help"] : ["help", topic]).stdout
        }
        for (name, arguments) in [
            ("typo", ["--anwsers"]), ("value", ["--answers"]), ("kind", ["letter", "--kind", "adieu"]),
            ("option", ["questions", "--force"]),
            ("missing", ["--answers", "/nonexistent/réponses.txt"]), ("date", ["--date", "demain"]),
            ("shell", ["completions", "tcsh"]), ("no-shell", ["completions"]),
        ] {
            texts["error-" + name] = try goodbye(arguments).stderr
        }
        texts["rejected"] = try goodbye([], stdin: "peut-être\n").stderr
        texts["eof"] = try goodbye([], stdin: "oui\n").stderr
        try assertFrench(texts.mapValues(Self.prose))
    }

    /// The French prose of usage text: code (commands, options, ids, placeholders)
    /// masked as a number, which the checkers pass over; terminal columns split into
    /// lines; indentation dropped; lines of code alone dropped.
    static func prose(_ text: String) -> String {
        let code = try! NSRegularExpression(
            pattern:
                #"goodbye( (run|letter|questions|check|rates|help|completions|manpage))?|[a-z]{2}_[A-Z]{2}(\.UTF-8)?|Ctrl-\\|[\w-]+\.(txt|pdf|csv|eml|md)\b|(?<![\w’'])(--?[a-zA-Z][a-z-]*|completions|manpage|bash|zsh|fish|tcsh|roff|dumb|[a-z_]+\.[a-z_]+|/[^ ,]+|[A-Z_]{2,}(-[A-Z]+)*|[\w.-]+(/[\w.-]*)+|run|letter|check|help|text|json|markdown|eml|pdf|docx|Word|farewell|talk|final-reminder|formal-notice|reminder|suspension|fr|en|Ctrl-C|U\+[0-9A-F]{4}|@[a-z_]+|next|skip_if|start|ask|decisions|choices|fields|type|on|end|decision|review|branch|amount|integer|date|yes_no|choice|list|from|to|ecb_rate|private|other|source|small_claims|consumer_limitation_years|other_limitation_years|verified|rates|default|required|reason|sign|\[[^\]]*\])(?![\w-])"#
        )
        let text = text.replacingOccurrences(of: "goodbye:", with: "Message\u{A0}:")
        var masked = code.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "42")
        masked = masked.replacingOccurrences(of: #"42([ ,|]+42)+"#, with: "42", options: .regularExpression)
        let columns = try! NSRegularExpression(pattern: #" {2,}"#)
        var lines: [String] = []
        for line in masked.split(separator: "\n") {
            let split = columns.stringByReplacingMatches(
                in: String(line), range: NSRange(line.startIndex..., in: line), withTemplate: "\n")
            for part in split.split(separator: "\n") {
                let trimmed = part.trimmingCharacters(in: .whitespaces)
                guard trimmed.contains(where: \.isLetter) else { continue }
                // A line wrapped at the terminal's width continues the sentence above.
                if let first = trimmed.first, first.isLowercase, let last = lines.last,
                    !".:!?".contains(last.last ?? ".")
                {
                    lines[lines.count - 1] += " " + trimmed
                } else {
                    lines.append(trimmed)
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
