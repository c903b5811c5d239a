/// What the article's rule advises.
public enum Decision: String, Sendable, Codable, CaseIterable {
    case stay
    case talk
    case leave
    case leaveNow = "leave_now"
}

/// How far one reason is established by the signs seen.
public enum ReasonStatus: String, Sendable, Codable, CaseIterable {
    case absent
    case signs
    case established
    case notApplicable = "not_applicable"
}

/// One reason in the report: its status and the signs present (short ids).
public struct ReasonReport: Sendable, Codable, Equatable {
    public var id: String
    public var status: ReasonStatus
    public var signs: [String]
}

/// The decision with what it rests on.
public struct DecisionReport: Sendable, Codable, Equatable {
    public var decision: Decision
    public var reasons: [ReasonReport]
    public var proBono: Bool

    public var established: [ReasonReport] { reasons.filter { $0.status == .established } }
}

/// The contract's rule: a reason is established by two signs (the payment reason by
/// one); pro bono makes the payment reason not applicable; zero, some, one or several
/// established reasons give stay, talk, leave, leave_now.
public struct DecisionRule: Sendable {
    public static let reasonIds = ["engagement", "reluctance", "exhaustion", "payment"]
    public static let paymentReason = "payment"
    /// The question the rule reads beside the signs: is the work unpaid by agreement.
    public static let proBono = QuestionID("payment.pro_bono")
    public static let proBonoQuestion = proBono.rawValue

    public init() {}

    /// The number of present signs that establishes `reason`.
    public func threshold(for reason: String) -> Int { reason == Self.paymentReason ? 1 : 2 }

    /// Decides from the present sign ids of each reason and the pro bono answer.
    public func decide(present: [String: [String]], proBono: Bool) -> DecisionReport {
        let reasons = Self.reasonIds.map { id -> ReasonReport in
            if id == Self.paymentReason, proBono { return ReasonReport(id: id, status: .notApplicable, signs: []) }
            let signs = present[id] ?? []
            let status: ReasonStatus =
                signs.isEmpty ? .absent : signs.count >= threshold(for: id) ? .established : .signs
            return ReasonReport(id: id, status: status, signs: signs)
        }
        let established = reasons.filter { $0.status == .established }.count
        let anySign = reasons.contains { !$0.signs.isEmpty }
        let decision: Decision =
            established >= 2 ? .leaveNow : established == 1 ? .leave : anySign ? .talk : .stay
        return DecisionReport(decision: decision, reasons: reasons, proBono: proBono)
    }

    /// Decides from a graph and the answers on the dialogue's path.
    public func decide(graph: DialogueGraph, answers: [String: Answer]) -> DecisionReport {
        var present: [String: [String]] = [:]
        for question in graph.signQuestions {
            guard let reason = question.reason, let sign = question.sign,
                answers[question.id]?.value == YesNo.yes
            else { continue }
            present[reason, default: []].append(sign)
        }
        let proBono = answers[Self.proBonoQuestion]?.value == YesNo.yes
        return decide(present: present, proBono: proBono)
    }
}
