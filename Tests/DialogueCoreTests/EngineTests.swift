import Foundation
import Synchronization
import XCTest

@testable import DialogueCore

final class EngineTests: XCTestCase {
    let engine = TestGraph.engine

    /// Sends each input in turn; checks that the state survives a JSON round trip at every step.
    func drive(_ inputs: [Input], from first: Step? = nil) throws -> Step {
        var step = first ?? engine.begin()
        for input in inputs {
            let data = try JSONEncoder().encode(step.state)
            let restored = try JSONDecoder().decode(Conversation.self, from: data)
            XCTAssertEqual(restored, step.state)
            step = engine.send(input, to: restored)
        }
        return step
    }

    func answers(_ values: String...) -> [Input] { values.map { .answer($0) } }

    func testBeginAsksTheFirstQuestion() {
        let step = engine.begin()
        XCTAssertEqual(step.outputs, [.ask(id: "engagement.no_feedback", defaultValue: nil)])
        XCTAssertEqual(step.state.current, "engagement.no_feedback")
    }

    func testAnAcceptedAnswerMovesOnAndIsRecorded() throws {
        let step = try drive(answers("OUI"))
        XCTAssertEqual(step.state.answers["engagement.no_feedback"], Answer("oui"))
        XCTAssertEqual(step.outputs, [.ask(id: "engagement.no_reply", defaultValue: nil)])
    }

    func testARejectedAnswerKeepsTheStateAndAsksAgain() throws {
        let before = engine.begin().state
        let step = engine.send(.answer("peut-être"), to: before)
        XCTAssertEqual(
            step.outputs,
            [.rejected(id: "engagement.no_feedback", .notYesNo), .ask(id: "engagement.no_feedback", defaultValue: nil)])
        XCTAssertEqual(step.state, before)
    }

    func testEmptyAnswerToARequiredQuestionIsRejected() {
        let step = engine.send(.answer("  "), to: engine.begin().state)
        XCTAssertEqual(step.outputs.first, .rejected(id: "engagement.no_feedback", .empty))
    }

    func testHelpShowsHelpThenAsksAgain() {
        let step = engine.send(.help, to: engine.begin().state)
        XCTAssertEqual(
            step.outputs, [.help(id: "engagement.no_feedback"), .ask(id: "engagement.no_feedback", defaultValue: nil)])
    }

    func testNoSignGivesStayAndEnds() throws {
        let step = try drive(answers("non", "non", "non", "non", "non", "non", "non", "non", ""))
        XCTAssertTrue(step.state.finished)
        XCTAssertEqual(step.state.decision?.decision, .stay)
        XCTAssertEqual(step.outputs.last, .finished)
    }

    func testProBonoSkipsThePaymentSignsAndTheInvoices() throws {
        var step = try drive(answers("oui", "oui", "non", "non", "non", "non", "oui", ""))
        XCTAssertEqual(step.state.decision?.decision, .leave)
        XCTAssertEqual(step.state.decision?.reasons[3].status, .notApplicable)
        XCTAssertEqual(step.outputs.last, .ask(id: "letter.want", defaultValue: "non"))
        step = try drive(answers("oui", ""), from: step)
        XCTAssertEqual(step.state.answers["client.kind"], Answer("entreprise"), "Enter takes the default")
        step = try drive(answers(""), from: step)
        XCTAssertEqual(step.state.current, "letter.tone", "pro bono passes over letter.unpaid")
    }

    func testPaymentAloneLeavesAndComputesTheDefault() throws {
        let step = try drive(answers("non", "non", "non", "non", "non", "non", "non", "oui", "", "oui", "particulier"))
        XCTAssertEqual(step.state.decision?.decision, .leave)
        XCTAssertEqual(step.outputs.last, .ask(id: "letter.unpaid", defaultValue: "oui"))
    }

    func testTwoEstablishedReasonsLeaveNow() throws {
        let step = try drive(answers("oui", "oui", "oui", "oui", "non", "non", "non", "non", ""))
        XCTAssertEqual(step.state.decision?.decision, .leaveNow)
    }

    func testSomeSignsTalk() throws {
        let step = try drive(answers("oui", "non", "oui", "non", "oui", "non", "non", "non", ""))
        XCTAssertEqual(step.state.decision?.decision, .talk)
        XCTAssertTrue(step.state.finished)
    }

    func testChoicesByNumberLabelOrId() {
        let at = engine.begin(at: "client.kind").state
        XCTAssertEqual(engine.send(.answer("2"), to: at).state.answers["client.kind"], Answer("particulier"))
        XCTAssertEqual(
            engine.send(.answer("Une Entreprise"), to: at).state.answers["client.kind"], Answer("entreprise"))
        XCTAssertEqual(engine.send(.answer("PARTICULIER"), to: at).state.answers["client.kind"], Answer("particulier"))
        XCTAssertEqual(
            engine.send(.answer("3"), to: at).outputs.first,
            .rejected(id: "client.kind", .notAChoice(accepted: ["entreprise", "particulier"])))
    }

