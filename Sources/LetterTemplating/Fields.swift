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

        mutating func intern(_ text: String) -> Int32 {
            if let id = ids[text] { return id }
            let id = Int32(texts.count)
            ids[text] = id
            texts.append(text)
            return id
        }
    }

    private static let table = Mutex(Table())

    public init(_ text: String) {
        id = Self.table.withLock { $0.intern(text) }
    }

    /// The names of `texts`, interned under one lock (a map's keys, all at once).
    static func interned(_ texts: some Sequence<String>) -> [Name] {
        table.withLock { table in texts.map { Name(id: table.intern($0)) } }
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
        self.init(pairs: elements)
    }

    public init(_ dictionary: [String: Value]) {
        self.init(pairs: dictionary.map { ($0.key, $0.value) })
    }

    /// The names interned under one lock, each entry put in its place from the end (a
    /// map's few keys: an insertion sort, no hashing, no lock per key).
    private init(pairs: [(String, Value)]) {
        let names = Name.interned(pairs.lazy.map(\.0))
        var entries: [Entry] = []
        entries.reserveCapacity(pairs.count)
        for index in pairs.indices {
            let entry = Entry(name: names[index], value: pairs[index].1)
            var position = entries.count
            while position > 0, entries[position - 1].name.id > entry.name.id { position -= 1 }
            if position > 0, entries[position - 1].name.id == entry.name.id {
                entries[position - 1] = entry  // the last value of a repeated key wins
            } else {
                entries.insert(entry, at: position)
            }
        }
        self.entries = entries
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
