/// A recorded answer: one canonical value, or several items for a list question.
public struct Answer: Sendable, Codable, Equatable {
    public var values: [String]

    public init(_ value: String) { self.values = [value] }
    public init(items: [String]) { self.values = items }

    /// The single value (the first item of a list).
    public var value: String { values.first ?? "" }
}

/// The canonical yes/no values, and the words accepted for them without content (the
/// content's languages give theirs, `[words]` of each `texts.ini`).
public enum YesNo {
    public static let yes = "oui"
    public static let no = "non"
    public static let words: [String: String] = [
        "oui": yes, "o": yes, "yes": yes, "y": yes, "1": yes,
        "non": no, "n": no, "no": no, "2": no,
    ]
}

/// Why an answer was not accepted; the shell turns it into a sentence.
public enum Rejection: Error, Sendable, Equatable {
    case notYesNo
    case notAChoice(accepted: [String])
    case badDate
    case badAmount
    case badPercent
    case badDuration
    case badInteger
    case badEmail
    /// Not a SIRET; `siren` when the 9 digits of a SIREN were given instead.
    case badSiret(siren: Bool)
    /// Not as many `;`-separated fields as the list asks.
    case badListItem(expected: [FieldType])
    /// One field of a list item is not valid: its position from 1, and its type.
    case badListField(position: Int, of: [FieldType])
    case empty
    /// Text holding a control character (a tab, an escape sequence from arrow keys in a
    /// plain prompt, a bell): never a part of a letter.
    case controlCharacter
}

/// Text in Unicode's composed form (NFC): `é` typed or pasted decomposed (as macOS
/// writes it) is the one character a letter and its fonts expect.
public func normalized(_ text: String) -> String {
    text.utf8.allSatisfy { $0 < 0x80 } ? text : String(decoding: text._nfcCodeUnits, as: UTF8.self)
}

/// Whether `text` holds a control character (C0, DEL or C1).
public func hasControlCharacter(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.properties.generalCategory == .control }
}

/// Text safe to show on a terminal and in a letter: control characters (escape
/// sequences among them) become U+FFFD, so typed text is never sent raw to the terminal;
/// invisible format characters (bidi overrides such as U+202E that reorder what is
/// read, zero-width spaces and joiners, the byte-order mark) are removed; a line or
/// paragraph separator (U+2028, U+2029) becomes a space, since an answer is one line.
public func printable(_ text: String) -> String {
    func unsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
    // A byte of a file name that was not UTF-8, kept as U+F780…U+F7FF (the shell's
    // RawPath), is shown as `\xE9`.
    func rawByte(_ scalar: Unicode.Scalar) -> Bool { (0xF780...0xF7FF).contains(scalar.value) }
    // Most text is plain: one quick pass over ASCII, which holds none of these but controls.
    guard
        text.unicodeScalars.contains(where: {
            $0.value < 0x20 || $0.value == 0x7F || ($0.value >= 0x80 && (unsafe($0) || rawByte($0)))
        })
    else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if rawByte(scalar) {
            let hex = String(scalar.value - 0xF700, radix: 16, uppercase: true)
            result.append(contentsOf: "\\x\(hex)".unicodeScalars)
            continue
        }
        switch scalar.properties.generalCategory {
        case .control: result.append("\u{FFFD}")
        case .format: continue
        case .lineSeparator, .paragraphSeparator: result.append(" ")
        default: result.append(scalar)
        }
    }
    return String(result)
}

/// A quotation of typed text for a message: printable, and cut after `limit` characters.
public func quoted(_ text: String, limit: Int = 60) -> String {
    let safe = printable(text)
    return safe.count > limit ? String(safe.prefix(limit)) + "…" : safe
}

/// Folds text for matching: case, accents and blanks do not matter.
///
/// Latin letters with diacritics fold to their base letter with a table of their own (the accents
/// of French, English and their neighbours), so that no Unicode-database library is needed at
/// start.
public func folded(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for character in text.lowercased() {
        if character.isWhitespace {
            pendingSpace = !result.isEmpty
            continue
        }
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        if let base = accentFolding[character] { result += base } else { result.append(character) }
    }
    return result
}

