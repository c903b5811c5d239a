import DialogueCore
import Vocabulary

/// The stable codes of the warnings about a letter's facts (JSON `warnings[].code`).
public enum WarningCode: String, Sendable, CaseIterable {
    /// The end date comes before the notice allows.
    case endBeforeNotice = "GW001"
    /// No notice at all.
    case noNotice = "GW002"
    /// A fixed-term contract whose term has passed.
    case termPassed = "GW003"
    /// An invoice not yet due.
    case notYetDue = "GW004"
    /// A contractual penalty rate below three times the legal interest rate.
    case rateBelowFloor = "GW005"
    /// A contract dated after the letter.
    case contractAfterLetter = "GW006"
    /// A registered letter without the recipient's name and address.
    case registeredWithoutAddress = "GW007"
    /// Ending a public contract: normally not the contractor's to decide.
    case publicTermination = "GW008"
    /// A consumer letter without the consumer mediator's name.
    case noMediator = "GW009"
    /// An invoice near the end of its limitation period.
    case nearLimitation = "GW010"
    /// Suspending the work without a formal notice first.
    case suspensionWithoutNotice = "GW011"
    /// A recipient line past 38 characters, or more than 6 lines (NF Z10-011).
    case addressTooLong = "GW012"
    /// A half-year whose rate the program does not know: its interest has no figure.
    case rateUnknown = "GW013"
    /// Two invoices with the same number.
    case duplicateInvoice = "GW014"
    /// The reminders' dates out of their order (a firm reminder before the friendly one).
    case remindersOutOfOrder = "GW015"
    /// A consumer addressed as an organisation: a private person is named.
    case consumerAsOrganisation = "GW016"
    /// Suspending the work for a public buyer: C. civ. 1219 does not govern an administrative contract.
    case publicSuspension = "GW017"
    /// Suspending the work before the formal notice's own delay has run.
    case suspensionTooEarly = "GW018"
    /// A SARL or a société par actions without its share capital (C. com. R. 123-238).
    case capitalMissing = "GW019"

    /// The warnings that concern one kind of letter only: raised only for the kinds whose
    /// `warnings` in letters.ini name them (the farewell letter's GW008 and GW009, the
    /// suspension's GW011, GW017 and GW018).
    public static let kindSpecific: [WarningCode] = [
        .publicTermination, .noMediator, .suspensionWithoutNotice, .publicSuspension, .suspensionTooEarly,
    ]
}

/// A fact that makes the letter doubtful: the letter is still drafted, the person is
/// told what to check (`--strict` refuses it).
public struct LetterWarning: Sendable, Equatable {
    public var code: WarningCode
    public var message: Message
    /// The question whose answer to look at again, for the session.
    public var question: String?

    public init(_ code: WarningCode, _ message: Message, question: LetterQuestion? = nil) {
        self.code = code
        self.message = message
        self.question = question?.rawValue
    }
}

/// Facts that would make the letter false: nothing is drafted.
public struct FactErrors: Error, Sendable, Equatable {
    public var messages: [Message]
}

/// Checks a letter's facts before a word is written.
///
/// Pure.
public struct FactCheck: Sendable {
    let facts: LetterFacts
    let format: LanguageFormat
    let rates: RateTable
    /// The warnings of `WarningCode.kindSpecific` that the kind checked names.
    let kindWarnings: Set<WarningCode>

    /// The kind always goes by registered post (a formal notice, a suspension).
    let alwaysRegistered: Bool
    /// The kind claims only the invoices already due (`LetterKind.dueOnly`).
    let dueOnly: Bool

    public init(
        facts: LetterFacts, format: LanguageFormat, rates: RateTable, kindWarnings: Set<WarningCode> = [],
        alwaysRegistered: Bool = false, dueOnly: Bool = false
    ) {
        self.dueOnly = dueOnly
        self.facts = facts
        self.format = format
        self.rates = rates
        self.kindWarnings = kindWarnings
        self.alwaysRegistered = alwaysRegistered
    }

