import DialogueCore
import LetterTemplating
import Vocabulary

/// Builds the data a letter template sees from the facts, one language's words and the dated rates.
///
/// Pure: no clock, no files.
public struct LetterComposer: Sendable {
    public let texts: TextTable
    public let rates: RateTable
    public let format: LanguageFormat

    public init(texts: TextTable, rates: RateTable) {
        self.texts = texts
        self.rates = rates
        self.format = LanguageFormat(texts: texts, prepared: true)
    }

    /// The tone's flags for the templates (`tone.firm`, `tone.warm`…).
    public static func tone(_ tone: Tone, late: Bool) -> Value {
        .map([
            "cordial": .bool(tone == .cordial), "neutral": .bool(tone == .neutral), "firm": .bool(tone == .firm),
            "warm": .bool(tone == .cordial && !late),
            "sober": .bool(tone == .neutral || (tone == .cordial && late)),
        ])
    }

    /// `statement`: the sums owed when the caller has them already.
    public func context(_ facts: LetterFacts, statement: ArrearsStatement? = nil) -> Value {
        let tone = facts.tone
        let appel = appel(facts)
        // Warm thanks do not sit next to unpaid invoices, nor next to a stated payment reason.
        let late = !facts.lateInvoices.isEmpty || (facts.flag(.mentionReasons) && facts.paymentEstablished)
        return .map([
            "sender": sender(facts),
            "client": client(facts),
            "place_date": .string(placeDate(facts)),
            "today": .string(format.date(facts.today)),
            "registered": .bool(facts.flag(.registered)),
            "appel": .string(appel),
            "closing_appel": .string(closingAppel(facts) ?? appel),
            "tone": Self.tone(tone, late: late),
            "contract": contract(facts),
            "end_date": .string(format.date(facts.endDate)),
            "handover": .bool(facts.flag(.handover)),
            "pro_bono": .bool(facts.isProBono),
            "personal_data": .bool(facts.flag(.personalData)),
            "invoices": invoices(facts),
            "reasons": reasons(facts),
            "topics": topics(facts),
            "arrears": arrears(
                statement ?? self.statement(facts), timeBarred: !facts.timeBarredInvoices(rates: rates).isEmpty),
            "dunning": dunning(facts),
        ])
    }

    /// What is owed on the letter's date (`ArrearsCalculator`): a consumer owes legal
    /// interest from a formal notice received (three days after its date).
    public func statement(_ facts: LetterFacts) -> ArrearsStatement { Self.statement(facts, rates: rates) }

    /// The sums owed, by the rules of the client's kind (the fact checks read it too).
    public static func statement(_ facts: LetterFacts, rates: RateTable) -> ArrearsStatement {
        let contractRate =
            facts.clientKind == .business || facts.isConsumer ? LetterComposition.cents(facts.text(.penaltyRate)) : nil
        return ArrearsCalculator(rates: rates).statement(
            facts.invoices, on: facts.today, client: facts.clientKind,
            contractRate: contractRate, formalNotice: facts.date(.noticeDate)?.adding(days: LetterFacts.deliveryDays))
    }

