/// A ZIP archive (PKWARE APPNOTE 6.3.x, the container of Office Open XML): each file stored, with
/// its CRC-32, a local header, the central directory and its end record.
///
/// Every date is the DOS epoch, so the same letter gives the same bytes. Pure.
struct ZIPArchive {
    private(set) var entries: [(name: String, data: [UInt8])] = []

    mutating func add(_ name: String, _ data: [UInt8]) { entries.append((name, data)) }

    mutating func add(_ name: String, _ text: String) { add(name, Array(text.utf8)) }

    func bytes() -> [UInt8] {
        var output: [UInt8] = []
        var directory: [UInt8] = []
        for (name, data) in entries {
            let nameBytes = Array(name.utf8)
            let crc = Self.crc32(data)
            let offset = output.count
            // Version 2.0, flag 0x0800 (names in UTF-8), stored, time 0, date 1980-01-01.
            let common =
                Self.u16(20) + Self.u16(0x0800) + Self.u16(0) + Self.u16(0) + Self.u16(0x21)
                + Self.u32(crc) + Self.u32(UInt32(data.count)) + Self.u32(UInt32(data.count))
                + Self.u16(nameBytes.count) + Self.u16(0)
            output += Self.u32(0x0403_4B50) + common + nameBytes + data
            directory +=
                Self.u32(0x0201_4B50) + Self.u16(20) + common + Self.u16(0) + Self.u16(0) + Self.u16(0) + Self.u32(0)
                + Self.u32(UInt32(offset)) + nameBytes
        }
        let start = output.count
        output += directory
        output +=
            Self.u32(0x0605_4B50) + Self.u16(0) + Self.u16(0) + Self.u16(entries.count) + Self.u16(entries.count)
            + Self.u32(UInt32(directory.count)) + Self.u32(UInt32(start)) + Self.u16(0)
        return output
    }

    static func u16(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
    }

    static func u32(_ value: UInt32) -> [UInt8] { u16(Int(value & 0xFFFF)) + u16(Int(value >> 16)) }

    /// CRC-32 (ISO 3309, the reflected polynomial 0xEDB88320), as ZIP checks its files.
    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }
}
