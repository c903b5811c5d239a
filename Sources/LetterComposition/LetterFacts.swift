import DialogueCore

/// The answers of the letter's questions, read into typed facts through the
/// declared contract (`LetterQuestion`, `Tone`, `ClientKind`…), never by bare strings.
public struct LetterFacts: Sendable {
    public let answers: [String: Answer]
    public let today: CivilDate
    public let decision: DecisionReport?
    /// Unpaid invoices: number, date, amount due (cents), due date; read once.
    public private(set) var invoices: [Invoice]

    public init(answers: [String: Answer], today: CivilDate, decision: DecisionReport?) {
        self.answers = answers
        self.today = today
        self.decision = decision
        // The farewell letter asks whether invoices are unpaid; the letters asking for
        // payment do not ask: their invoices are unpaid by nature.
        let unpaid = answers[LetterQuestion.unpaid.rawValue].map { $0.value == YesNo.yes } ?? true
        let proBono = answers[DecisionRule.proBonoQuestion]?.value == YesNo.yes
        invoices =
            unpaid && !proBono
            ? (answers[LetterQuestion.invoices.rawValue]?.values ?? []).compactMap(Invoice.init(record:)) : []
    }

    /// The same facts with only the invoices already late on the letter's date.
    public func keepingLateInvoices() -> LetterFacts {
        var facts = self
        facts.invoices = lateInvoices
        return facts
    }

    public func text(_ question: LetterQuestion) -> String { answers[question.rawValue]?.value ?? "" }
    public func flag(_ question: LetterQuestion) -> Bool { answers[question.rawValue]?.value == YesNo.yes }
    public func date(_ question: LetterQuestion) -> CivilDate? { CivilDate(iso: text(question)) }
    public func integer(_ question: LetterQuestion) -> Int? { Int(text(question)) }
    /// The answer to a choice question, typed; nil when unanswered.
    public func choice<Choice: ContentChoice>(_ type: Choice.Type) -> Choice? {
        Choice(rawValue: text(Choice.question))
    }

    public var clientKind: ClientKind { choice(ClientKind.self) ?? .business }
    public var isConsumer: Bool { clientKind == .consumer }
    public var isPublicBuyer: Bool { clientKind == .publicBuyer }
    public var legalForm: LegalForm { choice(LegalForm.self) ?? .other }
    /// A company writes in its own name (« nous »), once it is named: its questions are
    /// not asked for a talk message, which the person writes.
    public var speaksAsCompany: Bool { legalForm == .company && !text(.senderCompany).isEmpty }
    public var isProBono: Bool { answers[DecisionRule.proBonoQuestion]?.value == YesNo.yes }
    public var fixedTerm: Bool { choice(ContractDuration.self) == .fixed }
    /// The notice, as the contract says it: days, or calendar months.
    public var notice: Duration { Duration(answer: text(.noticeDays)) ?? Duration(count: 30, unit: .days) }
    public var civility: Civility { choice(Civility.self) ?? .unknown }
    public var senderGender: SenderGender { choice(SenderGender.self) ?? .neutral }

    /// The tone asked for, or the one proposed from the facts.
    public var tone: Tone { choice(Tone.self) ?? proposedTone }
    public var proposedTone: Tone { paymentEstablished || flag(.unpaid) ? .firm : .neutral }

    /// Days the post takes before the notice starts to run, added to the proposed end date.
    public static let deliveryDays = 3

    /// The days given to pay when `letter.pay_days` is not answered (its default).
    public static let defaultPayDays = 15
    public var payDays: Int { integer(.payDays) ?? Self.defaultPayDays }

    /// When the letter is expected to be received (a registered letter's notice starts then).
    public var receipt: CivilDate { today.adding(days: Self.deliveryDays) }

    /// The end date proposed when none is given, and the earliest the notice allows:
    /// receipt, then the notice.
    public var proposedEndDate: CivilDate { notice.after(receipt) }

    /// The day a payment asked for is due: `letter.pay_days` after receipt, never before
    /// the due date of an invoice not yet due.
    public var paymentDeadline: CivilDate {
        let fromReceipt = receipt.adding(days: payDays)
        return ([fromReceipt] + invoices.map(\.due)).max() ?? fromReceipt
    }

    /// The last day an invoice can be claimed in court: two years from the service
    /// against a consumer (C. consom. L. 218-2; the invoice's date, the safe proxy for
    /// the service); four years from 1 January after the invoice's year against a public
    /// person (loi n° 68-1250, art. 1); five years from when it fell due otherwise
    /// (C. com. L. 110-4, C. civ. 2224).
    public func limitationDate(_ invoice: Invoice, rates: RateTable) -> CivilDate {
        switch clientKind {
        case .consumer: return invoice.date.adding(months: 12 * rates.consumerLimitationYears)
        case .publicBuyer:
            return CivilDate(year: invoice.date.year + rates.publicLimitationYears, month: 12, day: 31) ?? invoice.due
        case .business: return invoice.due.adding(months: 12 * rates.otherLimitationYears)
        }
    }

