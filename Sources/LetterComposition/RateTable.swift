import DialogueCore

/// The dated rates the letters quote (late-payment penalties between professionals).
/// Data, not constants: each period says where its figure comes from and whether it
/// was checked; an unchecked figure is never printed.
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
    }

    public var periods: [Period]
    /// The fixed recovery indemnity per late invoice (D441-5), in cents.
    public var indemnityCents: Int

    public init(periods: [Period] = [], indemnityCents: Int = 4000) {
        self.periods = periods
        self.indemnityCents = indemnityCents
    }

    /// The checked period that covers `date`, if any.
    public func period(on date: CivilDate) -> Period? {
        periods.first { $0.verified && $0.from <= date && date <= $0.to }
    }
}
