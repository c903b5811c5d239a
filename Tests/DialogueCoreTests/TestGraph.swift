@testable import DialogueCore

/// A small graph shaped like the real one: two signs per reason, pro bono, the
/// decision, then a letter branch with a choice, a list and a computed default.
enum TestGraph {
    static func make() -> DialogueGraph {
        var nodes: [Node] = []
        let signs = [
            ("engagement", "no_feedback"), ("engagement", "no_reply"), ("reluctance", "no_desire"),
            ("reluctance", "dreads_meetings"), ("exhaustion", "drained"), ("exhaustion", "odd_hours"),
        ]
        for (index, (reason, sign)) in signs.enumerated() {
            let next = index + 1 < signs.count ? "\(signs[index + 1].0).\(signs[index + 1].1)" : "payment.pro_bono"
            nodes.append(
                Node(
                    id: "\(reason).\(sign)",
                    kind: .question(Question(id: "\(reason).\(sign)", type: .yesNo, reason: reason, sign: sign)),
                    next: next, group: reason))
        }
        nodes.append(
            Node(
                id: "payment.pro_bono", kind: .question(Question(id: "payment.pro_bono", type: .yesNo)),
                next: "payment.refuses", branches: ["oui": "review"], group: "payment"))
        nodes.append(
            Node(
                id: "payment.refuses",
                kind: .question(Question(id: "payment.refuses", type: .yesNo, reason: "payment", sign: "refuses")),
                next: "review", group: "payment"))
        nodes.append(Node(id: "review", kind: .review, next: "decision"))
        nodes.append(
            Node(
                id: "decision", kind: .decision, next: "end",
                branches: ["leave": "letter.want", "leave_now": "letter.want"]))
        nodes.append(
            Node(
                id: "letter.want", kind: .question(Question(id: "letter.want", type: .yesNo, defaultValue: "non")),
                next: "end", branches: ["oui": "client.kind"], group: "letter"))
        nodes.append(
            Node(
                id: "client.kind",
                kind: .question(
                    Question(
                        id: "client.kind", type: .choice, choices: ["entreprise", "particulier"],
                        defaultValue: "entreprise")),
                next: "client.company", branches: ["particulier": "letter.unpaid"], group: "client"))
        nodes.append(
            Node(
                id: "client.company", kind: .question(Question(id: "client.company", type: .text, required: false)),
                next: "letter.unpaid", group: "client"))
        nodes.append(
            Node(
                id: "letter.unpaid",
                kind: .question(Question(id: "letter.unpaid", type: .yesNo, defaultValue: "@unpaid")),
                next: "letter.tone", branches: ["oui": "letter.invoices"], group: "letter",
                skipIf: SkipCondition(question: "payment.pro_bono", value: "oui")))
        nodes.append(
            Node(
                id: "letter.invoices",
                kind: .question(Question(id: "letter.invoices", type: .list, fields: [.text, .date, .amount, .date])),
                next: "letter.tone", group: "letter"))
        nodes.append(
            Node(
                id: "letter.tone",
                kind: .question(
                    Question(
                        id: "letter.tone", type: .choice, choices: ["cordial", "neutre", "ferme"],
                        defaultValue: "neutre")),
                next: "end", group: "letter"))
        nodes.append(Node(id: "end", kind: .end))
        return DialogueGraph(nodes: nodes, start: "engagement.no_feedback")
    }

    /// The ids the review lists, in order.
    static func decisionQuestions(proBono: Bool) -> [String] {
        [
            "engagement.no_feedback", "engagement.no_reply", "reluctance.no_desire", "reluctance.dreads_meetings",
            "exhaustion.drained", "exhaustion.odd_hours", "payment.pro_bono",
        ] + (proBono ? [] : ["payment.refuses"])
    }

    static let engine = Engine(
        graph: make(), parser: AnswerParser(choiceWords: ["client.kind": ["une entreprise": "entreprise"]])
    ) { name, answers, _ in
        name == "unpaid" ? (answers["payment.refuses"]?.value == "oui" ? "oui" : "non") : nil
    }
}
