import DialogueCore
import LetterTemplating
import Vocabulary

/// A kind of letter, from the table `Localization/letters.ini`: its id, the first of the questions
/// it needs, the decisions for which the session proposes it, and the sample answers `goodbye
/// check` renders it with.
///
/// Its templates are the folder `LANG/letters/ID/`.
public struct LetterKind: Sendable, Equatable {
    public var id: String
    public var start: String
    /// The yes/no question by which a session offers this letter, if it does.
    public var ask: String?
    public var decisions: [Decision]
    /// Always sent by registered post with acknowledgement of receipt (a formal notice).
    public var registered = false
    /// Claims only the invoices already due (`due_only = oui`: a firm reminder, a formal
    /// notice, a suspension): one not yet due is left out of the letter, and said.
    public var dueOnly = false
    /// The kind's own tone (`tone = ferme` in letters.ini: the e-mail of a formal notice
    /// closes « Cordialement, »), whatever `letter.tone` says; nil: the answer's.
    public var tone: Tone?
    /// Answers that exercise the kind's templates, every combination of the variants.
    public var samples: [[String: Answer]] = []
    /// Where each `@kind` branch of the dialogue leads for this kind (`letter.route =
    /// talk.when` in letters.ini): the kind's own questions, declared with the kind.
    public var routes: [String: String] = [:]
    /// The warnings about this kind only that apply to it (`warnings = GW011, GW017` in
    /// letters.ini), among `WarningCode.kindSpecific`.
    public var warnings: Set<WarningCode> = []

    public init(
        id: String, start: String, ask: String? = nil, decisions: [Decision], registered: Bool = false,
        dueOnly: Bool = false,
        tone: Tone? = nil, samples: [[String: Answer]] = [], routes: [String: String] = [:],
        warnings: Set<WarningCode> = []
    ) {
        self.routes = routes
        self.warnings = warnings
        self.registered = registered
        self.dueOnly = dueOnly
        self.tone = tone
        self.id = id
        self.start = start
        self.ask = ask
        self.decisions = decisions
        self.samples = samples
    }

    /// The kind drafted when none is named.
    public static let defaultKind = KindID("farewell")
    public static let defaultId = defaultKind.rawValue

}

/// The parts of a letter, each one template: the names the drafter renders and
/// `goodbye check` requires, spelt here only.
public enum LetterPart: String, Sendable, CaseIterable {
    case sender, recipient, subject, body, closing, signature, enclosures
    case emailClosing = "email-closing"
    case emailSignature = "email-signature"

    /// The parts every kind has in its own folder (`LANG/letters/KIND/`); `enclosures` may be left out.
    public static let required: [LetterPart] = [.subject, .body, .closing]
    /// The parts the kinds of a language share (`LANG/letters/*.mustache`); a kind's
    /// folder may hold its own.
    public static let shared: [LetterPart] = [.sender, .recipient, .signature, .emailClosing, .emailSignature]
}

/// Drafts letters of one kind in one language.
///
/// Pure: the answers, today's date and the content come in, a `Letter` comes out; no clock, file or
/// terminal.
public struct LetterDrafter: Sendable {
    public let kind: LetterKind
    public let texts: TextTable
    public let templates: TemplateLibrary
    public let rates: RateTable
    public let graph: DialogueGraph
    let composer: LetterComposer
    /// The answers the templates read as `{{answers.ID}}`: the questions of the kind's
    /// path (from its `start`, its own branches of `@kind`).
    public let answerValues: AnswerValues
    /// Whether any template reads `answers`: the value is built only then.
    let readsAnswers: Bool

    public init(kind: LetterKind, texts: TextTable, templates: TemplateLibrary, rates: RateTable, graph: DialogueGraph)
    {
        self.kind = kind
        self.texts = texts
        self.templates = templates
        self.rates = rates
        self.graph = graph
        composer = LetterComposer(texts: texts, rates: rates)
        answerValues = AnswerValues(
            questions: graph.questions(reachableFrom: kind.start, computed: ["kind": kind.id]), format: composer.format)
        readsAnswers = !Self.answerTags(templates).isEmpty
    }

    /// The tags of the kind's templates that read an answer off its path
    /// (`{{answers.ID}}` where ID is no question the kind asks): name and place.
    public func answersOffThePath() -> [(name: String, at: SourceLocation)] {
        Self.answerTags(templates).filter { !answerValues.reads(Array($0.path.dropFirst())) }.map {
            ($0.path.joined(separator: "."), $0.at)
        }
    }

