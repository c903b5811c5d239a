import DialogueCore
import LetterTemplating

/// Builds the data a letter template sees from the facts, one language's words and
/// the dated rates. Pure: no clock, no files.
public struct LetterComposer: Sendable {
    public let texts: TextTable
    public let rates: RateTable
    public let format: LanguageFormat

    public init(texts: TextTable, rates: RateTable) {
        self.texts = texts
        self.rates = rates
        self.format = LanguageFormat(texts: texts)
    }

    public func context(_ facts: LetterFacts) -> Value {
        let tone = facts.tone
        let appel = appel(facts)
        return .map([
            "sender": sender(facts),
            "client": client(facts),
            "place_date": .string(placeDate(facts)),
            "registered": .bool(facts.flag(.registered)),
            "appel": .string(appel),
            "closing_appel": .string(closingAppel(facts) ?? appel),
            "tone": .map(["cordial": .bool(tone == .cordial), "neutral": .bool(tone == .neutral), "firm": .bool(tone == .firm)]),
            "contract": contract(facts),
            "end_date": .string(format.date(facts.endDate)),
            "handover": .bool(facts.flag(.handover)),
            "personal_data": .bool(facts.flag(.personalData)),
            "invoices": invoices(facts),
            "reasons": reasons(facts),
            "topics": topics(facts),
            "talk": .map(["when": .string(facts.text(.talkWhen))]),
        ])
    }

    private func sender(_ facts: LetterFacts) -> Value {
        let gender = facts.senderGender
        return .map([
            "name": .string(facts.text(.senderName)),
            "business": .string(facts.text(.senderBusiness)),
            "address": .string(facts.text(.senderAddress)),
            "city": .string(facts.text(.senderCity)),
            "siret": .string(facts.text(.senderSiret)),
            "email": .string(facts.text(.senderEmail)),
            "feminine": .bool(gender == .feminine),
            "masculine": .bool(gender == .masculine),
            "neutral": .bool(gender == .neutral),
        ])
    }

    private func client(_ facts: LetterFacts) -> Value {
        let civility = facts.civility
        let name = facts.text(.clientName)
        var attention = ""
        if civility.namesPerson, !name.isEmpty {
            let title = texts["letter.title.\(civility.rawValue)"] ?? ""
            attention = title.isEmpty ? name : title + " " + name
        }
        return .map([
            "company": .string(facts.isConsumer ? "" : facts.text(.company)),
            "attention": .string(attention),
            "named": .bool(!attention.isEmpty),
            "address": .string(facts.text(.clientAddress)),
            "city": .string(facts.text(.clientCity)),
            "consumer": .bool(facts.isConsumer),
            "business": .bool(!facts.isConsumer),
        ])
    }

    /// `Madame`, `Chère Madame` (cordial), `Madame, Monsieur`, or the person's name;
    /// in English `Dear Ms Dubois`: the texts may use `{{name}}` and `{{surname}}`.
    public func appel(_ facts: LetterFacts) -> String {
        var civility = facts.civility
        let name = facts.text(.clientName)
        if name.isEmpty, civility.namesPerson { civility = .unknown }
        let cordial = "letter.appel.cordial_\(civility.rawValue)"
        let key = facts.tone == .cordial && texts[cordial] != nil ? cordial : "letter.appel.\(civility.rawValue)"
        let surname = name.split(separator: " ").last.map(String.init) ?? name
        return format.fill(key, ["name": .string(name), "surname": .string(surname)])
    }

    /// The appel as repeated inside the closing sentence: `chère Madame` there, where the
    /// language says so (`…_inline`); nil when it is the appel unchanged.
    public func closingAppel(_ facts: LetterFacts) -> String? {
        guard facts.tone == .cordial, !facts.text(.clientName).isEmpty else { return nil }
        return texts["letter.appel.cordial_\(facts.civility.rawValue)_inline"]
    }

