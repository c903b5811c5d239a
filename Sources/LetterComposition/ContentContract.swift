import DialogueCore
import Vocabulary

/// What the letter code relies on in `dialogue.ini`, declared once: the ids it reads, their types
/// and, for choices, the values it tells apart.
///
/// `goodbye check` reports a content that breaks it (GB018), so renaming `particulier` cannot
/// silently change a letter.
public protocol ContentChoice: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The question whose answer this is.
    static var question: LetterQuestion { get }
}

/// The tone of a letter (`letter.tone`).
public enum Tone: String, ContentChoice {
    case cordial
    case neutral = "neutre"
    case firm = "ferme"
    public static let question = LetterQuestion.tone
}

/// Who the client is (`client.kind`): a business (L. 441-10 penalties, 40 €), a
/// consumer protected by the Code de la consommation (neither), or a public buyer
/// (intérêts moratoires of the Code de la commande publique, 40 €).
public enum ClientKind: String, ContentChoice {
    case business = "entreprise"
    case consumer = "particulier"
    case publicBuyer = "public"
    public static let question = LetterQuestion.clientKind
}

/// The sender's legal form (`sender.legal_form`): an entrepreneur individuel writes
/// "EI" beside the name (décret n° 2022-725).
public enum LegalForm: String, ContentChoice {
    case individual = "ei"
    case company = "societe"
    case other = "autre"
    public static let question = LetterQuestion.senderLegalForm
}

/// The contract's duration (`letter.contract`): open-ended, or up to a term.
public enum ContractDuration: String, ContentChoice {
    case indefinite = "indeterminee"
    case fixed = "determinee"
    public static let question = LetterQuestion.contract
}

/// How the client is addressed (`client.civility`).
public enum Civility: String, ContentChoice {
    case madame, monsieur
    case noTitle = "sans_titre"
    case unknown = "inconnu"
    case organisation
    public static let question = LetterQuestion.civility
    /// The civilities that name one person.
    public var namesPerson: Bool { [.madame, .monsieur, .noTitle].contains(self) }
}

/// The sender's gender, for agreements (`heureuse`, `heureux`) or epicene wording.
public enum SenderGender: String, ContentChoice {
    case neutral = "neutre"
    case feminine = "feminin"
    case masculine = "masculin"
    public static let question = LetterQuestion.senderGender
}

/// Every question the letter code reads, with the type it expects.
public enum LetterQuestion: String, CaseIterable, Sendable {
    case senderName = "sender.name"
    case senderBusiness = "sender.business"
    case senderAddress = "sender.address"
    case senderCity = "sender.city"
    case senderSiret = "sender.siret"
    case senderEmail = "sender.email"
    case senderGender = "sender.gender"
    case senderLegalForm = "sender.legal_form"
    case senderCompany = "sender.company"
    case companyForm = "sender.company_form"
    case capital = "sender.capital"
    case rcs = "sender.rcs"
    case senderFunction = "sender.function"
    case clientKind = "client.kind"
    case company = "client.company"
    case civility = "client.civility"
    case clientName = "client.name"
    case clientAddress = "client.address"
    case clientCity = "client.city"
    case clientEmail = "client.email"
    case mediator = "client.mediator"
    case contractDate = "letter.contract_date"
    case contract = "letter.contract"
    case noticeDays = "letter.notice_days"
    case noticeClause = "letter.notice_clause"
    case endDate = "letter.end_date"
    case termDate = "letter.term_date"
    case registered = "letter.registered"
    case handover = "letter.handover"
    case personalData = "letter.personal_data"
    case unpaid = "letter.unpaid"
    case invoices = "letter.invoices"
    case penaltyRate = "letter.penalty_rate"
    case payDays = "letter.pay_days"
    case tone = "letter.tone"
    case mentionReasons = "letter.mention_reasons"
    case talkWhen = "talk.when"
    /// Where recovery stands: its values are the recovery kinds' ids (letters.ini).
    case dunningStep = "dunning.step"
    case reminderDate = "dunning.reminder_date"
    case finalReminderDate = "dunning.final_date"
    case noticeDate = "dunning.notice_date"

    public var type: QuestionType {
        switch self {
        case .senderName, .senderBusiness, .senderAddress, .senderCity, .company, .clientName,
            .clientAddress, .clientCity, .noticeClause, .talkWhen, .mediator, .senderCompany, .companyForm, .rcs,
            .senderFunction:
            return .text
        case .capital: return .amount
        case .senderEmail, .clientEmail: return .email
        case .senderSiret: return .siret
        case .senderGender, .senderLegalForm, .clientKind, .civility, .contract, .tone, .dunningStep: return .choice
        case .contractDate, .endDate, .termDate, .reminderDate, .finalReminderDate, .noticeDate: return .date
        case .noticeDays: return .duration
        case .payDays: return .integer
        case .registered, .handover, .personalData, .unpaid, .mentionReasons: return .yesNo
        case .invoices: return .list
        case .penaltyRate: return .percent
        }
    }