    /// `timeBarred`: an invoice past its limitation period (no proceedings threatened).
    private func arrears(_ statement: ArrearsStatement, timeBarred: Bool) -> Value {
        let items: [Value] = statement.items.enumerated().map { index, item in
            // Consecutive half-years at the same rate are one stretch: « 12,15 % sur 355 jours ».
            let stretches = Self.stretches(item.parts)
            let known = stretches.allSatisfy { $0.rate != nil }
            func parts(_ stretches: [InvoiceArrears.Part]) -> [Value] {
                stretches.enumerated().map { position, stretch in
                    .map([
                        "rate": .string(stretch.rate.map { format.percent(hundredths: $0) } ?? ""),
                        "days": .string(format.days(stretch.days)),
                        // « a, b puis c »: a comma between the first ones, the last word before the last.
                        "comma": .bool(position < stretches.count - 2),
                        "then": .bool(position == stretches.count - 2),
                    ])
                }
            }
            // `rate` for one stretch, `parts` for several: the whole lateness when every rate
            // is known; the stretches whose rate is known, when a later half-year's is not.
            func rates(_ stretches: [InvoiceArrears.Part]) -> Fields {
                let rate: String =
                    stretches.count == 1 ? stretches[0].rate.map { format.percent(hundredths: $0) } ?? "" : ""
                return [
                    "rate": .string(rate), "several": .bool(stretches.count > 1),
                    "parts": .list(stretches.count > 1 ? parts(stretches) : []),
                ]
            }
            let all = rates(known ? stretches : [])
            let rate: Value = all["rate"] ?? .string("")
            let several: Value = all["several"] ?? .bool(false)
            let list: Value = all["parts"] ?? .list([])
            let knownRates = rates(Self.stretches(item.parts.filter { $0.rate != nil }))
            return .map([
                "number": .string(typographic(item.invoice.number)),
                "date": .string(format.date(item.invoice.date)),
                "due": .string(format.date(item.invoice.due)),
                "amount": .string(format.amount(cents: item.invoice.cents)),
                "partial": .bool(item.invoice.totalCents != nil),
                "invoice_total": .string(item.invoice.totalCents.map { format.amount(cents: $0) } ?? ""),
                "late": .bool(item.daysLate > 0),
                "upcoming": .bool(item.daysLate == 0),
                "days_late": .string(format.days(item.daysLate)),
                "rate": rate,
                // A lateness across 1 January or 1 July at different rates: each stretch with its days.
                "several_rates": several,
                "parts": list,
                // The day interest started to run (a consumer's: the formal notice received).
                "interest_from": .string(item.parts.first.map { format.date($0.from) } ?? ""),
                "interest": .string(item.interestCents.map { format.amount(cents: $0) } ?? ""),
                "interest_known": .bool((item.interestCents ?? 0) > 0),
                "interest_unknown": .bool(item.interestCents == nil),
                // A half-year without its rate: the interest of the others, up to the last day they cover.
                "known_interest_only": .bool(item.interestCents == nil && item.knownInterestCents > 0),
                "known_interest": .string(format.amount(cents: item.knownInterestCents)),
                "known_until": .string(item.parts.last { $0.rate != nil }.map { format.date($0.to) } ?? ""),
                "known_rates": .map(knownRates),
                "indemnity": .string(item.indemnityCents > 0 ? format.amount(cents: item.indemnityCents) : ""),
                "last": .bool(index == statement.items.count - 1),
            ])
        }
        return .map([
            "items": .list(items),
            "principal": .string(format.amount(cents: statement.principalCents)),
            "interest": .string(statement.interestCents.map { format.amount(cents: $0) } ?? ""),
            "interest_known": .bool(statement.interestCents != nil && statement.interestCents != 0),
            "interest_unknown": .bool(statement.interestCents == nil),
            "indemnities": .string(format.amount(cents: statement.indemnityCents)),
            "any_indemnity": .bool(statement.indemnityCents > 0),
            "total": .string(statement.totalCents.map { format.amount(cents: $0) } ?? ""),
            "total_known": .bool(statement.totalCents != nil),
            // A rate not known yet: what has a figure is demanded, the rest named by its half-years.
            "known_total": .string(format.amount(cents: statement.knownTotalCents)),
            "known_interest": .string(format.amount(cents: statement.knownInterestCents)),
            "known_interest_any": .bool(statement.knownInterestCents > 0),
            // « dont … en principal » only when something else is part of the sum.
            "known_detail": .bool(statement.knownInterestCents > 0 || statement.indemnityCents > 0),
            "one_indemnity": .bool(statement.indemnityCents == rates.indemnityCents),
            "unknown_periods": .string(format.list(statement.unknownHalfYears.map(format.halfYear))),
            // The simplified procedure for small claims: up to 5 000 €, principal and interest
            // (CPCE R. 125-1); not offered when a part without a figure could pass it.
            "small_claim": .bool(statement.totalCents.map { $0 <= rates.smallClaimCents } ?? false),
            "time_barred": .bool(timeBarred),
        ])
    }

    /// The parts of a lateness with consecutive equal rates joined (their days added).
    static func stretches(_ parts: [InvoiceArrears.Part]) -> [InvoiceArrears.Part] {
        var result: [InvoiceArrears.Part] = []
        for part in parts {
            if let last = result.last, last.rate == part.rate {
                result[result.count - 1].to = part.to
                result[result.count - 1].days += part.days
            } else {
                result.append(part)
            }
        }
        return result
    }

