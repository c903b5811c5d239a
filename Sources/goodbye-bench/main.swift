// In-process benchmark: letters per second from the template engine against a plain
// Swift function that writes the same letter by string interpolation (the limit).
// Run by Scripts/bench.sh, in release mode.
import ContentLoading
import DialogueCore
import Foundation
import LetterComposition
import LetterTemplating
import Vocabulary

/// Strings by name; a name missing reads as empty (the bench compares the two letters).
struct Strings {
    var values: [String: String] = [:]

    subscript(name: String) -> String {
        get { values[name] ?? "" }
        set { values[name] = newValue }
    }

    mutating func merge(_ other: Strings, prefix: String) {
        for (name, value) in other.values { values[prefix + name] = value }
    }
}

/// The letter's data, typed, for the plain version.
struct Plain {
    var sender = Strings()
    var client = Strings()
    var strings = Strings()
    var invoices: [Strings] = []

    init(_ context: Value) {
        func strings(_ value: Value?) -> Strings {
            guard case .map(let fields)? = value else { return Strings() }
            return Strings(
                values: fields.dictionary.compactMapValues {
                    if case .string(let text) = $0 { return text } else { return nil }
                })
        }
        sender = strings(context["sender"])
        client = strings(context["client"])
        self.strings = strings(context)
        self.strings.merge(strings(context["contract"]), prefix: "contract.")
        self.strings.merge(strings(context["invoices"]), prefix: "invoices.")
        if case .list(let items)? = context["invoices"]?["items"] { invoices = items.map { strings($0) } }
    }

