import Synchronization

/// A name a template reads, interned: the same text always has the same number, so a template
/// resolves its names once, when it is parsed, and rendering compares numbers instead of hashing
/// strings.
///
/// The table only grows (names come from templates and from the program's data, a few hundred at
/// most).
public struct Name: Hashable, Sendable, CustomStringConvertible {
    public let id: Int32

    private struct Table {
        var ids: [String: Int32] = [:]
        var texts: [String] = []
    }

    private static let table = Mutex(Table())

    public init(_ text: String) {
        id = Self.table.withLock { table in
            if let id = table.ids[text] { return id }
            let id = Int32(table.texts.count)
            table.ids[text] = id
            table.texts.append(text)
            return id
        }
    }

    /// The name of `text` if some data or template ever used it (no new entry).
    static func existing(_ text: String) -> Name? {
        table.withLock { $0.ids[text] }.map { Name(id: $0) }
    }

    private init(id: Int32) { self.id = id }

    public var text: String { Self.table.withLock { $0.texts[Int(id)] } }
    public var description: String { text }
}

/// The fields of a map value, kept sorted by interned name: a template's look-up is a search among
/// numbers, with no hashing.
///
/// Used like a dictionary with string keys.
public struct Fields: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    struct Entry: Sendable, Equatable {
        var name: Name
        var value: Value
    }

    private(set) var entries: [Entry] = []

    public init() {}

    /// The last value of a repeated key wins, as in a dictionary assignment.
    public init(dictionaryLiteral elements: (String, Value)...) {
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    public init(_ dictionary: [String: Value]) {
        entries.reserveCapacity(dictionary.count)
        for (key, value) in dictionary { self[key] = value }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var dictionary: [String: Value] {
        Dictionary(entries.map { ($0.name.text, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    public func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
        entries.lazy.map { (key: $0.name.text, value: $0.value) }.makeIterator()
    }

    /// Where `name` is, or where it would go.
    private func position(_ name: Name) -> (index: Int, found: Bool) {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let id = entries[middle].name.id
            if id == name.id { return (middle, true) }
            if id < name.id { low = middle + 1 } else { high = middle }
        }
        return (low, false)
    }

    public subscript(name: Name) -> Value? {
        get {
            let (index, found) = position(name)
            return found ? entries[index].value : nil
        }
        set {
            let (index, found) = position(name)
            switch (found, newValue) {
            case (true, let value?): entries[index].value = value
            case (true, nil): entries.remove(at: index)
            case (false, let value?): entries.insert(Entry(name: name, value: value), at: index)
            case (false, nil): break
            }
        }
    }

    public subscript(key: String) -> Value? {
        get { Name.existing(key).flatMap { self[$0] } }
        set { self[Name(key)] = newValue }
    }
}
