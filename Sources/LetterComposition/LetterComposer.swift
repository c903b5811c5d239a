import Foundation
import DialogueCore
import LetterTemplating

/// Builds the data a letter template sees from the facts, one language's words and
/// the dated rates. Pure: no clock, no files.
public struct LetterComposer: Sendable {
    public let texts: TextTable
    public let rates: RateTable
    let format: LanguageFormat

    public init(texts: TextTable, rates: RateTable) {
        self.texts = texts
        self.rates = rates
        self.format = LanguageFormat(texts: texts)
    }

    public func context(_ facts: LetterFacts) -> Value {
        let tone = facts.text("letter.tone").isEmpty ? "neutre" : facts.text("letter.tone")
        let appel = appel(facts, tone: tone)
        return .map([
            "sender": sender(facts),
            "client": client(facts),
            "place_date": .string(placeDate(facts)),
            "registered": .bool(facts.flag("letter.registered")),
            "appel": .string(appel),
            "closing_appel": .string(closingAppel(facts, tone: tone) ?? appel),
            "tone": .map(["cordial": .bool(tone == "cordial"), "neutral": .bool(tone == "neutre"), "firm": .bool(tone == "ferme")]),
            "contract": contract(facts),
            "end_date": .string(format.date(facts.endDate)),
            "handover": .bool(facts.flag("letter.handover")),
            "personal_data": .bool(facts.flag("letter.personal_data")),
            "invoices": invoices(facts),
            "reasons": reasons(facts),
        ])
    }

    private func sender(_ facts: LetterFacts) -> Value {
        let gender = facts.text("sender.gender")
        return .map([
            "name": .string(facts.text("sender.name")),
            "business": .string(facts.text("sender.business")),
            "address": .string(facts.text("sender.address")),
            "city": .string(facts.text("sender.city")),
            "siret": .string(facts.text("sender.siret")),
            "email": .string(facts.text("sender.email")),
            "feminine": .bool(gender == "feminin"),
            "masculine": .bool(gender == "masculin"),
            "neutral": .bool(gender != "feminin" && gender != "masculin"),
        ])
    }

    private func client(_ facts: LetterFacts) -> Value {
        let civility = facts.text("client.civility")
        let name = facts.text("client.name")
        var attention = ""
        if ["madame", "monsieur", "sans_titre"].contains(civility), !name.isEmpty {
            let title = texts["letter.title.\(civility)"] ?? ""
            attention = title.isEmpty ? name : title + " " + name
        }
        return .map([
            "company": .string(facts.isConsumer ? "" : facts.text("client.company")),
            "attention": .string(attention),
            "named": .bool(!attention.isEmpty),
            "address": .string(facts.text("client.address")),
            "city": .string(facts.text("client.city")),
            "consumer": .bool(facts.isConsumer),
            "business": .bool(!facts.isConsumer),
        ])
    }

    /// `Madame`, `Chère Madame` (cordial), `Madame, Monsieur`, or the person's name;
    /// in English `Dear Ms Dubois`: the texts may use `{{name}}` and `{{surname}}`.
    public func appel(_ facts: LetterFacts, tone: String) -> String {
        var civility = facts.text("client.civility").isEmpty ? "inconnu" : facts.text("client.civility")
        let name = facts.text("client.name")
        if name.isEmpty, ["madame", "monsieur", "sans_titre"].contains(civility) { civility = "inconnu" }
        let key = tone == "cordial" && texts["letter.appel.cordial_\(civility)"] != nil
            ? "letter.appel.cordial_\(civility)" : "letter.appel.\(civility)"
        let surname = name.split(separator: " ").last.map(String.init) ?? name
        return format.fill(key, ["name": .string(name), "surname": .string(surname)])
    }

    /// The appel as repeated inside the closing sentence: `chère Madame` there, where the
    /// language says so (`…_inline`); nil when it is the appel unchanged.
    public func closingAppel(_ facts: LetterFacts, tone: String) -> String? {
        guard tone == "cordial", !facts.text("client.name").isEmpty else { return nil }
        return texts["letter.appel.cordial_\(facts.text("client.civility"))_inline"]
    }

    /// `Lyon, le 29 novembre 2026`: the town without its postal code.
    private func placeDate(_ facts: LetterFacts) -> String {
        let words = facts.text("sender.city").split(separator: " ")
        let town = words.drop { $0.allSatisfy(\.isNumber) }.joined(separator: " ")
        return format.fill("letter.place_date", ["town": .string(town), "date": .string(format.date(facts.today))])
    }

    private func contract(_ facts: LetterFacts) -> Value {
        let clause = Self.articleNumber(facts.text("letter.notice_clause"))
        return .map([
            "date": .string(facts.date("letter.contract_date").map(format.date) ?? ""),
            "fixed": .bool(facts.fixedTerm),
            "indefinite": .bool(!facts.fixedTerm),
            "notice": .string(format.days(facts.noticeDays)),
            "clause": .string(clause),
        ])
    }

    /// `8` from `8`, `article 8`, `art. 8` or `l’article 8`: the templates write the word.
    static func articleNumber(_ text: String) -> String {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        for prefix in ["l’article", "l'article", "article", "art."] where rest.lowercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        return rest.trimmingCharacters(in: .whitespaces)
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
        let deadline = facts.today.adding(days: facts.integer("letter.pay_days") ?? 15)
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
        let contractRate = LetterComposition.cents(facts.text("letter.penalty_rate"))
        let legal = rates.period(on: facts.today)
        return .map([
            "contract": .bool(contractRate != nil),
            "contract_rate": .string(contractRate.map { format.percent(hundredths: $0) } ?? ""),
            "legal_known": .bool(contractRate == nil && legal != nil),
            "legal_rate": .string(legal.map { format.percent(hundredths: $0.defaultPenaltyRate) } ?? ""),
            "legal_unknown": .bool(contractRate == nil && legal == nil),
        ])
    }

    /// One sober sentence about why, only when asked: the established reason's, a
    /// shared one for several, a general one when the decision is unknown.
    private func reasons(_ facts: LetterFacts) -> Value {
        guard facts.flag("letter.mention_reasons") else { return .map(["sentence": ""]) }
        let established = facts.decision?.established.map(\.id) ?? []
        let key = established.count > 1 ? "several" : established.first ?? "general"
        return .map(["sentence": .string(texts.text("letter.reason." + key))])
    }
}
