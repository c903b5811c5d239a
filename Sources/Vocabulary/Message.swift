/// A sentence for a person, named by a typed key and filled with values: the words
/// live in `Localization/LANG/messages.ini`, so a message follows the session's
/// language and a misspelt key cannot compile.
public struct Message: Sendable, Equatable, Error {
    public var key: MessageKey
    public var values: [String: String]
    /// Values that are words of the language themselves (`FICHIER` / `FILE`).
    public var parts: [String: MessageKey]
    /// A message within the message (`{{detail}}`), rendered in the same language.
    public var detail: [Message]

    public init(
        _ key: MessageKey, _ values: [String: String] = [:], parts: [String: CLIMessage] = [:], detail: Message? = nil
    ) {
        self.key = key
        self.values = values
        self.parts = parts.mapValues(\.key)
        self.detail = detail.map { [$0] } ?? []
    }

    /// A message of the program itself (the command line, sessions, files, the help).
    public init(
        _ key: CLIMessage, _ values: [String: String] = [:], parts: [String: CLIMessage] = [:], detail: Message? = nil
    ) {
        self.init(key.key, values, parts: parts, detail: detail)
    }

    /// A problem `goodbye check` or an answer file's reading finds in what it reads.
    public init(_ key: DiagnosticMessage, _ values: [String: String] = [:], detail: Message? = nil) {
        self.init(key.key, values, detail: detail)
    }

    /// An error or a warning about the letter's facts.
    public init(_ key: FactMessage, _ values: [String: String] = [:], detail: Message? = nil) {
        self.init(key.key, values, detail: detail)
    }
}

/// The key of a line of `messages.ini`, whichever part of the program owns it.
public struct MessageKey: Sendable, Hashable, RawRepresentable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Every key the program reads, of every owner: `goodbye check` requires each of
    /// them in each language's `messages.ini`.
    public static var all: [MessageKey] {
        CLIMessage.allCases.map(\.key) + DiagnosticMessage.allCases.map(\.key) + FactMessage.allCases.map(\.key)
    }
}

/// The messages one part of the program owns: typed keys of `messages.ini`.
public protocol MessageKeys: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

extension MessageKeys {
    /// The key, as a message stores it.
    public var key: MessageKey { MessageKey(rawValue: rawValue) }
}
