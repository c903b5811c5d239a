import DialogueCore
import LetterTemplating
import Synchronization

/// Dates, amounts and counts written the way a language writes them, from the
/// `[format]` section of its text table (`1er janvier 2027`, `1 250,00 €`).
public struct LanguageFormat: Sendable {
    let texts: TextTable
    /// Each text parsed the first time it is filled, then kept (nil: parsed at each use).
    let cache: Cache?

    final class Cache: Sendable {
        struct Entry: Sendable {
            var template: Template?
            /// Texts that are only words and `{{name}}` slots (dates, amounts, rates), as
            /// pieces joined without the renderer: they are filled for every date.
            var pieces: [Piece]?
        }

        let entries = Mutex<[String: Entry]>([:])
        /// Each date and amount written once, then read back (a batch writes the same
        /// dates in every letter).
        let dates = Memo<CivilDate>()
        let amounts = Memo<Int>()
        let percents = Memo<Int>()
        let days = Memo<Int>()
    }

    /// Values written once, kept by key; emptied past `limit` entries, so that it never
    /// grows without bound.
    final class Memo<Key: Hashable & Sendable>: Sendable {
        private let table = Mutex<[Key: String]>([:])
        static var limit: Int { 4096 }

        /// The value kept for `key`, or `make()`'s, kept.
        func value(_ key: Key, _ make: () -> String) -> String {
            if let known = table.withLock({ $0[key] }) { return known }
            let made = make()
            table.withLock { table in
                if table.count >= Self.limit { table.removeAll(keepingCapacity: true) }
                table[key] = made
            }
            return made
        }
    }

    enum Piece: Sendable {
        case text(String)
        case slot(String)
    }

    /// `prepared`: keep each text once parsed, for a drafter that writes many letters
    /// (parsed when first used, not all at the start: a session uses a dozen of them);
    /// otherwise each text is parsed when used.
    public init(texts: TextTable, prepared: Bool = false) {
        self.texts = texts
        cache = prepared ? Cache() : nil
    }

    private func entry(_ key: String) -> Cache.Entry {
        func parse() -> Cache.Entry {
            let template = texts[key].flatMap { try? Template($0, name: key) }
            return Cache.Entry(template: template, pieces: template.flatMap(Self.pieces))
        }
        guard let cache else { return parse() }
        if let entry = cache.entries.withLock({ $0[key] }) { return entry }
        let entry = parse()
        cache.entries.withLock { $0[key] = entry }
        return entry
    }

    /// The pieces of a template made of text and plain variables only; nil otherwise.
    static func pieces(_ template: Template) -> [Piece]? {
        var pieces: [Piece] = []
        for node in template.nodes {
            switch node {
            case .text(let text): pieces.append(.text(text))
            case .variable(let path, _, _) where path.count == 1 && path[0] != ".": pieces.append(.slot(path[0]))
            default: return nil
            }
        }
        return pieces
    }

    /// « second semestre 2026 »: the half-year `date` falls in.
    public func halfYear(_ date: CivilDate) -> String {
        fill(date.month < 7 ? TextKey.formatHalfOne : .formatHalfTwo, ["year": .string(String(date.year))])
    }

    /// `29 novembre 2026`, `1er janvier 2027`.
    public func date(_ date: CivilDate) -> String {
        guard let cache else { return written(date) }
        return cache.dates.value(date) { written(date) }
    }

    private func written(_ date: CivilDate) -> String {
        let months = texts.list(TextKey.formatMonths)
        let month = months.indices.contains(date.month - 1) ? months[date.month - 1] : String(date.month)
        let day = date.day == 1 ? (texts[TextKey.formatFirstDay] ?? "1") : String(date.day)
        return fill(
            TextKey.formatDate, ["day": .string(day), "month": .string(month), "year": .string(String(date.year))])
    }

    /// A canonical amount (`1250.50`) as `1 250,50 €`; `compact` drops zero cents (`40 €`).
    public func amount(cents: Int, compact: Bool = false) -> String {
        guard let cache else { return written(cents: cents, compact: compact) }
        // One table for both forms: the key's last bit says compact (amounts are at most
        // twelve digits of euros: no overflow).
        return cache.amounts.value(cents &* 2 &+ (compact ? 1 : 0)) { written(cents: cents, compact: compact) }
    }

    private func written(cents: Int, compact: Bool) -> String {
        let text = number(cents: cents)
        let shown = compact && cents % 100 == 0 ? String(text.dropLast(3)) : text
        return fill(TextKey.formatCurrency, ["amount": .string(shown)])
    }

    /// A canonical rate (`12.15`) as `12,15 %`: two decimals always (`10,00 %`, `0,00 %`),
    /// as rates are published.
    public func percent(hundredths: Int) -> String {
        guard let cache else { return fill(TextKey.formatPercent, ["rate": .string(number(cents: hundredths))]) }
        return cache.percents.value(hundredths) {
            fill(TextKey.formatPercent, ["rate": .string(number(cents: hundredths))])
        }
    }

    /// `1 250,50`: groups of three digits and the language's decimal mark.
    public func number(cents: Int) -> String {
        let units = String(cents / 100)
        let group = texts["format.group"] ?? "\u{202F}"
        var grouped = ""
        for (index, digit) in units.enumerated() {
            if index > 0, (units.count - index) % 3 == 0 { grouped += group }
            grouped.append(digit)
        }
        let fraction = cents % 100
        return grouped + (texts[TextKey.formatDecimal] ?? ",") + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `30 jours`, `1 jour`.
    public func days(_ count: Int) -> String {
        func written() -> String {
            fill(count == 1 ? TextKey.formatDayOne : TextKey.formatDayOther, ["count": .string(String(count))])
        }
        guard let cache else { return written() }
        return cache.days.value(count, written)
    }

    /// `30 jours`, `2 mois`.
    public func duration(_ duration: Duration) -> String {
        duration.unit == .days
            ? days(duration.count)
            : fill(
                duration.count == 1 ? TextKey.formatMonthOne : .formatMonthOther,
                ["count": .string(String(duration.count))])
    }

    /// The duration after "a notice": `de 30 jours`, `d’un jour`, `de 2 mois`, `d’un mois`.
    public func notice(_ duration: Duration) -> String {
        let one = duration.count == 1
        let key: TextKey =
            duration.unit == .days
            ? (one ? .formatNoticeDayOne : .formatNoticeDayOther)
            : (one ? .formatNoticeMonthOne : .formatNoticeMonthOther)
        return fill(key, ["count": .string(String(duration.count))])
    }

    /// `a, b et c`.
    public func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + (texts[TextKey.formatAnd] ?? "et") + " " + last
    }

    public func fill(_ key: TextKey, _ values: [String: Value]) -> String { fill(key.rawValue, values) }

    /// Renders the small template under `key` (a gap shows the key, never crashes).
    public func fill(_ key: String, _ values: [String: Value]) -> String {
        let entry = entry(key)
        if let pieces = entry.pieces {
            var result = ""
            for piece in pieces {
                switch piece {
                case .text(let text): result += text
                case .slot(let name):
                    guard case .string(let value)? = values[name] else {
                        return fillTemplate(entry.template, key, values)
                    }
                    result += value
                }
            }
            return result
        }
        return fillTemplate(entry.template, key, values)
    }

    private func fillTemplate(_ template: Template?, _ key: String, _ values: [String: Value]) -> String {
        guard let template else { return key }
        return (try? template.render(.map(Fields(values)), escaping: .none, strict: false)) ?? key
    }
}
