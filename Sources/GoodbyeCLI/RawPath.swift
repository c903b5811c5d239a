#if canImport(Glibc)
    import Glibc
#endif

/// File names are bytes, not always UTF-8 (a name from an old archive, another encoding).
///
/// A byte that is not part of valid UTF-8 is kept, in the program's strings, as a private-use
/// character U+F780 + (byte - 0x80), and given back as that byte to the file system: the file used
/// is the file named. Shown in messages as `\xE9`.
public enum RawPath {
    static let base: UInt32 = 0xF700

    /// The command-line arguments (without the program's name), bytes kept.
    public static func arguments() -> [String] {
        (1..<Int(CommandLine.argc)).compactMap { index in
            CommandLine.unsafeArgv[index].map {
                decode(
                    Array(
                        UnsafeBufferPointer(
                            start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))))
            }
        }
    }

    /// Valid UTF-8 as text; each other byte as U+F780…U+F7FF.
    static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length =
                lead < 0x80
                ? 1
                : (0xC2...0xDF).contains(lead)
                    ? 2 : (0xE0...0xEF).contains(lead) ? 3 : (0xF0...0xF4).contains(lead) ? 4 : 0
            if length > 0, index + length <= bytes.count,
                let text = String(validating: bytes[index..<index + length], as: UTF8.self),
                let scalar = text.unicodeScalars.first
            {
                scalars.append(scalar)
                index += length
            } else {
                // base + a byte is in the private use area: always a scalar.
                scalars.append(Unicode.Scalar(base + UInt32(lead)) ?? "\u{FFFD}")
                index += 1
            }
        }
        return String(scalars)
    }

    /// The bytes of `path` for the file system, with a terminating NUL.
    static func bytes(_ path: String) -> [CChar] {
        var result: [CChar] = []
        result.reserveCapacity(path.utf8.count + 1)
        for scalar in path.unicodeScalars {
            if (base + 0x80...base + 0xFF).contains(scalar.value) {
                result.append(CChar(bitPattern: UInt8(scalar.value - base)))
            } else {
                result += String(scalar).utf8.map { CChar(bitPattern: $0) }
            }
        }
        return result + [0]
    }
}

/// Runs `body` with the file-system bytes of `path`.
func withPath<T>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
    let bytes = RawPath.bytes(path)
    return try body(bytes)
}
