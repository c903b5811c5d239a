import ContentLoading
import DialogueCore
import TestSupport
import Vocabulary
import XCTest

@testable import GoodbyeCLI

/// Seeded random walks through the real dialogue: answers, going back, changing
/// answers, help, invalid input, edits from the review, and saving and resuming (the
/// session file's text, read back) at random steps. Invariants: every walk ends in a
/// decision or a clean stop, and the decision is the contract's rule on the final answers.
final class RandomWalkTests: XCTestCase {
    static let content = try! ContentLoader.load(from: Paths.content)
    static let rule = DecisionRule()

    /// The answers a walk means: the sign questions and pro bono, each yes or no.
    struct Intent {
        var values: [String: String]
        func answer(_ id: String) -> String { values[id] ?? "" }
    }

    func testThousandsOfWalks() throws {
        let graph = Self.content.graph
        let engine = Engine(graph: graph, parser: Self.content.parser(for: "fr"))
        let store = SessionStore(path: "/dev/null", content: Self.content)
        // Sorted: a Set's order changes from one process to the next, and the walks must not.
        let decisionIds = (graph.questions.filter { $0.sign != nil }.map(\.id) + [DecisionRule.proBonoQuestion])
            .sorted()
        var outcomes: [Decision: Int] = [:]
        var resumes = 0
        for seed in 0..<3000 {
            var random = SplitMix(seed: UInt64(seed))
            // How often this walk means yes: from never (stay) to half the time (leave now).
            let yes = [0, 3, 10, 25, 50][seed % 5]
            var intent = Intent(
                values: Dictionary(
                    uniqueKeysWithValues: decisionIds.map {
                        ($0, Int.random(in: 0..<100, using: &random) < yes ? "oui" : "non")
                    }))
            var step = engine.begin()
            var steps = 0
            while step.state.decision == nil, !step.state.finished, let current = step.state.current {
                steps += 1
                guard steps < 400 else { return XCTFail("seed \(seed): the walk does not end") }
                if Int.random(in: 0..<25, using: &random) == 0 {
                    // Save, then resume from the saved text, as a later session would.
                    let text = store.text(step.state, finished: false)
                    let file = AnswerFile(
                        text: text, file: "s", graph: graph, parser: Self.content.parser(for: "fr"),
                        texts: Self.content.texts["fr"]!)
                    XCTAssertEqual(file.diagnostics, [], "seed \(seed)")
                    XCTAssertEqual(file.answers, step.state.answers, "seed \(seed): the saved file holds every answer")
                    step = engine.begin(answers: file.answers)
                    resumes += 1
                    continue
                }
                step = engine.send(input(current, &intent, step.state, graph, &random), to: step.state)
                for output in step.outputs {
                    if case .brokenContent = output { return XCTFail("seed \(seed): broken content") }
                }
            }
            let report = try XCTUnwrap(step.state.decision, "seed \(seed): a walk ends in a decision")
            XCTAssertEqual(report, expected(intent), "seed \(seed)")
            XCTAssertEqual(report, engine.decide(step.state), "seed \(seed)")
            outcomes[report.decision, default: 0] += 1
        }
        XCTAssertEqual(Set(outcomes.keys), Set(Decision.allCases), "the walks reach every decision: \(outcomes)")
        XCTAssertGreaterThan(resumes, 1000)
    }

    /// One random action at the current question or review.
    func input(
        _ current: String, _ intent: inout Intent, _ state: Conversation, _ graph: DialogueGraph,
        _ random: inout SplitMix
    ) -> Input {
        let roll = Int.random(in: 0..<100, using: &random)
        if graph.nodes[current]?.kind == .review {
            let count = Self.engineReviewCount(state, graph)
            if roll < 15, count > 0 { return .answer(String(Int.random(in: 1...count, using: &random))) }
            if roll < 20 { return .back }
            if roll < 25 { return .answer("peut-être") }
            return .answer("")
        }
        switch roll {
        case 0..<8: return .back
        case 8..<12: return .help
        case 12..<18: return .answer(["peut-être", "42", "", "ouiii", "{{x}}"][Int.random(in: 0..<5, using: &random)])
        case 18..<24:
            // Change one's mind about this question.
            intent.values[current] = intent.answer(current) == "oui" ? "non" : "oui"
            return .answer(intent.answer(current))
        default:
            let word = intent.answer(current) == "oui" ? ["oui", "O", "yes", "1"] : ["non", "N", "no", "2"]
            return .answer(word[Int.random(in: 0..<4, using: &random)])
        }
    }

    static func engineReviewCount(_ state: Conversation, _ graph: DialogueGraph) -> Int {
        Engine(graph: graph).reviewed(state, upTo: state.current ?? "").count
    }

    /// The contract's rule, on what the walk finally meant.
    func expected(_ intent: Intent) -> DecisionReport {
        var present: [String: [String]] = [:]
        for question in Self.content.graph.questions {
            guard let reason = question.reason, let sign = question.sign, intent.answer(question.id) == "oui" else {
                continue
            }
            present[reason, default: []].append(sign)
        }
        return Self.rule.decide(present: present, proBono: intent.answer(DecisionRule.proBonoQuestion) == "oui")
    }
}