    func testListCollectsItemsUntilAnEmptyLine() throws {
        var step = engine.begin(at: "client.kind", answers: ["payment.refuses": Answer("oui")])
        step = try drive(answers("2", "oui", "F-1 ; 15/09/2026 ; 1 250,5 ; 2026-10-15"), from: step)
        XCTAssertEqual(step.outputs.first, .itemAdded(id: "letter.invoices", count: 1))
        step = try drive(answers("pas une facture"), from: step)
        XCTAssertEqual(
            step.outputs.first,
            .rejected(id: "letter.invoices", .badListItem(expected: [.text, .date, .amount, .date])))
        step = try drive(answers("F-2;2026-10-01;10;2026-10-31", ""), from: step)
        XCTAssertEqual(
            step.state.answers["letter.invoices"]?.values,
            ["F-1;2026-09-15;1250.50;2026-10-15", "F-2;2026-10-01;10.00;2026-10-31"])
        XCTAssertEqual(step.state.current, "letter.tone")
    }

    func testPrefilledAnswersAreNotAskedAgain() {
        let step = engine.begin(answers: [
            "engagement.no_feedback": Answer("oui"), "engagement.no_reply": Answer("non"),
        ])
        XCTAssertEqual(step.outputs, [.ask(id: "reluctance.no_desire", defaultValue: nil)])
    }

    func testBackReturnsToThePreviousQuestionAndKeepsLaterAnswers() throws {
        var step = try drive(answers("oui", "non", "oui"))
        step = try drive([.back, .back], from: step)
        XCTAssertEqual(step.state.current, "engagement.no_reply")
        XCTAssertEqual(
            step.outputs, [.ask(id: "engagement.no_reply", defaultValue: "non")],
            "the current answer is what Enter keeps")
        XCTAssertEqual(step.state.answers["reluctance.no_desire"], Answer("oui"))
        step = try drive(answers("oui"), from: step)
        XCTAssertEqual(
            step.outputs, [.ask(id: "reluctance.no_desire", defaultValue: "oui")],
            "the questions gone back over come again")
        step = try drive(answers(""), from: step)
        XCTAssertEqual(step.state.answers["reluctance.no_desire"], Answer("oui"), "Enter kept it")
        XCTAssertEqual(step.state.current, "reluctance.dreads_meetings")
        XCTAssertEqual(step.state.answers["engagement.no_reply"], Answer("oui"))
    }

    func testChangingABranchDropsTheAnswersItMakesIrrelevant() throws {
        var step = try drive(answers("non", "non", "non", "non", "non", "non", "non", "oui"))
        XCTAssertEqual(step.state.answers["payment.refuses"], Answer("oui"))
        XCTAssertEqual(step.outputs.last, .review(ids: TestGraph.decisionQuestions(proBono: false)))
        step = try drive([.back, .back, .answer("oui")], from: step)
        XCTAssertEqual(step.outputs.first, .dropped(ids: ["payment.refuses"]))
        XCTAssertNil(step.state.answers["payment.refuses"])
        XCTAssertEqual(step.outputs.last, .review(ids: TestGraph.decisionQuestions(proBono: true)))
        step = try drive([.back, .answer("non")], from: step)
        XCTAssertEqual(step.outputs.last, .ask(id: "payment.refuses", defaultValue: nil), "what is now needed is asked")
    }

    func testTheReviewConfirmsOrEditsThenComesBack() throws {
        var step = try drive(answers("non", "non", "non", "non", "non", "non", "non", "non"))
        let ids = TestGraph.decisionQuestions(proBono: false)
        XCTAssertEqual(step.outputs, [.review(ids: ids)])
        XCTAssertNil(step.state.decision, "no decision before the review is confirmed")
        step = try drive(answers("9"), from: step)
        XCTAssertEqual(
            step.outputs.first, .rejected(id: "review", .notAChoice(accepted: ids.indices.map { String($0 + 1) })))
        step = try drive(answers("1"), from: step)
        XCTAssertEqual(step.outputs, [.ask(id: "engagement.no_feedback", defaultValue: "non")])
        step = try drive(answers("oui"), from: step)
        XCTAssertEqual(step.outputs, [.review(ids: ids)], "back to the review after the change")
        step = try drive(answers(""), from: step)
        XCTAssertEqual(step.state.decision?.decision, .talk)
        XCTAssertTrue(step.state.finished)
    }

    func testBackAtTheFirstQuestionSaysSo() {
        let step = engine.send(.back, to: engine.begin().state)
        XCTAssertEqual(
            step.outputs,
            [.cannotGoBack(id: "engagement.no_feedback"), .ask(id: "engagement.no_feedback", defaultValue: nil)])
    }

    func testAnswersOffThePathDoNotCount() {
        let answers = ["payment.pro_bono": Answer("oui"), "payment.refuses": Answer("oui")]
        var state = Conversation(start: "engagement.no_feedback", answers: answers)
        for id in [
            "engagement.no_feedback", "engagement.no_reply", "reluctance.no_desire", "reluctance.dreads_meetings",
            "exhaustion.drained", "exhaustion.odd_hours",
        ] { state.answers[id] = Answer("non") }
        XCTAssertFalse(engine.path(state).contains("payment.refuses"))
        XCTAssertEqual(engine.decide(state).decision, .stay)
    }

