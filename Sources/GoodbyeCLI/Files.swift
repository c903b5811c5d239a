import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reading inputs and writing outputs, with the contract's exit codes.
enum Files {
    /// The text of an input file; 66 when missing or unreadable, 65 when not UTF-8.
    static func readText(_ path: String, what: String) throws(Failure) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(.noInput, "\(what) « \(path) » introuvable : vérifiez le chemin")
        }
        guard !isDirectory.boolValue else {
            throw Failure(.noInput, "« \(path) » est un dossier : indiquez un fichier")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(.noInput, "impossible de lire « \(path) » : vérifiez ses droits de lecture")
        }
        return try decode(data, name: path)
    }

    /// UTF-8 text, or a 65 that names the first bad line.
    static func decode(_ data: Data, name: String) throws(Failure) -> String {
        if let text = String(data: data, encoding: .utf8), !text.contains("\u{0}") { return text }
        var line = 1
        var start = 0
        let bytes = [UInt8](data)
        for (index, byte) in bytes.enumerated() {
            if byte == 0 { break }
            if byte == UInt8(ascii: "\n") {
                if String(bytes: bytes[start..<index], encoding: .utf8) == nil { break }
                line += 1
                start = index + 1
            }
        }
        throw Failure(.dataError, "\(name):\(line): texte illisible (octet nul ou encodage autre que UTF-8) : enregistrez le fichier en UTF-8")
    }

    /// Writes `text` to `path` atomically: a temporary file beside it, then a rename.
    /// Never replaces an existing file unless `force`.
    static func write(_ text: String, to path: String, force: Bool, permissions: Int = 0o644) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw Failure(.cantCreate, "« \(path) » est un dossier : indiquez un nom de fichier") }
            guard force else {
                throw Failure(.cantCreate, ["« \(path) » existe déjà : il n’a pas été modifié.",
                    "Choisissez un autre nom, ou ajoutez --force pour le remplacer."])
            }
        }
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(.cantCreate, "le dossier « \(folder.path) » n’existe pas : créez-le ou choisissez un autre chemin")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: permissions]) else {
            throw Failure(.cantCreate, "impossible de créer un fichier dans « \(folder.path) » : vérifiez ses droits d’écriture")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
            try handle.close()
        } catch {
            unlink(temporary.path)
            throw Failure(.ioError, "écriture de « \(path) » impossible (\(error.localizedDescription)) : rien n’a été écrit")
        }
        try commit(temporary.path, to: path, force: force)
    }

    /// Puts the finished temporary file in place in one step: `rename` replaces (with
    /// `--force`); `link` refuses an existing file, even one created meanwhile.
    private static func commit(_ temporary: String, to path: String, force: Bool) throws(Failure) {
        defer { unlink(temporary) }
        if force {
            guard rename(temporary, path) == 0 else {
                throw Failure(.ioError, "impossible de remplacer « \(path) » (\(String(cString: strerror(errno)))) : il n’a pas été modifié")
            }
            return
        }
        guard link(temporary, path) == 0 else {
            let reason = errno
            if reason == EEXIST {
                throw Failure(.cantCreate, ["« \(path) » existe déjà : il n’a pas été modifié.",
                    "Choisissez un autre nom, ou ajoutez --force pour le remplacer."])
            }
            throw Failure(.cantCreate, "impossible de créer « \(path) » (\(String(cString: strerror(reason)))) : rien n’a été écrit")
        }
    }
}
