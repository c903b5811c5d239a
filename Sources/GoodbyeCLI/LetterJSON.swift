import ContentLoading
import DialogueCore
import LetterComposition
import Vocabulary

/// `goodbye letter --format json`: the letter as data, for scripts and invoicing tools.
///
/// Amounts are decimal strings with a dot (`"1250.00"`), rates in percent (`"12.15"`); a figure the
/// program could not check is `null`, never a guess.
enum LetterJSON {
    static func json(_ letter: Letter, text: String, texts: TextTable) -> JSON {
        var fields: [(String, JSON)] = [
            ("kind", .string(letter.kind)),
            ("subject", .string(letter.subject)),
            ("text", .string(text)),
            (
                "warnings",
                .array(
                    letter.warnings.map {
                        .object([("code", .string($0.code.rawValue)), ("message", .string(texts.render($0.message)))])
                    })
            ),
        ]
        let statement = letter.statement ?? ArrearsStatement(items: [])
        fields.append(("invoices", .array(statement.items.map(invoice))))
        fields.append(("totals", totals(statement)))
        return .object(fields)
    }

    private static func totals(_ statement: ArrearsStatement) -> JSON {
        let penalties: JSON = statement.interestCents.map { .string(decimal($0)) } ?? .null
        let total: JSON = statement.totalCents.map { .string(decimal($0)) } ?? .null
        return .object([
            ("principal", .string(decimal(statement.principalCents))), ("penalties", penalties),
            ("indemnities", .string(decimal(statement.indemnityCents))), ("total", total),
        ])
    }

    private static func invoice(_ item: InvoiceArrears) -> JSON {
        let rate: JSON = item.rate.map { .string(decimal($0)) } ?? .null
        let penalty: JSON = item.interestCents.map { .string(decimal($0)) } ?? .null
        let periods: [JSON] = item.parts.map(period)
        return .object([
            ("number", .string(item.invoice.number)),
            ("date", .string(item.invoice.date.iso)),
            ("due", .string(item.invoice.due.iso)),
            ("amount", .string(decimal(item.invoice.cents))),
            ("days_late", .number(item.daysLate)),
            ("rate", rate), ("penalty", penalty),
            ("indemnity", .string(decimal(item.indemnityCents))),
            ("periods", .array(periods)),
        ])
    }

    private static func period(_ part: InvoiceArrears.Part) -> JSON {
        let rate: JSON = part.rate.map { .string(decimal($0)) } ?? .null
        return .object([
            ("from", .string(part.from.iso)), ("to", .string(part.to.iso)), ("days", .number(part.days)),
            ("rate", rate),
        ])
    }

    /// 125000 → "1250.00": hundredths written with a dot.
    static func decimal(_ hundredths: Int) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let value = abs(hundredths)
        let fraction = value % 100
        return sign + String(value / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