    /// The same letter as the template writes for this situation (firm, a business,
    /// open-ended contract with its clause, several invoices, personal data).
    func letter() -> String {
        var text =
            "\(sender["signed_name"])\n\(sender["business"])\n\(sender["address"])\n\(sender["city"])\nSIRET\u{A0}: \(sender["siret"])\n\(sender["email"])\n\n"
        text +=
            "\(client["company"])\n\(client["attention"])\n\(client["address"])\n\(client["city"].uppercased())\n\n"
        text += "\(strings["place_date"])\n\nLettre recommandée avec avis de réception\n\n"
        text +=
            "Objet\u{A0}: fin de notre collaboration et factures impayées – contrat du \(strings["contract.date"])\n\n\(strings["appel"]),\n\n"
        text +=
            "Je vous informe par la présente de ma décision de mettre fin à notre collaboration, engagée par notre contrat du \(strings["contract.date"]). Conformément à l’article \(strings["contract.clause"]) de notre contrat, qui prévoit un préavis \(strings["contract.notice"]), celle-ci prendra fin le \(strings["end_date"]), le préavis courant à compter de la réception de la présente (si la présente vous parvient après le \(strings["contract.assumed_receipt"]), \(strings["contract.notice_span"]) après sa réception).\n\n"
        text +=
            "D’ici la fin de notre collaboration, je vous remettrai les livrables déjà réglés, ainsi que les fichiers, les accès et la documentation qui s’y rapportent.\n\n"
        text +=
            "Les données personnelles que je traite pour votre compte vous seront restituées ou seront supprimées à la fin de notre collaboration, selon votre choix\u{A0}: je vous remercie de me l’indiquer.\n\n"
        text += "Par ailleurs, les factures suivantes restent à régler\u{A0}:\n"
        for (index, invoice) in invoices.enumerated() {
            let end = index == invoices.count - 1 ? "." : "\u{202F};"
            text +=
                "–\u{A0}facture n°\u{A0}\(invoice["number"]) du \(invoice["date"]), échue le \(invoice["due"])\u{A0}: \(invoice["amount"])\(end)\n"
        }
        text += "Le montant total restant dû s’élève à \(strings["invoices.total"]).\n\n"
        text +=
            "Je vous demande de régler ce montant dans un délai de \(strings["invoices.pay_days"]) à compter de la réception de la présente, soit au plus tard le \(strings["invoices.deadline"]). La présente vaut mise en demeure de payer.\n\n"
        text +=
            "Je vous rappelle que, conformément à l’article L.\u{A0}441-10 du Code de commerce, tout retard de paiement entraîne de plein droit, sans qu’un rappel soit nécessaire, des pénalités de retard au taux prévu par cet article à défaut de taux fixé par notre contrat (taux de refinancement de la Banque centrale européenne majoré de dix points), ainsi qu’une indemnité forfaitaire pour frais de recouvrement de \(strings["invoices.indemnity"]) par facture en retard, soit \(strings["invoices.indemnity_total"]) au total.\n\n"
        text +=
            "À défaut de règlement à cette date, j’engagerai les démarches nécessaires au recouvrement de cette créance.\n\n"
        text += "Je reste à votre disposition pour toute question relative à la fin de notre collaboration.\n\n"
        text +=
            "Veuillez agréer, \(strings["closing_appel"]), mes salutations.\n\n\(sender["name"])\n\nP. J.\u{A0}: copies des factures\n"
        return text
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Stops the bench, saying why.
func fail(_ message: String) -> Never {
    print("bench: " + message)
    exit(1)
}

let arguments = CommandLine.arguments
let root = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : ".")
// `goodbye-bench ROOT plain-files N DIR`: the reference for batch letters, the same
// letters for clients "Société Dupont 0" to N-1, written by plain interpolation, one
// file each, the way a Swift programmer would.
let plainFiles = arguments.count > 4 && arguments[2] == "plain-files"
let count = plainFiles ? Int(arguments[3]) ?? 10000 : arguments.count > 2 ? Int(arguments[2]) ?? 20000 : 20000
let content = try ContentLoader.load(from: root.appendingPathComponent("Localization"))
guard let texts = content.texts["fr"] else { fail("Localization/ has no French texts") }
let answerText = try String(contentsOf: root.appendingPathComponent("Scripts/bench/letter.answers"), encoding: .utf8)
let answers = AnswerFile(
    text: answerText, file: "letter.answers", graph: content.graph, parser: content.parser(for: "fr"),
    texts: texts
).answers
let composer = LetterComposer(texts: texts, rates: content.rates)
let facts = LetterFacts(answers: answers, today: CivilDate(firstDayOf: 11, year: 2026).adding(days: 28), decision: nil)
let context = composer.context(facts)
guard let kind = content.kind(LetterKind.defaultId), let drafter = content.drafter(kind: kind, language: "fr") else {
    fail("no French farewell letter")
}
let label = composer.format
let writer = TextLetterWriter { label.fill(TextKey.formatLabel, ["label": .string($0), "text": .string($1)]) }
let plain = Plain(context)
let fromTemplate = writer.write(try drafter.draft(facts))
guard fromTemplate == plain.letter() else {
    print("bench: the plain letter differs from the template's:\n\(plain.letter())\n---\n\(fromTemplate)")
    exit(1)
}
if plainFiles {
    var row = plain
    for index in 0..<count {
        row.client["company"] = "Société Dupont \(index)"
        try row.letter().write(
            toFile: arguments[4] + "/societe-dupont-\(index).txt", atomically: false, encoding: .utf8)
    }
    exit(0)
}
// Two figures against the same reference: the template engine alone (every part of the
// letter rendered from its prepared data), and the whole drafting (answers checked, data
// prepared with its dates and amounts formatted, parts rendered, laid out, written).
let parts = ([.sender, .recipient, .subject, .body, .closing, .signature, .enclosures] as [LetterPart]).map(\.rawValue)
let engineText = try parts.map { try drafter.templates.render($0, context: context, escaping: .none, strict: true) }
    .joined()
guard engineText.utf8.count > plain.letter().utf8.count / 2 else {
    print("bench: the parts rendered are too short")
    exit(1)
}
// The second bench letter, of another shape: the template's letter must be the
// interpolated one.
let second = SecondLetter()
let secondLibrary = try SecondLetter.library(root: root)
let secondContext = second.context
let secondText = try secondLibrary.render("letter", context: secondContext, escaping: .none, strict: true)
guard secondText == second.interpolated() else {
    fail("the second letter's interpolation differs from its template's:\n\(second.interpolated())\n---\n\(secondText)")
}
// `goodbye-bench ROOT N engine|draft|plain|second-engine|second-plain`: one alone, for a
// profiler or an instruction count (valgrind --tool=callgrind), steadier than time on a
// busy machine.
if arguments.count > 3 {
    var sink = 0
    for _ in 0..<count {
        switch arguments[3] {
        case "engine":
            for part in parts {
                sink &+= try drafter.templates.render(part, context: context, escaping: .none, strict: true).utf8.count
            }
        case "draft": sink &+= writer.write(try drafter.draft(facts)).utf8.count
        case "second-engine":
            sink &+= try secondLibrary.render("letter", context: secondContext, escaping: .none, strict: true).utf8
                .count
        case "second-plain": sink &+= second.interpolated().utf8.count
        default: sink &+= plain.letter().utf8.count
        }
    }
    print(sink)
    exit(0)
}
var engineMedians: [Double] = []
var medians: [Double] = []
var plainMedians: [Double] = []
var secondMedians: [Double] = []
var secondPlainMedians: [Double] = []
for _ in 0..<9 {
    var sink = 0
    engineMedians.append(
        try seconds {
            for _ in 0..<count {
                for part in parts {
                    sink &+= try drafter.templates.render(part, context: context, escaping: .none, strict: true).utf8
                        .count
                }
            }
        })
    medians.append(try seconds { for _ in 0..<count { sink &+= writer.write(try drafter.draft(facts)).utf8.count } })
    plainMedians.append(seconds { for _ in 0..<count { sink &+= plain.letter().utf8.count } })
    secondMedians.append(
        try seconds {
            for _ in 0..<count {
                sink &+= try secondLibrary.render("letter", context: secondContext, escaping: .none, strict: true).utf8
                    .count
            }
        })
    secondPlainMedians.append(seconds { for _ in 0..<count { sink &+= second.interpolated().utf8.count } })
    if sink == 42 { print(sink) }
}
let engine = engineMedians.sorted()[4]
let template = medians.sorted()[4]
let interpolation = plainMedians.sorted()[4]
print(
    String(
        format: "template engine, letters/s   engine %.0f   interpolation %.0f   ratio %.2f  (target 2)",
        Double(count) / engine, Double(count) / interpolation, engine / interpolation))
print(
    String(
        format: "whole drafting, letters/s    drafted %.0f   interpolation %.0f   ratio %.2f",
        Double(count) / template, Double(count) / interpolation, template / interpolation))
print(
    String(
        format: "second letter engine, l/s    engine %.0f   interpolation %.0f   ratio %.2f",
        Double(count) / secondMedians.sorted()[4], Double(count) / secondPlainMedians.sorted()[4],
        secondMedians.sorted()[4] / secondPlainMedians.sorted()[4]))
