/// Parses Mustache source into a syntax tree, following the Mustache specification:
/// standalone lines, set delimiters, sections, inverted sections, comments, partials.
struct Parser {
    private let bytes: [UInt8]
    private let name: String
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var position = 0
    /// Where line counting has reached: tags come in order, so each byte is counted once
    /// (the column too: 100 000 tags on one line cost as much as on 100 000 lines).
    private var counted = (offset: 0, line: 1, lineStart: 0, column: 1)
    /// Frames of open sections; the last one receives parsed nodes.
    private var frames: [Frame] = [Frame(path: [], inverted: false, location: nil)]

    private struct Frame {
        var path: [String]
        var inverted: Bool
        var location: SourceLocation?
        var nodes: [TemplateNode] = []
    }

    /// How deep sections may nest.
    ///
    /// Rendering, walking and freeing the tree recurse once per level: 12 000 levels overflowed the
    /// stack; a letter needs a handful.
    static let maximumDepth = 100

    init(source: String, name: String) {
        self.bytes = Array(source.utf8)
        self.name = name
    }

    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        while position < bytes.count {
            guard let tagStart = find(open, from: position) else {
                appendText(position, bytes.count)
                position = bytes.count
                break
            }
            try parseTag(at: tagStart)
        }
        if frames.count > 1, let frame = frames.last, let location = frame.location {
            throw TemplateError(kind: .unclosedSection(frame.path.joined(separator: ".")), location: location)
        }
        return merged(frames[0].nodes)
    }

    // MARK: tags

    private mutating func parseTag(at tagStart: Int) throws(TemplateError) {
        let location = self.location(of: tagStart)
        var cursor = tagStart + open.count
        let sigil: UInt8? = cursor < bytes.count ? bytes[cursor] : nil
        var closing = close
        switch sigil {
        case UInt8(ascii: "{"): closing = [UInt8(ascii: "}")] + close
        case UInt8(ascii: "="): closing = [UInt8(ascii: "=")] + close
        default: break
        }
        let kind = sigil.flatMap { Self.sigils.contains($0) ? $0 : nil }
        if kind != nil { cursor += 1 }
        guard let contentEnd = find(closing, from: cursor) else {
            throw TemplateError(kind: .unclosedTag, location: location)
        }
        let content = String(decoding: bytes[cursor..<contentEnd], as: UTF8.self)
            .trimmingCharacters(in: " \t\r\n")
        let tagEnd = contentEnd + closing.count
        let standalone = kind.map { Self.standaloneKinds.contains($0) } ?? false
        let span = standalone ? standaloneSpan(tagStart: tagStart, tagEnd: tagEnd) : nil
        appendText(position, span?.lineStart ?? tagStart)
        position = span?.next ?? tagEnd
        try handle(kind: kind, content: content, location: location, indent: span?.indent ?? "")
    }

    private static let sigils: Set<UInt8> = Set("{&#^/!>=".utf8)
    private static let standaloneKinds: Set<UInt8> = Set("#^/!>=".utf8)

    private mutating func handle(kind: UInt8?, content: String, location: SourceLocation, indent: String)
        throws(TemplateError)
    {
        switch kind {
        case UInt8(ascii: "!"):
            return
        case UInt8(ascii: "="):
            try setDelimiters(content, location: location)
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            guard frames.count <= Self.maximumDepth else {
                throw TemplateError(kind: .sectionsTooDeep(Self.maximumDepth), location: location)
            }
            frames.append(
                Frame(path: try path(content, location), inverted: kind == UInt8(ascii: "^"), location: location))
        case UInt8(ascii: "/"):
            try closeSection(content, location: location)
        case UInt8(ascii: ">"):
            guard !content.isEmpty else { throw TemplateError(kind: .emptyTag, location: location) }
            append(.partial(name: content, indent: indent, at: location))
        default:
            let escaped = kind == nil
            append(.variable(path: try path(content, location), escaped: escaped, at: location))
        }
    }

    private mutating func closeSection(_ content: String, location: SourceLocation) throws(TemplateError) {
        let closed = try path(content, location)
        guard frames.count > 1, let frame = frames.popLast() else {
            throw TemplateError(kind: .unexpectedClose(content), location: location)
        }
        guard frame.path == closed else {
            throw TemplateError(
                kind: .mismatchedClose(expected: frame.path.joined(separator: "."), found: content),
                location: location)
        }
        let section = TemplateNode.section(
            path: frame.path, children: merged(frame.nodes), inverted: frame.inverted,
            at: frame.location ?? location)
        append(section)
    }

    private mutating func setDelimiters(_ content: String, location: SourceLocation) throws(TemplateError) {
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
            throw TemplateError(kind: .badDelimiters, location: location)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    private func path(_ content: String, _ location: SourceLocation) throws(TemplateError) -> [String] {
        guard !content.isEmpty else { throw TemplateError(kind: .emptyTag, location: location) }
        if content == "." { return ["."] }
        return content.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: standalone lines

    /// For a tag alone on its line (only blanks around it): where the line starts, the
    /// blanks before the tag, and where parsing resumes (after the line's end).
    private func standaloneSpan(tagStart: Int, tagEnd: Int) -> (lineStart: Int, indent: String, next: Int)? {
        var lineStart = tagStart
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") {
            guard isBlank(bytes[lineStart - 1]) else { return nil }
            lineStart -= 1
        }
        var next = tagEnd
        while next < bytes.count, isBlank(bytes[next]) { next += 1 }
        if next == bytes.count {
        } else if bytes[next] == UInt8(ascii: "\n") {
            next += 1
        } else if bytes[next] == UInt8(ascii: "\r"), next + 1 < bytes.count, bytes[next + 1] == UInt8(ascii: "\n") {
            next += 2
        } else {
            return nil
        }
        let indent = String(decoding: bytes[lineStart..<tagStart], as: UTF8.self)
        return (lineStart, indent, next)
    }

    private func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    // MARK: helpers

    private mutating func append(_ node: TemplateNode) {
        frames[frames.count - 1].nodes.append(node)
    }

    private mutating func appendText(_ start: Int, _ end: Int) {
        guard start < end else { return }
        append(.text(String(decoding: bytes[start..<end], as: UTF8.self)))
    }

    /// Joins adjacent text nodes, so rendering appends fewer, longer strings.
    private func merged(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var result: [TemplateNode] = []
        for node in nodes {
            if case .text(let next) = node, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(node)
            }
        }
        return result
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    private mutating func location(of offset: Int) -> SourceLocation {
        if offset < counted.offset { counted = (0, 1, 0, 1) }
        var (line, lineStart) = (counted.line, counted.lineStart)
        for index in counted.offset..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        // Characters from where the count stopped, not from the line's start.
        let from = max(lineStart, counted.offset)
        let column =
            (lineStart > counted.offset || counted.offset == 0 ? 1 : counted.column)
            + String(decoding: bytes[from..<offset], as: UTF8.self).count
        counted = (offset, line, lineStart, column)
        return SourceLocation(template: name, line: line, column: column)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let blanks = Set(set)
        var slice = Substring(self)
        while let first = slice.first, blanks.contains(first) { slice.removeFirst() }
        while let last = slice.last, blanks.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