    /// The steps already taken to be paid, and when the work stops (suspension).
    private func dunning(_ facts: LetterFacts) -> Value {
        let dates: [(String, LetterQuestion)] = zip(
            LetterTextKey.steps, [LetterQuestion.reminderDate, .finalReminderDate, .noticeDate]
        ).map { ($0, $1) }
        var map: Fields = ["suspension_date": .string(format.date(facts.receipt))]
        var steps: [String] = []
        for (name, question) in dates {
            let date = facts.date(question).map(format.date) ?? ""
            map[name] = .string(date)
            if !date.isEmpty {
                steps.append(
                    format.fill(
                        LetterTextKey.step(name).rawValue, ["date": .string(date), "we": .bool(facts.speaksAsCompany)]))
            }
        }
        let any = !steps.isEmpty
        // « ma relance du …, ma relance ferme du … et ma mise en demeure du … ».
        map["steps"] = .string(format.list(steps))
        map["any"] = .bool(any)
        map["none"] = .bool(!any)
        return .map(map)
    }

    private func sender(_ facts: LetterFacts) -> Value {
        let gender = facts.senderGender
        let name = typographic(facts.text(.senderName))
        let function = typographic(facts.text(.senderFunction))
        return .map([
            "name": .string(name),
            // A company (C. com. R. 123-237 and R. 123-238): its name, legal form, capital, registration;
            // the letter says « nous », signed by a person and their function.
            "we": .bool(facts.speaksAsCompany),
            "company": .string(typographic(facts.text(.senderCompany))),
            "company_form": .string(typographic(facts.text(.companyForm))),
            "capital": .string(cents(facts.text(.capital)).map { format.amount(cents: $0, compact: true) } ?? ""),
            "rcs": .string(typographic(facts.text(.rcs))),
            "function": .string(function.prefix(1).uppercased() + function.dropFirst()),
            // Décret n° 2022-725: an entrepreneur individuel writes "EI" beside the name.
            "signed_name": .string(
                facts.legalForm == .individual
                    ? format.fill(LetterTextKey.individualName.rawValue, ["name": .string(name)]) : name),
            "business": .string(typographic(facts.text(.senderBusiness))),
            "address": .string(typographic(facts.text(.senderAddress))),
            "city": .string(typographic(facts.text(.senderCity))),
            "siret": .string(facts.text(.senderSiret)),
            "email": .string(facts.text(.senderEmail)),
            "feminine": .bool(gender == .feminine),
            "masculine": .bool(gender == .masculine),
            "neutral": .bool(gender == .neutral),
        ])
    }

    private func client(_ facts: LetterFacts) -> Value {
        let attention = attention(facts)
        return .map([
            "company": .string(facts.isConsumer ? "" : typographic(facts.text(.company))),
            "attention": .string(attention),
            "named": .bool(!attention.isEmpty),
            "address": .string(typographic(facts.text(.clientAddress))),
            "city": .string(typographic(facts.text(.clientCity))),
            "consumer": .bool(facts.isConsumer),
            "business": .bool(facts.clientKind == .business),
            "public": .bool(facts.isPublicBuyer),
            "mediator": .string(typographic(facts.text(.mediator))),
        ])
    }

    /// `Madame`, `Chère Madame` (cordial), `Madame, Monsieur`, or `Bonjour Camille
    /// Durand` for a person named without a title; in English `Dear Ms Dubois`: the
    /// texts may use `{{name}}` and `{{surname}}`.
    public func appel(_ facts: LetterFacts) -> String {
        var civility = facts.civility
        let name = typographic(facts.text(.clientName))
        if name.isEmpty, civility.namesPerson { civility = .unknown }
        let cordial = LetterTextKey.cordialAppel(civility).rawValue
        let key = facts.tone == .cordial && texts[cordial] != nil ? cordial : LetterTextKey.appel(civility).rawValue
        // The surname is the name without its first word, kept whole: « Le Gall »,
        // « de La Fontaine » (a one-word name is the surname).
        let words = name.split(separator: " ")
        let surname = words.count > 1 ? words.dropFirst().joined(separator: " ") : name
        return format.fill(key, ["name": .string(name), "surname": .string(surname)])
    }

    /// The appel as repeated inside the closing sentence: `chère Madame` there, where the
    /// language says so (`…_inline`); empty for a person named without a title (the
    /// formula then names nobody); nil when it is the appel unchanged.
    public func closingAppel(_ facts: LetterFacts) -> String? {
        let named = !facts.text(.clientName).isEmpty
        if facts.civility == .noTitle, named { return texts[LetterTextKey.untitledAppelInline.rawValue] ?? "" }
        guard facts.tone == .cordial, named else { return nil }
        return texts[LetterTextKey.cordialAppelInline(facts.civility).rawValue]
    }