    /// What would make the letter false: an end date before the letter, an invoice of
    /// zero, a due date before the invoice's date.
    public func errors() -> [Message] {
        var errors: [Message] = []
        if !facts.fixedTerm, let end = facts.date(.endDate), end < facts.today {
            errors.append(Message(.factEndBeforeLetter, ["end": format.date(end), "today": format.date(facts.today)]))
        }
        if !Self.totalWithinLimit(facts.invoices) {
            errors.append(
                Message(
                    .factTotalTooLarge,
                    [
                        "count": String(facts.invoices.count), "limit": format.amount(cents: Self.maximumTotalCents),
                    ]))
        }
        // Nothing the letter cites may be dated after it: an invoice, a reminder, a notice.
        for invoice in facts.invoices where invoice.date > facts.today {
            errors.append(
                Message(
                    .factInvoiceAfterLetter,
                    ["number": invoice.number, "date": format.date(invoice.date), "today": format.date(facts.today)]))
        }
        for question in [LetterQuestion.reminderDate, .finalReminderDate, .noticeDate] {
            if let date = facts.date(question), date > facts.today {
                errors.append(
                    Message(
                        .factStepAfterLetter,
                        ["id": question.rawValue, "date": format.date(date), "today": format.date(facts.today)]))
            }
        }
        // « dans un délai de 0 jours » is no delay at all.
        if facts.integer(.payDays) == 0 { errors.append(Message(.factPayDaysZero)) }
        // A formal notice claims a sum due: with no invoice late yet, there is none.
        if dueOnly, !facts.invoices.isEmpty, facts.lateInvoices.isEmpty {
            errors.append(Message(.factNothingDue, ["today": format.date(facts.today)]))
        }
        for invoice in facts.invoices {
            if let total = invoice.totalCents, invoice.cents > total {
                errors.append(
                    Message(
                        .factRemainderAboveTotal,
                        [
                            "number": invoice.number, "remainder": format.amount(cents: invoice.cents),
                            "total": format.amount(cents: total),
                        ]))
            }
            if invoice.cents <= 0 { errors.append(Message(.factAmountZero, ["number": invoice.number])) }
            if invoice.due < invoice.date {
                errors.append(
                    Message(
                        .factDueBeforeInvoice,
                        ["number": invoice.number, "date": format.date(invoice.date), "due": format.date(invoice.due)]))
            }
        }
        return errors
    }

    /// The largest total the letters name: the largest single amount an answer may hold (twelve
    /// digits of euros).
    ///
    /// Below it, every sum, indemnity and interest the letters compute fits in an `Int`.
    public static let maximumTotalCents = 99_999_999_999_999

    /// Whether the invoices add up to at most `maximumTotalCents`, summed without
    /// overflowing whatever their number.
    static func totalWithinLimit(_ invoices: [Invoice]) -> Bool {
        var total = 0
        for invoice in invoices {
            let (sum, overflow) = total.addingReportingOverflow(max(invoice.cents, 0))
            guard !overflow, sum <= maximumTotalCents else { return false }
            total = sum
        }
        return true
    }

