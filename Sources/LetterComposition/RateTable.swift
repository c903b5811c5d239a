import DialogueCore

/// The dated rates the letters quote, by half-year: the ECB main refinancing rate (late-payment
/// penalties, L. 441-10 II; public buyers, R. 2192-31) and the two legal interest rates.
///
/// Data, not constants: each period says where its figure comes from and whether it was checked; an
/// unchecked figure is never printed.
public struct RateTable: Sendable, Equatable {
    public struct Period: Sendable, Equatable {
        public var id: String
        public var from: CivilDate
        public var to: CivilDate
        /// ECB main refinancing rate, in hundredths of a percent (215 = 2,15 %).
        public var ecbRate: Int
        public var source: String
        public var verified: Bool

        public init(id: String, from: CivilDate, to: CivilDate, ecbRate: Int, source: String, verified: Bool) {
            self.id = id
            self.from = from
            self.to = to
            self.ecbRate = ecbRate
            self.source = source
            self.verified = verified
        }

        /// The legal default penalty rate (L441-10 II): ECB rate + 10 points.
        public var defaultPenaltyRate: Int { ecbRate + 1000 }
        /// Public buyers' intérêts moratoires (R. 2192-31): ECB rate + 8 points.
        public var publicMoratoryRate: Int { ecbRate + 800 }
    }

    /// The legal interest rates of a half-year (taux de l'intérêt légal).
    public struct LegalPeriod: Sendable, Equatable {
        public var id: String
        public var from: CivilDate
        public var to: CivilDate
        /// For creditors who are private persons not acting for professional needs.
        public var privateRate: Int
        /// Every other case: a professional creditor, whoever owes.
        public var otherRate: Int
        public var source: String
        public var verified: Bool

        public init(
            id: String, from: CivilDate, to: CivilDate, privateRate: Int, otherRate: Int, source: String, verified: Bool
        ) {
            self.id = id
            self.from = from
            self.to = to
            self.privateRate = privateRate
            self.otherRate = otherRate
            self.source = source
            self.verified = verified
        }
    }

    public var periods: [Period]
    public var legal: [LegalPeriod]
    /// The fixed recovery indemnity per late invoice (D441-5), in cents.
    public var indemnityCents: Int
    /// The ceiling of the simplified procedure for small claims (CPCE R. 125-1), in cents.
    public var smallClaimCents: Int = 500_000
    /// Limitation periods in years: a professional's action against a consumer
    /// (Code de la consommation, L. 218-2), and every other (C. com. L. 110-4, C. civ. 2224).
    public var consumerLimitationYears = 2
    public var otherLimitationYears = 5
    /// A claim on a public person: four years from 1 January after the year the right
    /// was acquired (loi n° 68-1250 du 31 décembre 1968, art. 1).
    public var publicLimitationYears = 4

    public init(periods: [Period] = [], legal: [LegalPeriod] = [], indemnityCents: Int = 4000) {
        self.periods = periods
        self.legal = legal
        self.indemnityCents = indemnityCents
    }

    /// This table with `user`'s half-years added, or put in place of the ones of the
    /// same id (`ecb.2026-H2`): a person's own rates file over the built-in one.
    public func overridden(by user: RateTable) -> RateTable {
        var table = self
        for period in user.periods {
            table.periods.removeAll { $0.id == period.id }
            table.periods.append(period)
        }
        for period in user.legal {
            table.legal.removeAll { $0.id == period.id }
            table.legal.append(period)
        }
        table.periods.sort { $0.from < $1.from }
        table.legal.sort { $0.from < $1.from }
        return table
    }

    /// The checked ECB period that covers `date`, if any.
    public func period(on date: CivilDate) -> Period? {
        periods.first { $0.verified && $0.from <= date && date <= $0.to }
    }

    /// The checked legal interest rates that cover `date`, if any.
    public func legalPeriod(on date: CivilDate) -> LegalPeriod? {
        legal.first { $0.verified && $0.from <= date && date <= $0.to }
    }
}
