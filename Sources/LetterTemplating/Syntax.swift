/// Where a tag stands in its template, for error messages (1-based).
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var template: String
    public var line: Int
    public var column: Int
    public var description: String { "\(template):\(line):\(column)" }

    public init(template: String, line: Int, column: Int) {
        self.template = template
        self.line = line
        self.column = column
    }
}

/// The syntax tree of a parsed template: one enum, no classes.
public indirect enum TemplateNode: Sendable, Equatable {
    case text(String)
    case variable(path: [String], escaped: Bool, at: SourceLocation)
    case section(path: [String], children: [TemplateNode], inverted: Bool, at: SourceLocation)
    case partial(name: String, indent: String, at: SourceLocation)
}

/// A template parse or render failure, with the template, line and column.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case unclosedTag
        case unclosedSection(String)
        case unexpectedClose(String)
        case mismatchedClose(expected: String, found: String)
        case badDelimiters
        case emptyTag
        case missingVariable(String)
        case missingPartial(String)
        case partialTooDeep(String)
        /// Sections nested deeper than `Parser.maximumDepth`.
        case sectionsTooDeep(Int)
    }
    public var kind: Kind
    public var location: SourceLocation

    public var description: String { "\(location): \(message)" }

    /// A French message that says what is wrong and how to fix it.
    public var message: String {
        switch kind {
        case .unclosedTag: return "balise non fermée : ajoutez le délimiteur de fin « }} »"
        case .unclosedSection(let name): return "section « \(name) » jamais fermée : ajoutez {{/\(name)}}"
        case .unexpectedClose(let name):
            return "fermeture {{/\(name)}} sans section ouverte : supprimez-la ou ouvrez la section"
        case .mismatchedClose(let expected, let found):
            return
                "fermeture {{/\(found)}} alors que la section ouverte est « \(expected) » : fermez d’abord {{/\(expected)}}"
        case .badDelimiters: return "changement de délimiteurs mal formé : écrivez par exemple {{=<% %>=}}"
        case .emptyTag: return "balise vide : indiquez un nom de variable"
        case .missingVariable(let name):
            return "la variable « \(name) » n’existe pas : vérifiez son nom ou fournissez-la"
        case .missingPartial(let name): return "le gabarit partiel « \(name) » est introuvable : créez \(name).mustache"
        case .partialTooDeep(let name):
            return "inclusion de « \(name) » trop profonde : un gabarit partiel s’inclut-il lui-même ?"
        case .sectionsTooDeep(let limit):
            return "sections imbriquées sur plus de \(limit) niveaux : simplifiez le gabarit"
        }
    }
}

extension Template {
    /// The first name of every variable and section the template reads, with where: what
    /// its data must provide (`goodbye check` compares it with what the program passes).
    public var names: [(name: String, at: SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .variable(let path, _, let at):
                    if let first = path.first, first != "." { found.append((first, at)) }
                case .section(let path, let children, _, let at):
                    if let first = path.first, first != "." { found.append((first, at)) }
                    walk(children)
                case .text, .partial: break
                }
            }
        }
        walk(nodes)
        return found
    }
}

/// A node as the renderer runs it: each name already interned (`Name`), a lone `.` already told
/// apart.
///
/// Built once, when the template is made.
indirect enum Instruction: Sendable {
    case text(String)
    case variable(Path, escaped: Bool, at: SourceLocation)
    case section(Path, children: [Instruction], inverted: Bool, at: SourceLocation)
    case partial(name: String, indent: String, at: SourceLocation)

    struct Path: Sendable {
        let names: [Name]
        let text: [String]
        let isDot: Bool

        init(_ path: [String]) {
            text = path
            isDot = path == ["."]
            names = isDot ? [] : path.map(Name.init)
        }
    }

    static func compile(_ nodes: [TemplateNode]) -> [Instruction] {
        nodes.map { node in
            switch node {
            case .text(let text): return .text(text)
            case .variable(let path, let escaped, let at): return .variable(Path(path), escaped: escaped, at: at)
            case .section(let path, let children, let inverted, let at):
                return .section(Path(path), children: compile(children), inverted: inverted, at: at)
            case .partial(let name, let indent, let at): return .partial(name: name, indent: indent, at: at)
            }
        }
    }
}