    /// The invoices whose limitation period has run out on the letter's date.
    public func timeBarredInvoices(rates: RateTable) -> [Invoice] {
        invoices.filter { limitationDate($0, rates: rates) < today }
    }

    /// Invoices whose due date has passed: late, so penalties run (from the day after).
    public var lateInvoices: [Invoice] { invoices.filter { $0.isLate(on: today) } }

    public var endDate: CivilDate {
        if fixedTerm, let term = date(.termDate) { return term }
        return date(.endDate) ?? proposedEndDate
    }

    /// A fixed-term contract whose term is before the letter's date.
    public var termPassed: Bool { fixedTerm && endDate < today }

    public var paymentEstablished: Bool {
        decision?.reasons.contains { $0.id == DecisionRule.paymentReason && $0.status == .established } ?? false
    }

    /// The computed defaults the dialogue names with `@`.
    public static let computedNames: Set<String> = ["end_date", "tone", "unpaid", "kind", "unpaid_client", "command"]

    /// The engine's computed defaults for a session: the letter's facts so far, with the decision
    /// their signs give (the engine's).
    ///
    /// `kind` is the letter asked for (`goodbye letter --kind`), else the one the decision calls
    /// for among `kinds`.
    public static func computedDefaults(today: CivilDate, kinds: [LetterKind] = [], kind: String? = nil)
        -> @Sendable (String, [String: Answer], DecisionReport) -> String?
    {
        { name, answers, decision in
            // `goodbye letter` (and a batch) drafts one kind; `goodbye run` converses.
            if name == "command" { return kind == nil ? "run" : "letter" }
            if name == "kind" {
                if let kind { return kind }
                // Where recovery stands picks the kind (its values are the kinds' ids); the
                // other kinds are proposed by the decision (LetterQuestion keeps the id checked).
                let dunningStep = LetterQuestion.dunningStep.rawValue
                // Where recovery stands is asked only of a client who does not pay (the dialogue's
                // `payment.route`, on `@unpaid_client`): otherwise an answer to it (an answer
                // file's, reused) picks nothing.
                let unpaid =
                    LetterFacts(answers: answers, today: today, decision: decision).computedDefault("unpaid_client")
                    == YesNo.yes
                if unpaid, let step = answers[dunningStep]?.value, kinds.contains(where: { $0.id == step }) {
                    return step
                }
                // Among the kinds offered for the decision by a yes/no question: the one accepted,
                // else the first (its question is the one the dialogue asks).
                let offered = kinds.filter { $0.decisions.contains(decision.decision) && $0.ask != dunningStep }
                let accepted = offered.first { kind in kind.ask.map { answers[$0]?.value == YesNo.yes } ?? false }
                return (accepted ?? offered.first)?.id
            }
            return LetterFacts(answers: answers, today: today, decision: decision).computedDefault(name)
        }
    }

    public func computedDefault(_ name: String) -> String? {
        switch name {
        case "end_date": return proposedEndDate.iso
        case "unpaid": return paymentEstablished ? YesNo.yes : YesNo.no
        case "tone": return proposedTone.rawValue
        case "unpaid_client": return paymentEstablished && !isProBono ? YesNo.yes : YesNo.no
        default: return nil
        }
    }
}

/// One unpaid invoice.
public struct Invoice: Sendable, Equatable {
    public var number: String
    public var date: CivilDate
    /// What remains due: the whole invoice, or what a part payment left.
    public var cents: Int
    public var due: CivilDate
    /// The invoice's own amount when it is part paid (`cents` is then the remainder).
    public var totalCents: Int?

    /// Reads a canonical list item: `number;date;amount;due`, or
    /// `number;date;amount;due;remainder` for a part-paid invoice.
    public init?(record: String) {
        let parts = record.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4 || parts.count == 5, let date = CivilDate(iso: parts[1]),
            let cents = LetterComposition.cents(parts[2]),
            let due = CivilDate(iso: parts[3])
        else { return nil }
        self.number = parts[0]
        self.date = date
        self.due = due
        if parts.count == 5 {
            guard let remainder = LetterComposition.cents(parts[4]) else { return nil }
            self.cents = remainder
            self.totalCents = cents
        } else {
            self.cents = cents
        }
    }

    /// Late from the day after its due date.
    public func isLate(on date: CivilDate) -> Bool { due < date }
}
