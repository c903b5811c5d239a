import Foundation
import LetterTemplating

/// The second bench letter (issue 25), of another shape than the first.
///
/// Lists nested two deep (projects, then their invoice lines), inverted sections, two
/// partials, long free text. Its templates are `Scripts/bench/second/`; `interpolated`
/// writes the same letter by string interpolation, the reference the template engine is
/// measured against.
struct SecondLetter {
    struct Line {
        var label: String
        var amount: String
        var late: Bool
        var days: String
    }

    struct Project {
        var title: String
        var closedOn: String?
        var lines: [Line]
        var comment: String?
    }

    let sender = Strings(values: [
        "name": "Claire Martin", "business": "Atelier Lumen", "address": "12 rue des Arts", "city": "69003 Lyon",
        "siret": "123 456 789 00012",
    ])
    let client = Strings(values: [
        "civility": "Monsieur", "name": "Paul Durand", "company": "Société Dupont", "address": "5 avenue Foch",
        "city": "75008 PARIS",
    ])
    let place = "Lyon"
    let date = "29 novembre 2026"
    let appel = "Monsieur"
    let note =
        String(
            repeating: "Depuis le début de notre collaboration, j’ai eu à cœur de vous livrer un travail soigné, "
                + "dans les délais convenus, et de vous tenir informé à chaque étape. ", count: 4
        ) + "Je souhaite aujourd’hui faire le point avec vous avant la fin de ma mission."
    let projects: [Project] = [
        Project(
            title: "Refonte du site", closedOn: "30 septembre 2026",
            lines: [
                Line(label: "maquettes", amount: "1 200,00 €", late: false, days: ""),
                Line(label: "intégration", amount: "2 400,00 €", late: true, days: "45 jours"),
                Line(label: "recette", amount: "600,00 €", late: true, days: "30 jours"),
                Line(label: "formation", amount: "300,00 €", late: false, days: ""),
            ], comment: nil),
        Project(
            title: "Identité visuelle", closedOn: nil,
            lines: [
                Line(label: "logo", amount: "900,00 €", late: false, days: ""),
                Line(label: "charte graphique", amount: "1 500,00 €", late: true, days: "12 jours"),
                Line(label: "papeterie", amount: "450,00 €", late: false, days: ""),
            ], comment: "Les fichiers sources vous seront remis avec la dernière facture."),
        Project(title: "Campagne de printemps", closedOn: nil, lines: [], comment: "Le devis reste à signer."),
    ]
    let total = "4 500,00 €"
    let deadline = "15 décembre 2026"
    let enclosures = ["copies des factures", "bilan des projets"]

    /// The templates, read from `ROOT/Scripts/bench/second/`.
    static func library(root: URL) throws -> TemplateLibrary {
        var sources: [String: String] = [:]
        for name in ["letter", "header", "footer"] {
            let url = root.appendingPathComponent("Scripts/bench/second/\(name).mustache")
            sources[name] = try String(contentsOf: url, encoding: .utf8)
        }
        return try TemplateLibrary(sources: sources)
    }

    /// The letter's data as the template reads it.
    var context: Value {
        func map(_ strings: Strings) -> Value { .map(Fields(strings.values.mapValues(Value.string))) }
        let projects: [Value] = projects.map { project in
            .map([
                "title": .string(project.title), "closed": .bool(project.closedOn != nil),
                "closed_on": .string(project.closedOn ?? ""),
                "lines": .list(
                    project.lines.map {
                        .map([
                            "label": .string($0.label), "amount": .string($0.amount), "late": .bool($0.late),
                            "days": .string($0.days),
                        ])
                    }),
                "comment": project.comment.map(Value.string) ?? .null,
            ])
        }
        return .map([
            "sender": map(sender), "client": map(client), "place": .string(place), "date": .string(date),
            "appel": .string(appel), "note": .string(note), "projects": .list(projects),
            "any_late": .bool(projects.isEmpty == false), "total": .string(total), "deadline": .string(deadline),
            "enclosures": .list(enclosures.map(Value.string)),
        ])
    }

    /// The same letter, by string interpolation.
    func interpolated() -> String {
        var text =
            "\(sender["name"])\n\(sender["business"])\n\(sender["address"])\n\(sender["city"])\nSIRET : \(sender["siret"])\n"
        text += "\(client["civility"]) \(client["name"])\n"
        if !client["company"].isEmpty { text += "\(client["company"])\n" }
        text += "\(client["address"])\n\(client["city"])\n\n\(place), le \(date)\n\n"
        text += "Objet : bilan de notre collaboration et fin de mission\n\n\(appel),\n\n\(note)\n\n"
        text += "Voici, projet par projet, ce qui a été réalisé et ce qui reste à régler.\n"
        for project in projects {
            let state = project.closedOn.map { "clos le \($0)" } ?? "en cours"
            text += "\nProjet « \(project.title) » (\(state)) :\n"
            for line in project.lines {
                text += "– \(line.label) : \(line.amount)\(line.late ? ", en retard de \(line.days)" : ", réglé")\n"
            }
            if project.lines.isEmpty { text += "– aucune prestation facturée.\n" }
            if let comment = project.comment { text += "\(comment)\n" }
        }
        if projects.isEmpty { text += "\nAucun projet n’est en cours.\n" }
        text += "\n"
        text +=
            projects.isEmpty
            ? "Toutes les factures sont réglées : je vous en remercie.\n"
            : "Le montant restant dû s’élève à \(total). Je vous remercie de le régler avant le \(deadline).\n"
        text += "\nJe vous prie d’agréer, \(appel), mes salutations distinguées.\n\n\(sender["name"])\n"
        for enclosure in enclosures { text += "\nP. J. : \(enclosure)\n" }
        return text
    }
}