    /// Every tag of `templates` whose name starts with `answers.`, with its place.
    static func answerTags(_ templates: TemplateLibrary) -> [(path: [String], at: SourceLocation)] {
        var found: [([String], SourceLocation)] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .variable(let path, _, let at):
                    if path.first == "answers", path.count > 1 { found.append((path, at)) }
                case .section(let path, let children, _, let at):
                    if path.first == "answers", path.count > 1 { found.append((path, at)) }
                    walk(children)
                case .text, .partial: break
                }
            }
        }
        for name in templates.templates.keys.sorted() { walk(templates.templates[name]?.nodes ?? []) }
        return found
    }

    /// The letter for these answers.
    ///
    /// Signs answered among them (a whole session, or an answer file for `goodbye letter`) give the
    /// decision that shapes the letter.
    public func draft(_ answers: [String: Answer], today: CivilDate) throws(DraftError) -> Letter {
        let signed = graph.signQuestions.contains { answers[$0.id] != nil }
        let decision = signed ? DecisionRule().decide(graph: graph, answers: answers) : nil
        return try draft(LetterFacts(answers: answers, today: today, decision: decision))
    }

    /// The letter for these facts, checked first: a fact that makes it false is an
    /// error (nothing drafted); a doubtful one, a warning carried by the letter.
    public func draft(_ facts: LetterFacts) throws(DraftError) -> Letter {
        let check = FactCheck(
            facts: facts, format: composer.format, rates: rates, kindWarnings: kind.warnings,
            alwaysRegistered: kind.registered, dueOnly: kind.dueOnly)
        let errors = check.errors()
        guard errors.isEmpty else { throw .facts(errors) }
        // A letter that claims what is due names only the invoices late on its date.
        let facts = kind.dueOnly ? facts.keepingLateInvoices() : facts
        // The sums owed, worked out once (the facts are valid now: no total past the
        // limit), for the letter's words, its statement and the fact checks.
        let statement = composer.statement(facts)
        do {
            var letter = try compose(facts, statement)
            letter.warnings = check.warnings(statement: statement) + Self.addressWarnings(letter.recipient)
            return letter
        } catch {
            throw .template(error)
        }
    }

    private func compose(_ facts: LetterFacts, _ statement: ArrearsStatement) throws(TemplateError) -> Letter {
        var context = composer.context(facts, statement: statement)
        // A kind always sent by registered post (a formal notice) is, whatever the answer.
        if kind.registered, case .map(var values) = context {
            values["registered"] = .bool(true)
            context = .map(values)
        }
        if let tone = kind.tone, case .map(var values) = context {
            values["tone"] = LetterComposer.tone(tone, late: true)
            context = .map(values)
        }
        if readsAnswers, case .map(var values) = context {
            values["answers"] = answerValues.value(facts.answers)
            context = .map(values)
        }
        func render(_ part: LetterPart) throws(TemplateError) -> String {
            guard templates.templates[part.rawValue] != nil else { return "" }
            return try templates.render(part.rawValue, context: context, escaping: .none, strict: true)
        }
        var letter = Letter(kind: kind.id, language: texts.language)
        letter.sender = Letter.lines(try render(.sender))
        letter.recipient = Letter.lines(try render(.recipient))
        // NF Z10-011: the last line of an address, postcode and town, in capitals.
        if !facts.text(.clientCity).isEmpty, let last = letter.recipient.indices.last {
            letter.recipient[last] = letter.recipient[last].uppercased()
        }
        letter.placeDate = composer.placeDate(facts)
        letter.runningHeader = composer.format.fill(
            TextKey.letterRunningHeader,
            [
                "addressee": .string(composer.runningAddressee(facts)),
                "date": .string(composer.format.date(facts.today)),
            ])
        letter.sendingMode = facts.flag(.registered) || kind.registered ? texts[TextKey.letterRegistered] : nil
        letter.subjectLabel = texts[TextKey.letterSubjectLabel] ?? ""
        letter.subject = Letter.lines(try render(.subject)).joined(separator: " ")
        letter.salutation = composer.format.fill(TextKey.letterSalutation, ["appel": .string(composer.appel(facts))])
        letter.salutationBeforeSubject = texts[TextKey.letterSubjectPosition] == "after_salutation"
        letter.body = Letter.blocks(try render(.body))
        letter.closing = Letter.blocks(try render(.closing))
        letter.signature = Letter.lines(try render(.signature))
        letter.enclosures = Letter.lines(try render(.enclosures))
        if !facts.invoices.isEmpty { letter.statement = statement }
        // The e-mail: the closing's last block is the formule de politesse, which an
        // e-mail replaces with its own formula (and says when the letter is also posted).
        letter.email.fromName = facts.text(.senderName)
        letter.email.fromAddress = facts.text(.senderEmail).nonEmpty
        letter.email.toName = composer.addressee(facts)
        letter.email.toAddress = facts.text(.clientEmail).nonEmpty
        letter.email.closing = letter.closing.dropLast() + Letter.blocks(try render(.emailClosing))
        letter.email.signature = Letter.lines(try render(.emailSignature))
        return letter
    }
}

extension LetterDrafter {
    /// The postal standard's limits (AFNOR NF Z10-011, as La Poste summarises it): at
    /// most 6 lines of at most 38 characters, or sorting machines and the envelope
    /// window may miss part of the address.
    static func addressWarnings(_ lines: [String]) -> [LetterWarning] {
        var warnings = lines.filter { $0.count > 38 }.map {
            // Quoted as errors quote: cut with « … » past 60 characters (a 200 000-character line).
            LetterWarning(.addressTooLong, Message(.warnAddressLine, ["text": quoted($0)]), question: .clientAddress)
        }
        if lines.count > 6 {
            warnings.append(LetterWarning(.addressTooLong, Message(.warnAddressLines), question: .clientAddress))
        }
        return warnings
    }
}

/// Why no letter came out: facts that would make it false, or a template that failed.
public enum DraftError: Error, Sendable {
    case facts([Message])
    case template(TemplateError)
}
