import DialogueCore
import LetterComposition
import LetterTemplating
import Vocabulary

/// Drafts every letter kind in every language, strictly, over the kind's sample
/// answers: a missing part is GB010, a variable the letter data never provides is
/// GB011, reported where the template uses it.
struct LetterValidation {
    let content: Content
    /// Languages whose templates do not parse: already reported, not rendered.
    var skipping: Set<String> = []

    /// 29 November 2026.
    static let today = CivilDate(firstDayOf: 11, year: 2026).adding(days: 28)

    func run() -> [Diagnostic] {
        var found: [String: Diagnostic] = [:]
        for language in content.texts.keys.sorted() where !skipping.contains(language) {
            for kind in content.kinds {
                guard let drafter = content.drafter(kind: kind, language: language) else {
                    let diagnostic = Diagnostic(
                        .letterTemplate, file: "\(language)/letters/\(kind.id)", line: 0,
                        Message(.diagKindFolderMissing, ["kind": kind.id, "language": language]))
                    found[diagnostic.description] = diagnostic
                    continue
                }
                for part in LetterPart.required where drafter.templates.templates[part.rawValue] == nil {
                    let diagnostic = Diagnostic(
                        .letterTemplate, file: "\(language)/letters/\(kind.id)/\(part.rawValue).mustache", line: 0,
                        Message(.diagPartMissing, ["name": part.rawValue, "kind": kind.id]))
                    found[diagnostic.description] = diagnostic
                }
                // The shared parts (sender, signature…): a letter without them would drop its
                // signature silently (a kind's folder may hold its own).
                for part in LetterPart.shared where drafter.templates.templates[part.rawValue] == nil {
                    let diagnostic = Diagnostic(
                        .letterTemplate, file: "\(language)/letters/\(part.rawValue).mustache", line: 0,
                        Message(.diagPartMissing, ["name": part.rawValue, "kind": kind.id]))
                    found[diagnostic.description] = diagnostic
                }
                // A kind whose first question is missing has no path to read answers on: GB019
                // says so already.
                guard content.graph.question(kind.start) != nil else { continue }
                // An answer the kind never asks would be null in every letter: said here, not by a blank.
                for (name, at) in drafter.answersOffThePath() {
                    let diagnostic = Diagnostic(
                        .letterVariable, file: "\(language)/letters/\(at.template).mustache", line: at.line,
                        column: at.column, Message(.diagAnswerOffPath, ["name": name, "kind": kind.id]))
                    found[diagnostic.description] = diagnostic
                }
                for answers in kind.samples {
                    do {
                        _ = try drafter.draft(answers, today: Self.today)
                    } catch {
                        guard case .template(let error) = error else {
                            let diagnostic = Diagnostic(
                                .letterKinds, file: KindCompiler.file, line: 0,
                                Message(.diagSampleRefused, ["kind": kind.id]))
                            found[diagnostic.description] = diagnostic
                            continue
                        }
                        let code: DiagnosticCode =
                            if case .missingPartial = error.kind { .letterTemplate } else { .letterVariable }
                        let location = error.location
                        let diagnostic = Diagnostic(
                            code, file: "\(language)/letters/\(location.template).mustache",
                            line: location.line, column: location.column, error.localized)
                        found[diagnostic.description] = diagnostic
                    }
                }
            }
        }
        return Array(found.values)
    }
}