private let accentFolding: [Character: String] = {
    var table: [Character: String] = ["œ": "oe", "æ": "ae", "ß": "ss"]
    let groups: [(String, String)] = [
        ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
        ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
    ]
    for (letters, base) in groups { for letter in letters { table[letter] = base } }
    return table
}()

/// Turns typed text into a canonical value, or says why it cannot.
public struct AnswerParser: Sendable {
    /// Accepted words for each choice question: word (folded) -> canonical value.
    public var choiceWords: [String: [String: String]]
    /// Accepted yes/no words (folded) -> `YesNo.yes` or `YesNo.no`.
    public var yesNoWords: [String: String]
    /// Accepted units of a duration (folded), besides a bare number (days) and `m`.
    public var dayWords: Set<String>
    public var monthWords: Set<String>

    public init(
        choiceWords: [String: [String: String]] = [:], yesNoWords: [String: String] = YesNo.words,
        dayWords: Set<String> = Duration.dayWords, monthWords: Set<String> = Duration.monthWords
    ) {
        self.choiceWords = choiceWords
        self.yesNoWords = yesNoWords
        self.dayWords = dayWords
        self.monthWords = monthWords
    }

    /// Whether `text` says yes (folded first).
    public func saysYes(_ text: String) -> Bool { yesNoWords[folded(text)] == YesNo.yes }

    /// The canonical value of `raw` for `question`; `raw` is not empty.
    public func parse(_ raw: String, for question: Question) -> Result<String, Rejection> {
        let text = normalized(raw.trimmed)
        switch question.type {
        case .yesNo:
            return yesNoWords[folded(text)].map { .success($0) } ?? .failure(.notYesNo)
        case .choice:
            return parseChoice(text, question)
        case .text:
            return hasControlCharacter(text) ? .failure(.controlCharacter) : .success(printable(text))
        case .date:
            return Self.parseDate(text).map { .success($0) } ?? .failure(.badDate)
        case .amount:
            return Self.parseAmount(text).map { .success($0) } ?? .failure(.badAmount)
        case .percent:
            return Self.parsePercent(text).map { .success($0) } ?? .failure(.badPercent)
        case .duration:
            return Duration(answer: text, dayWords: dayWords, monthWords: monthWords).map { .success($0.canonical) }
                ?? .failure(.badDuration)
        case .integer:
            return Self.parseInteger(text).map { .success(String($0)) } ?? .failure(.badInteger)
        case .email:
            return Self.parseEmail(text).map { .success($0) } ?? .failure(.badEmail)
        case .siret:
            return Self.parseSiret(text)
        case .list:
            return parseItem(text, fields: question.fields, required: question.requiredFields)
        }
    }

