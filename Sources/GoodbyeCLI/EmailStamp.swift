import DialogueCore

#if canImport(Glibc)
    import Glibc
#endif

/// What an e-mail draft takes from the clock and from chance: its `Date` header (the
/// letter's date, at the current local time) and a unique `Message-ID`.
enum EmailStamp {
    /// `Sun, 29 Nov 2026 14:05:09 +0100` (RFC 5322, section 3.3), always in English.
    static func date(_ day: CivilDate) -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1 January 1970 was a Thursday.
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[((day.dayNumber % 7) + 7) % 7]
        let offset = Int(parts.tm_gmtoff) / 60
        let zone = (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + two(abs(offset) % 60)
        return "\(weekday), \(two(day.day)) \(months[day.month - 1]) \(day.year) "
            + "\(two(Int(parts.tm_hour))):\(two(Int(parts.tm_min))):\(two(Int(parts.tm_sec))) \(zone)"
    }

    /// `<goodbye.1a2b…@atelier-lumen.fr>`: random, on the sender's domain if known.
    static func messageID(sender: String?) -> String {
        let domain = sender.flatMap { $0.split(separator: "@").last.map(String.init) } ?? "goodbye.invalid"
        let random =
            String(UInt64.random(in: .min ... .max), radix: 16)
            + String(UInt32(truncatingIfNeeded: time(nil)), radix: 16)
        return "<goodbye.\(random)@\(domain)>"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
