import ContentLoading
import DialogueCore
import LetterComposition
import LetterTemplating
import Vocabulary

/// The person's own dated rates: `--rates FILE`, else `$XDG_CONFIG_HOME/goodbye/rates.ini`
/// (`~/.config/goodbye/rates.ini`) when it exists; the format and keys of
/// `Localization/data/rates.ini`, each half-year with its source. It adds half-years or
/// takes the place of the built-in ones of the same id.
extension App {
    /// The rates file in force, if any: named, or the default one when it exists.
    func ratesFile(_ options: Options) -> String? {
        if let path = options.rates { return path }
        guard let folder = SessionStore.folder(environment, variable: "XDG_CONFIG_HOME", fallback: "/.config") else {
            return nil
        }
        let path = folder + "/goodbye/rates.ini"
        return Files.status(path) != nil ? path : nil
    }

    /// The user's table, read and checked: a problem is said with `FILE:LINE` (65).
    func userRates(_ path: String, _ texts: TextTable) throws(Failure) -> RateTable {
        let text = try Files.readText(path, limit: 4 << 20)
        let (table, diagnostics) = RateCompiler.compile(text, file: printable(path))
        guard diagnostics.isEmpty else {
            throw Failure(
                .dataError, diagnostics.map { Message(.verbatim, ["text": $0.rendered(texts)]) } + [Message(.ratesFix)])
        }
        return table
    }

    /// The content with the user's rates over its own.
    func withUserRates(_ content: Content, _ options: Options) throws(Failure) -> Content {
        guard let path = ratesFile(options) else { return content }
        var content = content
        content.rates = content.rates.overridden(by: try userRates(path, messages(options)))
        return content
    }

    /// `goodbye check --rates FILE`: the file alone, checked.
    func checkRates(_ path: String, _ options: Options) throws(Failure) {
        let texts = messages(options)
        let table = try userRates(path, texts)
        let count = table.periods.count + table.legal.count
        terminal.write(
            typography(texts.text(.ratesValid, ["path": printable(path), "count": String(count)]), texts) + "\n")
    }

    /// `goodbye rates`: the table in force, oldest first, each half-year with its figure
    /// (or « inconnu »), whether it was checked, where it comes from and its source.
    func listRates(_ options: Options) throws(Failure) {
        let texts = messages(options)
        let format = LanguageFormat(texts: texts)
        let builtIn = try loadContent(options).rates
        let file = ratesFile(options)
        let user = try file.map { path throws(Failure) in try userRates(path, texts) } ?? RateTable()
        let table = builtIn.overridden(by: user)
        let mine = Set(user.periods.map(\.id) + user.legal.map(\.id))
        func origin(_ id: String) -> String {
            mine.contains(id) ? texts.text(.ratesUser, ["file": printable(file ?? "")]) : texts.text(.ratesBuiltIn)
        }
        func checked(_ verified: Bool) -> String { texts.text(verified ? .ratesVerified : .ratesUnverified) }
        var lines = [texts.text(.ratesHeading)]
        for period in table.periods {
            let value =
                period.verified || period.ecbRate != 0
                ? format.percent(hundredths: period.ecbRate) : texts.text(.ratesUnknownFigure)
            lines.append(
                texts.text(
                    .ratesLine,
                    [
                        "id": period.id, "value": value, "detail": checked(period.verified), "kind": origin(period.id),
                        "text": period.source,
                    ]))
        }
        for period in table.legal {
            let known = period.verified || period.otherRate != 0
            let value =
                known
                ? format.percent(hundredths: period.privateRate) + " / " + format.percent(hundredths: period.otherRate)
                : texts.text(.ratesUnknownFigure)
            lines.append(
                texts.text(
                    .ratesLine,
                    [
                        "id": period.id, "value": value, "detail": checked(period.verified), "kind": origin(period.id),
                        "text": period.source,
                    ]))
        }
        terminal.write(lines.map { typography($0, texts) }.joined(separator: "\n") + "\n")
    }
}
