import XCTest

@testable import DialogueCore

/// The contract's decision rule, as a table, then over every combination of signs.
final class DecisionRuleTests: XCTestCase {
    let rule = DecisionRule()

    func status(_ report: DecisionReport, _ id: String) -> ReasonStatus? {
        report.reasons.first { $0.id == id }?.status
    }

    func testTable() {
        struct Row {
            var present: [String: [String]]
            var proBono: Bool
            var decision: Decision
            var statuses: [ReasonStatus]
        }
        let rows: [Row] = [
            Row(present: [:], proBono: false, decision: .stay, statuses: [.absent, .absent, .absent, .absent]),
            Row(
                present: ["engagement": ["no_reply"]], proBono: false, decision: .talk,
                statuses: [.signs, .absent, .absent, .absent]),
            Row(
                present: ["engagement": ["no_reply"], "reluctance": ["no_desire"], "exhaustion": ["drained"]],
                proBono: false,
                decision: .talk, statuses: [.signs, .signs, .signs, .absent]),
            Row(
                present: ["reluctance": ["no_desire", "dreads_meetings"]], proBono: false, decision: .leave,
                statuses: [.absent, .established, .absent, .absent]),
            Row(
                present: ["payment": ["pays_late"]], proBono: false, decision: .leave,
                statuses: [.absent, .absent, .absent, .established]),
            Row(
                present: ["payment": ["pays_late"]], proBono: true, decision: .stay,
                statuses: [.absent, .absent, .absent, .notApplicable]),
            Row(
                present: ["payment": ["refuses"], "exhaustion": ["odd_hours"]], proBono: true, decision: .talk,
                statuses: [.absent, .absent, .signs, .notApplicable]),
            Row(
                present: ["exhaustion": ["drained", "odd_hours", "neglects_rest"], "payment": ["refuses"]],
                proBono: false,
                decision: .leaveNow, statuses: [.absent, .absent, .established, .established]),
            Row(
                present: ["engagement": ["no_feedback", "no_reply"], "exhaustion": ["drained", "odd_hours"]],
                proBono: true,
                decision: .leaveNow, statuses: [.established, .absent, .established, .notApplicable]),
        ]
        for row in rows {
            let report = rule.decide(present: row.present, proBono: row.proBono)
            XCTAssertEqual(report.decision, row.decision, "\(row.present) pro bono \(row.proBono)")
            XCTAssertEqual(report.reasons.map(\.status), row.statuses, "\(row.present)")
            XCTAssertEqual(report.reasons.map(\.id), ["engagement", "reluctance", "exhaustion", "payment"])
            if row.proBono { XCTAssertEqual(report.reasons[3].signs, []) }
        }
    }

    /// Every status and every decision appears in the table above.
    func testTableCoversEveryStatusAndDecision() {
        var decisions: Set<Decision> = []
        var statuses: Set<ReasonStatus> = []
        for mask in 0..<(1 << 16) {
            let (present, proBono) = Self.signs(mask)
            let report = rule.decide(present: present, proBono: proBono)
            decisions.insert(report.decision)
            statuses.formUnion(report.reasons.map(\.status))
        }
        XCTAssertEqual(decisions, Set(Decision.allCases))
        XCTAssertEqual(statuses, Set(ReasonStatus.allCases))
    }

    /// The 15 signs and pro bono as the bits of `mask`.
    static let allSigns: [(String, String)] = [
        ("engagement", "no_feedback"), ("engagement", "no_internal_signoff"), ("engagement", "skips_exercises"),
        ("engagement", "no_reply"), ("reluctance", "no_desire"), ("reluctance", "dreads_meetings"),
        ("reluctance", "dreads_messages"), ("reluctance", "only_this_client"), ("exhaustion", "drained"),
        ("exhaustion", "constant_struggle"), ("exhaustion", "odd_hours"), ("exhaustion", "neglects_rest"),
        ("payment", "refuses"), ("payment", "pays_less"), ("payment", "pays_late"),
    ]

    static func signs(_ mask: Int) -> ([String: [String]], Bool) {
        var present: [String: [String]] = [:]
        for (bit, sign) in allSigns.enumerated() where mask & (1 << bit) != 0 {
            present[sign.0, default: []].append(sign.1)
        }
        return (present, mask & (1 << 15) != 0)
    }
}