    /// Whom an e-mail goes to, as its `To` header names them: the person, or the company.
    public func addressee(_ facts: LetterFacts) -> String {
        let name = facts.text(.clientName)
        return facts.civility.namesPerson && !name.isEmpty ? name : facts.text(.company)
    }

    /// Who a continuation page is for: the person with their title, else the company.
    public func runningAddressee(_ facts: LetterFacts) -> String {
        let attention = attention(facts)
        return attention.isEmpty ? typographic(facts.text(.company)) : attention
    }

    /// `Madame Claire Dubois`: the person the letter names, with their title; empty when
    /// it names no one.
    func attention(_ facts: LetterFacts) -> String {
        let name = typographic(facts.text(.clientName))
        guard facts.civility.namesPerson, !name.isEmpty else { return "" }
        let title = texts[LetterTextKey.title(facts.civility).rawValue] ?? ""
        return title.isEmpty ? name : title + " " + name
    }

    /// `Lyon, le 29 novembre 2026`: the town without its postal code.
    public func placeDate(_ facts: LetterFacts) -> String {
        let words = typographic(facts.text(.senderCity)).split(separator: " ")
        let town = words.drop { $0.allSatisfy(\.isNumber) }.joined(separator: " ")
        return format.fill(
            town.isEmpty ? TextKey.letterDateOnly : TextKey.letterPlaceDate,
            ["town": .string(town), "date": .string(format.date(facts.today))])
    }

    private func contract(_ facts: LetterFacts) -> Value {
        let clause = Self.articleNumber(facts.text(.noticeClause))
        let notice = facts.notice
        return .map([
            "date": .string(facts.date(.contractDate).map(format.date) ?? ""),
            "fixed": .bool(facts.fixedTerm),
            "term_passed": .bool(facts.termPassed),
            "term_ahead": .bool(facts.fixedTerm && !facts.termPassed),
            "indefinite": .bool(!facts.fixedTerm),
            "notice": .string(format.notice(notice)),
            "no_notice": .bool(notice.count == 0),
            "with_notice": .bool(notice.count > 0),
            "clause": .string(clause),
            // The end worked out from a receipt assumed three days after the letter: the
            // letter says what holds if it arrives later (never less notice than given).
            "end_from_receipt": .bool(!facts.fixedTerm && notice.count > 0 && facts.endDate == facts.proposedEndDate),
            "assumed_receipt": .string(format.date(facts.receipt)),
            "notice_span": .string(format.duration(notice)),
        ])
    }

    /// `8` from `8`, `article 8`, `art. 8`, `l’article 8`, `clause 8`, `§ 8`: the
    /// templates write the word (`l’article 8`, `clause 8`) themselves.
    public static func articleNumber(_ text: String) -> String {
        var rest = Substring(text.trimmed)
        let prefixes = [
            "l’article", "l'article", "article", "articles", "art.", "art", "la clause", "clause", "clauses", "§",
        ]
        var changed = true
        while changed {
            changed = false
            for prefix in prefixes.sorted(by: { $0.count > $1.count }) where rest.lowercased().hasPrefix(prefix) {
                let after = rest.dropFirst(prefix.count)
                // A prefix is a word: `art` must not eat the start of `article`, nor `§` need a space.
                guard prefix == "§" || prefix.hasSuffix(".") || after.first.map({ $0 == " " || $0.isNumber }) ?? true
                else { continue }
                rest = Substring(after.trimmed)
                changed = true
                break
            }
        }
        return String(rest)
    }

    /// User text as typeset: `'` becomes `’`, except in e-mail addresses and links.
    func typographic(_ text: String) -> String { Self.typographic(text) }

