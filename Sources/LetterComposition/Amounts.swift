/// Parses a canonical amount (`1250.50`) into cents.
public func cents(_ canonical: String) -> Int? {
    let parts = canonical.split(separator: ".")
    guard parts.count == 2, let units = Int(parts[0]), let fraction = Int(parts[1]) else { return nil }
    return units * 100 + fraction
}
