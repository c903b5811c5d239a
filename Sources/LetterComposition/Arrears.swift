import DialogueCore

/// What one unpaid invoice costs the client on the letter's date: days late, the late
/// interest (each part of the lateness at its half-year's rate when the law says so)
/// and the fixed indemnity.
public struct InvoiceArrears: Sendable, Equatable {
    /// A stretch of lateness at one rate.
    public struct Part: Sendable, Equatable {
        public var from: CivilDate
        public var to: CivilDate
        public var days: Int
        /// Hundredths of a percent (1215 = 12,15 %); nil when the half-year's figure is unchecked.
        public var rate: Int?
    }

    public var invoice: Invoice
    /// From the day after the due date to the letter's date, both included.
    public var daysLate: Int
    public var parts: [Part]
    /// In cents, rounded half up for the invoice as a whole; nil when a rate is unknown.
    public var interestCents: Int?
    /// The interest of the parts whose rate is known (all of it when `interestCents` is
    /// not nil): what the letter can already put a figure on.
    public var knownInterestCents: Int
    public var indemnityCents: Int
    /// The first days of the half-years whose rate is unknown.
    public var unknownHalfYears: [CivilDate] {
        parts.filter { $0.rate == nil }.compactMap {
            CivilDate(year: $0.from.year, month: $0.from.month < 7 ? 1 : 7, day: 1)
        }
    }
    /// The one rate of every part, if they share it (for a table column).
    public var rate: Int? {
        let rates = Set(parts.map(\.rate))
        return rates.count == 1 ? rates.first ?? nil : nil
    }
}

/// The sums owed on the letter's date, invoice by invoice, and their totals.
public struct ArrearsStatement: Sendable, Equatable {
    public var items: [InvoiceArrears]

    public init(items: [InvoiceArrears]) { self.items = items }

    public var principalCents: Int { items.reduce(0) { $0 + $1.invoice.cents } }
    /// Nil when one invoice's interest could not be computed (an unchecked rate).
    public var interestCents: Int? {
        items.reduce(Optional(0)) { sum, item in sum.flatMap { total in item.interestCents.map { total + $0 } } }
    }
    public var indemnityCents: Int { items.reduce(0) { $0 + $1.indemnityCents } }
    public var totalCents: Int? { interestCents.map { principalCents + $0 + indemnityCents } }
    /// The interest with a figure: every part whose half-year's rate is known.
    public var knownInterestCents: Int { items.reduce(0) { $0 + $1.knownInterestCents } }
    /// What is owed for sure: the principal, the interest with a figure, the indemnities.
    public var knownTotalCents: Int { principalCents + knownInterestCents + indemnityCents }
    /// The half-years (their first days, in order) whose rate the program does not know:
    /// their interest is owed but cannot be put in figures.
    public var unknownHalfYears: [CivilDate] { Array(Set(items.flatMap(\.unknownHalfYears))).sorted() }
}

/// The rules, by client (L. 441-10 and D. 441-5 of the Code de commerce between professionals;
/// L. 2192-13 and R. 2192-31 of the Code de la commande publique for a public buyer; articles
/// 1231-6 and 1344-1 of the Code civil for a consumer).
///
/// Pure.
public struct ArrearsCalculator: Sendable {
    public let rates: RateTable

    public init(rates: RateTable) { self.rates = rates }

    /// - Parameters:
    ///   - contractRate: the contract's penalty rate, in hundredths of a percent, if any.
    ///   - formalNotice: for a consumer without a contractual rate, the day a formal
    ///     notice was received: legal interest runs from then (art. 1231-6, 1344-1).
    public func statement(
        _ invoices: [Invoice], on date: CivilDate, client: ClientKind, contractRate: Int?,
        formalNotice: CivilDate? = nil
    ) -> ArrearsStatement {
        ArrearsStatement(
            items: invoices.map {
                arrears($0, on: date, client: client, contractRate: contractRate, formalNotice: formalNotice)
            })
    }

    func arrears(
        _ invoice: Invoice, on date: CivilDate, client: ClientKind, contractRate: Int?, formalNotice: CivilDate?
    ) -> InvoiceArrears {
        let firstLateDay = invoice.due.adding(days: 1)
        let daysLate = max(0, date.dayNumber - invoice.due.dayNumber)
        var parts: [InvoiceArrears.Part] = []
        if daysLate > 0 {
            switch (client, contractRate) {
            case (.publicBuyer, _):
                // R. 2192-31: the rate of the half-year in which interest started, for the whole period.
                let rate = rates.period(on: firstLateDay)?.publicMoratoryRate
                parts = [InvoiceArrears.Part(from: firstLateDay, to: date, days: daysLate, rate: rate)]
            case (_, let rate?):
                parts = [InvoiceArrears.Part(from: firstLateDay, to: date, days: daysLate, rate: rate)]
            case (.business, nil):
                parts = Self.halfYears(from: firstLateDay, to: date).map {
                    InvoiceArrears.Part(
                        from: $0.from, to: $0.to, days: $0.days, rate: rates.period(on: $0.from)?.defaultPenaltyRate)
                }
            case (.consumer, nil):
                if let notice = formalNotice, notice <= date {
                    let start = max(notice, firstLateDay)
                    parts = Self.halfYears(from: start, to: date).map {
                        InvoiceArrears.Part(
                            from: $0.from, to: $0.to, days: $0.days, rate: rates.legalPeriod(on: $0.from)?.otherRate)
                    }
                }
            }
        }
        let indemnity = daysLate > 0 && client != .consumer ? rates.indemnityCents : 0
        let known = Self.interest(invoice.cents, parts.filter { $0.rate != nil }) ?? 0
        return InvoiceArrears(
            invoice: invoice, daysLate: daysLate, parts: parts, interestCents: Self.interest(invoice.cents, parts),
            knownInterestCents: known, indemnityCents: indemnity)
    }

    /// Σ amount × rate × days / 365 over the parts, rounded half up to the cent once
    /// for the invoice; exact integers (128 bits), nil when a rate is unknown.
    static func interest(_ cents: Int, _ parts: [InvoiceArrears.Part]) -> Int? {
        var numerator: Int128 = 0
        for part in parts {
            guard let rate = part.rate else { return nil }
            numerator += Int128(cents) * Int128(rate) * Int128(part.days)
        }
        let denominator: Int128 = 365 * 10_000
        return Int((numerator * 2 + denominator) / (denominator * 2))
    }

    /// The days from `from` to `to` (both included), cut at 1 January and 1 July.
    static func halfYears(from: CivilDate, to: CivilDate) -> [(from: CivilDate, to: CivilDate, days: Int)] {
        var result: [(CivilDate, CivilDate, Int)] = []
        var start = from
        while start <= to {
            let nextHalf =
                start.month < 7
                ? CivilDate(firstDayOf: 7, year: start.year) : CivilDate(firstDayOf: 1, year: start.year + 1)
            let end = min(to, nextHalf.adding(days: -1))
            result.append((start, end, end.dayNumber - start.dayNumber + 1))
            start = end.adding(days: 1)
        }
        return result
    }
}