    /// `camille@exemple.fr` as written (the domain in lower case): one `@`, a local
    /// part and a domain of dot-separated labels, the last of two letters at least;
    /// no space, no control character, no angle bracket or comma (it goes in a header).
    public static func parseEmail(_ text: String) -> String? {
        // ASCII only: an address beyond it (an internationalised domain) is refused rather
        // than written in a header some mail servers would not carry.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty,
            local.utf8.count <= 64,
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
            text.unicodeScalars.allSatisfy({
                $0.value > 0x20 && $0.value != 0x7F && !"<>()[]\\,;:\"".unicodeScalars.contains($0)
            })
        else { return nil }
        let labels = domain.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
            let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter)
        else { return nil }
        return String(local) + "@" + labels.joined(separator: ".")
    }

    /// 14 digits (spaces allowed) whose Luhn key is right, as `812 345 676 00017`; the
    /// establishments of La Poste (SIREN 356 000 000) may have a sum of digits divisible by 5 instead.
    public static func parseSiret(_ text: String) -> Result<String, Rejection> {
        var digits = text
        digits.removeAll { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" || $0 == "." || $0 == "-" }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.badSiret(siren: false)) }
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 14 else { return .failure(.badSiret(siren: values.count == 9 && luhn(values))) }
        let valid = luhn(values) || (digits.hasPrefix("356000000") && values.reduce(0, +) % 5 == 0)
        guard valid else { return .failure(.badSiret(siren: false)) }
        let groups = [
            digits.prefix(3), digits.dropFirst(3).prefix(3), digits.dropFirst(6).prefix(3), digits.dropFirst(9),
        ]
        return .success(groups.joined(separator: " "))
    }

    /// The Luhn key: every second digit from the right doubled, the sum divisible by 10.
    static func luhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let doubled = offset % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }

    private func parseChoice(_ text: String, _ question: Question) -> Result<String, Rejection> {
        let key = folded(text)
        if let index = Int(key), question.choices.indices.contains(index - 1) {
            return .success(question.choices[index - 1])
        }
        if let value = choiceWords[question.id]?[key] { return .success(value) }
        if let value = question.choices.first(where: { folded($0) == key }) { return .success(value) }
        // Several words (`une femme`, `un organisme public`): those the labels know must
        // all name the same choice.
        let named = Set(
            key.split(whereSeparator: { !$0.isLetter }).compactMap { choiceWords[question.id]?[String($0)] })
        if named.count == 1, let value = named.first { return .success(value) }
        return .failure(.notAChoice(accepted: question.choices))
    }

    private func parseItem(_ text: String, fields: [FieldType], required: Int) -> Result<String, Rejection> {
        var parts = text.split(separator: ";", omittingEmptySubsequences: false)
            .map(\.trimmed)
        // Optional fields left empty at the end are left out (`F1;…;15/10/2026;`).
        while parts.count > required, parts.last?.isEmpty == true { parts.removeLast() }
        guard (required...fields.count).contains(parts.count) else { return .failure(.badListItem(expected: fields)) }
        var canonical: [String] = []
        for (part, field) in zip(parts, fields) {
            let value: String?
            switch field {
            case .text: value = part.isEmpty || hasControlCharacter(part) ? nil : printable(part)
            case .date: value = Self.parseDate(part)
            case .amount: value = Self.parseAmount(part)
            case .integer: value = Self.parseInteger(part).map(String.init)
            }
            guard let value else { return .failure(.badListField(position: canonical.count + 1, of: fields)) }
            canonical.append(value)
        }
        return .success(canonical.joined(separator: ";"))
    }

    /// `2026-11-29`, `29/11/2026` or `29.11.2026`, as `2026-11-29`; the day must exist.
    public static func parseDate(_ text: String) -> String? {
        let digits = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }
        )
        .map(String.init)
        guard digits.count == 3, digits.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let first = Int(digits[0]), let second = Int(digits[1]), let third = Int(digits[2])
        else { return nil }
        let isISO = digits[0].count == 4 && text.contains("-")
        let (year, month, day) = isISO ? (first, second, third) : (third, second, first)
        guard CivilDate.years.contains(year), let date = CivilDate(year: year, month: month, day: day) else {
            return nil
        }
        return date.iso
    }

    /// `1250`, `1 250,50`, `1250.5 €` as `1250.50` (cents kept exactly); negative refused.
    public static func parseAmount(_ text: String) -> String? {
        // The currency before or after the number, never inside it (`12€50`).
        var number = text.trimmed
        for currency in ["€", "EUR"] {
            if number.hasPrefix(currency) { number = String(number.dropFirst(currency.count)).trimmed }
            if number.hasSuffix(currency) { number = String(number.dropLast(currency.count)).trimmed }
        }
        guard !number.contains("€"), !number.contains("EUR"), groupedByThousands(number) else { return nil }
        var cleaned = number
        cleaned.removeAll { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" || $0 == "'" }
        guard let point = decimalPoint(cleaned) else { return nil }
        cleaned = point
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 12,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var cents = "00"
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return nil
            }
            cents = fraction.count == 1 ? fraction + "0" : String(fraction)
        }
        guard let units = Int(whole) else { return nil }
        return "\(units).\(cents)"
    }

    /// Spaces (or `'`) inside a number group its thousands: `1 250 000,50`, never `100 00`.
    static func groupedByThousands(_ number: String) -> Bool {
        let spaces: Set<Character> = [" ", "\u{A0}", "\u{202F}", "'"]
        guard number.contains(where: spaces.contains) else { return true }
        let whole = number.prefix { $0 != "," && $0 != "." || spaces.contains($0) }
        let groups = whole.split(whereSeparator: spaces.contains)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        // What follows the whole part (`,50`, `.50`) has no space.
        guard !number.dropFirst(whole.count).contains(where: spaces.contains) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// `1 250,50` and `1,250.50` alike: of `,` and `.`, the last one followed by one or two digits
    /// is the decimal mark; the others group thousands.
    ///
    /// Nil when a grouping mark is not followed by exactly three digits.
    static func decimalPoint(_ text: String) -> String? {
        let marks = text.indices.filter { text[$0] == "," || text[$0] == "." }
        guard let last = marks.last else { return text }
        let digitsAfter = text.distance(from: text.index(after: last), to: text.endIndex)
        // `12,345` or `1.250`: three decimals, or a thousand? Ambiguous, so refused.
        if marks.count == 1, digitsAfter == 3 { return nil }
        let isDecimal = (1...2).contains(digitsAfter) && (marks.count == 1 || text[marks[0]] != text[last])
        let grouping = isDecimal ? marks.dropLast() : marks[...]
        for (offset, mark) in grouping.enumerated() {
            let end = offset + 1 < marks.count ? marks[offset + 1] : text.endIndex
            guard text.distance(from: text.index(after: mark), to: end) == 3,
                text[mark] == text[grouping[grouping.startIndex]]
            else {
                return nil
            }
        }
        var result = ""
        for index in text.indices {
            let character = text[index]
            if character == "," || character == "." {
                if index == last && isDecimal { result.append(".") }
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `10`, `10 %`, `12,5%` as `10.00`, `12.50`: a rate in percent, at most two
    /// decimals, at most 100.
    public static func parsePercent(_ text: String) -> String? {
        var cleaned = text
        if cleaned.hasSuffix("%") { cleaned.removeLast() }
        guard !cleaned.contains("€"), !cleaned.contains("%"), let value = parseAmount(cleaned.trimmed),
            let hundredths = Int(value.replacing(".", with: "")), hundredths <= 10_000
        else { return nil }
        return value
    }

    public static func parseInteger(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 6, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

/// A notice or a deadline: a number of days, or of calendar months (`2 mois` ends on the same day
/// two months later).
///
/// Canonical answers: `30`, `2m`.
public struct Duration: Sendable, Equatable {
    public enum Unit: Sendable, Equatable { case days, months }
    public var count: Int
    public var unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// The units read without content (the content's languages give theirs).
    public static let dayWords: Set<String> = ["j", "jour", "jours", "d", "day", "days"]
    public static let monthWords: Set<String> = ["m", "mois", "month", "months"]

    /// `30`, `30 j`, `30 jours`, `30 days`, `2 mois`, `2 months`, `2m` (at most 3 digits):
    /// a bare number is days, `m` months (the canonical forms), and the words given.
    public init?(
        answer: String, dayWords: Set<String> = Duration.dayWords, monthWords: Set<String> = Duration.monthWords
    ) {
        let text = folded(answer)
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let word = text.dropFirst(digits.count).trimmed
        guard !digits.isEmpty, digits.count <= 3, let count = Int(digits) else { return nil }
        if word.isEmpty || dayWords.contains(word) {
            self.init(count: count, unit: .days)
        } else if word == "m" || monthWords.contains(word) {
            self.init(count: count, unit: .months)
        } else {
            return nil
        }
    }

    public var canonical: String { unit == .days ? String(count) : "\(count)m" }

    /// The day this duration after `date`.
    public func after(_ date: CivilDate) -> CivilDate {
        unit == .days ? date.adding(days: count) : date.adding(months: count)
    }
}