    /// The choice values the code tells apart, for a choice question.
    public var choices: [String]? {
        switch self {
        case .senderGender: return SenderGender.allCases.map(\.rawValue)
        case .senderLegalForm: return LegalForm.allCases.map(\.rawValue)
        case .clientKind: return ClientKind.allCases.map(\.rawValue)
        case .civility: return Civility.allCases.map(\.rawValue)
        case .contract: return ContractDuration.allCases.map(\.rawValue)
        case .tone: return Tone.allCases.map(\.rawValue)
        default: return nil
        }
    }

    /// The item fields of a list question: an invoice is number, date, amount, due date,
    /// and what remains due when it is part paid (optional).
    public var fields: [FieldType]? { self == .invoices ? [.text, .date, .amount, .date, .amount] : nil }
    /// How many of `fields` every item gives.
    public var requiredFields: Int? { self == .invoices ? 4 : nil }

    /// The question's id, typed.
    public var key: QuestionID { QuestionID(rawValue) }
}

/// Where `graph` breaks what the letter code relies on: one sentence per problem,
/// with the question id it concerns.
public func contentContractProblems(_ graph: DialogueGraph) -> [(id: String, problem: Message)] {
    var problems: [(String, Message)] = []
    for expected in LetterQuestion.allCases {
        guard let question = graph.question(expected.rawValue) else {
            problems.append((expected.rawValue, Message(.diagContractMissing, ["id": expected.rawValue])))
            continue
        }
        if question.type != expected.type {
            problems.append(
                (
                    expected.rawValue,
                    Message(
                        .diagContractType,
                        ["id": expected.rawValue, "type": expected.type.rawValue, "found": question.type.rawValue])
                ))
        }
        if let choices = expected.choices, Set(question.choices) != Set(choices) {
            problems.append(
                (
                    expected.rawValue,
                    Message(
                        .diagContractChoices, ["id": expected.rawValue, "accepted": choices.joined(separator: ", ")])
                ))
        }
        if let fields = expected.fields, question.fields != fields || question.requiredFields != expected.requiredFields
        {
            problems.append(
                (
                    expected.rawValue,
                    Message(
                        .diagContractFields,
                        ["id": expected.rawValue, "accepted": fields.map(\.rawValue).joined(separator: ", ")])
                ))
        }
    }
    return problems
}

/// A key of the letter's wording in `texts.ini`, named from the letter's facts
/// (`letter.appel.madame`, `letter.step.notice`): spelt here only, read by the composer
/// and required by `goodbye check` (`all`).
public enum LetterTextKey: Sendable, Hashable {
    /// The appel for a civility (`Madame,`).
    case appel(Civility)
    /// The cordial appel (`Chère Madame,`), for the civilities that have one.
    case cordialAppel(Civility)
    /// The cordial appel inside the closing sentence (`chère Madame`).
    case cordialAppelInline(Civility)
    /// The closing's appel for a person named without a title (empty in French).
    case untitledAppelInline
    /// The title before a person's name in the address (`Madame`).
    case title(Civility)
    /// A sole trader's name with its mention (`Claire Martin EI`).
    case individualName
    /// A step of recovery already taken (`reminder`, `final`, `notice`), with its date.
    case step(String)
    /// The one sentence about why: a reason's id, `several` or `general`.
    case reason(String)
    /// What to raise in a talk message, for a reason.
    case topic(String)

    /// The steps of recovery a letter may name.
    public static let steps = ["reminder", "final", "notice"]

    public var rawValue: String {
        switch self {
        case .appel(let civility): return "letter.appel.\(civility.rawValue)"
        case .cordialAppel(let civility): return "letter.appel.cordial_\(civility.rawValue)"
        case .cordialAppelInline(let civility): return "letter.appel.cordial_\(civility.rawValue)_inline"
        case .untitledAppelInline: return "letter.appel.sans_titre_inline"
        case .title(let civility): return "letter.title.\(civility.rawValue)"
        case .individualName: return "letter.individual_name"
        case .step(let name): return "letter.step." + name
        case .reason(let key): return "letter.reason." + key
        case .topic(let reason): return "letter.topic." + reason
        }
    }

    /// Every key a language must give.
    public static var all: [LetterTextKey] {
        Civility.allCases.map(LetterTextKey.appel)
            + [Civility.madame, .monsieur].flatMap { [LetterTextKey.cordialAppel($0), .cordialAppelInline($0)] }
            + Civility.allCases.filter(\.namesPerson).map(LetterTextKey.title)
            + [.untitledAppelInline, .individualName]
            + steps.map(LetterTextKey.step)
            + (DecisionRule.reasonIds + ["several", "general"]).map(LetterTextKey.reason)
            + DecisionRule.reasonIds.map(LetterTextKey.topic)
    }
}