    /// User text as typeset: `'` becomes `’`, except in e-mail addresses and links.
    static func typographic(_ text: String) -> String {
        guard text.contains("'") else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.contains("@") || word.contains("://") || word.hasPrefix("www.")
                ? String(word) : String(word.replacing("'", with: "’"))
        }.joined(separator: " ")
    }

    private func invoices(_ facts: LetterFacts) -> Value {
        let invoices = facts.invoices
        let late = facts.lateInvoices
        let total = invoices.reduce(0) { $0 + $1.cents }
        let items: [Value] = invoices.enumerated().map { index, invoice in
            .map([
                "number": .string(typographic(invoice.number)),
                "date": .string(format.date(invoice.date)),
                "amount": .string(format.amount(cents: invoice.cents)),
                "partial": .bool(invoice.totalCents != nil),
                "invoice_total": .string(invoice.totalCents.map { format.amount(cents: $0) } ?? ""),
                "due": .string(format.date(invoice.due)),
                "late": .bool(invoice.isLate(on: facts.today)),
                "upcoming": .bool(!invoice.isLate(on: facts.today)),
                "last": .bool(index == invoices.count - 1),
            ])
        }
        let fromReceipt = facts.receipt.adding(days: facts.payDays)
        return .map([
            "any": .bool(!invoices.isEmpty),
            "one": .bool(invoices.count == 1),
            "several": .bool(invoices.count > 1),
            "any_late": .bool(!late.isEmpty),
            "all_late": .bool(late.count == invoices.count),
            "several_late": .bool(late.count > 1),
            "items": .list(items),
            "total": .string(format.amount(cents: total)),
            "deadline": .string(format.date(facts.paymentDeadline)),
            "pay_days": .string(format.days(facts.payDays)),
            // The deadline counts from receipt, unless an invoice falls due later.
            "deadline_from_receipt": .bool(facts.paymentDeadline == fromReceipt),
            // Invoices overdue and others due later than that: the overdue ones by the
            // deadline from receipt, the others when due (never a new date for an overdue one).
            "mixed": .bool(!late.isEmpty && facts.paymentDeadline != fromReceipt),
            "receipt_deadline": .string(format.date(fromReceipt)),
            "several_upcoming": .bool(invoices.count - late.count > 1),
            "business": .bool(facts.clientKind == .business),
            "consumer": .bool(facts.isConsumer),
            "public": .bool(facts.isPublicBuyer),
            "penalty": penalty(facts),
            "indemnity": .string(format.amount(cents: rates.indemnityCents, compact: true)),
            "indemnity_total": .string(format.amount(cents: rates.indemnityCents * late.count, compact: true)),
        ])
    }

    /// The penalty rate: the contract's; otherwise the ECB rate of the half-year in
    /// which the late invoices' penalties started to run (the day after their due
    /// date) plus 10 points (L. 441-10 II), or plus 8 for a public buyer
    /// (R. 2192-31); printed only when every late invoice shares one checked figure.
    private func penalty(_ facts: LetterFacts) -> Value {
        let contractRate = facts.clientKind == .business ? LetterComposition.cents(facts.text(.penaltyRate)) : nil
        let starts = Set(facts.lateInvoices.map { rates.period(on: $0.due.adding(days: 1))?.id ?? "?" })
        let period =
            starts.count == 1 ? facts.lateInvoices.first.flatMap { rates.period(on: $0.due.adding(days: 1)) } : nil
        let legalRate = period.map { facts.isPublicBuyer ? $0.publicMoratoryRate : $0.defaultPenaltyRate }
        return .map([
            "contract": .bool(contractRate != nil),
            "contract_rate": .string(contractRate.map { format.percent(hundredths: $0) } ?? ""),
            "legal_known": .bool(contractRate == nil && legalRate != nil),
            "legal_rate": .string(legalRate.map { format.percent(hundredths: $0) } ?? ""),
            "legal_unknown": .bool(contractRate == nil && legalRate == nil),
        ])
    }

    /// What to talk about: each reason with signs but not established (the decision
    /// "talk"), in the client-facing words of `letter.topic.REASON`.
    private func topics(_ facts: LetterFacts) -> Value {
        let reasons = facts.decision?.reasons.filter { $0.status == .signs } ?? []
        let items: [Value] = reasons.enumerated().map { index, reason in
            .map([
                "text": .string(texts.text(LetterTextKey.topic(reason.id).rawValue)),
                "last": .bool(index == reasons.count - 1),
            ])
        }
        return .map(["any": .bool(!items.isEmpty), "items": .list(items)])
    }

    /// One sober sentence about why, only when asked: the established reason's, a
    /// shared one for several, a general one when the decision is unknown.
    private func reasons(_ facts: LetterFacts) -> Value {
        guard facts.flag(.mentionReasons) else { return .map(["sentence": ""]) }
        let established = facts.decision?.established.map(\.id) ?? []
        let key = established.count > 1 ? "several" : established.first ?? "general"
        return .map([
            "sentence": .string(format.fill(LetterTextKey.reason(key).rawValue, ["we": .bool(facts.speaksAsCompany)]))
        ])
    }
}
