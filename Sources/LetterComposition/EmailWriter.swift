/// The letter as an e-mail draft (`.eml`, RFC 5322 and MIME): headers, then a `text/plain;
/// charset=UTF-8` body in quoted-printable (RFC 2045), every line ending with CRLF and at most 76
/// characters long.
///
/// `X-Unsent: 1` makes common mail programs open it as a draft to review and send. The body is the
/// letter adapted to e-mail: no postal blocks, no place and date, no "registered letter" line, the
/// e-mail closing.
///
/// Pure: the date and the message id come from the caller (a clock and randomness are
/// the shell's).
public struct EmailLetterWriter: LetterWriter {
    /// `Sun, 29 Nov 2026 14:05:00 +0100` (RFC 5322, section 3.3).
    let date: String
    /// `<unique@domain>` (RFC 5322, section 3.6.4).
    let messageID: String
    let text: TextLetterWriter

    public init(date: String, messageID: String, text: TextLetterWriter) {
        self.date = date
        self.messageID = messageID
        self.text = text
    }

    public func write(_ letter: Letter) -> String {
        var headers: [String] = []
        if let from = letter.email.fromAddress {
            headers.append(Self.header("From", address: from, name: letter.email.fromName))
        }
        if let to = letter.email.toAddress { headers.append(Self.header("To", address: to, name: letter.email.toName)) }
        // A subject line starts with a capital, where the letter's follows `Objet :`.
        headers.append(Self.unstructured("Subject", letter.subject.prefix(1).uppercased() + letter.subject.dropFirst()))
        headers += [
            "Date: " + date, "Message-ID: " + messageID, "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable", "X-Unsent: 1",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + Self.quotedPrintable(body(letter))
    }

    /// The text of the e-mail: salutation, body, e-mail closing, signature, enclosures.
    public func body(_ letter: Letter) -> String {
        var sections: [[String]] = [[letter.salutation]]
        sections += (letter.body + letter.email.closing).map(text.lines)
        // Signed with the sender's identity (name with its EI mention, business, SIRET):
        // an e-mail carries no letterhead.
        sections.append(letter.email.signature.isEmpty ? letter.signature : letter.email.signature)
        sections.append(letter.enclosures)
        return sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    // MARK: Headers

    /// `From: Claire Martin <claire@atelier-lumen.fr>`, the name encoded when it must be.
    static func header(_ field: String, address: String, name: String) -> String {
        let clean = name.filter { !$0.isNewline }
        guard !clean.isEmpty else { return field + ": " + address }
        return fold(field + ": ", phrase(clean, first: 76 - field.utf8.count - 2) + ["<" + address + ">"])
    }

    /// A display name as header words: atoms as they are, a quoted string for ASCII
    /// with specials, encoded words (RFC 2047) beyond ASCII.
    static func phrase(_ name: String, first: Int = 75) -> [String] {
        let atext = Set(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ".unicodeScalars)
        // Text that reads as an encoded word (`=?UTF-8?B?…?=`) is encoded by the program
        // itself, so that no mail program decodes it into another address; so is a word
        // too long for a header line (no line past 998 octets).
        let lookalike = name.contains("=?") || name.split(separator: " ").contains { $0.utf8.count > 70 }
        if !lookalike, name.unicodeScalars.allSatisfy({ atext.contains($0) }) {
            return name.split(separator: " ").map(String.init)
        }
        if !lookalike, name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) {
            var quoted = "\""
            for character in name {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            return [quoted + "\""]
        }
        return encodedWords(name, first: first)
    }

    /// `Subject:` as it is when it is short plain ASCII, else as encoded words.
    static func unstructured(_ field: String, _ value: String) -> String {
        let clean = value.filter { !$0.isNewline }
        let plain = clean.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        if plain && !clean.contains("=?") {
            return fold(field + ": ", clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        }
        return fold(field + ": ", encodedWords(clean, first: 76 - field.utf8.count - 2))
    }

    /// Words joined by spaces, folded (CRLF and a space) before a word that would pass
    /// 76 characters on its line.
    static func fold(_ start: String, _ words: [String]) -> String {
        var result = start
        var column = start.utf8.count
        for (index, word) in words.enumerated() {
            let separator = index == 0 ? "" : " "
            if index > 0, column + 1 + word.utf8.count > 76 {
                result += "\r\n " + word
                column = 1 + word.utf8.count
            } else {
                result += separator + word
                column += separator.utf8.count + word.utf8.count
            }
        }
        return result
    }

    /// `=?UTF-8?Q?…?=` words of at most 75 characters (RFC 2047, section 2), each holding whole
    /// characters; spaces become `_`, everything but letters, digits and `!*+-/` is `=XX`.
    ///
    /// The first word is at most `first` characters long, to fit on the header's first line.
    static func encodedWords(_ text: String, first: Int = 75) -> [String] {
        let prefix = "=?UTF-8?Q?"
        var room = min(first, 75) - prefix.utf8.count - 2
        var words: [String] = []
        var current = ""
        for character in text {
            var encoded = ""
            for byte in String(character).utf8 {
                switch byte {
                case UInt8(ascii: " "): encoded += "_"
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
                    encoded.unicodeScalars.append(Unicode.Scalar(byte))
                default: encoded += hex(byte)
                }
            }
            if current.utf8.count + encoded.utf8.count > room, !current.isEmpty {
                words.append(prefix + current + "?=")
                current = ""
                room = 75 - prefix.utf8.count - 2
            }
            current += encoded
        }
        if !current.isEmpty || words.isEmpty { words.append(prefix + current + "?=") }
        return words
    }

    // MARK: Body

    /// Quoted-printable (RFC 2045, section 6.7): lines end with CRLF, none longer than
    /// 76 characters (soft breaks `=`), `=` and bytes outside printable ASCII as `=XX`,
    /// a space or tab at the end of a line encoded.
    public static func quotedPrintable(_ text: String) -> String {
        var output = ""
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast(
            text.hasSuffix("\n") ? 1 : 0)
        {
            var column = 0
            let bytes = Array(line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...])
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let literal =
                    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !last)
                let piece = literal ? String(Unicode.Scalar(byte)) : hex(byte)
                // Room for the piece, and for the soft break `=` unless it ends the line.
                if column + piece.utf8.count > (last ? 76 : 75) {
                    output += "=\r\n"
                    column = 0
                }
                output += piece
                column += piece.utf8.count
            }
            output += "\r\n"
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
