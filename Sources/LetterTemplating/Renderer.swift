/// Renders a syntax tree against a stack of contexts.
struct Renderer {
    let library: TemplateLibrary
    let escaping: Escaping
    let strict: Bool
    private var stack: [Value] = []
    private var output = ""
    private var depth = 0

    init(library: TemplateLibrary, escaping: Escaping, strict: Bool) {
        self.library = library
        self.escaping = escaping
        self.strict = strict
    }

    mutating func render(_ template: Template, context: Value) throws(TemplateError) -> String {
        stack = [context]
        output = ""
        output.reserveCapacity(template.source.utf8.count * 2)
        try render(template.program)
        return output
    }

    private mutating func render(_ nodes: [Instruction]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let path, let escaped, let location):
                let text = try lookup(path, at: location)?.text ?? ""
                output += escaped ? escaping.apply(text) : text
            case .section(let path, let children, let inverted, let location):
                try renderSection(path, children, inverted: inverted, at: location)
            case .partial(let name, let indent, let location):
                try renderPartial(name, indent: indent, at: location)
            }
        }
    }

    private mutating func renderSection(
        _ path: Instruction.Path, _ children: [Instruction], inverted: Bool, at location: SourceLocation
    ) throws(TemplateError) {
        let value = try lookup(path, at: location) ?? .null
        if inverted {
            if value.isFalsy { try render(children) }
            return
        }
        guard !value.isFalsy else { return }
        if case .list(let items) = value {
            for item in items { try renderPushed(item, children) }
        } else {
            try renderPushed(value, children)
        }
    }

    private mutating func renderPushed(_ value: Value, _ children: [Instruction]) throws(TemplateError) {
        stack.append(value)
        defer { stack.removeLast() }
        try render(children)
    }

    private mutating func renderPartial(_ name: String, indent: String, at location: SourceLocation)
        throws(TemplateError)
    {
        guard let partial = library.partial(name, indent: indent) else {
            if strict { throw TemplateError(kind: .missingPartial(name), location: location) }
            return
        }
        guard depth < 64 else { throw TemplateError(kind: .partialTooDeep(name), location: location) }
        depth += 1
        defer { depth -= 1 }
        try render(partial.program)
    }

    /// Resolves a dotted name: the first part is searched from the innermost context out, the rest
    /// only inside what the first part found.
    ///
    /// Names are compared as numbers.
    private func lookup(_ path: Instruction.Path, at location: SourceLocation) throws(TemplateError) -> Value? {
        if path.isDot { return stack.last }
        let first = path.names[0]
        var found: Value?
        var index = stack.count - 1
        while index >= 0 {
            if case .map(let fields) = stack[index], let value = fields[first] {
                found = value
                break
            }
            index -= 1
        }
        if path.names.count > 1 {
            for name in path.names[1...] { found = found?[name] }
        }
        if found == nil, strict {
            throw TemplateError(kind: .missingVariable(path.text.joined(separator: ".")), location: location)
        }
        return found
    }
}