    /// One count over the whole session: the number goes on across the decision (never
    /// "Question 1" again), the total is the path as it stands, defaults taken ahead.
    func testProgressNumbersTheWholePathAndTheTotalFollowsTheAnswers() throws {
        var step = engine.begin()
        XCTAssertEqual(engine.progress(of: "engagement.no_feedback", in: step.state)?.number, 1)
        XCTAssertEqual(engine.progress(of: "engagement.no_feedback", in: step.state)?.total, 8, "stay: the signs only")
        step = try drive(answers("oui", "oui", "oui", "oui", "non", "non", "non", "oui", ""))
        XCTAssertEqual(step.state.current, "letter.want")
        XCTAssertEqual(
            engine.progress(of: "letter.want", in: step.state).map { [$0.number, $0.total] }, [9, 9],
            "leave: the offer of a letter follows")
        step = engine.send(.answer("oui"), to: step.state)
        XCTAssertEqual(step.state.current, "client.kind")
        // client.kind (entreprise by default) → client.company → letter.unpaid (@unpaid: yes, the
        // client refuses to pay) → letter.invoices → letter.tone
        XCTAssertEqual(engine.progress(of: "client.kind", in: step.state).map { [$0.number, $0.total] }, [10, 14])
        step = engine.send(.answer("particulier"), to: step.state)
        XCTAssertEqual(
            engine.progress(of: "letter.unpaid", in: step.state).map { [$0.number, $0.total] }, [11, 13],
            "the company's question left out")
    }

    /// The decision and each computed value are worked out once per change of answers
    /// (issue 19), however many walks, progress counts and decisions the shell asks for
    /// meanwhile; the computed defaults are given the engine's decision.
    func testTheDecisionIsComputedOncePerChangeOfAnswers() throws {
        let calls = Mutex<[String]>([])
        let graph = TestGraph.make()
        let counting = Engine(graph: graph) { name, answers, decision in
            calls.withLock { $0.append(name) }
            XCTAssertEqual(
                decision, DecisionRule().decide(graph: graph, answers: answers), "the decision of these answers")
            return name == "unpaid" ? (decision.decision == .stay ? "non" : "oui") : nil
        }
        var step = counting.begin()
        var changes = 1
        for input in answers(
            "oui", "oui", "oui", "oui", "non", "non", "non", "oui", "", "oui", "particulier", "", "", "")
        {
            for _ in 0..<10 {
                if let id = step.state.current { _ = counting.progress(of: id, in: step.state) }
                _ = counting.path(step.state)
                _ = counting.decide(step.state)
            }
            let before = step.state.answers
            step = counting.send(input, to: step.state)
            if step.state.answers != before { changes += 1 }
        }
        XCTAssertEqual(
            step.state.answers["client.kind"]?.value, "particulier", "the walk went past the decision into the letter")
        let unpaid = calls.withLock { $0 }.filter { $0 == "unpaid" }.count
        XCTAssertGreaterThan(unpaid, 0, "the computed default was asked for")
        XCTAssertLessThanOrEqual(unpaid, changes, "one computation per set of answers, not one per walk")
    }

    /// The kind a conversation drafts is the one its route took (issue 19: one rule
    /// routes and picks the letter); a branch the path does not pass is not there.
    func testRoutesAreTheBranchesThePathTook() {
        let nodes = [
            Node(
                id: "want", kind: .question(Question(id: "want", type: .yesNo)), next: "end", branches: ["oui": "route"]
            ),
            Node(id: "route", kind: .branch(on: "kind"), next: "farewell", branches: ["talk": "when"]),
            Node(id: "when", kind: .question(Question(id: "when", type: .text)), next: "end"),
            Node(id: "farewell", kind: .question(Question(id: "farewell", type: .text)), next: "end"),
            Node(id: "end", kind: .end),
        ]
        let engine = Engine(graph: DialogueGraph(nodes: nodes, start: "want")) { name, answers, _ in
            name == "kind" ? (answers["farewell"] == nil ? "talk" : "farewell") : nil
        }
        let wanted = engine.send(.answer("oui"), to: engine.begin().state).state
        XCTAssertEqual(wanted.current, "when")
        XCTAssertEqual(engine.routes(wanted), ["kind": "talk"])
        let declined = engine.send(.answer("non"), to: engine.begin().state).state
        XCTAssertTrue(declined.finished)
        XCTAssertEqual(engine.routes(declined), [:], "no letter asked for: no route taken")
    }

    func testALoopInTheGraphEndsCleanly() {
        let nodes = [
            Node(id: "a", kind: .question(Question(id: "a", type: .yesNo)), next: "b"),
            Node(id: "b", kind: .decision, next: "a"),
        ]
        let engine = Engine(graph: DialogueGraph(nodes: nodes, start: "a"))
        let step = engine.send(.answer("oui"), to: engine.begin().state)
        XCTAssertEqual(step.outputs.last, .brokenContent(id: "a"))
        XCTAssertNil(step.state.current)
    }
}
