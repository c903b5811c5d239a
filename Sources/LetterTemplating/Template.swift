import Synchronization

/// How interpolated values are escaped: HTML for the Mustache specification, nothing
/// for plain-text letters, Markdown punctuation for Markdown letters.
public enum Escaping: Sendable {
    case html
    case none
    case markdown

    func apply(_ text: String) -> String {
        switch self {
        case .none: return text
        case .html: return Self.replace(text, [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;")])
        case .markdown: return Self.markdownEscaped(text)
        }
    }

    private static func replace(_ text: String, _ pairs: [(Character, String)]) -> String {
        guard text.contains(where: { character in pairs.contains { $0.0 == character } }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for character in text {
            if let pair = pairs.first(where: { $0.0 == character }) {
                result += pair.1
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func markdownEscaped(_ text: String) -> String {
        let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "#", "<", ">", "|"]
        guard text.contains(where: { special.contains($0) }) else { return text }
        var result = ""
        for character in text {
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

/// A parsed template: parse once, render many times.
public struct Template: Sendable {
    public let name: String
    public let nodes: [TemplateNode]
    public let source: String
    /// The nodes with their names resolved once (interned), for the renderer.
    let program: [Instruction]

    /// Parses `source`; errors carry `name`, line and column.
    public init(_ source: String, name: String = "template") throws(TemplateError) {
        var parser = Parser(source: source, name: name)
        self.nodes = try parser.parse()
        self.name = name
        self.source = source
        program = Instruction.compile(nodes)
    }

    /// A template parsed beforehand (the built-in content, compiled when the program was
    /// built): `nodes` must be what parsing `source` gives.
    public init(name: String, nodes: [TemplateNode], source: String) {
        self.name = name
        self.nodes = nodes
        self.source = source
        program = Instruction.compile(nodes)
    }

    /// Renders with the given context.
    ///
    /// In strict mode a missing variable, section or partial is an error; otherwise it renders as
    /// nothing, as the specification says.
    public func render(
        _ context: Value, partials: [String: Template] = [:], escaping: Escaping = .html, strict: Bool = false
    ) throws(TemplateError) -> String {
        let library = TemplateLibrary(templates: partials)
        var renderer = Renderer(library: library, escaping: escaping, strict: strict)
        return try renderer.render(self, context: context)
    }

    /// The same template with `indent` put at the start of every line (standalone partials).
    func indented(_ indent: String) -> Template {
        guard !indent.isEmpty else { return self }
        var result = indent
        var characters = source[...]
        while let newline = characters.firstIndex(of: "\n") {
            result += characters[...newline]
            characters = characters[characters.index(after: newline)...]
            if !characters.isEmpty { result += indent }
        }
        result += characters
        return (try? Template(result, name: name)) ?? self
    }
}

/// A set of named templates that include each other as partials.
public final class TemplateLibrary: Sendable {
    public let templates: [String: Template]
    private let indentedCache = Mutex<[IndentedName: Template]>([:])

    private struct IndentedName: Hashable {
        var name: String
        var indent: String
    }

    public init(templates: [String: Template]) {
        self.templates = templates
    }

    /// Parses every source; the first error stops.
    public convenience init(sources: [String: String]) throws(TemplateError) {
        var templates: [String: Template] = [:]
        for (name, source) in sources { templates[name] = try Template(source, name: name) }
        self.init(templates: templates)
    }

    /// Renders the named template with the library's templates as partials.
    public func render(_ name: String, context: Value, escaping: Escaping = .none, strict: Bool = true)
        throws(TemplateError) -> String
    {
        guard let template = templates[name] else {
            throw TemplateError(
                kind: .missingPartial(name), location: SourceLocation(template: name, line: 1, column: 1))
        }
        var renderer = Renderer(library: self, escaping: escaping, strict: strict)
        return try renderer.render(template, context: context)
    }

    func partial(_ name: String, indent: String) -> Template? {
        guard let template = templates[name] else { return nil }
        guard !indent.isEmpty else { return template }
        let key = IndentedName(name: name, indent: indent)
        return indentedCache.withLock { cache in
            if let cached = cache[key] { return cached }
            let indented = template.indented(indent)
            cache[key] = indented
            return indented
        }
    }
}
