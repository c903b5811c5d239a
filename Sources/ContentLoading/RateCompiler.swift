import DialogueCore
import LetterComposition
import Vocabulary

/// Reads `data/rates.ini`: the dated ECB rates behind the legal late-payment penalty,
/// and the recovery indemnity.
public enum RateCompiler {
    static let file = "data/rates.ini"

    public static func compile(_ text: String?, file: String) -> (RateTable, [Diagnostic]) {
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
                    diagnostics.append(
                        Diagnostic(
                            .rates, file: file, line: section.line,
                            Message(.diagBadIndemnity, [:])))
                }
                continue
            }
            if section.name == "recovery" {
                guard let small = section.value("small_claims").flatMap(AnswerParser.parseAmount).flatMap(cents),
                    let consumer = section.value("consumer_limitation_years").flatMap(AnswerParser.parseInteger),
                    let other = section.value("other_limitation_years").flatMap(AnswerParser.parseInteger)
                else {
                    diagnostics.append(
                        Diagnostic(
                            .rates, file: file, line: section.line,
                            Message(.diagRecoveryIncomplete, [:])))
                    continue
                }
                table.smallClaimCents = small
                table.consumerLimitationYears = consumer
                table.otherLimitationYears = other
                if let years = section.value("public_limitation_years").flatMap(AnswerParser.parseInteger) {
                    table.publicLimitationYears = years
                }
                continue
            }
            if section.name.hasPrefix("legal.") {
                if let period = legalPeriod(section) {
                    table.legal.append(period)
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .rates, file: file, line: section.line,
                            Message(.diagLegalIncomplete, ["id": section.name])))
                }
                continue
            }
            let verified = section.value("verified").map(folded) == "oui"
            guard let from = section.value("from").flatMap(CivilDate.init(iso:)),
                let to = section.value("to").flatMap(CivilDate.init(iso:)),
                let rate = figure(section, "ecb_rate", verified: verified),
                let source = section.value("source"), !source.isEmpty
            else {
                diagnostics.append(
                    Diagnostic(
                        .rates, file: file, line: section.line,
                        Message(.diagEcbIncomplete, ["id": section.name])))
                continue
            }
            table.periods.append(
                RateTable.Period(
                    id: section.name, from: from, to: to, ecbRate: rate, source: source, verified: verified))
        }
        return (table, diagnostics)
    }

    private static func legalPeriod(_ section: KeyValueSection) -> RateTable.LegalPeriod? {
        let verified = section.value("verified").map(folded) == "oui"
        guard let from = section.value("from").flatMap(CivilDate.init(iso:)),
            let to = section.value("to").flatMap(CivilDate.init(iso:)),
            let privateRate = figure(section, "private", verified: verified),
            let otherRate = figure(section, "other", verified: verified),
            let source = section.value("source"), !source.isEmpty
        else { return nil }
        return RateTable.LegalPeriod(
            id: section.name, from: from, to: to, privateRate: privateRate, otherRate: otherRate,
            source: source, verified: verified)
    }

    /// A rate in hundredths of a percent.
    ///
    /// A figure not known yet is left empty, never written `0,00`: allowed only when the period
    /// says `verified = non` (never printed).
    private static func figure(_ section: KeyValueSection, _ key: String, verified: Bool) -> Int? {
        let value = section.value(key)?.trimmed ?? ""
        if value.isEmpty { return verified ? nil : 0 }
        return AnswerParser.parseAmount(value).flatMap(cents)
    }
}