    /// What makes the letter doubtful, each with what to check.
    ///
    /// `statement`: the sums owed, when the caller has worked them out already.
    public func warnings(statement: ArrearsStatement? = nil) -> [LetterWarning] {
        var warnings: [LetterWarning] = []
        if !facts.fixedTerm, facts.notice.count == 0 {
            warnings.append(LetterWarning(.noNotice, Message(.warnNoNotice), question: .noticeDays))
        } else if !facts.fixedTerm, let end = facts.date(.endDate), end >= facts.today, end < facts.proposedEndDate {
            warnings.append(
                LetterWarning(
                    .endBeforeNotice,
                    Message(
                        .warnEndBeforeNotice,
                        [
                            "end": format.date(end), "earliest": format.date(facts.proposedEndDate),
                            "notice": format.notice(facts.notice),
                        ]), question: .endDate))
        }
        if facts.termPassed {
            warnings.append(
                LetterWarning(
                    .termPassed, Message(.warnTermPassed, ["term": format.date(facts.endDate)]), question: .termDate))
        }
        for invoice in facts.invoices where !invoice.isLate(on: facts.today) {
            warnings.append(
                LetterWarning(
                    .notYetDue,
                    Message(
                        dueOnly ? .warnNotYetDueLeftOut : .warnNotYetDue,
                        ["number": invoice.number, "due": format.date(invoice.due)]), question: .invoices))
        }
        if let floor = penaltyFloor() {
            warnings.append(LetterWarning(.rateBelowFloor, Message(.warnRateBelowFloor, floor), question: .penaltyRate))
        }
        if let signed = facts.date(.contractDate), signed > facts.today {
            warnings.append(
                LetterWarning(
                    .contractAfterLetter, Message(.warnContractAfterLetter, ["date": format.date(signed)]),
                    question: .contractDate))
        }
        let named = !facts.text(.company).isEmpty || !facts.text(.clientName).isEmpty
        if facts.flag(.registered) || alwaysRegistered,
            !named || facts.text(.clientAddress).isEmpty || facts.text(.clientCity).isEmpty
        {
            warnings.append(
                LetterWarning(
                    .registeredWithoutAddress, Message(.warnRegisteredWithoutAddress), question: .clientAddress))
        }
        // Ending a public contract is the farewell letter's question only.
        if facts.isPublicBuyer, kindWarnings.contains(.publicTermination) {
            warnings.append(LetterWarning(.publicTermination, Message(.warnPublicTermination), question: .clientKind))
        }
        if facts.isPublicBuyer, kindWarnings.contains(.publicSuspension) {
            warnings.append(LetterWarning(.publicSuspension, Message(.warnPublicSuspension), question: .clientKind))
        }
        // C. com. R. 123-238: a SARL and the sociétés par actions (SA, SAS, SCA, SE) name
        // their share capital beside their form on every letter; a partnership need not.
        if facts.speaksAsCompany, facts.text(.capital).isEmpty, Self.namesItsCapital(facts.text(.companyForm)) {
            warnings.append(
                LetterWarning(
                    .capitalMissing, Message(.warnCapitalMissing, ["value": facts.text(.companyForm)]),
                    question: .capital))
        }
        if facts.isConsumer, facts.civility == .organisation {
            warnings.append(
                LetterWarning(.consumerAsOrganisation, Message(.warnConsumerAsOrganisation), question: .civility))
        }
        if facts.isConsumer, facts.text(.mediator).isEmpty, kindWarnings.contains(.noMediator) {
            warnings.append(LetterWarning(.noMediator, Message(.warnNoMediator), question: .mediator))
        }
        // Limitation (LetterFacts.limitationDate): warned three months ahead, and said in the
        // past tense once it has run out (the letter then threatens no proceedings).
        let (years, near, barred): (Int, FactMessage, FactMessage) =
            switch facts.clientKind {
            case .consumer: (rates.consumerLimitationYears, .warnNearLimitationConsumer, .warnTimeBarredConsumer)
            case .publicBuyer: (rates.publicLimitationYears, .warnNearLimitationPublic, .warnTimeBarredPublic)
            case .business: (rates.otherLimitationYears, .warnNearLimitation, .warnTimeBarred)
            }
        for invoice in facts.invoices {
            let limit = facts.limitationDate(invoice, rates: rates)
            let values = ["number": invoice.number, "limit": format.date(limit), "years": String(years)]
            if limit < facts.today {
                warnings.append(LetterWarning(.nearLimitation, Message(barred, values), question: .invoices))
            } else if limit.adding(months: -3) <= facts.today {
                warnings.append(LetterWarning(.nearLimitation, Message(near, values), question: .invoices))
            }
        }
        var numbers: Set<String> = []
        for invoice in facts.invoices where !numbers.insert(invoice.number).inserted {
            warnings.append(
                LetterWarning(
                    .duplicateInvoice, Message(.warnDuplicateInvoice, ["number": invoice.number]), question: .invoices))
        }
        let steps = [LetterQuestion.reminderDate, .finalReminderDate, .noticeDate].compactMap { question in
            facts.date(question).map { (question, $0) }
        }
        for (earlier, later) in zip(steps, steps.dropFirst()) where later.1 < earlier.1 {
            warnings.append(
                LetterWarning(
                    .remindersOutOfOrder,
                    Message(
                        .warnRemindersOutOfOrder,
                        [
                            "id": later.0.rawValue, "date": format.date(later.1), "value": earlier.0.rawValue,
                            "end": format.date(earlier.1),
                        ]), question: later.0))
        }
        // Interest owed for a half-year whose rate is not known (not yet published, or not
        // checked): the letter demands it without a figure, and says so here.
        let unknown = (statement ?? LetterComposer.statement(facts, rates: rates)).unknownHalfYears
        if !unknown.isEmpty {
            warnings.append(
                LetterWarning(
                    .rateUnknown, Message(.warnRateUnknown, ["period": format.list(unknown.map(format.halfYear))])))
        }
        if let notice = facts.date(.noticeDate) {
            if kindWarnings.contains(.suspensionTooEarly) {
                // « restée sans effet » is true only once the notice's own delay has run:
                // received three days after it was sent, then the days it gave.
                let days = facts.payDays
                let end = notice.adding(days: LetterFacts.deliveryDays + days)
                if end >= facts.today {
                    warnings.append(
                        LetterWarning(
                            .suspensionTooEarly,
                            Message(
                                .warnSuspensionTooEarly,
                                [
                                    "date": format.date(notice), "days": format.days(days), "end": format.date(end),
                                ]), question: .noticeDate))
                }
            }
        } else if kindWarnings.contains(.suspensionWithoutNotice) {
            warnings.append(
                LetterWarning(.suspensionWithoutNotice, Message(.warnSuspensionWithoutNotice), question: .noticeDate))
        }
        return warnings
    }

