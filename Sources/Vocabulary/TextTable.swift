/// One language's text: keys (`question.id.prompt`, `ui.rejected.date`...) to strings.
///
/// The engine hands out ids; the shell looks their text up here.
public struct TextTable: Sendable, Equatable {
    public var language: String
    public var values: [String: String]
    /// Where each key is written, for diagnostics: file, line, column.
    public var locations: [String: TextLocation]

    public init(language: String, values: [String: String] = [:], locations: [String: TextLocation] = [:]) {
        self.language = language
        self.values = values
        self.locations = locations
    }

    public subscript(key: String) -> String? { values[key] }

    /// Adds the keys of `other` (a language's messages beside its texts); a key both
    /// define keeps this table's text.
    public mutating func merge(_ other: TextTable) {
        values.merge(other.values) { mine, _ in mine }
        locations.merge(other.locations) { mine, _ in mine }
    }

    /// The text of `key`, or the key itself so that a gap shows instead of crashing
    /// (`goodbye check` reports missing keys before a user can meet one).
    public func text(_ key: String) -> String { values[key] ?? key }

    /// Comma-separated list under `key`, trimmed.
    public func list(_ key: String) -> [String] {
        (values[key] ?? "").split(separator: ",").map(\.trimmed)
            .filter { !$0.isEmpty }
    }
}

/// Where a text key is written.
public struct TextLocation: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}
