import DialogueCore
import LetterComposition
import LetterTemplating

/// Renders each language's letter, strictly, over representative situations: a
/// variable the letter data never provides is reported where the template uses it.
struct LetterValidation {
    let content: Content
    /// Languages whose templates do not parse: already reported, not rendered.
    var skipping: Set<String> = []

    /// Answers that exercise every branch of the templates.
    static func sampleAnswers() -> [[String: Answer]] {
        var samples: [[String: Answer]] = []
        for tone in ["cordial", "neutre", "ferme"] {
            for (civility, kind) in [("madame", "entreprise"), ("sans_titre", "particulier"), ("inconnu", "entreprise")] {
                for contract in ["indeterminee", "determinee"] {
                    for invoices in [0, 1, 2] {
                        var answers: [String: Answer] = [
                            "sender.name": Answer("Claire Martin"), "sender.city": Answer("69003 Lyon"),
                            "sender.business": Answer("Atelier"), "sender.address": Answer("1 rue"),
                            "sender.siret": Answer("1"), "sender.email": Answer("a@b.fr"),
                            "client.kind": Answer(kind), "client.civility": Answer(civility),
                            "client.name": Answer("Camille Durand"), "client.company": Answer("Société"),
                            "client.address": Answer("2 rue"), "client.city": Answer("75001 Paris"),
                            "letter.contract": Answer(contract), "letter.contract_date": Answer("2025-03-01"),
                            "letter.term_date": Answer("2027-01-31"), "letter.notice_clause": Answer(invoices == 1 ? "8" : ""),
                            "letter.registered": Answer(YesNo.yes), "letter.handover": Answer(YesNo.yes),
                            "letter.personal_data": Answer(YesNo.yes), "letter.tone": Answer(tone),
                            "letter.mention_reasons": Answer(YesNo.yes), "letter.penalty_rate": Answer(invoices == 2 ? "10.00" : ""),
                            "letter.unpaid": Answer(invoices > 0 ? YesNo.yes : YesNo.no),
                        ]
                        let items = ["F1;2026-09-01;100.00;2026-10-01", "F2;2026-09-15;200.50;2026-10-15"]
                        answers["letter.invoices"] = Answer(items: Array(items.prefix(invoices)))
                        samples.append(answers)
                    }
                }
            }
        }
        return samples
    }

    func run() -> [Diagnostic] {
        var found: [String: Diagnostic] = [:]
        let today = CivilDate(year: 2026, month: 11, day: 29)!
        for (language, table) in content.texts.sorted(by: { $0.key < $1.key }) where !skipping.contains(language) {
            guard let library = content.letters[language] else {
                return [Diagnostic("GB010", file: "\(language)/letters/letter.mustache", line: 0,
                    "lettre introuvable en « \(language) » : créez \(language)/letters/letter.mustache")]
            }
            let composer = LetterComposer(texts: table, rates: content.rates)
            for answers in Self.sampleAnswers() {
                let facts = LetterFacts(answers: answers, today: today, decision: nil)
                do {
                    _ = try library.render("letter", context: composer.context(facts), escaping: .none, strict: true)
                } catch {
                    let code = error.kind == .missingPartial("letter") ? "GB010" : "GB011"
                    let location = error.location
                    let diagnostic = Diagnostic(code, file: "\(language)/letters/\(location.template).mustache",
                        line: location.line, column: location.column, error.message)
                    found[diagnostic.description] = diagnostic
                }
            }
        }
        return Array(found.values)
    }
}
