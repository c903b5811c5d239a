/// The data a template sees: a closed type, so rendering never casts `Any`.
public indirect enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([Value])
    case map(Fields)

    /// Mustache truthiness: null, false, an empty list and an empty string are false.
    public var isFalsy: Bool {
        switch self {
        case .null: return true
        case .bool(let flag): return !flag
        case .list(let items): return items.isEmpty
        case .string(let text): return text.isEmpty
        case .number, .map: return false
        }
    }

    /// The text an interpolation tag prints for this value.
    public var text: String {
        switch self {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .string(let text): return text
        case .list, .map: return ""
        }
    }

    /// The value under `key` when this value is a map.
    public subscript(key: String) -> Value? {
        if case .map(let fields) = self { return fields[key] }
        return nil
    }

    /// The value under `name` when this value is a map: no hashing.
    public subscript(name: Name) -> Value? {
        if case .map(let fields) = self { return fields[name] }
        return nil
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByIntegerLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        var fields = Fields()
        for (key, value) in elements { fields[key] = value }
        self = .map(fields)
    }
}