    /// `Lyon, le 29 novembre 2026`: the town without its postal code.
    public func placeDate(_ facts: LetterFacts) -> String {
        let words = facts.text(.senderCity).split(separator: " ")
        let town = words.drop { $0.allSatisfy(\.isNumber) }.joined(separator: " ")
        return format.fill(TextKey.letterPlaceDate, ["town": .string(town), "date": .string(format.date(facts.today))])
    }

    private func contract(_ facts: LetterFacts) -> Value {
        let clause = Self.articleNumber(facts.text(.noticeClause))
        return .map([
            "date": .string(facts.date(.contractDate).map(format.date) ?? ""),
            "fixed": .bool(facts.fixedTerm),
            "indefinite": .bool(!facts.fixedTerm),
            "notice": .string(format.days(facts.noticeDays)),
            "clause": .string(clause),
        ])
    }

    /// `8` from `8`, `article 8`, `art. 8` or `l’article 8`: the templates write the word.
    static func articleNumber(_ text: String) -> String {
        var rest = Substring(text.trimmed)
        for prefix in ["l’article", "l'article", "article", "art."] where rest.lowercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        return rest.trimmed
    }

    private func invoices(_ facts: LetterFacts) -> Value {
        let invoices = facts.invoices
        let total = invoices.reduce(0) { $0 + $1.cents }
        let items: [Value] = invoices.enumerated().map { index, invoice in
            .map([
                "number": .string(invoice.number),
                "date": .string(format.date(invoice.date)),
                "amount": .string(format.amount(cents: invoice.cents)),
                "due": .string(format.date(invoice.due)),
                "last": .bool(index == invoices.count - 1),
            ])
        }
        let deadline = facts.today.adding(days: facts.integer(.payDays) ?? 15)
        return .map([
            "any": .bool(!invoices.isEmpty),
            "one": .bool(invoices.count == 1),
            "several": .bool(invoices.count > 1),
            "items": .list(items),
            "total": .string(format.amount(cents: total)),
            "deadline": .string(format.date(deadline)),
            "business": .bool(!facts.isConsumer),
            "consumer": .bool(facts.isConsumer),
            "penalty": penalty(facts),
            "indemnity": .string(format.amount(cents: rates.indemnityCents, compact: true)),
            "indemnity_total": .string(format.amount(cents: rates.indemnityCents * invoices.count, compact: true)),
        ])
    }

    private func penalty(_ facts: LetterFacts) -> Value {
        let contractRate = LetterComposition.cents(facts.text(.penaltyRate))
        let legal = rates.period(on: facts.today)
        return .map([
            "contract": .bool(contractRate != nil),
            "contract_rate": .string(contractRate.map { format.percent(hundredths: $0) } ?? ""),
            "legal_known": .bool(contractRate == nil && legal != nil),
            "legal_rate": .string(legal.map { format.percent(hundredths: $0.defaultPenaltyRate) } ?? ""),
            "legal_unknown": .bool(contractRate == nil && legal == nil),
        ])
    }

    /// What to talk about: each reason with signs but not established (the decision
    /// "talk"), in the client-facing words of `letter.topic.REASON`.
    private func topics(_ facts: LetterFacts) -> Value {
        let reasons = facts.decision?.reasons.filter { $0.status == .signs } ?? []
        let items: [Value] = reasons.enumerated().map { index, reason in
            .map(["text": .string(texts.text("letter.topic." + reason.id)), "last": .bool(index == reasons.count - 1)])
        }
        return .map(["any": .bool(!items.isEmpty), "items": .list(items)])
    }

    /// One sober sentence about why, only when asked: the established reason's, a
    /// shared one for several, a general one when the decision is unknown.
    private func reasons(_ facts: LetterFacts) -> Value {
        guard facts.flag(.mentionReasons) else { return .map(["sentence": ""]) }
        let established = facts.decision?.established.map(\.id) ?? []
        let key = established.count > 1 ? "several" : established.first ?? "general"
        return .map(["sentence": .string(texts.text("letter.reason." + key))])
    }
}
