/// The kind of answer a question takes.
public enum QuestionType: String, Sendable, Codable, CaseIterable {
    case yesNo = "yes_no"
    case choice
    case text
    case date
    case amount
    /// A rate in percent (`12,5 %`).
    case percent
    /// A length of time in days or calendar months (`30`, `30 jours`, `2 mois`): `30`, `2m`.
    case duration
    case integer
    /// An e-mail address (`camille@exemple.fr`): one `@`, a domain with a dot.
    case email
    /// A French SIRET: 14 digits whose Luhn key is right, written `812 345 676 00017`.
    case siret
    /// Several items, each a `;`-separated record of `fields`.
    case list
}

/// The kind of one field of a list item.
public enum FieldType: String, Sendable, Codable, CaseIterable {
    case text, date, amount, integer
}

/// One question of the dialogue, identified by a stable id; its text lives in the
/// language tables, under the same id.
public struct Question: Sendable, Equatable {
    public var id: String
    public var type: QuestionType
    /// Canonical choice values, in the order they are offered.
    public var choices: [String]
    /// A fixed default (`"non"`), or a computed one (`"@tone"`) that the engine resolves.
    public var defaultValue: String?
    public var required: Bool
    /// For the article's signs: the reason and the sign's short id.
    public var reason: String?
    public var sign: String?
    /// For list questions: the type of each `;`-separated field.
    public var fields: [FieldType]
    /// How many of `fields` an item must give; the rest, at the end, may be left out
    /// (`fields = text, date, amount, date, amount?`: a part-paid invoice's remainder).
    public var requiredFields: Int
    /// Raised by the content's author when the question's meaning changes without its
    /// type or choices changing (a reworded prompt): saved answers to it are asked again.
    public var revision = "1"

    public init(
        id: String, type: QuestionType, choices: [String] = [], defaultValue: String? = nil,
        required: Bool = true, reason: String? = nil, sign: String? = nil, fields: [FieldType] = [],
        requiredFields: Int? = nil,
        revision: String = "1"
    ) {
        self.revision = revision
        self.id = id
        self.type = type
        self.choices = choices
        self.defaultValue = defaultValue
        self.required = required
        self.reason = reason
        self.sign = sign
        self.fields = fields
        self.requiredFields = requiredFields ?? fields.count
    }
}

/// A step of the dialogue graph.
public enum NodeKind: Sendable, Equatable {
    case question(Question)
    /// Computes and announces the decision; branches on its value.
    case decision
    /// Shows every answer so far, numbered, for the person to confirm or change.
    case review
    /// Goes on by a value the program computes from the answers (`on = @kind`: the
    /// letter being drafted), without asking anything.
    case branch(on: String)
    /// Ends the conversation.
    case end
}

/// A node and where it leads: `branches` by answer (or decision) value, else `next`.
public struct Node: Sendable, Equatable {
    public var id: String
    public var kind: NodeKind
    public var next: String?
    public var branches: [String: String]
    /// The part of the dialogue the node belongs to, for progress (`engagement`, `letter`...).
    public var group: String
    /// Passed over (by `next`) when the answer to another question has a given value.
    public var skipIf: SkipCondition?

    public init(
        id: String, kind: NodeKind, next: String? = nil, branches: [String: String] = [:], group: String = "",
        skipIf: SkipCondition? = nil
    ) {
        self.id = id
        self.skipIf = skipIf
        self.kind = kind
        self.next = next
        self.branches = branches
        self.group = group
    }

    public var question: Question? {
        if case .question(let question) = kind { return question }
        return nil
    }

    /// Whether the answers make this node one to pass over.
    ///
    /// `computed` resolves a condition on a computed value (`skip_if = @kind=talk`).
    public func isSkipped(by answers: [String: Answer], computed: (String) -> String? = { _ in nil }) -> Bool {
        guard let skipIf else { return false }
        let value = skipIf.computed.map(computed) ?? answers[skipIf.question]?.value
        guard let value else { return false }
        return skipIf.values.contains(value)
    }

    /// Where the dialogue goes after this node when its value is `value`.
    public func target(for value: String?) -> String? {
        if let value, let branch = branches[value] { return branch }
        return next
    }
}

/// The whole dialogue: nodes by id, in the order they were written.
public struct DialogueGraph: Sendable, Equatable {
    public private(set) var nodes: [String: Node]
    public private(set) var order: [String]
    /// Every question, in the order written (kept: a session and every batch row read it).
    public private(set) var questions: [Question]
    /// The article's signs, in order: what a decision reads.
    public private(set) var signQuestions: [Question]
    /// Where the guided session starts.
    public var start: String
    /// Changes whenever the questions change; recorded in saved sessions.
    public var version: String

    public init(nodes: [Node], start: String, version: String = "1") {
        self.nodes = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.order = nodes.map(\.id)
        questions = nodes.compactMap(\.question)
        signQuestions = questions.filter { $0.reason != nil && $0.sign != nil }
        self.start = start
        self.version = version
    }

    public func question(_ id: String) -> Question? { nodes[id]?.question }

    /// Sends the branch `node` to `target` when its computed value is `value` (a letter
    /// kind's route, declared in letters.ini).
    public mutating func route(_ node: String, value: String, to target: String) {
        nodes[node]?.branches[value] = target
    }

    /// The questions a conversation can ask from `start` when the computed values in
    /// `computed` are known (`["kind": "talk"]`: the letter being drafted), in the order
    /// written: every branch on an answer is followed, a branch on a known value only its
    /// own way, and a question passed over by a known value (`skip_if = @kind=talk`) is
    /// left out.
    public func questions(reachableFrom start: String, computed: [String: String]) -> [Question] {
        var seen: Set<String> = []
        var asked: Set<String> = []
        var queue = [start]
        while let id = queue.popLast() {
            guard seen.insert(id).inserted, let node = nodes[id] else { continue }
            let passedOver =
                node.skipIf.map { condition in
                    condition.computed.flatMap { computed[$0] }.map { condition.values.contains($0) } ?? false
                } ?? false
            if node.question != nil, !passedOver { asked.insert(id) }
            if case .branch(let on) = node.kind, let value = computed[on.hasPrefix("@") ? String(on.dropFirst()) : on] {
                queue += [node.target(for: value)].compactMap { $0 }
            } else {
                queue += Array(node.branches.values) + [node.next].compactMap { $0 }
            }
        }
        return questions.filter { asked.contains($0.id) }
    }

    /// The sign questions of one reason, in order.
    public func signs(of reason: String) -> [Question] {
        questions.filter { $0.reason == reason && $0.sign != nil }
    }
}

/// `skip_if = question=value`: pass over a node when another answer has that value;
/// `skip_if = @name=value`: when a computed value (`@kind`, `@command`) has it.
public struct SkipCondition: Sendable, Equatable {
    public var question: String
    /// One value, or several separated by `|` (`client.kind=particulier|public`).
    public var value: String
    public var values: [String] { value.split(separator: "|").map(\.trimmed) }
    /// `@kind` in `skip_if = @kind=talk`: a value the program computes, not an answer.
    public var computed: String? { question.hasPrefix("@") ? String(question.dropFirst()) : nil }

    public init(question: String, value: String) {
        self.question = question
        self.value = value
    }
}
