import DialogueCore
import LetterComposition

/// Reads `data/rates.ini`: the dated ECB rates behind the legal late-payment penalty,
/// and the recovery indemnity.
enum RateCompiler {
    static let file = "data/rates.ini"

    static func compile(_ text: String?, file: String) -> (RateTable, [Diagnostic]) {
        guard let text else {
            return (RateTable(), [Diagnostic(.rates, file: file, line: 0, Message(.diagRatesMissing, ["file": file]))])
        }
        let document = KeyValueFile(text: text, file: file)
        var diagnostics = document.diagnostics
        var table = RateTable()
        for section in document.sections {
            if section.name == "indemnity" {
                if let value = section.value("amount").flatMap(AnswerParser.parseAmount).flatMap(cents) {
                    table.indemnityCents = value
                } else {
                    diagnostics.append(Diagnostic(.rates, file: file, line: section.line,
                        Message(.diagBadIndemnity, [:])))
                }
                continue
            }
            if section.name == "recovery" {
                guard let small = section.value("small_claims").flatMap(AnswerParser.parseAmount).flatMap(cents),
                    let consumer = section.value("consumer_limitation_years").flatMap(AnswerParser.parseInteger),
                    let other = section.value("other_limitation_years").flatMap(AnswerParser.parseInteger)
                else {
                    diagnostics.append(Diagnostic(.rates, file: file, line: section.line,
                        Message(.diagRecoveryIncomplete, [:])))
                    continue
                }
                table.smallClaimCents = small
                table.consumerLimitationYears = consumer
                table.otherLimitationYears = other
                continue
            }
            if section.name.hasPrefix("legal.") {
                if let period = legalPeriod(section) {
                    table.legal.append(period)
                } else {
                    diagnostics.append(Diagnostic(.rates, file: file, line: section.line,
                        Message(.diagLegalIncomplete, ["id": section.name])))
                }
                continue
            }
            guard let from = section.value("from").flatMap(CivilDate.init(iso:)),
                let to = section.value("to").flatMap(CivilDate.init(iso:)),
                let rate = section.value("ecb_rate").flatMap(AnswerParser.parseAmount).flatMap(cents),
                let source = section.value("source"), !source.isEmpty
            else {
                diagnostics.append(Diagnostic(.rates, file: file, line: section.line,
                    Message(.diagEcbIncomplete, ["id": section.name])))
                continue
            }
            let verified = section.value("verified").map(folded) == "oui"
            table.periods.append(RateTable.Period(id: section.name, from: from, to: to, ecbRate: rate, source: source, verified: verified))
        }
        return (table, diagnostics)
    }

    private static func legalPeriod(_ section: KeyValueSection) -> RateTable.LegalPeriod? {
        guard let from = section.value("from").flatMap(CivilDate.init(iso:)),
            let to = section.value("to").flatMap(CivilDate.init(iso:)),
            let privateRate = section.value("private").flatMap(AnswerParser.parseAmount).flatMap(cents),
            let otherRate = section.value("other").flatMap(AnswerParser.parseAmount).flatMap(cents),
            let source = section.value("source"), !source.isEmpty
        else { return nil }
        return RateTable.LegalPeriod(id: section.name, from: from, to: to, privateRate: privateRate, otherRate: otherRate,
            source: source, verified: section.value("verified").map(folded) == "oui")
    }
}