    /// Whether a legal form is one that must state its capital (R. 123-238 3° and 4°):
    /// a SARL (EURL, SELARL…), a société anonyme or par actions (SA, SAS, SASU, SCA, SE),
    /// by its initials or its words, unless it says its capital is variable.
    static func namesItsCapital(_ form: String) -> Bool {
        let form = form.lowercased()
        guard !form.contains("capital variable") else { return false }
        let initials: Set<Substring> = [
            "sarl", "eurl", "selarl", "sa", "sas", "sasu", "selas", "selasu", "sca", "se", "selafa",
        ]
        return form.split(whereSeparator: { !$0.isLetter }).contains { initials.contains($0) }
            || ["responsabilité limitée", "anonyme", "par actions"].contains { form.contains($0) }
    }

    /// The values of GW005 when the contract's rate is below three times the legal
    /// interest rate (L. 441-10 II): the rate of the letter's half-year, or the latest
    /// checked one before it, named.
    func penaltyFloor() -> [String: String]? {
        guard facts.clientKind == .business, let rate = LetterComposition.cents(facts.text(.penaltyRate)),
            let legal = rates.legal.filter({ $0.verified && $0.from <= facts.today }).max(by: { $0.from < $1.from }),
            rate < 3 * legal.otherRate
        else { return nil }
        return [
            "rate": format.percent(hundredths: rate), "floor": format.percent(hundredths: 3 * legal.otherRate),
            "legal": format.percent(hundredths: legal.otherRate), "period": format.halfYear(legal.from),
        ]
    }
}
