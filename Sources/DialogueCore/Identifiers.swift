/// The id of a question of `dialogue.ini` (`engagement.no_feedback`), typed: an id the
/// code names itself is spelt as a `QuestionID`, so that it stands out from text.
public struct QuestionID: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}

/// The id of a letter kind of `letters.ini` (`farewell`, `reminder`), typed.
public struct KindID: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}

extension Question {
    /// The question's id, typed.
    public var key: QuestionID { QuestionID(id) }
}
