import ContentLoading
import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// `goodbye run --answers F --no-input --format json` against the contract's rule,
/// written here independently of the program.
final class DecisionReportTests: XCTestCase {
    /// How many signs establish each reason: the contract's rule (two of the signs of
    /// the first three reasons, one for payment). The signs themselves come from the
    /// content (`Signs`), so a sign added to `dialogue.ini` is counted here too.
    static let thresholds = ["engagement": 2, "reluctance": 2, "exhaustion": 2, "payment": 1]

    /// The expected report for a mask: decision, and per reason its status and signs.
    static func expected(_ mask: Int) -> (String, [(String, String, [String])]) {
        let proBono = mask & Signs.proBono != 0
        var rows: [(String, String, [String])] = []
        for reason in Signs.reasons {
            let present = Signs.present(mask, reason: reason)
            if reason == "payment", proBono {
                rows.append((reason, "not_applicable", []))
            } else {
                let threshold = thresholds[reason] ?? 1
                rows.append(
                    (reason, present.isEmpty ? "absent" : present.count >= threshold ? "established" : "signs", present)
                )
            }
        }
        let established = rows.filter { $0.1 == "established" }.count
        let anySign = rows.contains { !$0.2.isEmpty }
        let decision = established >= 2 ? "leave_now" : established == 1 ? "leave" : anySign ? "talk" : "stay"
        return (decision, rows)
    }

    /// Every decision and pro bono, in masks named by their signs.
    static let named = [
        0, Signs.mask("engagement.no_feedback"), Signs.mask("engagement.no_feedback", "engagement.no_internal_signoff"),
        Signs.mask("payment.refuses"), Signs.mask("payment.refuses") | Signs.proBono,
        Signs.mask(
            "engagement.no_feedback", "engagement.no_internal_signoff", "exhaustion.drained",
            "exhaustion.constant_struggle",
            "exhaustion.odd_hours", "exhaustion.neglects_rest"),
    ]

    func check(_ json: String, _ mask: Int) throws {
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let (decision, rows) = Self.expected(mask)
        XCTAssertEqual(object["decision"] as? String, decision, "mask \(mask)")
        XCTAssertEqual(object["pro_bono"] as? Bool, mask & Signs.proBono != 0)
        let reasons = try XCTUnwrap(object["reasons"] as? [[String: Any]])
        XCTAssertEqual(reasons.map { $0["id"] as? String }, rows.map(\.0))
        XCTAssertEqual(reasons.map { $0["status"] as? String }, rows.map(\.1), "mask \(mask)")
        XCTAssertEqual(reasons.map { $0["signs"] as? [String] ?? ["?"] }, rows.map(\.2), "mask \(mask)")
        XCTAssertFalse((object["summary"] as? String ?? "").isEmpty)
    }

    /// The whole app in process (answer file, engine, report, JSON) in French and in
    /// English on a seeded sample of the combinations (`Signs.combinations`; all go through the
    /// pure rule in DialogueCoreTests): every decision, pro bono, and 400 random masks.
    func testASampleOfSignCombinationsThroughTheApp() throws {
        let content = try ContentLoader.load(from: Paths.content)
        let seed: UInt64 = 2026_11_29
        print("DecisionReportTests: random masks from seed \(seed)")
        var random = SplitMix(seed: seed)
        let masks =
            Self.named + [Signs.combinations - 1]
            + (0..<400).map { _ in Int(random.next() % UInt64(Signs.combinations)) }
        let total = masks.count
        let chunks = 8
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var failures: [String] = []
            var checked = 0
        }
        let tally = Tally()
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var local: [String] = []
            var count = 0
            for mask in stride(from: chunk, to: total, by: chunks).map({ masks[$0] }) {
                for language in ["fr", "en"] {
                    let terminal = ScriptedTerminal(stdin: signAnswers(mask))
                    let app = App(terminal: terminal, environment: [:], content: content)
                    let status = app.run([
                        "run", "--answers", "-", "--no-input", "--format", "json", "--lang", language,
                    ])
                    if let problem = Self.problem(status: status, json: terminal.stdout, mask: mask) {
                        local.append(language + " " + problem)
                    }
                }
                count += 1
            }
            tally.lock.lock()
            tally.failures += local
            tally.checked += count
            tally.lock.unlock()
        }
        XCTAssertEqual(tally.checked, total)
        XCTAssertEqual(tally.failures.prefix(5), [], "\(tally.failures.count) combinations differ from the rule")
    }

    /// What differs between a report and the rule, or nil.
    static func problem(status: Int32, json: String, mask: Int) -> String? {
        guard status == 0, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let reasons = object["reasons"] as? [[String: Any]]
        else { return "mask \(mask): status \(status), output \(json)" }
        let (decision, rows) = expected(mask)
        let got = reasons.map { "\($0["id"] ?? "")/\($0["status"] ?? "")/\(($0["signs"] as? [String]) ?? [])" }
        let want = rows.map { "\($0.0)/\($0.1)/\($0.2)" }
        guard object["decision"] as? String == decision, got == want,
            object["pro_bono"] as? Bool == (mask & Signs.proBono != 0), !(object["summary"] as? String ?? "").isEmpty
        else { return "mask \(mask): \(json)" }
        return nil
    }

    /// A sample through the built binary: one per decision and pro bono, plus random ones.
    func testTheBinaryReportsTheSameDecisions() throws {
        let seed: UInt64 = 16
        print("DecisionReportTests: binary masks from seed \(seed)")
        var random = SplitMix(seed: seed)
        let masks = Self.named + (0..<10).map { _ in Int(random.next() % UInt64(Signs.combinations)) }
        let folder = try temporaryFolder(self)
        for mask in masks {
            let file = folder.appendingPathComponent("answers-\(mask).txt")
            try signAnswers(mask).write(to: file, atomically: true, encoding: .utf8)
            let outcome = try goodbye(["run", "--answers", file.path, "--no-input", "--format", "json"])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            let notes = outcome.stderr.split(separator: "\n")
            XCTAssertTrue(notes.allSatisfy { $0.hasPrefix("goodbye: note") }, outcome.stderr)
            XCTAssertEqual(notes.isEmpty, mask & Signs.proBono == 0, "pro bono makes the payment answers notes")
            try check(outcome.stdout, mask)
        }
    }
}
