import DialogueCore

/// The answers of the letter's questions, read into typed facts.
public struct LetterFacts: Sendable {
    public var answers: [String: Answer]
    public var today: CivilDate
    public var decision: DecisionReport?

    public init(answers: [String: Answer], today: CivilDate, decision: DecisionReport?) {
        self.answers = answers
        self.today = today
        self.decision = decision
    }

    public func text(_ id: String) -> String { answers[id]?.value ?? "" }
    public func flag(_ id: String) -> Bool { answers[id]?.value == YesNo.yes }
    public func date(_ id: String) -> CivilDate? { CivilDate(iso: text(id)) }
    public func integer(_ id: String) -> Int? { Int(text(id)) }

    public var isConsumer: Bool { text("client.kind") == "particulier" }
    public var isProBono: Bool { flag(DecisionRule.proBonoQuestion) }
    public var fixedTerm: Bool { text("letter.contract") == "determinee" }
    public var noticeDays: Int { integer("letter.notice_days") ?? 30 }

    /// Days the post takes before the notice starts to run, added to the proposed end date.
    public static let deliveryDays = 3

    /// The end date proposed when none is given: today, delivery, then the notice.
    public var proposedEndDate: CivilDate { today.adding(days: Self.deliveryDays + noticeDays) }

    public var endDate: CivilDate {
        if fixedTerm, let term = date("letter.term_date") { return term }
        return date("letter.end_date") ?? proposedEndDate
    }

    public var paymentEstablished: Bool {
        decision?.reasons.contains { $0.id == DecisionRule.paymentReason && $0.status == .established } ?? false
    }

    /// Unpaid invoices: number, date, amount due (cents), due date.
    public var invoices: [Invoice] {
        guard flag("letter.unpaid"), !isProBono else { return [] }
        return (answers["letter.invoices"]?.values ?? []).compactMap(Invoice.init(record:))
    }

    /// The computed defaults the dialogue names with `@`.
    public static let computedNames: Set<String> = ["end_date", "tone", "unpaid"]

    public func computedDefault(_ name: String) -> String? {
        switch name {
        case "end_date": return proposedEndDate.iso
        case "unpaid": return paymentEstablished ? YesNo.yes : YesNo.no
        case "tone": return paymentEstablished || flag("letter.unpaid") ? "ferme" : "neutre"
        default: return nil
        }
    }
}

/// One unpaid invoice.
public struct Invoice: Sendable, Equatable {
    public var number: String
    public var date: CivilDate
    public var cents: Int
    public var due: CivilDate

    /// Reads a canonical list item: `number;date;amount;due`.
    public init?(record: String) {
        let parts = record.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let date = CivilDate(iso: parts[1]), let cents = LetterComposition.cents(parts[2]),
            let due = CivilDate(iso: parts[3])
        else { return nil }
        self.number = parts[0]
        self.date = date
        self.cents = cents
        self.due = due
    }
}
