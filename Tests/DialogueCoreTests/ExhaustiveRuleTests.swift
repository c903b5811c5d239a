import Dispatch
import Synchronization
import XCTest

@testable import DialogueCore

/// Every combination of the contract's 15 signs and pro bono (65 536), through the
/// pure rule over a graph with the contract's fixed ids, against the rule written
/// here independently from the contract's words.
final class ExhaustiveRuleTests: XCTestCase {
    static let reasons: [(id: String, signs: [String], threshold: Int)] = [
        ("engagement", ["no_feedback", "no_internal_signoff", "skips_exercises", "no_reply"], 2),
        ("reluctance", ["no_desire", "dreads_meetings", "dreads_messages", "only_this_client"], 2),
        ("exhaustion", ["drained", "constant_struggle", "odd_hours", "neglects_rest"], 2),
        ("payment", ["refuses", "pays_less", "pays_late"], 1),
    ]

    static let graph: DialogueGraph = {
        var nodes: [Node] = []
        for reason in reasons {
            for sign in reason.signs {
                let id = "\(reason.id).\(sign)"
                nodes.append(
                    Node(id: id, kind: .question(Question(id: id, type: .yesNo, reason: reason.id, sign: sign))))
            }
        }
        nodes.append(Node(id: "payment.pro_bono", kind: .question(Question(id: "payment.pro_bono", type: .yesNo))))
        nodes.append(Node(id: "end", kind: .end))
        return DialogueGraph(nodes: nodes, start: "engagement.no_feedback")
    }()

    func testEveryCombinationFollowsTheContractsRule() {
        // On every core, in slices: each mask is independent.
        let slices = 16
        let found = Mutex([String]())
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let failures = Self.failures(in: stride(from: slice, to: 1 << 16, by: slices))
            found.withLock { $0 += failures }
        }
        let failures = found.withLock { $0 }
        XCTAssertEqual(failures.prefix(5), [], "\(failures.count) combinations differ from the rule")
    }

    static func failures(in masks: StrideTo<Int>) -> [String] {
        var failures: [String] = []
        for mask in masks {
            var answers: [String: Answer] = [:]
            var bit = 0
            var expectedRows: [(String, ReasonStatus, [String])] = []
            let proBono = mask & (1 << 15) != 0
            for reason in reasons {
                var present: [String] = []
                for sign in reason.signs {
                    let yes = mask & (1 << bit) != 0
                    answers["\(reason.id).\(sign)"] = Answer(yes ? YesNo.yes : YesNo.no)
                    if yes { present.append(sign) }
                    bit += 1
                }
                if reason.id == "payment", proBono {
                    expectedRows.append((reason.id, .notApplicable, []))
                } else {
                    let status: ReasonStatus =
                        present.isEmpty ? .absent : present.count >= reason.threshold ? .established : .signs
                    expectedRows.append((reason.id, status, present))
                }
            }
            answers["payment.pro_bono"] = Answer(proBono ? YesNo.yes : YesNo.no)
            let established = expectedRows.filter { $0.1 == .established }.count
            let anySign = expectedRows.contains { !$0.2.isEmpty }
            let decision: Decision = established >= 2 ? .leaveNow : established == 1 ? .leave : anySign ? .talk : .stay
            let report = DecisionRule().decide(graph: graph, answers: answers)
            let got = report.reasons.map { "\($0.id)/\($0.status)/\($0.signs)" }
            let want = expectedRows.map { "\($0.0)/\($0.1)/\($0.2)" }
            if report.decision != decision || got != want || report.proBono != proBono {
                failures.append("mask \(mask): \(report.decision) \(got), expected \(decision) \(want)")
            }
        }
        return failures
    }
}
